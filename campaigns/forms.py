import re
from decimal import Decimal

from django import forms
from django.utils.translation import gettext_lazy as _

from common.dates import validate_plausible_day
from common.forms import IsoDateInput, MoneyField
from common.money import format_amount, parse_euro
from common.number_fields import limit_numbers
from organisations.models import User
from personas.models import Persona

from .models import Campaign, Channel, ContentItem, Phase
from .services import SPLIT_AMOUNTS, SPLIT_PERCENTAGES


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
            "available_until": IsoDateInput(),
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
    """A new publication date and, for hygiene (available over a period), a new 'beschikbaar tot'."""

    publish_on = forms.DateField(
        label=_("Nieuwe publicatiedatum"), widget=IsoDateInput(), validators=[validate_plausible_day]
    )
    available_until = forms.DateField(
        label=_("Beschikbaar tot en met"),
        required=False,
        widget=IsoDateInput(),
        help_text=_("Leeg: de hele campagne."),
        validators=[validate_plausible_day],
    )

    def __init__(self, *args, item, **kwargs):
        kwargs.setdefault("initial", {"publish_on": item.publish_on, "available_until": item.available_until})
        super().__init__(*args, **kwargs)
        if not item.is_running:
            del self.fields["available_until"]

    def service_fields(self) -> dict:
        """Keyword arguments for services.content_item_reschedule."""
        return dict(self.cleaned_data)


class CopyForm(forms.Form):
    municipalities = forms.ModelMultipleChoiceField(
        label=_("Kopieer naar"), queryset=None, widget=forms.CheckboxSelectMultiple
    )

    def __init__(self, *args, item, municipalities, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["municipalities"].queryset = municipalities.exclude(pk=item.municipality_id).filter(
            campaigns=item.campaign
        )


# What the two dates of a campaign mean (Campaign.period), on every form that sets them.
CAMPAIGN_DATE_HELP = {
    "kick_off_date": _(
        "Een werkdag (geen weekend of feestdag). Ronde 1 van de zelfscan opent dan; de campagne begint de "
        "maand ervoor met prikkelen."
    ),
    "end_date": _(
        "De laatste dag van de campagne: alle fases en items liggen ervoor. Ronde 2 is in november; de "
        "resultaten en de feestelijke afsluiting komen daarna, dus eind januari is een goede einddatum."
    ),
}


class CampaignSettingsForm(forms.ModelForm):
    class Meta:
        model = Campaign
        field_classes = {"budget": MoneyField}
        help_texts = CAMPAIGN_DATE_HELP
        fields = [
            "name",
            "kick_off_date",
            "end_date",
            "budget",
            "target_scan_percent",
            "target_monthly_active_percent",
            "target_rescan_percent",
            "target_agenda_percent",
            "team_leaders_see_non_respondents",
        ]
        widgets = {
            "kick_off_date": IsoDateInput(),
            "end_date": IsoDateInput(),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        limit_numbers(self, Campaign)  # the targets: 0 to 100 %, one message


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
        help_texts = {
            **CAMPAIGN_DATE_HELP,
            "municipalities": _("Een gemeente doet aan één campagne tegelijk mee."),
        }
        widgets = {
            "kick_off_date": IsoDateInput(),
            "end_date": IsoDateInput(),
            "municipalities": forms.CheckboxSelectMultiple,
        }


PERCENT_TEXT = re.compile(r"^\s*(\d{1,3}(?:[.,]\d{1,2})?)\s*%?\s*$")


class BudgetSplitForm(forms.Form):
    """The optional split of the joint budget over the campaign's municipalities (services.budget_split_set)."""

    verdeling = forms.ChoiceField(
        label=_("Verdeling van het budget over de gemeenten"),
        choices=[
            ("", _("Niet verdelen: één budget voor de hele campagne")),
            (SPLIT_AMOUNTS, _("Verdelen in bedragen (samen het hele budget)")),
            (SPLIT_PERCENTAGES, _("Verdelen in percentages (samen 100%)")),
        ],
        required=False,
        widget=forms.RadioSelect,
    )

    def __init__(self, *args, campaign, **kwargs):
        self.municipalities = list(campaign.municipalities.order_by("name"))
        shares = {share.municipality_id: share.amount for share in campaign.budget_shares.all()}
        kwargs.setdefault("initial", {})
        if shares:
            kwargs["initial"]["verdeling"] = SPLIT_AMOUNTS
        super().__init__(*args, **kwargs)
        for municipality in self.municipalities:
            self.fields[f"deel_{municipality.pk}"] = forms.CharField(
                label=_("Deel van %(name)s") % {"name": municipality.name},
                required=False,
                initial=format_amount(shares[municipality.pk]) if municipality.pk in shares else "",
                help_text=_("Een bedrag (zoals 6.500) of een percentage (zoals 33,3), zoals hierboven gekozen."),
                widget=forms.TextInput(attrs={"inputmode": "decimal", "autocomplete": "off"}),
            )

    def clean(self):
        cleaned = super().clean()
        mode = cleaned.get("verdeling") or None
        values = {}
        for municipality in self.municipalities:
            name = f"deel_{municipality.pk}"
            text = (cleaned.get(name) or "").strip()
            if mode is None or not text:
                continue
            try:
                values[municipality.pk] = parse_euro(text) if mode == SPLIT_AMOUNTS else self._percentage(text)
            except forms.ValidationError as error:
                self.add_error(name, error)
        cleaned["split"] = (mode, values)
        return cleaned

    @staticmethod
    def _percentage(text):
        match = PERCENT_TEXT.match(text)
        if not match:
            raise forms.ValidationError(_("Vul een percentage in, zoals 33,3."))
        return Decimal(match.group(1).replace(",", "."))
