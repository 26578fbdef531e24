from django import forms
from django.utils.translation import gettext_lazy as _

from organisations.models import User
from personas.models import Persona
from personas.selectors import all_personas

from .models import Kind

STAGES = [
    ("invite", _("Uitnodiging")),
    ("3w", _("Drie weken voor de deadline")),
    ("1w", _("Eén week voor de deadline")),
]


def _core_personas() -> dict:
    """{slug: Persona} of the plan's four personas, in their order, without the busy prioritiser."""
    return {persona.slug: persona for persona in all_personas() if persona.slug != Persona.Identity.BUSY_PRIORITISER}


def _persona_choices():
    return [("", _("Nog onbekend (boodschappen voor Allen)"))] + [
        (slug, persona.name) for slug, persona in _core_personas().items()
    ]


class PreviewForm(forms.Form):
    """Which reminder to preview: kind, stage (scan), persona, busy prioritiser, language."""

    soort = forms.ChoiceField(label=_("Soort herinnering"), choices=Kind.choices, initial=Kind.SCAN_ROUND1)
    fase = forms.ChoiceField(label=_("Moment (zelfscan)"), choices=STAGES, required=False)
    # Choices from the kept personas (no query): the plan's four, by slug, as Persona.objects.core().
    persona = forms.ChoiceField(label=_("Persona van de ontvanger"), choices=_persona_choices, required=False)
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
            "persona": _core_personas().get(data["persona"]),
            "busy": data["druk"],
            "language": data["taal"] or User.Language.DUTCH,
        }
