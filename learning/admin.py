"""Admin for the platforms that push xAPI statements, and nothing else of this app: what people
learned is personal and deliberately not in the admin."""

from django.contrib import admin, messages
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from .models import XapiClient
from .services import xapi_client_create, xapi_client_new_secret, xapi_client_update


def _show_secret(request, client, secret):
    messages.warning(
        request,
        _(
            "Geef het platform %(name)s deze gegevens; het geheim wordt maar één keer getoond. "
            "Adres: /api/xapi/ · sleutel: %(key)s · geheim: %(secret)s"
        )
        % {"name": client.name, "key": client.key, "secret": secret},
    )


@admin.register(XapiClient)
class XapiClientAdmin(admin.ModelAdmin):
    list_display = ["name", "key", "is_active", "created_at"]
    readonly_fields = ["key", "created_at"]
    fields = ["name", "is_active", "key", "created_at"]
    actions = ["new_secret"]

    def has_delete_permission(self, request, obj=None):
        # Statements keep the platform they came from; switch a platform off instead.
        return False

    def save_model(self, request, obj, form, change):
        if change:
            xapi_client_update(client=obj, name=obj.name, is_active=obj.is_active)
            return
        client, secret = xapi_client_create(name=obj.name)
        if not obj.is_active:
            xapi_client_update(client=client, name=client.name, is_active=False)
        obj.pk, obj.key, obj.secret_hash, obj.created_at = client.pk, client.key, client.secret_hash, client.created_at
        obj._state.adding = False
        _show_secret(request, client, secret)

    @admin.action(description=gettext_lazy("Nieuw geheim maken (het oude werkt dan niet meer)"))
    def new_secret(self, request, queryset):
        for client in queryset:
            _show_secret(request, client, xapi_client_new_secret(client=client))
