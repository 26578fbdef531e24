"""Admin pages whose saving composes several apps (the composing layer registers them)."""

from django import forms
from django.contrib import admin

from campaigns.caching import plan_changed, plans_changed
from campaigns.models import Campaign, Phase
from campaigns.services import campaign_check_overlap
from common.admin import ChangedOnWriteMixin
from organisations.caching import participation_changed
from organisations.models import Municipality

from .services import programme_year_start


class PhaseInline(admin.TabularInline):
    model = Phase
    extra = 0
    fields = ["code", "name", "parent", "starts_on", "ends_on", "position"]


class CampaignAdminForm(forms.ModelForm):
    class Meta:
        model = Campaign
        fields = [
            "name",
            "municipalities",
            "kick_off_date",
            "end_date",
            "budget",
            "target_scan_percent",
            "target_monthly_active_percent",
            "target_rescan_percent",
            "target_agenda_percent",
            "team_leaders_see_non_respondents",
        ]

    def clean(self):
        cleaned = super().clean()
        municipalities = cleaned.get("municipalities")
        kick_off, end = cleaned.get("kick_off_date"), cleaned.get("end_date")
        if self.instance.pk and municipalities is not None and kick_off and end:
            # A change here must not make the campaign overlap another of the same municipality.
            changed = Campaign(pk=self.instance.pk, kick_off_date=kick_off, end_date=end)
            campaign_check_overlap(campaign=changed, municipalities=municipalities)
        return cleaned


@admin.register(Campaign)
class CampaignAdmin(ChangedOnWriteMixin, admin.ModelAdmin):
    """A campaign added here is a whole programme year (phases, channels, zelfscan rounds), as in the browser."""

    form = CampaignAdminForm
    list_display = ["name", "kick_off_date", "end_date", "budget"]
    filter_horizontal = ["municipalities"]

    def get_inlines(self, request, obj):
        # Phases are created by the service on add; they are edited afterwards.
        return [PhaseInline] if obj is not None and obj.pk else []

    def changed(self):
        # A campaign's name, period and municipalities are on dashboards and start pages of every
        # municipality it had or has (organisations.caching); an edit here is rare: all are recounted.
        participation_changed(municipality_ids=list(Municipality.objects.values_list("pk", flat=True)))
        plans_changed()  # a campaign deleted here takes its plan with it

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
