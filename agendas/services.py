"""Writes of the team meeting log (plan §2: Digivaardig at least once a month on the agenda of the
werkoverleg). Each validates first and raises ValidationError by field; nothing is written then."""

import datetime

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from campaigns.selectors import campaign_covers, current_campaign
from organisations.caching import participation_changed
from organisations.models import Team, User

from .caching import meetings_changed
from .models import TeamMeeting

SAME_DAY = gettext_lazy(
    "Op deze datum staat al een werkoverleg van dit team. Pas dat overleg aan in de lijst hieronder."
)


def _check(meeting: TeamMeeting, *, today: datetime.date) -> None:
    errors = {}
    municipality_id = meeting.team.municipality_id
    if meeting.date and meeting.date > today:
        errors["date"] = _("Leg een werkoverleg vast als het is geweest: kies vandaag of een eerdere dag.")
    elif meeting.date and not campaign_covers(municipality_id=municipality_id, day=meeting.date):
        campaign = current_campaign(municipality_id=municipality_id, today=today)
        if campaign is None:
            errors["date"] = _("Voor deze gemeente loopt nog geen campagne.")
        else:
            errors["date"] = _("Kies een datum binnen de campagne: van %(first)s tot en met %(last)s.") % {
                "first": date_format(campaign.kick_off_date, "j F Y"),
                "last": date_format(campaign.end_date, "j F Y"),
            }
    if not errors.get("date") and meeting.date:
        same_day = TeamMeeting.objects.filter(team_id=meeting.team_id, date=meeting.date).exclude(pk=meeting.pk)
        if same_day.exists():
            errors["date"] = SAME_DAY
    try:
        meeting.full_clean(exclude=["team", "created_by", "updated_by"], validate_unique=False)
    except ValidationError as error:
        for field, messages in error.message_dict.items():
            errors.setdefault(field, messages)
    if errors:
        raise ValidationError(errors)


def _save(meeting, **kwargs):
    try:
        with transaction.atomic():
            meeting.save(**kwargs)
    except IntegrityError:
        # Another leader of the team logged the same day at the same moment.
        raise ValidationError({"date": SAME_DAY}) from None


def meeting_log(
    *,
    team: Team,
    leader: User,
    date: datetime.date,
    digivaardig_on_agenda: bool,
    topic: str = "",
    notes: str = "",
    today: datetime.date | None = None,
) -> TeamMeeting:
    """A team leader logs a werkoverleg of `team`: its `date`, whether Digivaardig was on the agenda,
    the `topic` (required when it was) and a short note (at most 500 characters).

    Returns the saved TeamMeeting. Raises ValidationError by field for a date in the future, outside
    the campaign or already logged for this team, or a missing topic.
    """
    meeting = TeamMeeting(
        team=team,
        date=date,
        digivaardig_on_agenda=digivaardig_on_agenda,
        topic=(topic or "").strip(),
        notes=(notes or "").strip(),
        created_by=leader,
        updated_by=leader,
    )
    _check(meeting, today=today or timezone.localdate())
    _save(meeting)
    participation_changed(municipality_ids=[team.municipality_id])
    meetings_changed()
    return meeting


def meeting_update(
    *,
    meeting: TeamMeeting,
    leader: User,
    date: datetime.date,
    digivaardig_on_agenda: bool,
    topic: str = "",
    notes: str = "",
    today: datetime.date | None = None,
) -> TeamMeeting:
    """Change a logged werkoverleg (any leader of the team may). The same rules as meeting_log."""
    meeting.date, meeting.digivaardig_on_agenda = date, digivaardig_on_agenda
    meeting.topic, meeting.notes, meeting.updated_by = (topic or "").strip(), (notes or "").strip(), leader
    _check(meeting, today=today or timezone.localdate())
    _save(meeting, update_fields=["date", "digivaardig_on_agenda", "topic", "notes", "updated_by", "updated_at"])
    participation_changed(municipality_ids=[meeting.team.municipality_id])
    meetings_changed()
    return meeting
