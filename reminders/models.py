"""What reminders exist, and the record that makes each one go out exactly once."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _


class Kind(models.TextChoices):
    """The reminders of the programme, by the stable name `send_reminders --kind` takes, in priority
    order: when the weekly limit allows one e-mail, the first kind goes and the others wait."""

    SCAN_ROUND1 = "scan_round1", _("Zelfscan ronde 1")
    SCAN_ROUND2 = "scan_round2", _("Zelfscan ronde 2")
    AGENDA_MONTHLY = "agenda_monthly", _("Digivaardig op de agenda (teamleiders)")
    LEARNING_MONTHLY = "learning_monthly", _("Maandelijks leren op het leerplatform")
    SESSION_REMINDER = "session_reminder", _("Inspiratiesessie morgen")


class Status(models.TextChoices):
    CLAIMED = "claimed", _("Wordt verstuurd")
    SENT = "sent", _("Verstuurd")
    FAILED = "failed", _("Mislukt")
    # The demo's example of a kind (seed_demo): written to var/mail like a real one, but never a
    # real send, so no figure, weekly limit or rotation counts it (they all count sent and failed).
    EXAMPLE = "example", _("Voorbeeld (demo)")


class ReminderLog(models.Model):
    """One reminder to one person for one kind and period (a month, a round's stage, a session).

    The unique constraint is the guarantee: whoever claims the row first sends it, a second run, a
    retried task or a second beat finds the row taken. `claim_token` names the batch that claimed it.
    """

    recipient = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="reminders")
    kind = models.CharField(_("soort"), max_length=30, choices=Kind.choices)
    period = models.CharField(_("periode"), max_length=40)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.CLAIMED)
    claim_token = models.CharField(max_length=40, db_index=True)
    claimed_at = models.DateTimeField(_("geclaimd op"))
    sent_at = models.DateTimeField(_("verstuurd op"), null=True, blank=True)
    attempts = models.PositiveSmallIntegerField(_("pogingen"), default=0)
    error = models.CharField(_("fout"), max_length=300, blank=True)
    message_id = models.BigIntegerField(_("gebruikte boodschap"), null=True, blank=True)

    class Meta:
        ordering = ["-claimed_at", "-pk"]
        verbose_name = _("verstuurde herinnering")
        verbose_name_plural = _("verstuurde herinneringen")
        constraints = [
            models.UniqueConstraint(fields=["recipient", "kind", "period"], name="one_reminder_per_kind_and_period")
        ]
        indexes = [
            models.Index(fields=["recipient", "claimed_at"], name="reminder_recent_per_person"),
            models.Index(fields=["kind", "period", "status"], name="reminder_kind_period_status"),
            models.Index(fields=["status", "claimed_at"], name="reminder_stale_claims"),
        ]

    def __str__(self):
        return f"{self.get_kind_display()} {self.period} → {self.recipient_id}"


class Schedule(models.Model):
    """When the monthly reminders go out (one row, edited by the programme lead in the admin).

    The n-th given weekday of the month; on a weekend or holiday the next working day. Default for
    learning: the first Thursday, the plan's Digidonderdag; for the agenda: the first Monday.
    """

    class Weekday(models.IntegerChoices):
        MONDAY = 0, _("maandag")
        TUESDAY = 1, _("dinsdag")
        WEDNESDAY = 2, _("woensdag")
        THURSDAY = 3, _("donderdag")
        FRIDAY = 4, _("vrijdag")

    learning_weekday = models.PositiveSmallIntegerField(
        _("leerherinnering op"), choices=Weekday.choices, default=Weekday.THURSDAY
    )
    learning_week = models.PositiveSmallIntegerField(_("in week van de maand (1–4)"), default=1)
    agenda_weekday = models.PositiveSmallIntegerField(
        _("agendaherinnering op"), choices=Weekday.choices, default=Weekday.MONDAY
    )
    agenda_week = models.PositiveSmallIntegerField(_("in week van de maand (1–4)"), default=1)

    class Meta:
        verbose_name = _("planning van de herinneringen")
        verbose_name_plural = _("planning van de herinneringen")

    def __str__(self):
        return str(self._meta.verbose_name)

    def clean(self):
        for field in ("learning_week", "agenda_week"):
            if not 1 <= getattr(self, field) <= 4:
                raise ValidationError({field: _("Kies een week van 1 tot en met 4.")})

    @classmethod
    def current(cls) -> "Schedule":
        """The schedule in use (the defaults until the programme lead changes them)."""
        return cls.objects.order_by("pk").first() or cls()
