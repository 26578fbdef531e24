"""The support programme of plan §5.1 (hygiene: always available).

- Digicoaches (Coach) per municipality, and buddy pairs (BuddyPair): a hesitant colleague asks for a
  buddy, a coach or the programme lead pairs them; each pair has a strippenkaart (PunchCard) of
  coaching sessions (CoachingSession), renewed when full.
- Ambassadors / micro-influencers per municipality (Ambassador), mainly enthusiasts, plus team
  leaders and directors.
- Inspiration sessions (InspirationSession) with sign-up, waiting list and attendance (SignUp).
- Compliment cards between colleagues (ComplimentCard), blocks (CardBlock) and the e-mail preference
  (CardPreference).
- The certificate for submitting both zelfscan rounds (Certificate), verifiable by its code.

What a coach sees of a buddy: name, team, topic and contact preference; never a persona, score or
answer (those stay in selfscan, for the employee alone).
"""

import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from common.dates import validate_plausible_day


class Topic(models.TextChoices):
    """What a digicoach helps with and what a buddy asks about (the zelfscan's areas, in plain words)."""

    EMAIL = "email", _("E-mail en agenda (Outlook)")
    TEAMS = "teams", _("Samenwerken in Teams")
    FILES = "files", _("Bestanden opslaan en delen")
    SECURITY = "security", _("Veilig werken en phishing herkennen")
    INFORMATION = "information", _("Informatie zoeken en beoordelen")
    SERVICE = "service", _("Digitale dienstverlening aan inwoners")
    PHONE = "phone", _("Smartphone en apps")
    AI = "ai", _("AI-chatbots gebruiken")
    PLATFORM = "platform", _("Het leerplatform en de zelfscan")
    OTHER = "other", _("Iets anders")


class Coach(models.Model):
    """A digicoach of a municipality: how many buddies they take on and what they help with.

    The role itself is `User.is_digicoach` (organisations.roles); the services keep both in step.
    """

    DEFAULT_CAPACITY = 3
    MAX_CAPACITY = 10
    EDITABLE_FIELDS = ("capacity", "topics")

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="coach_profile", verbose_name=_("digicoach")
    )
    municipality = models.ForeignKey(
        "organisations.Municipality", on_delete=models.PROTECT, related_name="coaches", verbose_name=_("gemeente")
    )
    capacity = models.PositiveSmallIntegerField(
        _("aantal buddies"),
        default=DEFAULT_CAPACITY,
        validators=[MinValueValidator(1), MaxValueValidator(MAX_CAPACITY)],
        help_text=_("Hoeveel collega's je tegelijk als buddy begeleidt (1 tot 10)."),
    )
    topics = models.JSONField(_("onderwerpen"), default=list, blank=True)
    is_active = models.BooleanField(_("actief"), default=True)
    registered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    registered_at = models.DateTimeField(_("aangemeld op"), auto_now_add=True)

    class Meta:
        ordering = ["municipality__name", "user__surname_sort", "user__first_name", "pk"]
        verbose_name = _("digicoach")
        verbose_name_plural = _("digicoaches")

    def __str__(self):
        return str(self.user)

    def clean(self):
        if not isinstance(self.topics, list) or any(topic not in Topic.values for topic in self.topics):
            raise ValidationError({"topics": _("Kies onderwerpen uit de lijst.")})

    def topic_labels(self) -> list[str]:
        return [str(Topic(topic).label) for topic in self.topics if topic in Topic.values]


class BuddyPair(models.Model):
    """A colleague's request for a buddy and, once paired, the pair of digicoach and buddy.

    Plan §5.1: "Koppel een ervaren digicoach aan een aarzelende technologiegebruiker." One open
    request or pair per employee (requested or paired).
    """

    class Status(models.TextChoices):
        REQUESTED = "requested", _("Aangevraagd")
        PAIRED = "paired", _("Gekoppeld")
        ENDED = "ended", _("Afgerond")
        WITHDRAWN = "withdrawn", _("Ingetrokken")

    class Contact(models.TextChoices):
        IN_PERSON = "in_person", _("Samen achter de computer, op kantoor")
        TEAMS = "teams", _("Via Teams")
        EITHER = "either", _("Maakt mij niet uit")

    OPEN_STATUSES = (Status.REQUESTED, Status.PAIRED)
    # What the employee fills in when asking, in form order.
    REQUEST_FIELDS = ("topic", "topic_note", "contact")

    employee = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="buddy_pairs", verbose_name=_("buddy")
    )
    municipality = models.ForeignKey(
        "organisations.Municipality", on_delete=models.PROTECT, related_name="+", verbose_name=_("gemeente")
    )
    coach = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="coached_pairs",
        verbose_name=_("digicoach"),
    )
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.REQUESTED)
    topic = models.CharField(_("onderwerp"), max_length=20, choices=Topic.choices, blank=True)
    topic_note = models.CharField(
        _("waar wil je hulp bij? (mag leeg)"),
        max_length=200,
        blank=True,
        help_text=_("Bijvoorbeeld: een vergadering plannen in Teams. Je digicoach ziet dit."),
    )
    contact = models.CharField(_("hoe wil je contact?"), max_length=20, choices=Contact.choices, default=Contact.EITHER)
    requested_at = models.DateTimeField(_("aangevraagd op"), auto_now_add=True)
    paired_at = models.DateTimeField(_("gekoppeld op"), null=True, blank=True)
    paired_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    ended_at = models.DateTimeField(_("afgerond op"), null=True, blank=True)

    class Meta:
        ordering = ["requested_at", "pk"]
        verbose_name = _("buddy")
        verbose_name_plural = _("buddy's")
        constraints = [
            models.UniqueConstraint(
                fields=["employee"],
                condition=Q(status__in=["requested", "paired"]),
                name="one_open_buddy_pair_per_employee",
            ),
        ]
        indexes = [
            models.Index(fields=["municipality", "status"], name="buddy_municipality_status"),
            models.Index(fields=["coach", "status"], name="buddy_coach_status"),
        ]

    def __str__(self):
        return f"{self.employee} – {self.coach or '?'}"

    @property
    def is_open(self) -> bool:
        return self.status in self.OPEN_STATUSES

    @property
    def is_paired(self) -> bool:
        return self.status == self.Status.PAIRED

    def topic_text(self) -> str:
        """The topic as the coach reads it: the choice and the employee's own words, if any."""
        parts = [self.get_topic_display() if self.topic else "", self.topic_note]
        return " – ".join(part for part in parts if part)


class PunchCard(models.Model):
    """A strippenkaart of a buddy pair: `strips` coaching sessions; a full card can be renewed."""

    DEFAULT_STRIPS = 5
    MAX_STRIPS = 10

    pair = models.ForeignKey(BuddyPair, on_delete=models.CASCADE, related_name="cards")
    number = models.PositiveSmallIntegerField(_("kaart"), default=1)
    strips = models.PositiveSmallIntegerField(
        _("strippen"), default=DEFAULT_STRIPS, validators=[MinValueValidator(1), MaxValueValidator(MAX_STRIPS)]
    )
    created_at = models.DateTimeField(auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["pair", "number"]
        verbose_name = _("strippenkaart")
        verbose_name_plural = _("strippenkaarten")
        constraints = [models.UniqueConstraint(fields=["pair", "number"], name="one_card_number_per_pair")]

    def __str__(self):
        return f"{self.pair} #{self.number}"


class CoachingSession(models.Model):
    """One session of a digicoach with their buddy: one strip of the card. It also counts as learning
    activity for the buddy (learning kind "coaching")."""

    MAX_MINUTES = 8 * 60
    EDITABLE_FIELDS = ("date", "topic", "minutes")

    card = models.ForeignKey(PunchCard, on_delete=models.CASCADE, related_name="sessions")
    strip = models.PositiveSmallIntegerField(_("strip"))
    date = models.DateField(_("datum"), validators=[validate_plausible_day])
    topic = models.CharField(_("waar ging het over?"), max_length=200)
    minutes = models.PositiveSmallIntegerField(
        _("hoeveel minuten?"), validators=[MinValueValidator(1), MaxValueValidator(MAX_MINUTES)]
    )
    logged_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["card", "strip"]
        verbose_name = _("coachingsessie")
        verbose_name_plural = _("coachingsessies")
        constraints = [models.UniqueConstraint(fields=["card", "strip"], name="one_session_per_strip")]

    def __str__(self):
        return f"{self.date} {self.topic}"

    @property
    def learning_reference(self) -> str:
        """The reference of the buddy's learning activity for this session (learning.activity_record)."""
        return f"coaching-{self.pk}"


class Ambassador(models.Model):
    """An ambassador / micro-influencer of Digivaardig in a municipality (plan §5.1, "Toelichting
    ambassadeurs"): mainly enthusiasts who volunteer and are confirmed by an advisor; team leaders
    and directors are marked by an advisor directly. One row per person."""

    class Status(models.TextChoices):
        VOLUNTEERED = "volunteered", _("Aangemeld")
        CONFIRMED = "confirmed", _("Ambassadeur")
        DECLINED = "declined", _("Niet bevestigd")
        STOPPED = "stopped", _("Gestopt")

    class Function(models.TextChoices):
        EMPLOYEE = "employee", _("Medewerker")
        TEAM_LEADER = "team_leader", _("Teamleider")
        DIRECTOR = "director", _("Directielid")

    person = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="ambassador", verbose_name=_("medewerker")
    )
    municipality = models.ForeignKey(
        "organisations.Municipality", on_delete=models.PROTECT, related_name="ambassadors", verbose_name=_("gemeente")
    )
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.VOLUNTEERED)
    function = models.CharField(_("functie"), max_length=20, choices=Function.choices, default=Function.EMPLOYEE)
    motivation = models.CharField(
        _("waarom wil je ambassadeur worden? (mag leeg)"),
        max_length=300,
        blank=True,
        help_text=_("Een zin is genoeg. De communicatieadviseur van je gemeente leest dit."),
    )
    volunteered_at = models.DateTimeField(_("aangemeld op"), auto_now_add=True)
    decided_at = models.DateTimeField(_("besloten op"), null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["municipality__name", "person__surname_sort", "person__first_name", "pk"]
        verbose_name = _("ambassadeur")
        verbose_name_plural = _("ambassadeurs")
        indexes = [models.Index(fields=["municipality", "status"], name="ambassador_municipality_status")]

    def __str__(self):
        return str(self.person)

    @property
    def is_confirmed(self) -> bool:
        return self.status == self.Status.CONFIRMED


class InspirationSession(models.Model):
    """An inspiration session on a digital-skills topic (plan §5.1), in one municipality or for all.

    People sign up (SignUp); when it is full they join the waiting list. Attendance is registered by
    the organiser and counts as learning activity (learning kind "inspiration_session").
    """

    class Status(models.TextChoices):
        PLANNED = "planned", _("Gepland")
        CANCELLED = "cancelled", _("Geannuleerd")

    MAX_CAPACITY = 500
    MAX_MINUTES = 8 * 60
    # What an organiser fills in, in form order (the date and time are one field each in the form).
    EDITABLE_FIELDS = (
        "title",
        "description",
        "municipality",
        "starts_at",
        "duration_minutes",
        "location",
        "online_url",
        "capacity",
        "content_item",
    )

    title = models.CharField(_("onderwerp"), max_length=200)
    description = models.TextField(_("beschrijving"), max_length=2000, blank=True)
    municipality = models.ForeignKey(
        "organisations.Municipality",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="inspiration_sessions",
        verbose_name=_("gemeente"),
        help_text=_("Leeg: voor medewerkers van alle gemeenten."),
    )
    starts_at = models.DateTimeField(_("begint op"))
    duration_minutes = models.PositiveSmallIntegerField(
        _("duur in minuten"), default=60, validators=[MinValueValidator(15), MaxValueValidator(MAX_MINUTES)]
    )
    location = models.CharField(_("plaats"), max_length=200, blank=True, help_text=_("Bijvoorbeeld: Stadhuis, zaal 2."))
    online_url = models.URLField(
        _("link voor online deelnemen"), max_length=500, blank=True, help_text=_("Bijvoorbeeld de Teams-link.")
    )
    capacity = models.PositiveSmallIntegerField(
        _("aantal plaatsen"), default=20, validators=[MinValueValidator(1), MaxValueValidator(MAX_CAPACITY)]
    )
    content_item = models.ForeignKey(
        "campaigns.ContentItem",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="inspiration_sessions",
        verbose_name=_("contentitem in de planning"),
    )
    organiser = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.PLANNED)
    # Raised on every change, so a calendar that imported the invitation takes the update (RFC 5545).
    sequence = models.PositiveIntegerField(default=0)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["starts_at", "pk"]
        verbose_name = _("inspiratiesessie")
        verbose_name_plural = _("inspiratiesessies")
        indexes = [models.Index(fields=["starts_at"], name="inspiration_starts_at")]

    def __str__(self):
        return self.title

    def clean(self):
        if not (self.location or "").strip() and not (self.online_url or "").strip():
            raise ValidationError({"location": _("Vul een plaats in, een link voor online deelnemen, of allebei.")})

    @property
    def ends_at(self) -> datetime.datetime:
        return self.starts_at + datetime.timedelta(minutes=self.duration_minutes)

    @property
    def is_cancelled(self) -> bool:
        return self.status == self.Status.CANCELLED

    @property
    def is_over(self) -> bool:
        """Whether the session has ended: derived from its time, never stored."""
        return self.ends_at <= timezone.now()

    @property
    def status_label(self) -> str:
        """What every list shows: Geannuleerd, Geweest (ended, from its time) or Gepland."""
        if self.is_cancelled:
            return self.get_status_display()
        return str(_("Geweest")) if self.is_over else self.get_status_display()


class SignUp(models.Model):
    """Someone's place at an inspiration session: signed up, on the waiting list, or cancelled.
    One row per person and session; the waiting list is in order of `queued_at`."""

    class Status(models.TextChoices):
        SIGNED_UP = "signed_up", _("Aangemeld")
        WAITING = "waiting", _("Op de wachtlijst")
        CANCELLED = "cancelled", _("Afgemeld")

    session = models.ForeignKey(InspirationSession, on_delete=models.CASCADE, related_name="signups")
    person = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="session_signups")
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.SIGNED_UP)
    queued_at = models.DateTimeField(_("aangemeld op"))
    attended = models.BooleanField(_("aanwezig"), null=True, blank=True)
    attendance_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["session", "queued_at", "pk"]
        verbose_name = _("aanmelding")
        verbose_name_plural = _("aanmeldingen")
        constraints = [models.UniqueConstraint(fields=["session", "person"], name="one_signup_per_person")]
        indexes = [models.Index(fields=["person", "status"], name="signup_person_status")]

    def __str__(self):
        return f"{self.person} – {self.session}"

    @property
    def learning_reference(self) -> str:
        """The reference of the learning activity for attending (learning.activity_record)."""
        return f"inspiration-{self.pk}"


class CardText(models.TextChoices):
    """The ready-made compliments (plan §4: short, positive, personal; §5.1: "belonen + contact maken")."""

    THANKS_HELP = "thanks_help", _("Dank je wel voor je hulp! Dankzij jou ging het digitaal een stuk makkelijker.")
    GOOD_EXAMPLE = "good_example", _("Wat goed dat je de zelfscan hebt gedaan. Jij geeft het goede voorbeeld!")
    CURIOUS = "curious", _("Jij maakt nieuwe dingen leuk om te proberen. Dank je!")
    SHARED_TIP = "shared_tip", _("Top hoe je die handige tip met het team deelde.")
    PATIENCE = "patience", _("Fijn hoe rustig en geduldig je het uitlegde. Dank je wel!")
    WELL_DONE = "well_done", _("Knap hoe je dat digitaal hebt aangepakt. Ga zo door!")
    TOGETHER = "together", _("Samen leren is leuker met jou erbij.")
    TIME_SAVED = "time_saved", _("Dankzij jouw handigheid hebben we echt tijd gewonnen.")
    MAKING_TIME = "making_time", _("Mooi dat je tijd maakt om te leren. Goed bezig!")
    GOOD_QUESTION = "good_question", _("Jouw vraag hielp ons allemaal verder. Blijf vooral vragen stellen!")


class ComplimentCard(models.Model):
    """A digital compliment card from one colleague to another: a ready-made text and an optional
    short personal line (plain text, shown escaped). The teams at the moment of sending are kept,
    so the counts per team and month (selectors.compliment_counts) do not shift when people move."""

    PERSONAL_LINE_MAX = 140
    # At most this many cards a person sends per day (a card should stay special, and no one floods).
    DAILY_LIMIT = 20

    sender = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="cards_sent")
    recipient = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="cards_received")
    text = models.CharField(_("kaart"), max_length=30, choices=CardText.choices)
    personal_line = models.CharField(
        _("persoonlijke regel (mag leeg)"),
        max_length=PERSONAL_LINE_MAX,
        blank=True,
        help_text=_("Hooguit 140 tekens, zonder opmaak."),
    )
    sent_at = models.DateTimeField(_("verstuurd op"))
    # The first day of the month of sent_at (Europe/Amsterdam), for the counts per month.
    month = models.DateField(editable=False)
    sender_team = models.ForeignKey(
        "organisations.Team", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    recipient_team = models.ForeignKey(
        "organisations.Team", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    emailed_at = models.DateTimeField(null=True, blank=True)
    # False for a card sent by someone the recipient blocked: the sender sees it sent as any other
    # (a block stays invisible to them), the recipient never gets it, not even after unblocking.
    delivered = models.BooleanField(_("bezorgd"), default=True)

    class Meta:
        ordering = ["-sent_at", "-pk"]
        verbose_name = _("complimentkaart")
        verbose_name_plural = _("complimentkaarten")
        indexes = [
            models.Index(fields=["recipient", "sent_at"], name="card_recipient_sent"),
            models.Index(fields=["sender", "sent_at"], name="card_sender_sent"),
            models.Index(fields=["month", "sender_team"], name="card_month_sender_team"),
            models.Index(fields=["month", "recipient_team"], name="card_month_recipient_team"),
        ]

    def __str__(self):
        return f"{self.sender} → {self.recipient}"


class CardBlock(models.Model):
    """`person` receives no compliment cards from `blocked` (and no longer sees earlier ones). The
    block is never shown to `blocked`: their cards seem to go as usual (ComplimentCard.delivered)."""

    person = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="card_blocks")
    blocked = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("geblokkeerde afzender")
        verbose_name_plural = _("geblokkeerde afzenders")
        constraints = [models.UniqueConstraint(fields=["person", "blocked"], name="one_block_per_pair")]

    def __str__(self):
        return f"{self.person} ⊘ {self.blocked}"


class CardPreference(models.Model):
    """Whether a person gets an e-mail when a card arrives (default: yes; no row means yes)."""

    person = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="card_preference")
    email_on_card = models.BooleanField(_("e-mail bij een nieuwe complimentkaart"), default=True)

    class Meta:
        verbose_name = _("voorkeur complimentkaarten")
        verbose_name_plural = _("voorkeuren complimentkaarten")

    def __str__(self):
        return str(self.person)


class Certificate(models.Model):
    """The certificate for submitting both rounds of the zelfscan of a campaign (plan §5.1,
    "Certificaat uitdelen"). Name and municipality are kept as printed; the code is random
    (services.new_certificate_code) and verifiable on a public page; the programme lead may revoke it."""

    employee = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="certificates")
    campaign = models.ForeignKey("campaigns.Campaign", on_delete=models.PROTECT, related_name="certificates")
    code = models.CharField(_("controlecode"), max_length=32, unique=True)
    full_name = models.CharField(_("naam"), max_length=260)
    municipality_name = models.CharField(_("gemeente"), max_length=100, blank=True)
    completed_on = models.DateField(_("behaald op"))
    issued_at = models.DateTimeField(_("uitgereikt op"), auto_now_add=True)
    revoked_at = models.DateTimeField(_("ingetrokken op"), null=True, blank=True)
    revoked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    revocation_reason = models.CharField(_("reden van intrekken"), max_length=200, blank=True)

    class Meta:
        ordering = ["-issued_at", "-pk"]
        verbose_name = _("certificaat")
        verbose_name_plural = _("certificaten")
        constraints = [models.UniqueConstraint(fields=["employee", "campaign"], name="one_certificate_per_campaign")]

    def __str__(self):
        return f"{self.full_name} ({self.display_code})"

    @property
    def is_revoked(self) -> bool:
        return self.revoked_at is not None

    @property
    def display_code(self) -> str:
        """The code in groups of four, as printed: 7KQ2-9XMD-…"""
        return "-".join(self.code[index : index + 4] for index in range(0, len(self.code), 4))
