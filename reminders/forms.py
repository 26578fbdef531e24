from django import forms
from django.utils.translation import gettext_lazy as _

from organisations.models import User
from personas.models import Persona

from .models import Kind

STAGES = [
    ("invite", _("Uitnodiging")),
    ("3w", _("Drie weken voor de deadline")),
    ("1w", _("Eén week voor de deadline")),
]


class PreviewForm(forms.Form):
    """Which reminder to preview: kind, stage (scan), persona, busy prioritiser, language."""

    soort = forms.ChoiceField(label=_("Soort herinnering"), choices=Kind.choices, initial=Kind.SCAN_ROUND1)
    fase = forms.ChoiceField(label=_("Moment (zelfscan)"), choices=STAGES, required=False)
    persona = forms.ModelChoiceField(
        label=_("Persona van de ontvanger"),
        queryset=Persona.objects.core(),
        required=False,
        empty_label=_("Nog onbekend (boodschappen voor Allen)"),
        to_field_name="slug",
    )
    druk = forms.BooleanField(label=_("Drukke prioriteitensteller"), required=False)
    taal = forms.ChoiceField(
        label=_("Taal"), choices=User.Language.choices, initial=User.Language.DUTCH, required=False
    )

    def values(self):
        """The chosen preview as a dict (the defaults when the form is not valid)."""
        if not self.is_valid():
            return {"kind": Kind.SCAN_ROUND1, "stage": "invite", "persona": None, "busy": False, "language": "nl"}
        data = self.cleaned_data
        return {
            "kind": data["soort"],
            "stage": data["fase"] or "invite",
            "persona": data["persona"],
            "busy": data["druk"],
            "language": data["taal"] or User.Language.DUTCH,
        }
