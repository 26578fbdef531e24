from django.contrib import admin

from common.admin import ChangedOnWriteMixin

from .caching import personas_changed
from .models import AttentionPoint, Audience, ComBStatement, EditRecord, Message, Persona


class ComBStatementInline(admin.TabularInline):
    model = ComBStatement
    extra = 1


class AttentionPointInline(admin.TabularInline):
    model = AttentionPoint
    extra = 1


class MessageInline(admin.TabularInline):
    model = Message
    extra = 1


class PersonasChangedMixin(ChangedOnWriteMixin):
    """Admin edits bypass the services; they still invalidate the cached persona pages."""

    def changed(self):
        personas_changed()


@admin.register(Persona)
class PersonaAdmin(PersonasChangedMixin, admin.ModelAdmin):
    list_display = ["name", "employee_name", "is_cross_cutting", "position", "updated_at", "updated_by"]
    inlines = [ComBStatementInline]
    readonly_fields = ["updated_at", "updated_by"]


@admin.register(Audience)
class AudienceAdmin(PersonasChangedMixin, admin.ModelAdmin):
    list_display = ["name", "persona", "position", "updated_at"]
    inlines = [AttentionPointInline, MessageInline]
    readonly_fields = ["updated_at", "updated_by"]


@admin.register(Message)
class MessageAdmin(PersonasChangedMixin, admin.ModelAdmin):
    list_display = ["text", "audience", "position"]
    list_filter = ["audience"]
    search_fields = ["text"]


@admin.register(EditRecord)
class EditRecordAdmin(admin.ModelAdmin):
    list_display = ["changed_at", "changed_by", "persona", "audience", "summary"]
    list_filter = ["persona", "audience"]
    readonly_fields = ["changed_at", "changed_by", "persona", "audience", "summary"]
