from django import forms
from django.utils.translation import gettext_lazy as _

from .models import ComBStatement, Persona

EXTRA_ROWS = 3


class PersonaTextsForm(forms.ModelForm):
    class Meta:
        model = Persona
        fields = Persona.TEXT_FIELDS
        widgets = {
            "description": forms.Textarea(attrs={"rows": 6}),
            "analysis_note": forms.Textarea(attrs={"rows": 4}),
            "employee_profile": forms.Textarea(attrs={"rows": 4}),
        }


class StatementForm(forms.Form):
    kind = forms.ChoiceField(label=_("Onderdeel"), choices=ComBStatement.Kind.choices)
    text = forms.CharField(label=_("Tekst"), max_length=500, required=False)


class TextLineForm(forms.Form):
    text = forms.CharField(label=_("Tekst"), max_length=500, required=False)


class OrderedTextsFormSet(forms.BaseFormSet):
    """Rows with a position (to reorder) and a delete box; empty rows are ignored, so there is room to add."""

    def ordered_values(self, *fields):
        rows = []
        for index, form in enumerate(self.forms):
            data = form.cleaned_data
            if not data or data.get("DELETE") or not data.get("text", "").strip():
                continue
            order = data.get("ORDER")
            rows.append((order if order is not None else 10_000 + index, index, [data[f].strip() for f in fields]))
        rows.sort()
        return [values[0] if len(values) == 1 else tuple(values) for _, _, values in rows]


StatementFormSet = forms.formset_factory(
    StatementForm, formset=OrderedTextsFormSet, extra=EXTRA_ROWS, can_order=True, can_delete=True, max_num=60
)
TextLineFormSet = forms.formset_factory(
    TextLineForm, formset=OrderedTextsFormSet, extra=EXTRA_ROWS, can_order=True, can_delete=True, max_num=40
)


def statement_initial(persona):
    return [
        {"kind": s.kind, "text": s.text, "ORDER": index + 1}
        for index, s in enumerate(persona.statements.order_by("kind", "position", "pk"))
    ]


def text_initial(queryset):
    return [{"text": item.text, "ORDER": index + 1} for index, item in enumerate(queryset.order_by("position", "pk"))]


class AudienceFilterForm(forms.Form):
    doelgroep = forms.ChoiceField(label=_("Doelgroep"), required=False)

    def __init__(self, *args, audiences, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["doelgroep"].choices = [("", _("Alle doelgroepen"))] + [(a.slug, a.name) for a in audiences]
