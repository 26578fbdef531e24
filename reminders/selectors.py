"""Reads of the reminders: how they went, per kind and period, and what a reminder looks like."""

import datetime
from dataclasses import dataclass

from django.db.models import Count, Exists, OuterRef, Q
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from agendas.models import TeamMeeting
from campaigns.models import ContentItem
from campaigns.selectors import current_campaign
from coaching.models import InspirationSession
from common.dates import month_end
from common.workdays import next_working_day
from organisations.access import visible_municipalities
from organisations.caching import cached_counts, cached_participation
from organisations.models import Team, User
from selfscan.models import Round

from .models import Kind, ReminderLog, Status

STAGE_LABELS = {
    "invite": gettext_lazy("uitnodiging"),
    "3w": gettext_lazy("drie weken voor de deadline"),
    "1w": gettext_lazy("één week voor de deadline"),
}


@dataclass(frozen=True)
class PeriodStatus:
    """Counts of one kind and period, and the most frequent failure reason (if any)."""

    kind: str
    kind_label: str
    period: str
    period_label: str
    sent: int
    failed: int
    pending: int
    reasons: list


@dataclass(frozen=True)
class OptOuts:
    """Who switched off a monthly reminder: counts and percentages of the people who could."""

    learning: int
    learning_of: int
    agenda: int
    agenda_of: int

    @property
    def learning_percent(self) -> int:
        return round(100 * self.learning / self.learning_of) if self.learning_of else 0

    @property
    def agenda_percent(self) -> int:
        return round(100 * self.agenda / self.agenda_of) if self.agenda_of else 0


def reminder_status(*, municipalities) -> list[PeriodStatus]:
    """Sent, failed and pending reminders per kind and period, newest period first, counting only
    recipients of `municipalities` (a queryset): one query for the counts, one for the reasons, one
    each for the rounds and sessions the periods name. The demo's examples are not sends: left out."""
    logs = ReminderLog.objects.filter(recipient__municipality__in=municipalities).exclude(status=Status.EXAMPLE)
    rows = (
        logs.values("kind", "period")
        .annotate(
            sent=Count("pk", filter=Q(status=Status.SENT)),
            failed=Count("pk", filter=Q(status=Status.FAILED)),
            pending=Count("pk", filter=Q(status=Status.CLAIMED)),
        )
        .order_by("-period", "kind")
    )
    reasons = {}
    failures = (
        logs.filter(status=Status.FAILED).values("kind", "period", "error").annotate(n=Count("pk")).order_by("-n")
    )
    for failure in failures:
        reasons.setdefault((failure["kind"], failure["period"]), []).append((failure["error"], failure["n"]))
    labels = dict(Kind.choices)
    rows = list(rows)
    period_names = period_labels(periods={row["period"] for row in rows})
    return [
        PeriodStatus(
            kind=row["kind"],
            kind_label=labels.get(row["kind"], row["kind"]),
            period=row["period"],
            period_label=period_names.get(row["period"], row["period"]),
            sent=row["sent"],
            failed=row["failed"],
            pending=row["pending"],
            reasons=reasons.get((row["kind"], row["period"]), [])[:3],
        )
        for row in rows
    ]


def opt_outs(*, municipalities) -> OptOuts:
    """How many employees (and team leaders) of `municipalities` (a queryset or list of
    Municipality) switched a monthly reminder off. Counting every person takes tens of milliseconds
    at 50,000 people, so the counts are cached until a preference, a person or a team changes
    (organisations.caching.cached_participation). One query for the ids, two more when not cached."""
    municipality_ids = sorted({municipality.pk for municipality in municipalities})

    def count():
        people = User.objects.filter(is_active=True, municipality__in=municipality_ids)
        leaders = people.filter(led_teams__isnull=False).distinct()
        counts = people.aggregate(total=Count("pk"), off=Count("pk", filter=Q(receives_reminders=False)))
        leader_counts = User.objects.filter(pk__in=leaders.values("pk")).aggregate(
            total=Count("pk"), off=Count("pk", filter=Q(receives_agenda_reminders=False))
        )
        return OptOuts(
            learning=counts["off"],
            learning_of=counts["total"],
            agenda=leader_counts["off"],
            agenda_of=leader_counts["total"],
        )

    return cached_participation("opt-outs", municipality_ids=municipality_ids, parts=municipality_ids, build=count)


def _month_of(period: str) -> datetime.date | None:
    try:
        return datetime.date.fromisoformat(f"{period}-01")
    except ValueError:
        return None


def period_labels(*, periods) -> dict:
    """{period key: the period in words}: "oktober 2026", "Ronde 1, uitnodiging", the session's title
    and date; a key it cannot read stays as it is. Two queries (the rounds, the sessions)."""
    labels, round_keys, session_keys = {}, {}, {}
    for period in periods:
        first, _sep, rest = period.partition(":")
        if period == "voorbeeld" or rest == "voorbeeld":
            labels[period] = _("Voorbeeld (demo)")
        elif first == "session" and rest.isdigit():
            session_keys[period] = int(rest)
        elif first.isdigit() and rest in STAGE_LABELS:
            round_keys[period] = (int(first), rest)
        elif (month := _month_of(period)) is not None:
            labels[period] = date_format(month, "F Y")
    numbers = dict(Round.objects.filter(pk__in=[pk for pk, _s in round_keys.values()]).values_list("pk", "number"))
    for period, (round_id, stage) in round_keys.items():
        if round_id in numbers:
            labels[period] = _("Ronde %(number)s, %(stage)s") % {
                "number": numbers[round_id],
                "stage": STAGE_LABELS[stage],
            }
    sessions = InspirationSession.objects.filter(pk__in=session_keys.values()).in_bulk()
    for period, session_id in session_keys.items():
        if session_id in sessions:
            session = sessions[session_id]
            day = date_format(timezone.localtime(session.starts_at), "j F Y")
            labels[period] = _("Sessie “%(title)s”, %(day)s") % {"title": session.title, "day": day}
    return labels


def month_tips(*, month: datetime.date) -> dict:
    """{municipality id: the tip of `month`} from the content plan (the first tip published that
    month, not cancelled): what the learning reminder of that month shows. One query."""
    tips = {}
    items = ContentItem.objects.filter(
        format=ContentItem.Format.TIP, publish_on__year=month.year, publish_on__month=month.month
    ).exclude(status=ContentItem.Status.CANCELLED)
    for municipality_id, title, notes in items.order_by("publish_on").values_list("municipality_id", "title", "notes"):
        tips.setdefault(municipality_id, notes or title)
    return tips


def teams_without_agenda(*, month: datetime.date, leader_ids=None, municipality_ids=None) -> dict:
    """{team leader id: the first team they lead without Digivaardig on a werkoverleg agenda in
    `month`} (for `leader_ids`, or for the teams of `municipality_ids` under the key None): where
    the agenda reminder's button leads. One query."""
    discussed = TeamMeeting.objects.filter(
        team=OuterRef("pk"), digivaardig_on_agenda=True, date__gte=month, date__lte=month_end(month)
    )
    teams = Team.objects.exclude(Exists(discussed))
    if municipality_ids is not None:
        team = teams.filter(municipality__in=municipality_ids).order_by("pk").first()
        return {None: team.pk} if team else {}
    found = {}
    pairs = teams.filter(leaders__in=leader_ids).order_by("pk").values_list("leaders", "pk")
    for leader_id, team_id in pairs:
        found.setdefault(leader_id, team_id)
    return found


def batch_context(*, kind: str, period: str, recipient_ids) -> dict:
    """What composing a batch of `kind` for `period` needs (the Composer's keywords): the round,
    stage and due date of a scan reminder; the month's tips of a learning reminder; each leader's
    team of an agenda reminder; the session of a session reminder."""
    if kind in (Kind.SCAN_ROUND1, Kind.SCAN_ROUND2):
        round_id, _sep, stage = period.partition(":")
        due = Round.objects.filter(pk=round_id).values_list("due_on", flat=True).first() if round_id.isdigit() else None
        return {"stage": stage, "due": due, "round_id": int(round_id) if round_id.isdigit() else None}
    month = _month_of(period)
    if kind == Kind.LEARNING_MONTHLY and month is not None:
        return {"tips": month_tips(month=month)}
    if kind == Kind.AGENDA_MONTHLY and month is not None:
        return {"teams": teams_without_agenda(month=month, leader_ids=list(recipient_ids))}
    if kind == Kind.SESSION_REMINDER and period.startswith("session:"):
        session_id = period.split(":", 1)[1]
        return {"session": InspirationSession.objects.filter(pk=session_id).first() if session_id.isdigit() else None}
    return {}


def next_session(*, municipality_ids, now: datetime.datetime):
    """The first planned inspiration session after `now` of `municipality_ids` or for everyone, or None."""
    return (
        InspirationSession.objects.filter(status=InspirationSession.Status.PLANNED, starts_at__gt=now)
        .filter(Q(municipality__in=municipality_ids) | Q(municipality__isnull=True))
        .order_by("starts_at", "pk")
        .first()
    )


def example_session(*, now: datetime.datetime) -> InspirationSession:
    """An unsaved, plainly labelled example session (the next working day at 14:00): for a preview or
    the demo when no real session is coming up."""
    day = next_working_day(timezone.localtime(now).date() + datetime.timedelta(days=1))
    return InspirationSession(
        title=_("Voorbeeld: slimmer vergaderen met Teams"),
        starts_at=timezone.make_aware(datetime.datetime.combine(day, datetime.time(14))),
        location=_("Stadhuis, zaal 2"),
    )


@dataclass(frozen=True)
class PreviewRound:
    """The scan round a preview of a scan reminder shows: its campaign's name, the round's id and
    due date."""

    campaign_name: str
    round_id: int
    due_on: datetime.date


def preview_municipality(*, user: User):
    """Whose situation an advisor's preview shows: their own municipality if they advise it, else the
    first by name they may read (a Municipality), or None. Kept until the organisation changes
    (organisation_changed: advised municipalities are edited with the person). One query when not
    kept, none when kept."""

    def build():
        visible = visible_municipalities(user)
        return visible.filter(pk=user.municipality_id).first() or visible.order_by("name").first()

    return cached_counts("reminders:preview-municipality", [user.pk, user.municipality_id], build)


def preview_round(*, municipality_id: int, number: int, today: datetime.date) -> PreviewRound | None:
    """Round `number` (1 or 2) of the municipality's current campaign on `today`
    (campaigns.selectors.current_campaign), or None. Kept until a counted write in the municipality:
    a campaign's name or dates, its rounds and their dates count (participation_changed). Two queries
    when not kept, none when kept."""

    def build():
        campaign = current_campaign(municipality_id=municipality_id, today=today)
        scan_round = campaign.scan_rounds.filter(number=number).first() if campaign else None
        if scan_round is None:
            return None
        return PreviewRound(campaign_name=campaign.name, round_id=scan_round.pk, due_on=scan_round.due_on)

    return cached_participation(
        "reminders:preview-round", municipality_ids=[municipality_id], parts=[number, today], build=build
    )
