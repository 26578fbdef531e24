from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from common.dates import validate_plausible_day


class TeamMeeting(models.Model):
    """A team meeting (werkoverleg), logged by one of the team's leaders and shared by all of them.

    Plan §2: Digivaardig is at least once a month a fixed item on the agenda; a month is met when
    the team held a meeting with the item in it. One meeting per team per day.
    """

    # What a team leader fills in, in form order.
    EDITABLE_FIELDS = ("date", "digivaardig_on_agenda", "topic", "notes")

    team = models.ForeignKey("organisations.Team", on_delete=models.CASCADE, related_name="meetings")
    date = models.DateField(_("datum van het werkoverleg"), validators=[validate_plausible_day])
    digivaardig_on_agenda = models.BooleanField(_("Stond Digivaardig op de agenda?"), default=True)
    topic = models.CharField(
        _("onderwerp"), max_length=200, blank=True, help_text=_("Bijvoorbeeld: de Digidonderdagtip over Teams.")
    )
    notes = models.CharField(_("korte notitie"), max_length=500, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-date", "-pk"]
        verbose_name = _("werkoverleg")
        verbose_name_plural = _("werkoverleggen")
        constraints = [models.UniqueConstraint(fields=["team", "date"], name="one_meeting_per_team_per_day")]
        indexes = [models.Index(fields=["date", "team"], name="meeting_date_team")]

    def __str__(self):
        return f"{self.team} {self.date}"

    def clean(self):
        if self.digivaardig_on_agenda and not (self.topic or "").strip():
            raise ValidationError({"topic": _("Vul in waarover jullie het hadden.")})
