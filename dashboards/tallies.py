"""The raw counts behind every dashboard, per team, gathered in a fixed number of queries.

Everything the dashboards show is added up from these per-team tallies (a person without a team
is in the municipality's "zonder team" tally), so a team's figures, its municipality's and the
total are the same sums, read the same way. Counts of people and sums of scores only: no names,
no individual answers. Privacy rules are applied by `figures.py`, not here.
"""

import datetime
from collections import defaultdict
from dataclasses import dataclass, field

from django.db import connection
from django.db.models import BooleanField, Case, Count, F, Sum, When

from agendas.models import TeamMeeting
from coaching.selectors import buddy_counts, compliment_counts
from common.dates import month_end, month_start
from learning.models import LearningActivity
from organisations.models import Team, User
from selfscan.models import Answer, AreaResult, Question, Response, Round


# Module-level factories (not lambdas), so tallies can be pickled into the cache.
def _counts():
    return defaultdict(int)


def _nested_counts():
    return defaultdict(_counts)


def _pair():
    return [0, 0]


def _pairs():
    return defaultdict(_pair)


def _sum():
    return [0.0, 0]


def _sums():
    return defaultdict(_sum)


@dataclass
class Tally:
    """Counts of one group of people (a team, a municipality, everyone), all of them additive.

    size: active employees. done: {round number: submitted}. on_time: round 1 submitted by its due
    date. active: {month: employees with any learning activity}. personas: {round: {persona slug or
    None: n}}. busy: {round: [busy, not busy]}. areas: {(round, area code): [sum of scores, n]}.
    change: {area code: [sum of round 2 minus round 1, n]}. time_saved: {option number: n}.
    agenda: {month: teams with Digivaardig on the agenda}; teams: number of teams. cards_sent and
    cards_received: {month: compliment cards}; buddies: people with a buddy now; coaching_sessions:
    sessions they had with their digicoach (plan §5.1, the support programme).
    """

    size: int = 0
    done: dict = field(default_factory=_counts)
    on_time: int = 0
    active: dict = field(default_factory=_counts)
    personas: dict = field(default_factory=_nested_counts)
    busy: dict = field(default_factory=_pairs)
    areas: dict = field(default_factory=_sums)
    change: dict = field(default_factory=_sums)
    time_saved: dict = field(default_factory=_counts)
    agenda: dict = field(default_factory=_counts)
    teams: int = 0
    cards_sent: dict = field(default_factory=_counts)
    cards_received: dict = field(default_factory=_counts)
    buddies: int = 0
    coaching_sessions: int = 0

    def add(self, other: "Tally") -> "Tally":
        """Add `other`'s counts to this tally (in place) and return it."""
        self.size += other.size
        self.on_time += other.on_time
        self.teams += other.teams
        self.buddies += other.buddies
        self.coaching_sessions += other.coaching_sessions
        for target, source in ((self.done, other.done), (self.active, other.active)):
            for key, value in source.items():
                target[key] += value
        for target, source in (
            (self.time_saved, other.time_saved),
            (self.agenda, other.agenda),
            (self.cards_sent, other.cards_sent),
            (self.cards_received, other.cards_received),
        ):
            for key, value in source.items():
                target[key] += value
        for round_number, counts in other.personas.items():
            for slug, value in counts.items():
                self.personas[round_number][slug] += value
        for round_number, (busy, calm) in other.busy.items():
            self.busy[round_number][0] += busy
            self.busy[round_number][1] += calm
        for target, source in ((self.areas, other.areas), (self.change, other.change)):
            for key, (total, count) in source.items():
                target[key][0] += total
                target[key][1] += count
        return self

    def respondents(self, round_number) -> int:
        return self.done.get(round_number, 0)

    def paired(self) -> int:
        """People with a round 2 result compared with their round 1 (the largest count over areas)."""
        return max((count for _total, count in self.change.values()), default=0)


@dataclass(frozen=True)
class RoundInfo:
    """What the dashboards need of a zelfscan round (kept in the stored snapshot, not the model)."""

    pk: int
    number: int
    label: str
    questionnaire_id: int
    opens_on: datetime.date
    due_on: datetime.date
    closes_on: datetime.date


@dataclass
class Tallies:
    """Per-team tallies of a campaign for some municipalities, keyed (municipality id, team id or None),
    with the teams' names, the months they cover and the rounds ({number: RoundInfo})."""

    by_team: dict
    team_names: dict
    months: list
    rounds: dict


def _key(municipality_id, team_id, team_municipality):
    # A person whose team belongs to another municipality counts with the team's municipality.
    return (team_municipality.get(team_id, municipality_id), team_id)


def _active_per_team(months, municipality_ids):
    """(municipality id, team id, month, employees active) of active people of these municipalities.

    The distinct (employee, month) pairs come first, from the (month, employee) index, and only then
    meet the people: counting distinct employees per group after the join is several times slower
    with a million activities."""
    pairs = LearningActivity.objects.filter(month__in=months).values("employee_id", "month").distinct().order_by()
    pairs_sql, pairs_params = pairs.query.sql_with_params()
    user = User._meta.db_table
    # Only the table name and "%s" placeholders are put into the SQL; every value is a parameter.
    places = ", ".join(["%s"] * len(municipality_ids))
    sql = (
        f"SELECT u.municipality_id, u.team_id, a.month, COUNT(*) FROM ({pairs_sql}) a "  # noqa: S608  # nosec B608
        f"JOIN {user} u ON u.id = a.employee_id WHERE u.is_active AND u.municipality_id IN ({places}) "
        "GROUP BY u.municipality_id, u.team_id, a.month"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [*pairs_params, *municipality_ids])
        for municipality, team, month, count in cursor.fetchall():
            # SQLite gives the month back as text.
            yield (
                municipality,
                team,
                month if isinstance(month, datetime.date) else datetime.date.fromisoformat(month),
                count,
            )


def _add_support(by_team, team_municipality, months):
    """Compliment cards per team and month, buddies and coaching sessions per team (coaching's own
    counts: four queries). Cards count for the teams of sender and recipient when sent."""
    teams = list(team_municipality)
    cards = compliment_counts(teams=teams, months=months)
    for side, counts in (("cards_sent", cards.sent), ("cards_received", cards.received)):
        for (team, month), count in counts.items():
            if team in team_municipality:
                getattr(by_team[(team_municipality[team], team)], side)[month] += count
    buddies = buddy_counts(teams=teams)
    for team, count in buddies.paired.items():
        if team in team_municipality:
            by_team[(team_municipality[team], team)].buddies += count
    for team, count in buddies.sessions.items():
        if team in team_municipality:
            by_team[(team_municipality[team], team)].coaching_sessions += count


def collect(*, campaign, municipality_ids, months, today: datetime.date) -> Tallies:
    """Every count the dashboards need for `campaign` in `municipality_ids` (a list of ids), with
    learning and agenda figures for `months` (first days). Nine queries, whatever the numbers of
    employees, teams, responses or activities."""
    ids = list(municipality_ids)
    teams = list(Team.objects.filter(municipality__in=ids).values_list("pk", "name", "municipality_id"))
    team_municipality = {pk: municipality for pk, _name, municipality in teams}
    by_team = defaultdict(Tally)
    for pk, _name, municipality in teams:
        by_team[(municipality, pk)].teams = 1
    people = User.objects.filter(is_active=True, municipality__in=ids)
    for municipality, team, count in (
        people.values_list("municipality_id", "team_id").annotate(n=Count("pk")).order_by()
    ):
        by_team[_key(municipality, team, team_municipality)].size += count

    rounds = {scan_round.number: scan_round for scan_round in Round.objects.filter(campaign=campaign)}
    on_time = Case(
        When(submitted_at__date__lte=F("round__due_on"), then=True), default=False, output_field=BooleanField()
    )
    responses = (
        Response.objects.filter(round__campaign=campaign, submitted_at__isnull=False, employee__in=people)
        .values_list("employee__municipality_id", "employee__team_id", "round__number", "persona__slug", "is_busy")
        .annotate(in_time=on_time, n=Count("pk"))
        .order_by()
    )
    for municipality, team, number, slug, busy, in_time, count in responses:
        tally = by_team[_key(municipality, team, team_municipality)]
        tally.done[number] += count
        tally.personas[number][slug] += count
        tally.busy[number][0 if busy else 1] += count
        if number == Round.Number.BASELINE and in_time:
            tally.on_time += count

    results = (
        AreaResult.objects.filter(
            response__round__campaign=campaign, response__submitted_at__isnull=False, response__employee__in=people
        )
        .values_list(
            "response__employee__municipality_id",
            "response__employee__team_id",
            "response__round__number",
            "area__code",
        )
        .annotate(total=Sum("score"), n=Count("pk"), change_total=Sum("change"), change_n=Count("change"))
        .order_by()
    )
    for municipality, team, number, code, total, count, change_total, change_count in results:
        tally = by_team[_key(municipality, team, team_municipality)]
        tally.areas[(number, code)][0] += total or 0
        tally.areas[(number, code)][1] += count
        if change_count:
            tally.change[code][0] += change_total or 0
            tally.change[code][1] += change_count

    if Round.Number.FINAL in rounds:
        saved = (
            Answer.objects.filter(
                response__round=rounds[Round.Number.FINAL],
                response__submitted_at__isnull=False,
                response__employee__in=people,
                question__kind=Question.Kind.TIME_SAVED,
            )
            .values_list("response__employee__municipality_id", "response__employee__team_id", "value")
            .annotate(n=Count("pk"))
            .order_by()
        )
        for municipality, team, value, count in saved:
            by_team[_key(municipality, team, team_municipality)].time_saved[value] += count

    wanted = sorted({month_start(month) for month in months})
    if wanted:
        for municipality, team, month, count in _active_per_team(wanted, ids):
            by_team[_key(municipality, team, team_municipality)].active[month] += count
        meetings = (
            TeamMeeting.objects.filter(
                team__municipality__in=ids,
                digivaardig_on_agenda=True,
                date__gte=wanted[0],
                date__lte=month_end(wanted[-1]),
            )
            .values_list("team_id", "date")
            .order_by()
        )
        met = {(team, month_start(day)) for team, day in meetings}
        for team, month in met:
            if month in wanted and team in team_municipality:
                by_team[(team_municipality[team], team)].agenda[month] += 1
    infos = {
        number: RoundInfo(
            pk=r.pk,
            number=number,
            label=str(r.get_number_display()),
            questionnaire_id=r.questionnaire_id,
            opens_on=r.opens_on,
            due_on=r.due_on,
            closes_on=r.closes_on,
        )
        for number, r in rounds.items()
    }
    _add_support(by_team, team_municipality, wanted)
    return Tallies(by_team=dict(by_team), team_names={pk: name for pk, name, _m in teams}, months=wanted, rounds=infos)
