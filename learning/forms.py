from django import forms
from django.conf import settings
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _

from common.forms import IsoDateInput
from common.number_fields import limit_numbers

from .models import LearningActivity


class ActivityForm(forms.ModelForm):
    """Logging one activity in seconds: date (today unless changed), kind, title, minutes."""

    class Meta:
        model = LearningActivity
        fields = LearningActivity.EDITABLE_FIELDS
        widgets = {"date": IsoDateInput()}
        help_texts = {"title": _("Bijvoorbeeld: e-learning Veilig mailen, of de Digidonderdagtip over Teams.")}

    def __init__(self, *args, first_day=None, last_day=None, **kwargs):
        super().__init__(*args, **kwargs)
        minutes = self.fields["minutes"]
        minutes.required = True
        minutes.widget.attrs["inputmode"] = "numeric"
        limit_numbers(self, LearningActivity)
        date_attrs = self.fields["date"].widget.attrs
        if first_day:
            date_attrs["min"] = first_day.isoformat()
        if last_day:
            date_attrs["max"] = last_day.isoformat()


class PlatformExportForm(forms.Form):
    file = forms.FileField(
        label=_("CSV-export van het leerplatform"),
        help_text=_(
            "Kolommen: email, activity_id, title, date, minutes (in willekeurige volgorde). "
            "Komma of puntkomma als scheidingsteken, UTF-8."
        ),
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > settings.LEARNING_IMPORT_MAX_BYTES:
            raise forms.ValidationError(
                _("Het bestand is te groot (%(size)s). Het maximum is %(max)s.")
                % {"size": filesizeformat(upload.size), "max": filesizeformat(settings.LEARNING_IMPORT_MAX_BYTES)}
            )
        if not upload.name.lower().endswith((".csv", ".txt")):
            raise forms.ValidationError(_("Kies een CSV-bestand (eindigt op .csv)."))
        return upload
