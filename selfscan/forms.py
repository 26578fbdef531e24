from django import forms
from django.utils.translation import gettext_lazy as _

from common.forms import IsoDateInput
from common.number_fields import set_bounds

from .models import Round

CHOOSE_AN_ANSWER = _("Kies een antwoord.")


def field_name(question):
    return f"vraag_{question.pk}"


class StepForm(forms.Form):
    """One page of the scan: a required choice per question. Valid answers are kept even when others are missing."""

    def __init__(self, *args, questions, **kwargs):
        super().__init__(*args, **kwargs)
        self.questions = questions
        for question in questions:
            self.fields[field_name(question)] = forms.TypedChoiceField(
                label=question.text,
                choices=[(index, option) for index, option in enumerate(question.options, start=1)],
                coerce=int,
                widget=forms.RadioSelect,
                error_messages={"required": CHOOSE_AN_ANSWER, "invalid_choice": CHOOSE_AN_ANSWER},
            )

    def valid_answers(self):
        cleaned = getattr(self, "cleaned_data", {})
        return {q.pk: cleaned[field_name(q)] for q in self.questions if cleaned.get(field_name(q)) is not None}

    def rows(self):
        return [(question, self[field_name(question)]) for question in self.questions]


class RoundDatesForm(forms.ModelForm):
    class Meta:
        model = Round
        fields = ["opens_on", "due_on", "closes_on"]
        widgets = {name: IsoDateInput() for name in fields}


MAX_OPTIONS = 8


class QuestionForm(forms.Form):
    text = forms.CharField(label=_("Vraag"), max_length=400, widget=forms.Textarea(attrs={"rows": 2}))
    options = forms.CharField(
        label=_("Antwoordopties (één per regel)"),
        widget=forms.Textarea(attrs={"rows": 5}),
        required=False,
        help_text=_("Bij kan-ik-uitspraken en eens/oneens-vragen ligt de schaal vast."),
    )
    correct_option = forms.IntegerField(label=_("Nummer van het goede antwoord"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Numbered from 1, up to the most options a question may have (clean_options): one message.
        set_bounds(self.fields["correct_option"], 1, MAX_OPTIONS)

    def clean_options(self):
        options = [line.strip() for line in self.cleaned_data["options"].splitlines() if line.strip()]
        if len(options) > MAX_OPTIONS:
            raise forms.ValidationError(_("Gebruik hooguit 8 antwoordopties."))
        return options


class ClassificationRoundForm(forms.Form):
    """The round whose counts the classification page shows (GET); without a valid choice, the current one."""

    ronde = forms.TypedChoiceField(label=_("Ronde"), coerce=int, required=False)

    def __init__(self, *args, rounds, **kwargs):
        super().__init__(*args, **kwargs)
        self.rounds = {scan_round.pk: scan_round for scan_round in rounds}
        self.fields["ronde"].choices = [
            (scan_round.pk, f"{scan_round.campaign.name}: {scan_round.get_number_display()}") for scan_round in rounds
        ]

    def chosen_round(self):
        """The chosen Round, else the first of `rounds` (the current one), else None."""
        chosen = self.cleaned_data.get("ronde") if self.is_bound and self.is_valid() else None
        return self.rounds.get(chosen) or next(iter(self.rounds.values()), None)
