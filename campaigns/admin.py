from django.contrib import admin

# The Campaign admin lives in core.admin: adding a campaign starts a programme year across apps.
from .caching import plan_changed
from .models import CalendarFeed, Campaign, Channel, ContentItem


def _municipality_plans_changed(municipality_ids) -> None:
    """A municipality's channels are in the planner of every campaign it takes part in."""
    for campaign_id in Campaign.objects.filter(municipalities__in=municipality_ids).values_list("pk", flat=True):
        plan_changed(campaign_id=campaign_id)


@admin.register(Channel)
class ChannelAdmin(admin.ModelAdmin):
    """Channels added, renamed or removed here show in the planner at once (its cached pages and
    forms are keyed on the plans' versions)."""

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        _municipality_plans_changed([obj.municipality_id])

    def delete_model(self, request, obj):
        super().delete_model(request, obj)
        _municipality_plans_changed([obj.municipality_id])

    def delete_queryset(self, request, queryset):
        municipality_ids = set(queryset.values_list("municipality_id", flat=True))
        super().delete_queryset(request, queryset)
        _municipality_plans_changed(municipality_ids)

    list_display = ["name", "municipality", "kind", "position"]
    list_filter = ["municipality", "kind"]
    search_fields = ["name"]


class PlanChangedMixin:
    """Admin edits bypass the services; they still invalidate the cached planner pages."""

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        plan_changed(campaign_id=obj.campaign_id)

    def delete_model(self, request, obj):
        super().delete_model(request, obj)
        plan_changed(campaign_id=obj.campaign_id)

    def delete_queryset(self, request, queryset):
        campaign_ids = set(queryset.values_list("campaign_id", flat=True))
        super().delete_queryset(request, queryset)
        for campaign_id in campaign_ids:
            plan_changed(campaign_id=campaign_id)


@admin.register(ContentItem)
class ContentItemAdmin(PlanChangedMixin, admin.ModelAdmin):
    list_display = ["title", "municipality", "category", "phase", "publish_on", "status", "planned_cost"]
    list_filter = ["campaign", "municipality", "category", "status"]
    list_select_related = ["municipality", "phase"]
    search_fields = ["title", "notes"]
    filter_horizontal = ["channels", "target_personas"]
    date_hierarchy = "publish_on"


@admin.register(CalendarFeed)
class CalendarFeedAdmin(admin.ModelAdmin):
    list_display = ["municipality", "created_at"]
    readonly_fields = ["token", "created_at"]
