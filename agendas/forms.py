from django import forms
from django.utils.translation import gettext_lazy as _

from common.forms import IsoDateInput

from .models import TeamMeeting

YES_NO = [(True, _("Ja")), (False, _("Nee"))]


class MeetingForm(forms.ModelForm):
    """Logging a werkoverleg in a few seconds: date, Digivaardig on the agenda (yes/no), topic, note."""

    digivaardig_on_agenda = forms.TypedChoiceField(
        label=TeamMeeting._meta.get_field("digivaardig_on_agenda").verbose_name,
        choices=YES_NO,
        coerce=lambda value: value in (True, "True", "true", "1"),
        widget=forms.RadioSelect,
        initial=True,
    )

    class Meta:
        model = TeamMeeting
        fields = TeamMeeting.EDITABLE_FIELDS
        widgets = {"date": IsoDateInput(), "notes": forms.Textarea(attrs={"rows": 2})}

    def __init__(self, *args, last_day=None, **kwargs):
        super().__init__(*args, **kwargs)
        if last_day:
            self.fields["date"].widget.attrs["max"] = last_day.isoformat()
        self.fields["notes"].widget.attrs["maxlength"] = TeamMeeting._meta.get_field("notes").max_length
