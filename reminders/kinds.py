"""When each kind of reminder is due, for which period, and who should get it (plan §4 and §2).

A `Due` is one kind for one period on one day: `recipients` is the queryset of people it should
still go to, already without those who had it, who opted out, or who had another reminder this week.
Dates fall on working days: a day that lands on a weekend or Dutch public holiday moves to the next
working day. Each kind stays due for a while after its day (`until`), so people who arrive later in
the period (a new employee mid-month) and people held back by the weekly limit get it once.
"""

import datetime
from dataclasses import dataclass, field

from django.db.models import Exists, OuterRef
from django.utils import timezone

from agendas.models import TeamMeeting
from campaigns.models import Campaign
from coaching.selectors import sessions_on
from common.dates import month_end, month_start
from common.workdays import next_working_day, nth_weekday
from learning.models import LearningActivity
from organisations.models import Team, User
from selfscan.models import Response, Round

from .models import Kind, ReminderLog, Schedule, Status

# At most one reminder e-mail per person per week: after one, the next can go on the same weekday a
# week later, whatever the hour. (The session reminder, asked for by signing up, neither waits for
# this nor counts towards it.)
DAYS_BETWEEN = 7
CAPPED = [Kind.SCAN_ROUND1, Kind.SCAN_ROUND2, Kind.AGENDA_MONTHLY, Kind.LEARNING_MONTHLY]
SCAN_STAGES = (("invite", None), ("3w", datetime.timedelta(weeks=3)), ("1w", datetime.timedelta(weeks=1)))


@dataclass
class Due:
    """One kind for one period, due on `send_on` (a working day) and still sendable up to `until`."""

    kind: Kind
    period: str
    send_on: datetime.date
    until: datetime.date
    recipients: object  # a queryset of User, built by _eligible
    context: dict = field(default_factory=dict)


def _eligible(kind, period, people, day):
    """`people` without a log row for this kind and period, and without a capped reminder this week."""
    people = people.filter(is_active=True).exclude(
        Exists(ReminderLog.objects.filter(recipient=OuterRef("pk"), kind=kind, period=period))
    )
    if kind in CAPPED:
        recent = ReminderLog.objects.filter(
            recipient=OuterRef("pk"),
            kind__in=CAPPED,
            status__in=[Status.CLAIMED, Status.SENT],
            claimed_at__gte=timezone.make_aware(
                datetime.datetime.combine(day - datetime.timedelta(days=DAYS_BETWEEN - 1), datetime.time.min)
            ),
        )
        people = people.exclude(Exists(recent))
    return people.order_by("pk")


def _running_campaigns(day):
    return Campaign.objects.filter(kick_off_date__lte=day, end_date__gte=day).prefetch_related("municipalities")


def _scan_dues(kind, number, day):
    dues = []
    rounds = Round.objects.filter(number=number, opens_on__lte=day, due_on__gte=day).select_related("campaign")
    for scan_round in rounds:
        stages = []
        for stage, before_due in SCAN_STAGES:
            planned = scan_round.opens_on if before_due is None else scan_round.due_on - before_due
            if planned >= scan_round.opens_on or before_due is None:
                stages.append((stage, next_working_day(max(planned, scan_round.opens_on))))
        current = [(stage, send_on) for stage, send_on in stages if send_on <= day]
        if not current:
            continue
        stage, send_on = current[-1]
        period = f"{scan_round.pk}:{stage}"
        people = User.objects.filter(municipality__in=scan_round.campaign.municipalities.all()).exclude(
            Exists(Response.objects.filter(round=scan_round, employee=OuterRef("pk"), submitted_at__isnull=False))
        )
        dues.append(
            Due(
                kind=kind,
                period=period,
                send_on=send_on,
                until=scan_round.due_on,
                recipients=_eligible(kind, period, people, day),
                context={"round": scan_round, "stage": stage},
            )
        )
    return dues


def _monthly_send_on(day, weekday, week):
    return next_working_day(nth_weekday(month_start(day), weekday, week))


def _monthly_dues(kind, day, weekday, week, people_of):
    """A monthly kind for each running campaign, due from its day of the month to the month's end;
    `people_of(campaign, month)` gives who should get it."""
    send_on = _monthly_send_on(day, weekday, week)
    if day < send_on:
        return []
    month = month_start(day)
    period = f"{month:%Y-%m}"
    return [
        Due(
            kind=kind,
            period=period,
            send_on=send_on,
            until=month_end(day),
            recipients=_eligible(kind, period, people_of(campaign, month), day),
            context={"campaign": campaign, "month": month},
        )
        for campaign in _running_campaigns(day)
    ]


def _learning_dues(day, schedule):
    def not_yet_active(campaign, month):
        return User.objects.filter(municipality__in=campaign.municipalities.all(), receives_reminders=True).exclude(
            Exists(LearningActivity.objects.filter(employee=OuterRef("pk"), month=month))
        )

    return _monthly_dues(Kind.LEARNING_MONTHLY, day, schedule.learning_weekday, schedule.learning_week, not_yet_active)


def _session_dues(day):
    """The day before an inspiration session, to the people signed up (not the waiting list).

    On a working day it covers every session up to the next working day: a Monday's session is
    reminded on the Friday before, with the weekend's (reminders never go out on a weekend)."""
    first = day + datetime.timedelta(days=1)
    last = next_working_day(first)
    dues = []
    while first <= last:
        for reminder in sessions_on(day=first):
            period = f"session:{reminder.session.pk}"
            people = User.objects.filter(pk__in=reminder.person_ids)
            dues.append(
                Due(
                    kind=Kind.SESSION_REMINDER,
                    period=period,
                    send_on=day,
                    until=first - datetime.timedelta(days=1),
                    recipients=_eligible(Kind.SESSION_REMINDER, period, people, day),
                    context={"session": reminder.session},
                )
            )
        first += datetime.timedelta(days=1)
    return dues


def _agenda_dues(day, schedule):
    def leaders_without_agenda(campaign, month):
        discussed = TeamMeeting.objects.filter(
            team=OuterRef("pk"), digivaardig_on_agenda=True, date__gte=month, date__lte=month_end(month)
        )
        teams_without = Team.objects.filter(
            leaders=OuterRef("pk"), municipality__in=campaign.municipalities.all()
        ).exclude(Exists(discussed))
        return User.objects.filter(receives_agenda_reminders=True).filter(Exists(teams_without))

    return _monthly_dues(
        Kind.AGENDA_MONTHLY, day, schedule.agenda_weekday, schedule.agenda_week, leaders_without_agenda
    )


def due_reminders(*, kind: Kind, day: datetime.date) -> list[Due]:
    """The reminders of `kind` due on `day` (a date in Europe/Amsterdam), each with its recipients.

    Nothing is due on a weekend or public holiday: what falls on one goes out the next working day.
    """
    if next_working_day(day) != day:
        return []
    schedule = Schedule.current()
    if kind == Kind.SCAN_ROUND1:
        return _scan_dues(kind, Round.Number.BASELINE, day)
    if kind == Kind.SCAN_ROUND2:
        return _scan_dues(kind, Round.Number.FINAL, day)
    if kind == Kind.LEARNING_MONTHLY:
        return _learning_dues(day, schedule)
    if kind == Kind.AGENDA_MONTHLY:
        return _agenda_dues(day, schedule)
    if kind == Kind.SESSION_REMINDER:
        return _session_dues(day)
    return []
