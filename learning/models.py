import hashlib
import hmac

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from common.dates import month_start, validate_plausible_day


class LearningActivity(models.Model):
    """One thing an employee did to learn, on one day. Personal: only the employee sees it; everyone
    else sees counts of active people (selectors.active_months, active_counts)."""

    class Kind(models.TextChoices):
        COURSE = "course", _("Cursus of training")
        E_LEARNING = "e_learning", _("E-learning")
        TIP = "tip", _("Tip")
        INSPIRATION_SESSION = "inspiration_session", _("Inspiratiesessie")
        COACHING = "coaching", _("Coaching door een digicoach")
        OTHER = "other", _("Iets anders")

    class Source(models.TextChoices):
        SELF = "self", _("Zelf vastgelegd")
        PLATFORM_EXPORT = "platform_export", _("Export van het leerplatform")
        XAPI = "xapi", _("Leerplatform (xAPI)")
        # Recorded for the employee by the programme: a digicoach's session, attendance at an
        # inspiration session (coaching app; external_id names the session).
        SUPPORT = "support", _("Digicoach of inspiratiesessie")

    # What an employee types when logging an activity, in form order.
    EDITABLE_FIELDS = ("date", "kind", "title", "minutes")
    # One activity takes at least a minute and at most a (long) day.
    MIN_MINUTES = 1
    MAX_MINUTES = 24 * 60

    employee = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="learning_activities")
    date = models.DateField(_("datum"), validators=[validate_plausible_day])
    # The first day of the month of `date`, kept by every writer (month_of): active_months reads only
    # this column and its index, never a date function per row.
    month = models.DateField(editable=False)
    kind = models.CharField(_("soort"), max_length=30, choices=Kind.choices, default=Kind.E_LEARNING)
    title = models.CharField(_("wat heb je gedaan?"), max_length=200)
    minutes = models.PositiveSmallIntegerField(
        _("hoeveel minuten?"),
        null=True,
        blank=True,
        validators=[MinValueValidator(MIN_MINUTES), MaxValueValidator(MAX_MINUTES)],
    )
    source = models.CharField(_("bron"), max_length=20, choices=Source.choices, default=Source.SELF)
    # The platform's activity id (CSV export) or the xAPI statement id; empty for self-logged entries.
    external_id = models.CharField(max_length=100, blank=True, default="")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-date", "-pk"]
        verbose_name = _("leeractiviteit")
        verbose_name_plural = _("leeractiviteiten")
        constraints = [
            models.UniqueConstraint(
                fields=["source", "external_id"],
                condition=~models.Q(external_id=""),
                name="learning_external_id_unique_per_source",
            ),
        ]
        indexes = [
            models.Index(fields=["month", "employee"], name="learning_month_employee"),
            models.Index(fields=["employee", "date"], name="learning_employee_date"),
        ]

    def __str__(self):
        return self.title

    @staticmethod
    def month_of(day):
        """The value of `month` for an activity on `day` (the first day of its month)."""
        return month_start(day)

    @property
    def is_editable(self) -> bool:
        """Only what the employee logged themselves; the platform's records come from the platform."""
        return self.source == self.Source.SELF

    def clean(self):
        if self.date:
            self.month = self.month_of(self.date)


def secret_digest(secret: str) -> str:
    """The stored form of an API secret. The secrets are 256 random bits, so one SHA-256 is enough:
    there is nothing to guess, and a check costs microseconds instead of a password hash's 0.3 s."""
    return hashlib.sha256(secret.encode()).hexdigest()


class XapiClient(models.Model):
    """A learning platform allowed to push xAPI statements: HTTP Basic auth with `key` and a secret
    that is shown once and stored only as a digest."""

    name = models.CharField(_("naam"), max_length=100, unique=True)
    key = models.CharField(_("sleutel"), max_length=64, unique=True, editable=False)
    secret_hash = models.CharField(max_length=64, editable=False)
    is_active = models.BooleanField(_("actief"), default=True)
    created_at = models.DateTimeField(_("aangemaakt op"), auto_now_add=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("xAPI-koppeling")
        verbose_name_plural = _("xAPI-koppelingen")

    def __str__(self):
        return self.name

    def secret_matches(self, secret: str) -> bool:
        return hmac.compare_digest(self.secret_hash, secret_digest(secret))


class XapiStatement(models.Model):
    """An xAPI statement received once. Only what is needed is kept: its id, whose it is, a
    fingerprint to tell a resend from a conflicting statement, and whether it is voided."""

    statement_id = models.UUIDField(unique=True)
    client = models.ForeignKey(XapiClient, on_delete=models.PROTECT, related_name="statements")
    # Whose learning it records; empty for a voiding statement by someone who is no employee (an
    # administrator of the platform, say).
    employee = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    verb = models.CharField(max_length=500)
    timestamp = models.DateTimeField()
    # Whether the platform gave the timestamp (else the portal set it on receipt): only given
    # timestamps take part in the comparison of a resent statement.
    timestamp_given = models.BooleanField(default=True)
    stored = models.DateTimeField(auto_now_add=True)
    fingerprint = models.CharField(max_length=64)
    # For a voiding statement: the id of the statement it voids.
    voids = models.UUIDField(null=True, blank=True, db_index=True)
    voided = models.BooleanField(default=False)

    class Meta:
        verbose_name = _("xAPI-statement")
        verbose_name_plural = _("xAPI-statements")

    def __str__(self):
        return str(self.statement_id)
