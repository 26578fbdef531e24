from django.contrib import admin

from .models import ReminderLog, Schedule


@admin.register(Schedule)
class ScheduleAdmin(admin.ModelAdmin):
    list_display = ["__str__", "learning_weekday", "learning_week", "agenda_weekday", "agenda_week"]


@admin.register(ReminderLog)
class ReminderLogAdmin(admin.ModelAdmin):
    """The log of every reminder: read-only, the record that each went out once."""

    list_display = ["kind", "period", "recipient", "status", "claimed_at", "sent_at", "attempts"]
    list_filter = ["kind", "status"]
    list_select_related = ["recipient"]
    search_fields = ["recipient__email", "period"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
