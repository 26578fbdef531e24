"""Admin pages whose saving composes several apps (the composing layer registers them)."""

from django.contrib import admin

from campaigns.caching import plan_changed
from campaigns.models import Campaign, Phase

from .services import programme_year_start


class PhaseInline(admin.TabularInline):
    model = Phase
    extra = 0
    fields = ["code", "name", "parent", "starts_on", "ends_on", "position"]


@admin.register(Campaign)
class CampaignAdmin(admin.ModelAdmin):
    """A campaign added here is a whole programme year (phases, channels, zelfscan rounds), as in the browser."""

    list_display = ["name", "kick_off_date", "end_date", "budget"]
    filter_horizontal = ["municipalities"]

    def get_inlines(self, request, obj):
        # Phases are created by the service on add; they are edited afterwards.
        return [PhaseInline] if obj is not None and obj.pk else []

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        plan_changed(campaign_id=form.instance.pk)

    def save_model(self, request, obj, form, change):
        if change:
            super().save_model(request, obj, form, change)
            return
        data = form.cleaned_data
        campaign = programme_year_start(
            name=data["name"],
            kick_off_date=data["kick_off_date"],
            end_date=data["end_date"],
            municipalities=list(data["municipalities"]),
            budget=data.get("budget"),
        )
        # The admin goes on with the object it was given (messages, redirect, save_m2m).
        obj.pk = campaign.pk
        obj._state.adding = False
        obj._state.db = campaign._state.db
