"""Reads of the team meeting log and the agenda suggestion (plan §2: Digivaardig at least once a
month on the agenda of the werkoverleg; plan §4: the messages for team leaders).

`agenda_compliance` counts across many teams at once for reminders and dashboards. Everything a
team leader sees of their team's people is a count, shown under the same rule as on the team
dashboard (common.privacy.figure_shown): never one person's activity or scan.
"""

import datetime
from collections import defaultdict
from dataclasses import dataclass

from django.conf import settings
from django.core.paginator import Page
from django.db.models import Q, QuerySet
from django.utils.translation import gettext as _

from campaigns.models import Campaign, ContentItem
from campaigns.selectors import current_campaign
from common.cache import versioned_many
from common.dates import month_end, month_start, months_between
from common.paging import KnownCountPaginator
from common.privacy import figure_shown
from learning.selectors import active_counts
from organisations.models import Team, User
from personas.selectors import Recipient, messages_for_recipient
from selfscan.models import Round
from selfscan.selectors import respondent_counts

from .caching import MEETING_SECONDS, MEETINGS, cached_question, cached_team_figures, cached_team_log
from .models import TeamMeeting

IN_LIST_LIMIT = 500
# Content of the month that belongs on a team's agenda (the team leaders' own items do not).
TEAM_AUDIENCES = (ContentItem.Audience.EVERYONE, ContentItem.Audience.EMPLOYEES)


class MonthGoal:
    """How a month looks for a team's agenda goal."""

    MET = "met"  # a meeting with Digivaardig on the agenda
    OPEN = "open"  # this month, not yet
    MISSED = "missed"  # a past month without
    UPCOMING = "upcoming"


@dataclass(frozen=True)
class AgendaCompliance:
    """Per team, the months (of `months`) with at least one werkoverleg with Digivaardig on the
    agenda: `met` maps a team id to a frozenset of month dates (first days)."""

    months: tuple
    met: dict

    def is_met(self, team_id, month: datetime.date) -> bool:
        return month_start(month) in self.met.get(team_id, frozenset())

    def months_met(self, team_id) -> frozenset:
        return self.met.get(team_id, frozenset())

    def teams_met(self, month: datetime.date) -> int:
        """How many of the teams met the goal in `month`."""
        month = month_start(month)
        return sum(1 for months in self.met.values() if month in months)


def agenda_compliance(*, teams, months) -> AgendaCompliance:
    """For many teams at once, the months in which each held a werkoverleg with Digivaardig on the
    agenda (plan §2). `teams`: a queryset of Team (sent as a subquery) or an iterable of teams or
    ids; `months`: dates, each standing for its month. One query whatever the numbers. Returns
    AgendaCompliance; reminders and dashboards call it."""
    wanted = tuple(sorted({month_start(month) for month in months}))
    if not wanted:
        return AgendaCompliance(months=(), met={})
    meetings = TeamMeeting.objects.filter(
        digivaardig_on_agenda=True, date__gte=wanted[0], date__lte=month_end(wanted[-1])
    )
    only = None
    if isinstance(teams, QuerySet):
        meetings = meetings.filter(team__in=teams.values("pk"))
    else:
        ids = {getattr(team, "pk", team) for team in teams}
        if len(ids) <= IN_LIST_LIMIT:
            meetings = meetings.filter(team_id__in=ids)
        else:
            only = ids
    met = defaultdict(set)
    for team_id, day in meetings.order_by().values_list("team_id", "date"):
        month = month_start(day)
        if month in wanted and (only is None or team_id in only):
            met[team_id].add(month)
    return AgendaCompliance(months=wanted, met={team_id: frozenset(found) for team_id, found in met.items()})


def kept_agenda_compliance(*, team_ids, months) -> AgendaCompliance:
    """agenda_compliance for a few teams (`team_ids`) and `months` (dates), kept until a meeting is
    written (caching.meetings_changed). No query when kept, one otherwise."""
    ids = sorted(set(team_ids))
    wanted = sorted({month_start(month) for month in months})
    return versioned_many(
        [MEETINGS],
        ["agenda-compliance", *ids, "|", *wanted],
        lambda: agenda_compliance(teams=ids, months=wanted),
        seconds=MEETING_SECONDS,
    )


@dataclass(frozen=True)
class TeamMonth:
    """One month of the campaign for a team's agenda goal: `month` (first day) and its MonthGoal."""

    month: datetime.date
    state: str


@dataclass(frozen=True)
class TeamAgendaOverview:
    """The team's row of months (TeamMonth per campaign month), whether this month is met, how many
    months so far are met, and the campaign (None without one). `last_day`: the latest date a
    meeting may have now."""

    campaign: Campaign | None
    months: list
    met_this_month: bool
    met_count: int
    months_so_far: int
    last_day: datetime.date


def agenda_months(*, campaign: Campaign) -> list[datetime.date]:
    """The months in which the agenda goal counts: from the kick-off month to the end month."""
    return months_between(campaign.kick_off_date, campaign.end_date)


def team_agenda_overview(*, team: Team, today: datetime.date) -> TeamAgendaOverview:
    """The team's agenda goal per month of its municipality's campaign (TeamAgendaOverview). Two queries."""
    campaign = current_campaign(municipality_id=team.municipality_id, today=today)
    if campaign is None:
        return TeamAgendaOverview(None, [], False, 0, 0, today)
    months = agenda_months(campaign=campaign)
    met = agenda_compliance(teams=[team.pk], months=months).months_met(team.pk)
    this_month = month_start(today)

    def state(month):
        if month in met:
            return MonthGoal.MET
        if month > this_month:
            return MonthGoal.UPCOMING
        return MonthGoal.OPEN if month == this_month else MonthGoal.MISSED

    return TeamAgendaOverview(
        campaign=campaign,
        months=[TeamMonth(month=month, state=state(month)) for month in months],
        met_this_month=this_month in met,
        met_count=len(met),
        months_so_far=sum(1 for month in months if month <= this_month),
        last_day=min(today, campaign.end_date),
    )


def team_meetings(*, team: Team):
    """The team's logged meetings, newest first, with who logged and changed them (a lazy queryset)."""
    return TeamMeeting.objects.filter(team=team).select_related("created_by", "updated_by").order_by("-date", "-pk")


@dataclass(frozen=True)
class TeamLog:
    """The team log page's reads: `overview` (TeamAgendaOverview) and `page`, a Page of the team's
    meetings (team_meetings) with its paginator."""

    overview: TeamAgendaOverview
    page: Page


def team_log(*, team: Team, today: datetime.date, page_number, per_page: int) -> TeamLog:
    """The team log (TeamLog) with page `page_number` (as typed: Paginator.get_page's rules) of its
    meetings; kept in the cache until a meeting, the campaign or the organisation changes
    (caching.cached_team_log). Four queries when not cached, none when cached."""

    def build():
        meetings = team_meetings(team=team)
        count = meetings.count()
        page = KnownCountPaginator(meetings, per_page, count=count).get_page(page_number)
        return team_agenda_overview(team=team, today=today), count, page.number, list(page.object_list)

    overview, count, number, meetings = cached_team_log(team=team, today=today, page_number=page_number, build=build)
    return TeamLog(overview=overview, page=Page(meetings, number, KnownCountPaginator([], per_page, count=count)))


def _percent(part: int, whole: int) -> int:
    return round(100 * part / whole) if whole else 0


@dataclass(frozen=True)
class ScanFigure:
    """How many of the team did a round of the zelfscan. `respondents` and `percent` are None when
    the privacy rule (common.privacy.figure_shown) hides them (then the page says 'fewer than N')."""

    label: str
    respondents: int | None
    percent: int | None


@dataclass(frozen=True)
class TeamParticipation:
    """The team's participation as counts and percentages, never per person.

    members: active members. shown: whether the privacy rule (common.privacy.figure_shown) allows the
    learning figure; active / active_percent: members active on the learning platform this month
    (None when not shown). scans: a ScanFigure per zelfscan round that has opened. min_group: the
    threshold of figures from scan scores, for the wording.
    """

    members: int
    shown: bool
    active: int | None
    active_percent: int | None
    scans: list
    min_group: int


def team_participation(*, team: Team, campaign: Campaign | None, today: datetime.date) -> TeamParticipation:
    """The team's participation figures this month (TeamParticipation): counts of who took part,
    shown under the same rule as on the team dashboard (common.privacy.figure_shown: participation
    counts whatever the team's size; this page shows no figures from scan scores). Four queries."""
    minimum = settings.PRIVACY_MIN_GROUP_SIZE
    members = User.objects.filter(team=team, is_active=True)
    size = members.count()
    shown = figure_shown(from_scan_scores=False, respondents=size, minimum=minimum)
    active = active_counts(employees=members, months=[today])[month_start(today)] if shown else None
    scans = []
    if campaign is not None:
        rounds = list(Round.objects.filter(campaign=campaign, opens_on__lte=today).order_by("number"))
        counts = respondent_counts(employees=members, campaign=campaign) if rounds else {}
        for scan_round in rounds:
            count = counts.get(scan_round.number, 0)
            enough = figure_shown(from_scan_scores=False, respondents=count, minimum=minimum)
            scans.append(
                ScanFigure(
                    label=scan_round.get_number_display(),
                    respondents=count if enough else None,
                    percent=_percent(count, size) if enough else None,
                )
            )
    return TeamParticipation(
        members=size,
        shown=shown,
        active=active,
        active_percent=_percent(active, size) if shown else None,
        scans=scans,
        min_group=minimum,
    )


@dataclass(frozen=True)
class AgendaSuggestion:
    """What a team leader can put on this month's agenda (plan §2 and §4).

    items: the month's published content items of the team's municipality for employees (without
    the tip); tip: this month's published Digidonderdagtip (or None); earlier_tip: without one this
    month, the latest one before it (or None), which the page labels with its date; question: a discussion question
    from the team leaders' messages (or ""); participation: TeamParticipation; met_this_month:
    whether Digivaardig was already on this month's agenda.
    """

    team: Team
    month: datetime.date
    campaign: Campaign | None
    items: list
    tip: ContentItem | None
    earlier_tip: ContentItem | None
    question: str
    participation: TeamParticipation
    met_this_month: bool


def discussion_question(*, month: datetime.date) -> str:
    """A question for the team, made of one of the team leaders' messages (plan §4), a different one
    each month; "" when there are none."""
    messages = messages_for_recipient(persona=None, is_busy=False, audience=Recipient.TEAM_LEADER)
    if not messages:
        return ""
    message = messages[(month.year * 12 + month.month) % len(messages)]
    return _("“%(message)s” Herkennen jullie dat? Waar merk je het in je eigen werk?") % {
        "message": message.text.rstrip(".")
    }


def agenda_suggestion(*, team: Team, today: datetime.date) -> AgendaSuggestion:
    """This month's agenda suggestion for the team (AgendaSuggestion). Four queries (the campaign,
    the month's content, whether the goal is met, and an earlier tip only when there is none this
    month) when the participation figures and the question come from the cache (agendas.caching),
    none per item."""
    month = month_start(today)
    campaign = current_campaign(municipality_id=team.municipality_id, today=today)
    published = ContentItem.objects.filter(
        municipality_id=team.municipality_id, status=ContentItem.Status.PUBLISHED, publish_on__lte=today
    )
    # The month's items for the team and its tips in one query, split here.
    this_month = published.filter(
        Q(audience__in=TEAM_AUDIENCES) | Q(format=ContentItem.Format.TIP), publish_on__gte=month
    ).order_by("publish_on", "title", "pk")
    items, tips = [], []
    for item in this_month:
        if item.format == ContentItem.Format.TIP:
            tips.append(item)
        else:
            items.append(item)
    # This month's tip (the latest); without one, the latest is offered for what it is: an earlier tip, dated.
    tip = max(tips, key=lambda item: (item.publish_on, item.pk), default=None)
    earlier_tip = None
    if tip is None:
        earlier_tip = published.filter(format=ContentItem.Format.TIP).order_by("-publish_on", "-pk").first()
    met = agenda_compliance(teams=[team.pk], months=[month]).is_met(team.pk, month)
    return AgendaSuggestion(
        team=team,
        month=month,
        campaign=campaign,
        items=items,
        tip=tip,
        earlier_tip=earlier_tip,
        question=cached_question(month=month, build=lambda: discussion_question(month=month)),
        participation=cached_team_figures(
            team=team,
            campaign=campaign,
            today=today,
            build=lambda: team_participation(team=team, campaign=campaign, today=today),
        ),
        met_this_month=met,
    )
