from django import forms
from django.conf import settings
from django.contrib.auth.forms import AuthenticationForm, PasswordResetForm
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _

from .identity import normalise_email
from .models import User


class LoginForm(AuthenticationForm):
    username = forms.EmailField(
        label=_("E-mailadres"), widget=forms.EmailInput(attrs={"autofocus": True, "autocomplete": "email"})
    )

    def clean_username(self):
        return normalise_email(self.cleaned_data["username"])

    error_messages = {
        "invalid_login": _("Dit e-mailadres en wachtwoord horen niet bij elkaar. Let op hoofdletters."),
        "inactive": _("Dit account is niet actief."),
    }


class PasswordResetRequestForm(PasswordResetForm):
    email = forms.EmailField(
        label=_("E-mailadres"), max_length=254, widget=forms.EmailInput(attrs={"autocomplete": "email"})
    )

    def get_users(self, email):
        # Imported employees start without a password and set one through this very form.
        return User.objects.filter(email=normalise_email(email), is_active=True)


class EmployeeImportForm(forms.Form):
    confirm_new_teams = forms.BooleanField(
        required=False,
        label=_("Ja, maak deze nieuwe teams aan: het zijn echt andere teams dan de teams waar ze op lijken."),
    )
    file = forms.FileField(
        label=_("CSV-bestand uit het HR-systeem"),
        help_text=_(
            "Kolommen: e-mail, voornaam, achternaam, gemeente, team, teamleider (ja/nee) en personeelsnummer; "
            "de laatste twee mogen ontbreken. De Engelse namen (email, first_name, …) werken ook. Komma of "
            "puntkomma als scheidingsteken."
        ),
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > settings.IMPORT_MAX_BYTES:
            raise forms.ValidationError(
                _("Het bestand is te groot (%(size)s). Het maximum is %(max)s.")
                % {"size": filesizeformat(upload.size), "max": filesizeformat(settings.IMPORT_MAX_BYTES)}
            )
        if not upload.name.lower().endswith((".csv", ".txt")):
            raise forms.ValidationError(_("Kies een CSV-bestand (eindigt op .csv)."))
        return upload


class PreferencesForm(forms.Form):
    language = forms.ChoiceField(label=_("Taal"), choices=User.Language.choices)
    receives_reminders = forms.BooleanField(
        label=_("Ik ontvang graag de maandelijkse herinnering voor het leerplatform"),
        required=False,
        help_text=_("Uitnodigingen voor de zelfscan krijg je altijd: die horen bij het programma."),
    )
    receives_agenda_reminders = forms.BooleanField(
        label=_("Ik ontvang graag de herinnering om Digivaardig op de agenda van het werkoverleg te zetten"),
        required=False,
    )

    def __init__(self, *args, is_team_leader=False, **kwargs):
        super().__init__(*args, **kwargs)
        if not is_team_leader:
            del self.fields["receives_agenda_reminders"]


class EmployeeSearchForm(forms.Form):
    q = forms.CharField(label=_("Zoek op naam, e-mail of personeelsnummer"), required=False, max_length=100)
    municipality = forms.ModelChoiceField(
        label=_("Gemeente"), queryset=None, required=False, empty_label=_("Alle gemeenten")
    )

    def __init__(self, *args, municipalities, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["municipality"].queryset = municipalities
