from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django.utils.translation import gettext_lazy as _

from common.admin import ChangedOnWriteMixin

from .caching import organisation_changed
from .models import Municipality, Team, User


class OrganisationChangedMixin(ChangedOnWriteMixin):
    """Admin edits bypass the services; they still invalidate the cached organisation counts. Also
    on save_model: the user admin's password form saves without save_related."""

    def changed(self):
        organisation_changed()

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        organisation_changed()


@admin.register(Municipality)
class MunicipalityAdmin(OrganisationChangedMixin, admin.ModelAdmin):
    list_display = ["name", "slug", "learning_platform_url"]
    prepopulated_fields = {"slug": ["name"]}
    search_fields = ["name"]


@admin.register(Team)
class TeamAdmin(OrganisationChangedMixin, admin.ModelAdmin):
    list_display = ["name", "municipality"]
    list_filter = ["municipality"]
    search_fields = ["name"]
    filter_horizontal = ["leaders"]
    autocomplete_fields = ["municipality"]


@admin.register(User)
class UserAdmin(OrganisationChangedMixin, BaseUserAdmin):
    ordering = User._meta.ordering
    list_display = ["email", "first_name", "last_name", "municipality", "team", "is_programme_lead", "is_digicoach"]
    list_filter = ["municipality", "is_programme_lead", "is_digicoach", "is_active", "receives_reminders"]
    search_fields = ["email", "first_name", "last_name", "employee_number"]
    list_select_related = ["municipality", "team__municipality"]
    autocomplete_fields = ["municipality", "team"]
    filter_horizontal = ["advised_municipalities", "groups", "user_permissions"]
    fieldsets = [
        (None, {"fields": ["email", "password"]}),
        (_("Persoon"), {"fields": ["first_name", "last_name", "employee_number", "municipality", "team"]}),
        (_("Voorkeuren"), {"fields": ["language", "receives_reminders"]}),
        (_("Rollen"), {"fields": ["is_programme_lead", "is_digicoach", "advised_municipalities"]}),
        (
            _("Beheer"),
            {
                "fields": [
                    "is_active",
                    "is_staff",
                    "is_superuser",
                    "groups",
                    "user_permissions",
                    "last_login",
                    "date_joined",
                ]
            },
        ),
    ]
    add_fieldsets = [
        (None, {"classes": ["wide"], "fields": ["email", "first_name", "last_name", "password1", "password2"]}),
    ]
