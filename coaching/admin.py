"""The support programme in the Django admin, to look things up: the registers (digicoaches,
ambassadors), inspiration sessions and certificates. Read-only: the portal's own pages change them
through the services, which keep the rules (the digicoach role flag, the waiting list, revocation with
a reason). Buddy pairs, their sessions and compliment cards are personal and stay out, as scan answers
and learning activity do."""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from .models import Ambassador, Certificate, Coach, InspirationSession


class ReadOnlyAdmin(admin.ModelAdmin):
    def get_readonly_fields(self, request, obj=None):
        return [field.name for field in self.model._meta.fields]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Coach)
class CoachAdmin(ReadOnlyAdmin):
    list_display = ["user", "municipality", "capacity", "is_active"]
    list_filter = ["municipality", "is_active"]
    search_fields = ["user__email", "user__first_name", "user__last_name"]


@admin.register(Ambassador)
class AmbassadorAdmin(ReadOnlyAdmin):
    list_display = ["person", "municipality", "function", "status"]
    list_filter = ["municipality", "status", "function"]
    search_fields = ["person__email", "person__first_name", "person__last_name"]


@admin.register(InspirationSession)
class InspirationSessionAdmin(ReadOnlyAdmin):
    list_display = ["title", "starts_at", "municipality", "capacity", "shown_status"]
    list_filter = ["municipality", "status"]
    search_fields = ["title"]

    @admin.display(description=_("status"))
    def shown_status(self, session):
        return session.status_label


@admin.register(Certificate)
class CertificateAdmin(ReadOnlyAdmin):
    list_display = ["full_name", "campaign", "completed_on", "display_code", "revoked_at"]
    list_filter = ["campaign"]
    search_fields = ["full_name", "code"]
