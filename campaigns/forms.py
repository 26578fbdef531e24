from django import forms
from django.utils.translation import gettext_lazy as _

from common.forms import IsoDateInput, MoneyField
from organisations.models import User
from personas.models import Persona

from .models import Campaign, Channel, ContentItem, Phase


class ItemFilterForm(forms.Form):
    gemeente = forms.ModelChoiceField(label=_("Gemeente"), queryset=None, required=False, empty_label=_("Alle"))
    kanaal = forms.ModelChoiceField(label=_("Kanaal"), queryset=None, required=False, empty_label=_("Alle"))
    fase = forms.ModelChoiceField(label=_("Fase"), queryset=None, required=False, empty_label=_("Alle"))
    categorie = forms.ChoiceField(label=_("Categorie"), required=False)
    persona = forms.ModelChoiceField(label=_("Persona"), queryset=None, required=False, empty_label=_("Alle"))
    doelgroep = forms.ChoiceField(label=_("Doelgroep"), required=False)
    status = forms.ChoiceField(label=_("Status"), required=False)
    eigenaar = forms.ModelChoiceField(label=_("Eigenaar"), queryset=None, required=False, empty_label=_("Iedereen"))

    def __init__(self, *args, campaign, municipalities, **kwargs):
        super().__init__(*args, **kwargs)
        everything = [("", _("Alle"))]
        self.fields["gemeente"].queryset = municipalities
        self.fields["kanaal"].queryset = Channel.objects.filter(municipality__in=municipalities).select_related(
            "municipality"
        )
        self.fields["kanaal"].label_from_instance = lambda channel: f"{channel.name} ({channel.municipality})"
        self.fields["fase"].queryset = Phase.objects.filter(campaign=campaign)
        self.fields["persona"].queryset = Persona.objects.all()
        self.fields["categorie"].choices = everything + ContentItem.Category.choices
        self.fields["doelgroep"].choices = everything + ContentItem.Audience.choices
        self.fields["status"].choices = everything + ContentItem.Status.choices
        self.fields["eigenaar"].queryset = User.objects.filter(owned_content_items__campaign=campaign).distinct()
        # Rendered by hand, not through crispy: the filter sits on every planner page.
        for field in self.fields.values():
            field.widget.attrs["class"] = "form-select"

    def values(self):
        if not self.is_valid():
            return {}
        return {
            key: (value.pk if hasattr(value, "pk") else value)
            for key, value in self.cleaned_data.items()
            if value not in (None, "")
        }


class ContentItemForm(forms.ModelForm):
    material_url = forms.URLField(label=_("Link naar het materiaal"), required=False, assume_scheme="https")

    class Meta:
        model = ContentItem
        fields = ContentItem.EDITABLE_FIELDS
        field_classes = {"planned_cost": MoneyField, "actual_cost": MoneyField}
        widgets = {
            "publish_on": IsoDateInput(),
            "production_deadline": IsoDateInput(),
            "target_personas": forms.CheckboxSelectMultiple,
            "channels": forms.CheckboxSelectMultiple,
            "notes": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args, campaign, municipalities, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["municipality"].queryset = municipalities
        self.fields["channels"].queryset = Channel.objects.filter(municipality__in=municipalities).select_related(
            "municipality"
        )
        self.fields["channels"].label_from_instance = lambda channel: f"{channel.name} ({channel.municipality})"
        self.fields["phase"].queryset = Phase.objects.filter(campaign=campaign)
        # The campaign team of these municipalities: two small index lookups, not a scan of everyone.
        team = set(
            User.advised_municipalities.through.objects.filter(municipality__in=municipalities).values_list(
                "user_id", flat=True
            )
        )
        team.update(User.objects.filter(is_programme_lead=True).values_list("pk", flat=True))
        self.fields["owner"].queryset = User.objects.filter(pk__in=team)
        self.instance.campaign = campaign

    def service_fields(self):
        data = dict(self.cleaned_data)
        return data.pop("target_personas"), data.pop("channels"), data


class RescheduleForm(forms.Form):
    publish_on = forms.DateField(label=_("Nieuwe publicatiedatum"), widget=IsoDateInput())


class CopyForm(forms.Form):
    municipalities = forms.ModelMultipleChoiceField(
        label=_("Kopieer naar"), queryset=None, widget=forms.CheckboxSelectMultiple
    )

    def __init__(self, *args, item, municipalities, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["municipalities"].queryset = municipalities.exclude(pk=item.municipality_id).filter(
            campaigns=item.campaign
        )


class CampaignSettingsForm(forms.ModelForm):
    class Meta:
        model = Campaign
        field_classes = {"budget": MoneyField}
        fields = [
            "name",
            "kick_off_date",
            "end_date",
            "budget",
            "target_scan_percent",
            "target_monthly_active_percent",
            "target_rescan_percent",
            "target_agenda_percent",
        ]
        widgets = {
            "kick_off_date": IsoDateInput(),
            "end_date": IsoDateInput(),
        }


class PhaseForm(forms.ModelForm):
    class Meta:
        model = Phase
        fields = ["name", "aim", "starts_on", "ends_on"]
        widgets = {
            "starts_on": IsoDateInput(),
            "ends_on": IsoDateInput(),
            "aim": forms.Textarea(attrs={"rows": 2}),
        }

    def cleaned_data_for_service(self) -> dict:
        return {name: self.cleaned_data[name] for name in self.Meta.fields}


class BasePhaseFormSet(forms.BaseModelFormSet):
    def changes(self) -> dict:
        """Phase id -> the edited values, for services.phases_update (call after is_valid())."""
        return {form.instance.pk: form.cleaned_data_for_service() for form in self.forms}


PhaseFormSet = forms.modelformset_factory(Phase, form=PhaseForm, formset=BasePhaseFormSet, extra=0, can_delete=False)


class NewCampaignForm(forms.ModelForm):
    with_plan_template = forms.BooleanField(
        label=_("Vul de planning met de voorbeelden uit het communicatieplan"), required=False, initial=True
    )

    class Meta:
        model = Campaign
        fields = ["name", "municipalities", "kick_off_date", "end_date", "budget"]
        field_classes = {"budget": MoneyField}
        widgets = {
            "kick_off_date": IsoDateInput(),
            "end_date": IsoDateInput(),
            "municipalities": forms.CheckboxSelectMultiple,
        }
