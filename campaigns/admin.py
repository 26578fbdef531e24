from django.contrib import admin

from .models import CalendarFeed, Campaign, Channel, ContentItem, Phase


class PhaseInline(admin.TabularInline):
    model = Phase
    extra = 0
    fields = ["code", "name", "parent", "starts_on", "ends_on", "position"]


@admin.register(Campaign)
class CampaignAdmin(admin.ModelAdmin):
    list_display = ["name", "kick_off_date", "end_date", "budget"]
    filter_horizontal = ["municipalities"]
    inlines = [PhaseInline]


@admin.register(Channel)
class ChannelAdmin(admin.ModelAdmin):
    list_display = ["name", "municipality", "kind", "position"]
    list_filter = ["municipality", "kind"]
    search_fields = ["name"]


@admin.register(ContentItem)
class ContentItemAdmin(admin.ModelAdmin):
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
