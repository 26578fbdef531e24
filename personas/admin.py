from django.contrib import admin

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


class PersonasChangedMixin:
    """Admin edits bypass the services; they still invalidate the cached persona pages."""

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        personas_changed()

    def delete_model(self, request, obj):
        super().delete_model(request, obj)
        personas_changed()

    def delete_queryset(self, request, queryset):
        super().delete_queryset(request, queryset)
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
