"""Reads of learning activity (plan §2, goal 2: use the learning platform at least once a month).

One person's activities are only read for that person (`own_activities`, `learning_summary`).
Everyone else gets counts over many people at once (`active_months`, `active_counts`), which is
what reminders and dashboards call.
"""

import datetime
from collections import defaultdict
from dataclasses import dataclass

from django.db.models import CharField, Count, Exists, ExpressionWrapper, F, OuterRef, QuerySet
from django.utils.formats import date_format
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from campaigns.models import Campaign
from campaigns.selectors import current_campaign
from common.cache import versioned_many
from common.dates import month_start, months_between
from organisations.caching import participation_namespace

from .models import LearningActivity

# Above this many ids an IN list is not sent to the database (SQLite allows a limited number of
# parameters); the months' rows are read once and filtered here instead. Still one query.
IN_LIST_LIMIT = 500


class MonthState:
    """How a month of the campaign looks for one person."""

    ACTIVE = "active"
    NOT_YET_ACTIVE = "not_yet_active"
    UPCOMING = "upcoming"


@dataclass(frozen=True)
class MonthStatus:
    """One month of the campaign for one person: `month` (its first day) and its MonthState."""

    month: datetime.date
    state: str

    @property
    def is_active(self) -> bool:
        return self.state == MonthState.ACTIVE

    @property
    def is_upcoming(self) -> bool:
        return self.state == MonthState.UPCOMING


@dataclass(frozen=True)
class LearningSummary:
    """What an employee sees of their own learning (start page and 'Mijn leeractiviteiten').

    campaign: the campaign of their municipality that runs (or ran last), or None. months: a
    MonthStatus per campaign month. active_months / months_so_far: counts up to this month.
    encouragement: one short, positive line (plan §4). first_day / last_day: the dates an activity
    may have now (None without a campaign that has started).
    """

    campaign: Campaign | None
    months: list
    active_this_month: bool
    active_months: int
    months_so_far: int
    encouragement: str
    first_day: datetime.date | None
    last_day: datetime.date | None


@dataclass(frozen=True)
class ActiveMonths:
    """Which of `months` each employee was active in: `by_employee` maps an employee id to a
    frozenset of month dates (first days); employees without activity are absent."""

    months: tuple
    by_employee: dict

    def of(self, employee_id) -> frozenset:
        """The months (of `months`) in which this employee had any activity."""
        return self.by_employee.get(employee_id, frozenset())

    def is_active(self, employee_id, month: datetime.date) -> bool:
        return month_start(month) in self.of(employee_id)

    def count(self, month: datetime.date) -> int:
        """How many of the employees were active in `month`."""
        month = month_start(month)
        return sum(1 for months in self.by_employee.values() if month in months)


def campaign_for_employee(*, employee, today: datetime.date) -> Campaign | None:
    """The campaign whose months count for the employee (campaigns.selectors.current_campaign of
    their municipality), or None."""
    return current_campaign(municipality_id=employee.municipality_id, today=today)


def learning_months(*, campaign: Campaign) -> list[datetime.date]:
    """The campaign's months for the learning goal: from the kick-off month to the end month."""
    return months_between(campaign.kick_off_date, campaign.end_date)


def _encouragement(*, campaign, today, active_this_month, active, so_far) -> str:
    if campaign is None:
        return ""
    if today < campaign.kick_off_date:
        return _("De campagne begint op %(date)s. Dan kun je hier bijhouden wat je leert.") % {
            "date": date_format(campaign.kick_off_date, "j F Y")
        }
    if today > campaign.end_date:
        return _("Je was in %(active)s van de %(total)s maanden actief. Dank je wel voor je inzet!") % {
            "active": active,
            "total": so_far,
        }
    if active_this_month and active == so_far:
        return _("Elke maand aan de slag: zo blijf je vooroplopen.")
    if active_this_month:
        return _("Goed bezig: deze maand heb je al aan je digitale vaardigheden gewerkt.")
    if active:
        return _("Maak deze maand weer even tijd vrij: één tip of een korte training is al genoeg.")
    return _("Begin rustig met één keer per maand en zie wat het oplevert.")


# The municipality's version sees every write; the time limit only bounds the memory that old
# versions' entries hold in the cache.
SUMMARY_SECONDS = 60 * 60


def learning_summary(*, employee, today: datetime.date) -> LearningSummary:
    """The employee's own learning in their campaign (LearningSummary), kept in the cache per
    person, day and language until a counted write in their municipality (their activities, the
    campaign: organisations.caching.participation_changed). Two queries when not cached."""
    if not employee.municipality_id:
        return _learning_summary(employee=employee, today=today)
    return versioned_many(
        [participation_namespace(employee.municipality_id)],
        ["learning-summary", employee.pk, employee.municipality_id, today, get_language()],
        lambda: _learning_summary(employee=employee, today=today),
        seconds=SUMMARY_SECONDS,
    )


def _learning_summary(*, employee, today: datetime.date) -> LearningSummary:
    campaign = campaign_for_employee(employee=employee, today=today)
    if campaign is None:
        return LearningSummary(None, [], False, 0, 0, "", None, None)
    months = learning_months(campaign=campaign)
    this_month = month_start(today)
    active = active_months(employees=[employee.pk], months=months).of(employee.pk)
    statuses = [
        MonthStatus(
            month=month,
            state=(
                MonthState.ACTIVE
                if month in active
                else MonthState.UPCOMING
                if month > this_month
                else MonthState.NOT_YET_ACTIVE
            ),
        )
        for month in months
    ]
    so_far = sum(1 for month in months if month <= this_month)
    active_this_month = this_month in active
    started = campaign.kick_off_date <= today
    return LearningSummary(
        campaign=campaign,
        months=statuses,
        active_this_month=active_this_month,
        active_months=len(active),
        months_so_far=so_far,
        encouragement=_encouragement(
            campaign=campaign, today=today, active_this_month=active_this_month, active=len(active), so_far=so_far
        ),
        first_day=campaign.kick_off_date if started else None,
        last_day=min(today, campaign.end_date) if started else None,
    )


def own_activities(*, employee):
    """The employee's own activities, newest first (a lazy queryset of LearningActivity)."""
    return LearningActivity.objects.filter(employee=employee).order_by("-date", "-pk")


def _restricted(rows, employees):
    """`rows` limited to `employees` (a queryset of users, or users or ids), and the id set to filter
    on afterwards when the list is too long for an IN clause (else None)."""
    if isinstance(employees, QuerySet):
        # EXISTS rather than IN (subquery): a probe per activity row by primary key, where SQLite
        # would otherwise probe the index once for every month and every person.
        return rows.filter(Exists(employees.filter(pk=OuterRef("employee_id")))), None
    ids = {getattr(employee, "pk", employee) for employee in employees}
    if len(ids) <= IN_LIST_LIMIT:
        return rows.filter(employee_id__in=ids), None
    return rows, ids


def active_months(*, employees, months) -> ActiveMonths:
    """For many employees at once, the months (of `months`) in which each had at least one activity.

    `employees`: a queryset of User (sent to the database as a subquery) or an iterable of users or
    ids; `months`: dates, each standing for its month. One query whatever the numbers (plan §2,
    goal 2; reminders and dashboards use it). Returns ActiveMonths.
    """
    wanted_months = tuple(sorted({month_start(month) for month in months}))
    if not wanted_months:
        return ActiveMonths(months=(), by_employee={})
    rows, only = _restricted(LearningActivity.objects.filter(month__in=wanted_months), employees)
    # The month as the database driver gives it (a date, or ISO text from SQLite), turned into one of
    # the few wanted dates by a lookup: parsing a date per row cost more than the query itself.
    raw_month = ExpressionWrapper(F("month"), output_field=CharField())
    as_month = {**{month: month for month in wanted_months}, **{month.isoformat(): month for month in wanted_months}}
    found = defaultdict(set)
    for employee_id, month in (
        rows.order_by().annotate(raw_month=raw_month).values_list("employee_id", "raw_month").distinct()
    ):
        if only is None or employee_id in only:
            found[employee_id].add(as_month[month])
    return ActiveMonths(
        months=wanted_months, by_employee={employee_id: frozenset(ms) for employee_id, ms in found.items()}
    )


def active_counts(*, employees, months) -> dict[datetime.date, int]:
    """How many of `employees` (a queryset of User) were active in each of `months`: {month: count},
    every month present (0 when nobody). Counted by the database in one query; an aggregate, so it
    may be shown to team leaders under the privacy rules of the page that shows it."""
    wanted = sorted({month_start(month) for month in months})
    counts = dict.fromkeys(wanted, 0)
    if not wanted:
        return counts
    rows, only = _restricted(LearningActivity.objects.filter(month__in=wanted), employees)
    if only is not None:
        by_month = active_months(employees=only, months=wanted)
        return {month: by_month.count(month) for month in wanted}
    for month, count in (
        rows.order_by().values("month").annotate(n=Count("employee", distinct=True)).values_list("month", "n")
    ):
        counts[month] = count
    return counts
