import datetime
import secrets
from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from common.dates import EARLIEST_DAY, add_months, is_plausible_day, month_end, month_start, validate_plausible_day
from common.workdays import next_working_day, non_working_reason

DEFAULT_BUDGET = Decimal("20000")
PERCENT = [MinValueValidator(0), MaxValueValidator(100)]
# The plan's closing month: the second zelfscan and the wrap-up (phase 3) are in November.
CLOSING_MONTH = 11
# Round 2 and the wrap-up come at the end: a campaign ending more than this many months after a
# November closes in the month of its end date instead.
CLOSING_LEAD_MONTHS = 3
# ... and never before round 1 (due two months after the kick-off) is over.
CLOSING_AFTER_MONTHS = 3


def kick_off_not_a_working_day(day: datetime.date) -> str:
    """Why a kick-off date is refused: 'Zondag 1 maart 2026 is geen werkdag. …' (with a holiday's name)."""
    reason = non_working_reason(day)
    values = {
        "date": date_format(day, "l j F Y").capitalize(),
        "reason": reason,
        "next": date_format(next_working_day(day), "l j F Y"),
    }
    if reason in ("zaterdag", "zondag"):
        return _("%(date)s is geen werkdag. Kies een werkdag voor de kick-off, bijvoorbeeld %(next)s.") % values
    return (
        _("%(date)s is geen werkdag (%(reason)s). Kies een werkdag voor de kick-off, bijvoorbeeld %(next)s.") % values
    )


class Campaign(models.Model):
    """One year of the programme; zelfscan rounds and the content plan hang on it."""

    # A programme year (plan §6: kick-off in spring, round 2 in November, the closing after it)
    # fits in well under this; a longer one is a typo, and would fill every month-by-month page.
    MAX_MONTHS = 24

    name = models.CharField(_("naam"), max_length=100, unique=True)
    municipalities = models.ManyToManyField(
        "organisations.Municipality", related_name="campaigns", verbose_name=_("deelnemende gemeenten")
    )
    kick_off_date = models.DateField(_("datum kick-off"), validators=[validate_plausible_day])
    end_date = models.DateField(_("einddatum"), validators=[validate_plausible_day])
    budget = models.DecimalField(_("budget (euro)"), max_digits=10, decimal_places=2, default=DEFAULT_BUDGET)
    target_scan_percent = models.PositiveSmallIntegerField(
        _("doel: % zelfscan binnen twee maanden"), default=80, validators=PERCENT
    )
    target_monthly_active_percent = models.PositiveSmallIntegerField(
        _("doel: % maandelijks actief op het leerplatform"), default=60, validators=PERCENT
    )
    target_rescan_percent = models.PositiveSmallIntegerField(
        _("doel: % tweede zelfscan"), default=60, validators=PERCENT
    )
    target_agenda_percent = models.PositiveSmallIntegerField(
        _("doel: % teams met Digivaardig maandelijks op de agenda"), default=90, validators=PERCENT
    )
    team_leaders_see_non_respondents = models.BooleanField(
        _("teamleiders zien wie de zelfscan nog niet heeft gedaan"),
        default=False,
        help_text=_(
            "Uit: teamleiders zien alleen aantallen. Aan: op het teamdashboard staan ook de namen van wie de "
            "zelfscan van de lopende ronde nog niet heeft ingevuld (nooit scores of antwoorden)."
        ),
    )
    # Raised by every write to the campaign's plan; cached planner pages are keyed on it (caching.py).
    plan_version = models.PositiveIntegerField(default=0, editable=False)

    class Meta:
        ordering = ["-kick_off_date"]
        verbose_name = _("campagne")
        verbose_name_plural = _("campagnes")

    def __str__(self):
        return self.name

    @property
    def starts_on(self) -> datetime.date:
        """The first day of the campaign: the first day of the month before the kick-off month, the
        month of phase 0 *Prikkelen* (plan §6: prikkelen in February, the kick-off in March)."""
        return month_start(self.kick_off_date, -1)

    @property
    def period(self) -> tuple[datetime.date, datetime.date]:
        """(first day, last day) of the campaign: `starts_on` to the end date. The one definition of
        the campaign period: phases lie within it, the plan template places everything within it,
        and an item dated outside it is 'buiten de campagne'."""
        return self.starts_on, self.end_date

    def contains(self, day: datetime.date) -> bool:
        first, last = self.period
        return first <= day <= last

    @property
    def closing_month(self) -> datetime.date:
        """First day of the month of round 2 and phase 3 (plan §6: November, at the end): the last
        November that comes after round 1 (CLOSING_AFTER_MONTHS after the kick-off month) and at most
        CLOSING_LEAD_MONTHS before the end date's month; else the month of the end date."""
        last = month_start(self.end_date)
        earliest = max(month_start(self.kick_off_date, CLOSING_AFTER_MONTHS), month_start(last, -CLOSING_LEAD_MONTHS))
        for year in (last.year, last.year - 1):
            november = datetime.date(year, CLOSING_MONTH, 1)
            if earliest <= november <= last:
                return november
        return last

    @property
    def closing_window(self) -> tuple[datetime.date, datetime.date]:
        """(first, last day) of round 2: the closing month, within the kick-off and the end date."""
        return max(self.kick_off_date, self.closing_month), min(month_end(self.closing_month), self.end_date)

    def has_plausible_dates(self) -> bool:
        """Whether both dates are days a person may enter (common.dates.is_plausible_day): only
        then does date arithmetic on them (the period, the months) make sense."""
        return is_plausible_day(self.kick_off_date) and is_plausible_day(self.end_date)

    def clean(self):
        if not self.has_plausible_dates():
            return  # the fields' own validators say what is wrong
        if self.end_date <= self.kick_off_date:
            raise ValidationError({"end_date": _("De einddatum moet na de kick-off liggen.")})
        if self.end_date > add_months(self.kick_off_date, self.MAX_MONTHS):
            too_long = _("Een campagne duurt hoogstens %(months)s maanden na de kick-off.")
            raise ValidationError({"end_date": too_long % {"months": self.MAX_MONTHS}})
        if not is_plausible_day(self.starts_on):
            # The campaign (and its first phase) starts the month before the kick-off.
            too_early = _("De campagne begint de maand vóór de kick-off; kies een kick-off vanaf %(first)s.")
            first = date_format(add_months(EARLIEST_DAY, 1), "j F Y")
            raise ValidationError({"kick_off_date": too_early % {"first": first}})
        if self.kick_off_date and non_working_reason(self.kick_off_date):
            raise ValidationError({"kick_off_date": kick_off_not_a_working_day(self.kick_off_date)})
        if self.budget is not None and self.budget < 0:
            raise ValidationError({"budget": _("Het budget kan niet negatief zijn.")})


class Phase(models.Model):
    class Code(models.TextChoices):
        """The phases of plan section 6, by the plan's own numbers."""

        TEASE = "0", _("Prikkelen")
        KICK_OFF = "1", _("Start project / kick-off")
        IMPLEMENTATION = "2", _("Implementatie")
        SCAN_FOCUS = "2.1", _("Focus op de zelfscan")
        OTHER_GOALS = "2.2", _("Focus andere doelen")
        CLOSING = "3", _("Afronding")

    campaign = models.ForeignKey(Campaign, on_delete=models.CASCADE, related_name="phases")
    parent = models.ForeignKey(
        "self", on_delete=models.CASCADE, null=True, blank=True, related_name="subphases", verbose_name=_("hoofdfase")
    )
    code = models.CharField(_("nummer"), max_length=10, choices=Code.choices)
    name = models.CharField(_("naam"), max_length=100)
    aim = models.TextField(_("doel"), blank=True)
    starts_on = models.DateField(_("van"), validators=[validate_plausible_day])
    ends_on = models.DateField(_("tot en met"), validators=[validate_plausible_day])
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["campaign", "position"]
        verbose_name = _("fase")
        verbose_name_plural = _("fases")
        constraints = [models.UniqueConstraint(fields=["campaign", "code"], name="phase_code_unique_per_campaign")]

    def __str__(self):
        return f"{self.code} {self.name}"

    def clean(self):
        if self.starts_on and self.ends_on and self.ends_on < self.starts_on:
            raise ValidationError({"ends_on": _("De einddatum ligt vóór de begindatum.")})
        campaign = self.campaign if self.campaign_id else None
        if campaign is None or not campaign.has_plausible_dates():
            return
        first, last = campaign.period
        errors = {}
        period = {"first": date_format(first, "j F Y"), "last": date_format(last, "j F Y")}
        if self.starts_on and self.starts_on < first:
            errors["starts_on"] = (
                _("Een fase moet binnen de campagne liggen (%(first)s – %(last)s); deze begint te vroeg.") % period
            )
        if self.ends_on and self.ends_on > last:
            errors["ends_on"] = (
                _("Een fase moet binnen de campagne liggen (%(first)s – %(last)s); deze eindigt te laat.") % period
            )
        if errors:
            raise ValidationError(errors)


class Channel(models.Model):
    class Kind(models.TextChoices):
        ONLINE = "online", _("Online")
        EMAIL = "email", _("E-mail en nieuwsbrief")
        MEETING = "meeting", _("Overleg")
        PHYSICAL = "physical", _("Fysiek / op locatie")
        PEOPLE = "people", _("Mensen")

    municipality = models.ForeignKey(
        "organisations.Municipality", on_delete=models.CASCADE, related_name="channels", verbose_name=_("gemeente")
    )
    name = models.CharField(_("naam"), max_length=120)
    kind = models.CharField(_("soort"), max_length=20, choices=Kind.choices)
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["municipality__name", "position", "name"]
        verbose_name = _("kanaal")
        verbose_name_plural = _("kanalen")
        constraints = [
            models.UniqueConstraint(fields=["municipality", "name"], name="channel_name_unique_per_municipality")
        ]

    def __str__(self):
        return self.name


class ContentItem(models.Model):
    class Category(models.TextChoices):
        HERO = "hero", _("Hero")
        HUB = "hub", _("Hub")
        HYGIENE = "hygiene", _("Hygiëne")

    class Format(models.TextChoices):
        VIDEO = "video", _("Video")
        ARTICLE = "article", _("Artikel")
        POSTER = "poster", _("Poster")
        INFOGRAPHIC = "infographic", _("Infographic")
        NEWSLETTER = "newsletter", _("Nieuwsbriefitem")
        EVENT = "event", _("Bijeenkomst of sessie")
        TIP = "tip", _("Tip")
        EMAIL = "email", _("E-mail")
        PRINT = "print", _("Drukwerk")
        WEBPAGE = "webpage", _("Webpagina")
        OTHER = "other", _("Anders")

    class Audience(models.TextChoices):
        EVERYONE = "everyone", _("Iedereen")
        EMPLOYEES = "employees", _("Medewerkers")
        TEAM_LEADERS = "team_leaders", _("Teamleiders/-managers")

    class Status(models.TextChoices):
        IDEA = "idea", _("Idee")
        PLANNED = "planned", _("Gepland")
        IN_PRODUCTION = "in_production", _("In productie")
        PUBLISHED = "published", _("Gepubliceerd")
        CANCELLED = "cancelled", _("Geannuleerd")

    # What a planner edits, in form order; the form, duplicating and copying all read this list.
    EDITABLE_FIELDS = (
        "title",
        "municipality",
        "category",
        "format",
        "audience",
        "target_personas",
        "channels",
        "phase",
        "focuses_on_scan",
        "publish_on",
        "available_until",
        "production_deadline",
        "status",
        "owner",
        "planned_cost",
        "actual_cost",
        "material_url",
        "notes",
    )
    # Fields a copy starts afresh with instead of taking them over.
    NOT_COPIED = ("municipality", "target_personas", "channels", "status", "actual_cost")

    campaign = models.ForeignKey(Campaign, on_delete=models.CASCADE, related_name="content_items")
    municipality = models.ForeignKey(
        "organisations.Municipality", on_delete=models.PROTECT, related_name="content_items", verbose_name=_("gemeente")
    )
    title = models.CharField(_("titel"), max_length=200)
    category = models.CharField(_("categorie"), max_length=20, choices=Category.choices)
    format = models.CharField(_("vorm"), max_length=20, choices=Format.choices)
    audience = models.CharField(_("doelgroep"), max_length=20, choices=Audience.choices, default=Audience.EMPLOYEES)
    target_personas = models.ManyToManyField(
        "personas.Persona", related_name="content_items", blank=True, verbose_name=_("persona's")
    )
    channels = models.ManyToManyField(Channel, related_name="content_items", blank=True, verbose_name=_("kanalen"))
    phase = models.ForeignKey(
        Phase, on_delete=models.SET_NULL, null=True, blank=True, related_name="content_items", verbose_name=_("fase")
    )
    focuses_on_scan = models.BooleanField(_("gaat over de zelfscan"), default=False)
    publish_on = models.DateField(_("publicatiedatum"), validators=[validate_plausible_day])
    # Hygiene is always available (plan 5.1): it runs from publish_on until this date, or, when
    # empty, until the end of the campaign. Hero and hub items are dated, so they leave it empty.
    available_until = models.DateField(
        _("beschikbaar tot"),
        null=True,
        blank=True,
        help_text=_("Alleen voor hygiëne: leeg betekent de hele campagne."),
        validators=[validate_plausible_day],
    )
    production_deadline = models.DateField(
        _("deadline productie"), null=True, blank=True, validators=[validate_plausible_day]
    )
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.IDEA)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="owned_content_items",
        verbose_name=_("eigenaar"),
    )
    planned_cost = models.DecimalField(_("geplande kosten (euro)"), max_digits=9, decimal_places=2, default=0)
    actual_cost = models.DecimalField(
        _("werkelijke kosten (euro)"), max_digits=9, decimal_places=2, null=True, blank=True
    )
    notes = models.TextField(_("notities"), blank=True)
    material_url = models.URLField(_("link naar het materiaal"), blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["publish_on", "title", "pk"]
        verbose_name = _("contentitem")
        verbose_name_plural = _("contentitems")
        indexes = [models.Index(fields=["campaign", "municipality", "publish_on"])]

    def __str__(self):
        return self.title

    @property
    def is_cancelled(self) -> bool:
        return self.status == self.Status.CANCELLED

    @property
    def is_running(self) -> bool:
        """A hygiene item: available over a period rather than published on one day."""
        return self.category == self.Category.HYGIENE

    def runs_through(self, campaign_end: datetime.date) -> datetime.date:
        """The last day the item is there: its publication day, or for hygiene the end of its period
        (its 'beschikbaar tot', else the campaign's end date)."""
        if not self.is_running:
            return self.publish_on
        return self.available_until or campaign_end

    def copied_values(self) -> dict:
        """The planning fields a duplicate or copy takes over: field name -> value."""
        return {name: getattr(self, name) for name in self.EDITABLE_FIELDS if name not in self.NOT_COPIED}

    def clean(self):
        errors = {}
        if self.planned_cost is not None and self.planned_cost < 0:
            errors["planned_cost"] = _("Kosten kunnen niet negatief zijn.")
        if self.actual_cost is not None and self.actual_cost < 0:
            errors["actual_cost"] = _("Kosten kunnen niet negatief zijn.")
        if self.production_deadline and self.publish_on and self.production_deadline > self.publish_on:
            errors["production_deadline"] = _("De deadline voor productie ligt na de publicatiedatum.")
        if self.available_until and self.category != self.Category.HYGIENE:
            errors["available_until"] = _("Alleen hygiëne-content heeft een periode; hero en hub hebben een datum.")
        elif self.available_until and self.publish_on and self.available_until < self.publish_on:
            errors["available_until"] = _("'Beschikbaar tot' ligt vóór de publicatiedatum.")
        if self.phase_id and self.campaign_id and self.phase.campaign_id != self.campaign_id:
            errors["phase"] = _("Deze fase hoort bij een andere campagne.")
        if errors:
            raise ValidationError(errors)


class BudgetShare(models.Model):
    """The part of the joint campaign budget set aside for one municipality (optional; plan §7)."""

    campaign = models.ForeignKey(Campaign, on_delete=models.CASCADE, related_name="budget_shares")
    municipality = models.ForeignKey(
        "organisations.Municipality", on_delete=models.CASCADE, related_name="budget_shares"
    )
    amount = models.DecimalField(_("bedrag (euro)"), max_digits=10, decimal_places=2)

    class Meta:
        ordering = ["campaign", "municipality__name"]
        verbose_name = _("budgetdeel")
        verbose_name_plural = _("budgetdelen")
        constraints = [
            models.UniqueConstraint(fields=["campaign", "municipality"], name="one_budget_share_per_municipality")
        ]

    def __str__(self):
        return f"{self.campaign} – {self.municipality}"

    def clean(self):
        if self.amount is not None and self.amount < 0:
            raise ValidationError({"amount": _("Een bedrag kan niet negatief zijn.")})


def new_feed_token():
    return secrets.token_urlsafe(24)


class CalendarFeed(models.Model):
    """A secret address per municipality at which Outlook can subscribe to the content calendar."""

    municipality = models.OneToOneField(
        "organisations.Municipality", on_delete=models.CASCADE, related_name="calendar_feed"
    )
    token = models.CharField(max_length=64, unique=True, default=new_feed_token)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("agendakoppeling")
        verbose_name_plural = _("agendakoppelingen")

    def __str__(self):
        return f"{self.municipality}"
