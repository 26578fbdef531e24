"""Forms of the support programme. Field lists and limits come from the models; forms only read
(a person looked up by e-mail address), the services write."""

import datetime

from django import forms
from django.utils import timezone
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from common.dates import long_date, validate_plausible_day
from common.forms import IsoDateInput
from common.number_fields import limit_numbers
from organisations.identity import normalise_email
from organisations.models import User

from .models import Ambassador, BuddyPair, CardText, Certificate, Coach, CoachingSession, ComplimentCard, Topic
from .models import InspirationSession as Session
from .selectors import session_day_warnings


def _limit(form, name, model, field=None):
    """Give the form field the model's max_length as the browser's maxlength."""
    max_length = model._meta.get_field(field or name).max_length
    if max_length:
        form.fields[name].widget.attrs["maxlength"] = max_length


class BuddyRequestForm(forms.ModelForm):
    """Asking for a buddy: everything optional, so one click on 'Vraag een buddy aan' is enough."""

    class Meta:
        model = BuddyPair
        fields = BuddyPair.REQUEST_FIELDS
        widgets = {"contact": forms.RadioSelect}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["topic"].choices = [("", _("Weet ik nog niet"))] + list(Topic.choices)
        self.fields["topic"].label = _("Waarmee wil je hulp? (mag leeg)")
        self.fields["topic_note"].label = _("Wil je er iets over vertellen? (mag leeg)")
        self.fields["contact"].required = False
        _limit(self, "topic_note", BuddyPair)

    def clean_contact(self):
        return self.cleaned_data.get("contact") or BuddyPair.Contact.EITHER


class TopicsField(forms.MultipleChoiceField):
    def __init__(self, **kwargs):
        super().__init__(
            choices=Topic.choices,
            widget=forms.CheckboxSelectMultiple,
            required=False,
            label=_("Waarmee help je graag?"),
            **kwargs,
        )


class CoachProfileForm(forms.Form):
    """What a digicoach says about themselves: how many buddies at once, and their topics."""

    capacity = forms.IntegerField(
        label=capfirst(Coach._meta.get_field("capacity").verbose_name),
        min_value=1,
        max_value=Coach.MAX_CAPACITY,
        help_text=Coach._meta.get_field("capacity").help_text,
    )
    topics = TopicsField()

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        limit_numbers(self, Coach)


class PersonByEmailMixin:
    """A form with an `email` field that must name an active employee of `municipalities`."""

    def __init__(self, *args, municipalities=None, **kwargs):
        self.municipalities = municipalities
        super().__init__(*args, **kwargs)
        self.fields["email"].widget.attrs["autocomplete"] = "off"

    def clean_email(self):
        email = normalise_email(self.cleaned_data["email"])
        person = (
            User.objects.filter(email=email, is_active=True, municipality__in=self.municipalities)
            .select_related("municipality")
            .first()
        )
        if person is None:
            raise forms.ValidationError(_("Geen actieve medewerker met dit e-mailadres in jouw gemeente(n)."))
        self.cleaned_data["person"] = person
        return email


class CoachRegisterForm(PersonByEmailMixin, CoachProfileForm):
    """A programme lead or advisor registers a digicoach by e-mail address."""

    email = forms.EmailField(label=_("E-mailadres van de medewerker"))
    field_order = ["email", "capacity", "topics"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["capacity"].initial = Coach.DEFAULT_CAPACITY
        self.fields["topics"].label = _("Onderwerpen")


class PairForm(forms.Form):
    """The programme lead pairs a request with a coach (those with room and a matching topic first)."""

    coach = forms.TypedChoiceField(label=_("Digicoach"), coerce=int, widget=forms.RadioSelect)

    def __init__(self, *args, coaches=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.coaches = {coach.user_id: coach for coach in coaches}
        self.fields["coach"].choices = [
            (
                coach.user_id,
                _("%(name)s (%(team)s) – %(load)s van %(capacity)s buddy's%(topics)s")
                % {
                    "name": coach.user.get_full_name(),
                    "team": coach.user.team.name if coach.user.team else _("geen team"),
                    "load": coach.load,
                    "capacity": coach.capacity,
                    "topics": (": " + ", ".join(coach.topic_labels())) if coach.topics else "",
                },
            )
            for coach in coaches
        ]


class SessionLogForm(forms.ModelForm):
    """The coach logs a session in a few seconds: date, what it was about, how long."""

    class Meta:
        model = CoachingSession
        fields = CoachingSession.EDITABLE_FIELDS
        widgets = {"date": IsoDateInput()}

    def __init__(self, *args, last_day=None, **kwargs):
        super().__init__(*args, **kwargs)
        if last_day:
            self.fields["date"].widget.attrs["max"] = last_day.isoformat()
        _limit(self, "topic", CoachingSession)
        limit_numbers(self, CoachingSession)


class AmbassadorVolunteerForm(forms.ModelForm):
    class Meta:
        model = Ambassador
        fields = ["motivation"]
        widgets = {"motivation": forms.Textarea(attrs={"rows": 2})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        _limit(self, "motivation", Ambassador)


class AmbassadorAppointForm(PersonByEmailMixin, forms.Form):
    """An advisor marks a team leader, director or other colleague as ambassador directly."""

    email = forms.EmailField(label=_("E-mailadres"))
    function = forms.ChoiceField(
        label=capfirst(Ambassador._meta.get_field("function").verbose_name),
        choices=Ambassador.Function.choices,
        initial=Ambassador.Function.TEAM_LEADER,
    )


class SessionForm(forms.ModelForm):
    """Planning an inspiration session: the moment as a date and a time (Europe/Amsterdam)."""

    day = forms.DateField(label=_("Datum"), widget=IsoDateInput(), validators=[validate_plausible_day])
    time = forms.TimeField(
        label=_("Begintijd"), widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M"), initial="12:00"
    )
    online_url = forms.URLField(
        label=capfirst(Session._meta.get_field("online_url").verbose_name),
        help_text=Session._meta.get_field("online_url").help_text,
        max_length=Session._meta.get_field("online_url").max_length,
        required=False,
        assume_scheme="https",
    )

    # Shown once the day has warnings (a weekend, a holiday, outside the campaign): planning then
    # takes a deliberate tick.
    despite_warnings = forms.BooleanField(label=_("Toch op deze dag plannen"), required=False, widget=forms.HiddenInput)

    class Meta:
        model = Session
        fields = [name for name in Session.EDITABLE_FIELDS if name != "starts_at"]
        widgets = {"description": forms.Textarea(attrs={"rows": 3})}

    field_order = [
        "title",
        "description",
        "municipality",
        "day",
        "time",
        "duration_minutes",
        "location",
        "online_url",
        "capacity",
        "content_item",
        "despite_warnings",
    ]

    def __init__(self, *args, municipalities=None, content_items=None, allow_all=True, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["municipality"].queryset = municipalities
        self.fields["municipality"].required = not allow_all
        self.fields["municipality"].empty_label = _("Alle gemeenten") if allow_all else None
        self.fields["municipality"].help_text = _("Voor medewerkers van één gemeente, of van alle gemeenten.")
        self.fields["location"].help_text = _(
            "Bijvoorbeeld: Stadhuis, zaal 2. Vul een plaats in, een link, of allebei."
        )
        self.fields["content_item"].queryset = content_items
        self.fields["content_item"].required = False
        self.fields["content_item"].empty_label = _("Geen")
        self.fields["content_item"].label_from_instance = lambda item: (
            f"{item.title} – {item.municipality} ({long_date(item.publish_on)})"
        )
        self.fields["content_item"].help_text = _(
            "Het item in de campagneplanning waar deze sessie bij hoort (items van de vorm ‘Bijeenkomst of sessie’)."
        )
        for name in ("title", "location", "online_url"):
            _limit(self, name, Session)
        limit_numbers(self, Session)
        self.fields["description"].widget.attrs["maxlength"] = Session._meta.get_field("description").max_length
        if self.instance.pk and self.instance.starts_at:
            local = timezone.localtime(self.instance.starts_at)
            self.initial.setdefault("day", local.date())
            self.initial.setdefault("time", local.time().replace(second=0, microsecond=0))

    def clean(self):
        cleaned = super().clean()
        day, time = cleaned.get("day"), cleaned.get("time")
        if day and time:
            cleaned["starts_at"] = timezone.make_aware(datetime.datetime.combine(day, time))
            if cleaned["starts_at"] <= timezone.now():
                # Also checked by the service; said here too, so every mistake shows at once.
                self.add_error("day", _("Kies een moment in de toekomst."))
            else:
                self._check_day_warnings(day, cleaned)
        return cleaned

    def _check_day_warnings(self, day, cleaned):
        """A weekend, a public holiday or a day outside the campaign is planned only on purpose
        (selectors.session_day_warnings); an unchanged day of a planned session is not asked again."""
        if self.instance.pk and self.instance.starts_at and timezone.localdate(self.instance.starts_at) == day:
            return
        chosen = cleaned.get("municipality")
        municipalities = [chosen] if chosen else list(self.fields["municipality"].queryset)
        warnings = session_day_warnings(day=day, municipalities=municipalities)
        self.day_warnings = warnings
        if warnings and not cleaned.get("despite_warnings"):
            self.fields["despite_warnings"].widget = forms.CheckboxInput()
            self.add_error(
                "day",
                [*warnings, _("Kies een andere dag, of vink ‘Toch op deze dag plannen’ aan.")],
            )

    def session_fields(self) -> dict:
        """The cleaned values as the service takes them (InspirationSession.EDITABLE_FIELDS)."""
        return {name: self.cleaned_data.get(name) for name in Session.EDITABLE_FIELDS}


class AttendanceForm(forms.Form):
    attended = forms.TypedMultipleChoiceField(
        label=_("Aanwezig"), coerce=int, required=False, widget=forms.CheckboxSelectMultiple
    )

    def __init__(self, *args, signups=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["attended"].choices = [
            (
                signup.person_id,
                f"{signup.person.get_full_name()} ({signup.person.team.name})"
                if signup.person.team
                else signup.person.get_full_name(),
            )
            for signup in signups
        ]
        self.fields["attended"].initial = [signup.person_id for signup in signups if signup.attended]


class CardForm(forms.ModelForm):
    """A compliment card: one of the ready-made texts and, if wanted, a short line of one's own."""

    class Meta:
        model = ComplimentCard
        fields = ["text", "personal_line"]
        widgets = {"text": forms.RadioSelect}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["text"].choices = CardText.choices
        self.fields["text"].label = _("Kies een tekst")
        _limit(self, "personal_line", ComplimentCard)
        self.fields["personal_line"].widget.attrs["autocomplete"] = "off"


class CardPreferenceForm(forms.Form):
    email_on_card = forms.BooleanField(label=_("Stuur mij een e-mail als ik een complimentkaart krijg"), required=False)


class CertificateRevokeForm(forms.Form):
    reason = forms.CharField(
        label=_("Reden (alleen voor de eigen administratie, nooit openbaar)"),
        max_length=Certificate._meta.get_field("revocation_reason").max_length,
    )


class VerifyForm(forms.Form):
    code = forms.CharField(label=_("Controlecode"), max_length=40, help_text=_("Bijvoorbeeld 7KQ2-9XMD-4H1B-C0RT."))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["code"].widget.attrs.update({"autocomplete": "off", "spellcheck": "false"})


class SearchForm(forms.Form):
    """A search box (`?q=`): at most 100 characters; anything else (NUL bytes, a megabyte) is no search."""

    q = forms.CharField(required=False, max_length=100)


def search_query(data) -> str:
    """The search text of a GET request's data, or "" when it is not a usable search."""
    form = SearchForm(data)
    return form.cleaned_data["q"] if form.is_valid() else ""
