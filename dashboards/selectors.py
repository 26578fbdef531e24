"""Reads of the team and programme dashboards and the results report (plan §2: the four goals;
§6 phase 3 and §8: the closing communication and its figures).

Every figure comes from one cached snapshot of the campaign (snapshot.py) and is cut to the scope
of the person looking. Which groups may show figures from scan scores is decided once for the whole
campaign, whoever looks (figures.py): the municipalities of the campaign are one partition, the
teams of a municipality another, so two people with different scopes never see two overlapping
groups whose difference is a small group.
"""

import datetime
from collections import defaultdict
from dataclasses import dataclass, field

from django.conf import settings
from django.db.models import Count, Q
from django.utils.translation import gettext as _

from campaigns.budget import WITHOUT_PHASE, budget_summary
from campaigns.models import ContentItem
from common.dates import month_start, months_between
from common.privacy import figure_shown
from organisations.models import User
from reminders.models import Kind as ReminderKind
from selfscan.models import Response, Round

from . import figures
from .tallies import Tally

NO_TEAM = None  # the key of the people of a municipality without a team


def dashboard_months(*, campaign, today: datetime.date) -> list[datetime.date]:
    """The campaign's months so far (first days): from the kick-off month to this month or the end
    month, whichever is earlier; the kick-off month alone before the campaign starts."""
    last = min(today, campaign.end_date)
    return months_between(campaign.kick_off_date, last) or [month_start(campaign.kick_off_date)]


@dataclass(frozen=True)
class Period:
    """The months a dashboard's monthly figures cover (first days), within the campaign's months."""

    months: tuple
    is_whole: bool
    fell_back: bool = False  # a period was asked for that has no campaign month: all of them instead

    @property
    def first(self):
        return self.months[0]

    @property
    def last(self):
        return self.months[-1]


def period_of(*, months, first: datetime.date | None, last: datetime.date | None) -> Period:
    """The campaign months from `first` to `last` (either may be None: from the start, to the end);
    a period outside the campaign or the wrong way round falls back to all its months (fell_back)."""
    chosen = [month for month in months if (first is None or month >= first) and (last is None or month <= last)]
    if not chosen:
        return Period(months=tuple(months), is_whole=True, fell_back=first is not None or last is not None)
    return Period(months=tuple(chosen), is_whole=len(chosen) == len(months))


@dataclass
class Partitions:
    """Which groups may show scan-derived figures, for the whole campaign: sets of municipality ids
    and of (municipality id, team id or None), per round, for improvement and for hours saved."""

    municipalities: dict = field(default_factory=dict)  # {"round 1" | ...: set of ids}
    teams: dict = field(default_factory=dict)  # {"round 1" | ...: set of (municipality, team)}


COUNTS = {
    1: lambda tally: tally.respondents(1),
    2: lambda tally: tally.respondents(2),
    "improvement": lambda tally: tally.paired(),
    "hours": lambda tally: sum(tally.time_saved.values()),
}


def _municipality_tallies(by_team: dict) -> dict:
    totals = defaultdict(Tally)
    for (municipality, _team), tally in by_team.items():
        totals[municipality].add(tally)
    return dict(totals)


def _partitions(by_team: dict, by_municipality: dict) -> Partitions:
    partitions = Partitions()
    teams_of = defaultdict(dict)
    for key, tally in by_team.items():
        teams_of[key[0]][key] = tally
    for measure, count in COUNTS.items():
        shown_municipalities = figures.shown_groups(by_municipality, count=count)
        partitions.municipalities[measure] = shown_municipalities
        shown_teams = set()
        for municipality, teams in teams_of.items():
            if municipality in shown_municipalities:
                shown_teams |= figures.shown_groups(teams, count=count)
        partitions.teams[measure] = shown_teams
    return partitions


def _figures(label, tally, *, campaign, period, shown, snapshot):
    return figures.group_figures(
        label,
        tally,
        campaign=campaign,
        months=list(period.months),
        scan_shown={1: shown(1), 2: shown(2)},
        improvement_shown=shown("improvement"),
        hours_shown=shown("hours"),
        areas=snapshot.areas,
        personas=snapshot.personas,
    )


@dataclass
class TeamRow:
    """A team in the programme dashboard's breakdown; its participation hidden (participation_shown)
    when the team is too small to show next to its municipality's other teams."""

    team_id: int | None
    figures: figures.GroupFigures


@dataclass
class OutputFigures:
    """Content items of the scope in the period (cancelled ones left out): {label: [planned, published]}."""

    by_phase: list
    by_category: list
    by_channel: list
    total: list


@dataclass
class ReminderFigures:
    """Reminders sent and failed per kind in the period, and opt-outs now: counts and percentages."""

    by_kind: list  # [(label, sent, failed)]
    learning_off: int
    learning_of: int
    agenda_off: int
    agenda_of: int

    @property
    def learning_off_percent(self):
        return figures.percent(self.learning_off, self.learning_of)

    @property
    def agenda_off_percent(self):
        return figures.percent(self.agenda_off, self.agenda_of)


@dataclass
class ProgrammeDashboard:
    """What the programme dashboard shows for a scope (programme_dashboard's docstring)."""

    campaign: object
    period: Period
    months: list
    total: figures.GroupFigures
    total_is_campaign: bool
    municipalities: list  # [GroupFigures], with .key the municipality id
    municipality: object  # the chosen Municipality, or None
    teams: list  # [TeamRow] of the chosen municipality
    team: figures.GroupFigures | None
    output: OutputFigures
    budget: object
    reminders: ReminderFigures
    sessions: dict  # snapshot.Snapshot.sessions
    built_at: datetime.datetime
    is_current: bool
    minimum: int


def _output(*, campaign, municipality_ids, period: Period) -> OutputFigures:
    items = ContentItem.objects.filter(
        campaign=campaign,
        municipality__in=municipality_ids,
        publish_on__gte=period.first,
        publish_on__lt=month_start(period.last, 1),
    ).exclude(status=ContentItem.Status.CANCELLED)
    published = Q(status=ContentItem.Status.PUBLISHED)
    rows = (
        items.values_list("phase__position", "phase__name", "category")
        .annotate(n=Count("pk"), done=Count("pk", filter=published))
        .order_by()
    )
    phases, categories, total = defaultdict(lambda: [0, 0]), defaultdict(lambda: [0, 0]), [0, 0]
    category_names = dict(ContentItem.Category.choices)
    for position, phase, category, count, done in rows:
        for group in (
            phases[(position if position is not None else 999, phase or str(WITHOUT_PHASE))],
            categories[category_names.get(category, category)],
            total,
        ):
            group[0] += count
            group[1] += done
    channels = (
        items.filter(channels__isnull=False)
        .values_list("channels__municipality__name", "channels__position", "channels__name")
        .annotate(n=Count("pk"), done=Count("pk", filter=published))
        .order_by("channels__municipality__name", "channels__position", "channels__name")
    )
    show_municipality = len(set(municipality_ids)) > 1
    return OutputFigures(
        by_phase=[(name, *counts) for (_position, name), counts in sorted(phases.items())],
        by_category=[(name, *counts) for name, counts in sorted(categories.items())],
        by_channel=[
            (f"{name} ({municipality})" if show_municipality else name, count, done)
            for municipality, _position, name, count, done in channels
        ],
        total=total,
    )


def _reminder_figures(snapshot, municipality_ids, period: Period) -> ReminderFigures:
    labels = dict(ReminderKind.choices)
    sent = defaultdict(lambda: [0, 0])
    for (municipality, kind, month), (done, failed) in snapshot.reminders.items():
        if municipality in municipality_ids and month in period.months:
            sent[kind][0] += done
            sent[kind][1] += failed
    opt = [0, 0, 0, 0]
    for municipality, row in snapshot.opt_outs.items():
        if municipality in municipality_ids:
            opt = [a + b for a, b in zip(opt, row, strict=True)]
    return ReminderFigures(
        by_kind=[(labels[kind], *sent[kind]) for kind in ReminderKind.values if kind in sent],
        learning_of=opt[0],
        learning_off=opt[1],
        agenda_of=opt[2],
        agenda_off=opt[3],
    )


def programme_dashboard(
    *, snapshot, campaign, municipalities, municipality=None, team=None, period_first=None, period_last=None, today
) -> ProgrammeDashboard:
    """The programme dashboard of `campaign` for the campaign team.

    `snapshot`: the campaign's counts (services.figures_for); `municipalities`: the campaign's
    municipalities this person may read (Municipality objects);
    `municipality` / `team`: the chosen one (already checked to be in scope) or None; `period_first`
    / `period_last`: months (first days) or None. The figures: per municipality and in total the four
    goals against the campaign's targets, months, scan figures where the partitions allow (module
    docstring), the team breakdown of the chosen municipality, the campaign output and budget, the
    reminders. Five queries (municipalities, campaign output, budget), whatever the numbers of
    people, teams or responses: the counts come from the snapshot.
    """
    months = dashboard_months(campaign=campaign, today=today)
    period = period_of(months=months, first=period_first, last=period_last)
    campaign_ids = sorted(campaign.municipalities.values_list("pk", flat=True))
    by_team = snapshot.tallies.by_team
    by_municipality = _municipality_tallies(by_team)
    partitions = _partitions(by_team, by_municipality)
    scope_ids = {m.pk for m in municipalities}

    def municipality_figures(m):
        tally = by_municipality.get(m.pk, Tally())
        item = _figures(
            m.name, tally, campaign=campaign, period=period, snapshot=snapshot,
            shown=lambda measure: m.pk in partitions.municipalities[measure],
        )  # fmt: skip
        item.key = m.pk
        return item

    rows = [municipality_figures(m) for m in sorted(municipalities, key=lambda m: m.name)]
    whole = scope_ids >= set(campaign_ids)
    total_tally = Tally()
    for pk in scope_ids:
        total_tally.add(by_municipality.get(pk, Tally()))
    all_shown = lambda measure: whole or all(pk in partitions.municipalities[measure] for pk in scope_ids)  # noqa: E731
    total = _figures(_("Totaal"), total_tally, campaign=campaign, period=period, snapshot=snapshot, shown=all_shown)

    teams, chosen_team = [], None
    if municipality is not None:
        own = {key: tally for key, tally in by_team.items() if key[0] == municipality.pk}
        visible = figures.shown_groups(own, count=lambda tally: tally.size)
        names = snapshot.tallies.team_names
        for key in sorted(own, key=lambda key: (key[1] is None, names.get(key[1], "").lower())):
            label = names.get(key[1]) or _("Zonder team")
            item = _figures(
                label, own[key], campaign=campaign, period=period, snapshot=snapshot,
                shown=lambda measure, key=key: key in partitions.teams[measure],
            )  # fmt: skip
            item.participation_shown = key in visible
            teams.append(TeamRow(team_id=key[1], figures=item))
        if team is not None:
            key = (municipality.pk, team.pk)
            chosen_team = _figures(
                team.name, by_team.get(key, Tally()), campaign=campaign, period=period, snapshot=snapshot,
                shown=lambda measure: key in partitions.teams[measure],
            )  # fmt: skip
            chosen_team.participation_shown = key in visible
    chosen_ids = [municipality.pk] if municipality is not None else sorted(scope_ids)
    return ProgrammeDashboard(
        campaign=campaign,
        period=period,
        months=months,
        total=total,
        total_is_campaign=whole,
        municipalities=rows,
        municipality=municipality,
        teams=teams,
        team=chosen_team,
        output=_output(campaign=campaign, municipality_ids=chosen_ids, period=period),
        budget=budget_summary(campaign=campaign, municipalities=chosen_ids),
        reminders=_reminder_figures(snapshot, set(chosen_ids), period),
        sessions=snapshot.sessions,
        built_at=snapshot.built_at,
        is_current=snapshot.is_current,
        minimum=settings.PRIVACY_MIN_GROUP_SIZE,
    )


@dataclass
class TeamDashboard:
    """What a team leader sees of their team: figures.GroupFigures, the open round, and the names of
    who has not done it yet when the campaign allows it (otherwise None)."""

    team: object
    campaign: object
    period: Period
    months: list
    figures: figures.GroupFigures
    open_round: Round | None
    names_allowed: bool
    non_respondents: list | None
    built_at: datetime.datetime
    is_current: bool
    minimum: int


def non_respondents(*, team, scan_round) -> list[str]:
    """Full names of the team's active members without a submitted response to `scan_round`, in
    Dutch surname order. Only for a campaign with team_leaders_see_non_respondents on. One query."""
    done = Response.objects.filter(round_id=scan_round.pk, submitted_at__isnull=False).values("employee_id")
    people = User.objects.filter(team=team, is_active=True).exclude(pk__in=done)
    return [person.get_full_name() for person in people.only("first_name", "last_name")]


def team_dashboard(
    *, snapshot, team, campaign, today: datetime.date, period_first=None, period_last=None
) -> TeamDashboard:
    """The team dashboard of `team` in `campaign`: participation always (it is the leader's own
    team), scan figures only when the team is shown in its municipality's partition (module
    docstring), never names next to a figure; `snapshot` as for programme_dashboard. No query, one
    for the names of who has not done the open round when the campaign allows them."""
    months = dashboard_months(campaign=campaign, today=today)
    period = period_of(months=months, first=period_first, last=period_last)
    by_team = snapshot.tallies.by_team
    partitions = _partitions(by_team, _municipality_tallies(by_team))
    key = (team.municipality_id, team.pk)
    item = _figures(
        team.name, by_team.get(key, Tally(teams=1)), campaign=campaign, period=period,
        snapshot=snapshot,
        shown=lambda measure: key in partitions.teams[measure],
    )  # fmt: skip
    # The leader's own team: who took part is shown whatever its size (the same rule as the agenda
    # suggestion's, common.privacy.figure_shown); scan-score figures follow the partitions above.
    item.participation_shown = figure_shown(
        from_scan_scores=False, respondents=item.tally.size, minimum=figures.minimum()
    )
    rounds = snapshot.tallies.rounds
    open_round = next((r for number, r in sorted(rounds.items()) if r.opens_on <= today <= r.closes_on), None)
    names = None
    if campaign.team_leaders_see_non_respondents and open_round is not None:
        names = non_respondents(team=team, scan_round=open_round)
    return TeamDashboard(
        team=team,
        campaign=campaign,
        period=period,
        months=months,
        figures=item,
        open_round=open_round,
        names_allowed=campaign.team_leaders_see_non_respondents,
        non_respondents=names,
        built_at=snapshot.built_at,
        is_current=snapshot.is_current,
        minimum=settings.PRIVACY_MIN_GROUP_SIZE,
    )
