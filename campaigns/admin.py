from django.contrib import admin

from .models import Campaign


@admin.register(Campaign)
class CampaignAdmin(admin.ModelAdmin):
    list_display = ["name", "kick_off_date", "end_date"]
    filter_horizontal = ["municipalities"]
