"""What the dashboards show, built from the tallies, with the privacy rules applied (DESIGN.md).

Figures from scan scores (personas, levels, improvement, time saved) are shown only for groups of
at least settings.PRIVACY_MIN_GROUP_SIZE respondents, and never so that a small group can be worked
out by subtraction: the groups shown side by side (the teams of a municipality, the municipalities
of the total) are one partition, passed through common.privacy.hide_small_groups, and a team's own
dashboard shows its scan figures only when its municipality's overview would. Scan figures have no
period filter (a period that isolates one late respondent would give them away) and no population
but the whole team, municipality or total (so "the team minus its leader" never exists). The same
partition rule hides the participation figures of small teams in the team breakdown.
"""

import datetime
from dataclasses import dataclass, field

from django.conf import settings
from django.utils.translation import gettext_lazy as _

from common.privacy import figure_shown, hide_small_groups
from personas.models import Persona
from selfscan.models import Area

from .tallies import Tally

# Hours a week for each answer to "Hoeveel tijd bespaar je nu per week?": (low, middle, high).
TIME_SAVED_HOURS = {1: (0, 0, 0), 2: (0, 0.25, 0.5), 3: (0.5, 0.75, 1), 4: (1, 1.5, 2), 5: (2, 2.5, 3)}
WORKING_WEEKS_A_YEAR = 40  # 52 weeks minus holidays, leave and public holidays, rounded down


# The plan's four goals (§2), by the names the campaign's targets use.
GOAL_LABELS = {
    "scan_on_time": _("Zelfscan binnen twee maanden"),
    "monthly_active": _("Maandelijks actief op het leerplatform"),
    "scan_again": _("Tweede zelfscan"),
    "agenda": _("Teams met Digivaardig op de agenda"),
}


def minimum() -> int:
    return settings.PRIVACY_MIN_GROUP_SIZE


def percent(part, whole):
    return round(100 * part / whole) if whole else None


@dataclass(frozen=True)
class Goal:
    """One of the plan's four goals for a group: the value in % against the campaign's target."""

    name: str
    count: int
    of: int
    target: int

    @property
    def label(self) -> str:
        return GOAL_LABELS[self.name]

    @property
    def value(self):
        return percent(self.count, self.of)

    @property
    def met(self) -> bool:
        return self.value is not None and self.value >= self.target


@dataclass(frozen=True)
class MonthFigure:
    month: datetime.date
    count: int
    of: int

    @property
    def value(self):
        return percent(self.count, self.of)


@dataclass
class ScanFigures:
    """Scan-derived figures of one group and round, or shown=False ('Te weinig deelnemers om te tonen')."""

    round_number: int
    shown: bool
    respondents: int | None = None
    personas: list = field(default_factory=list)  # [(employee-facing name, internal name, count or None)]
    busy: int | None = None
    areas: list = field(default_factory=list)  # [(area name, average score 0–100 or None)]


@dataclass
class Improvement:
    """Average change per comparable area over the people who did both rounds, or shown=False."""

    shown: bool
    paired: int | None = None
    areas: list = field(default_factory=list)  # [(area name, average change or None, new_in_round_2)]


@dataclass
class HoursSaved:
    """Estimated hours saved a week (and a year) by round 2's respondents, with the range."""

    shown: bool
    respondents: int | None = None
    week: float | None = None
    week_low: float | None = None
    week_high: float | None = None

    @property
    def year(self):
        return None if self.week is None else round(self.week * WORKING_WEEKS_A_YEAR)

    @property
    def year_low(self):
        return None if self.week_low is None else round(self.week_low * WORKING_WEEKS_A_YEAR)

    @property
    def year_high(self):
        return None if self.week_high is None else round(self.week_high * WORKING_WEEKS_A_YEAR)


@dataclass
class GroupFigures:
    """Everything shown about one group: participation, the four goals, months, scan figures."""

    label: str
    tally: Tally
    participation_shown: bool = True
    goals: list = field(default_factory=list)
    active: list = field(default_factory=list)  # [MonthFigure]
    agenda: list = field(default_factory=list)  # [MonthFigure] (teams with Digivaardig on the agenda)
    scans: dict = field(default_factory=dict)  # {round number: ScanFigures}
    improvement: Improvement | None = None
    hours: HoursSaved | None = None
    cards_sent: int = 0  # compliment cards in the period
    cards_received: int = 0

    @property
    def size(self):
        return self.tally.size

    @property
    def done(self):
        return {number: self.tally.respondents(number) for number in (1, 2)}

    @property
    def done_percent(self):
        return {number: percent(count, self.tally.size) for number, count in self.done.items()}

    @property
    def on_time(self):
        return self.tally.on_time

    @property
    def on_time_percent(self):
        return percent(self.tally.on_time, self.tally.size)


def area_names(rounds) -> dict:
    """{area code: (name, position, in round 1)} over the questionnaires of `rounds` ({number: Round})."""
    names, first = {}, set()
    for scan_round in sorted(rounds.values(), key=lambda r: -r.number):
        for code, name, position, kind in Area.objects.filter(questionnaire_id=scan_round.questionnaire_id).values_list(
            "code", "name", "position", "kind"
        ):
            if kind == Area.Kind.COMPETENCE:
                names.setdefault(code, (name, position))
                if scan_round.number == 1:
                    first.add(code)
    return {code: (name, position, code in first) for code, (name, position) in names.items()}


def shown_groups(tallies: dict, *, count) -> set:
    """The keys of `tallies` (one partition) whose figures may be shown side by side: count(tally)
    passed through hide_small_groups. A group nobody in counts (no respondents) has no figures to
    show and gives nothing away, so it takes no part (hide_small_groups treats 0 as small, which is
    right for the profiles within a group: "nobody is X" says something about everyone)."""
    counts = {key: count(tally) for key, tally in tallies.items()}
    visible = hide_small_groups({key: value for key, value in counts.items() if value}, minimum=minimum())
    return {key for key, value in visible.items() if value is not None}


def persona_names() -> dict:
    """{persona slug: (employee-facing name, internal name)} of the core personas, in plan order."""
    core = [identity for identity in Persona.Identity if identity != Persona.Identity.BUSY_PRIORITISER]
    found = {p.slug: p for p in Persona.objects.filter(slug__in=core)}
    return {slug: (found[slug].employee_name or found[slug].name, found[slug].name) for slug in core if slug in found}


def scan_figures(tally: Tally, round_number: int, *, shown: bool, areas: dict, personas: dict) -> ScanFigures:
    """The scan figures of a group for one round, if `shown` (its partition allows it); `personas`
    as persona_names gives them."""
    respondents = tally.respondents(round_number)
    if not shown or not figure_shown(from_scan_scores=True, respondents=respondents, minimum=minimum()):
        return ScanFigures(round_number=round_number, shown=False)
    counts = dict(tally.personas.get(round_number, {}))
    partition = {slug: counts.get(slug, 0) for slug in personas}
    unknown = sum(value for slug, value in counts.items() if slug not in partition)
    if unknown:
        partition[None] = unknown
    visible = hide_small_groups(partition, minimum=minimum())
    rows = [(shown_name, name, visible[slug]) for slug, (shown_name, name) in personas.items()]
    busy, calm = tally.busy.get(round_number, [0, 0])
    busy_visible = hide_small_groups({"busy": busy, "calm": calm}, minimum=minimum())["busy"]
    levels = []
    for code, (name, _position, _first) in sorted(areas.items(), key=lambda item: item[1][1]):
        total, count = tally.areas.get((round_number, code), [0, 0])
        levels.append((name, round(total / count) if count >= minimum() else None))
    return ScanFigures(
        round_number=round_number, shown=True, respondents=respondents, personas=rows, busy=busy_visible, areas=levels
    )


def improvement(tally: Tally, *, shown: bool, areas: dict) -> Improvement:
    """Average change per area (round 2 minus round 1) over the people who did both, if `shown`."""
    paired = tally.paired()
    if not shown or not figure_shown(from_scan_scores=True, respondents=paired, minimum=minimum()):
        return Improvement(shown=False)
    rows = []
    for code, (name, _position, in_first) in sorted(areas.items(), key=lambda item: item[1][1]):
        total, count = tally.change.get(code, [0, 0])
        rows.append((name, round(total / count, 1) if count >= minimum() else None, not in_first))
    return Improvement(shown=True, paired=paired, areas=rows)


def hours_saved(tally: Tally, *, shown: bool) -> HoursSaved:
    """Round 2's answers on time saved a week, as hours (middle of each answer's range, and the range)."""
    respondents = sum(tally.time_saved.values())
    if not shown or not figure_shown(from_scan_scores=True, respondents=respondents, minimum=minimum()):
        return HoursSaved(shown=False)
    low = sum(TIME_SAVED_HOURS.get(value, (0, 0, 0))[0] * count for value, count in tally.time_saved.items())
    middle = sum(TIME_SAVED_HOURS.get(value, (0, 0, 0))[1] * count for value, count in tally.time_saved.items())
    high = sum(TIME_SAVED_HOURS.get(value, (0, 0, 0))[2] * count for value, count in tally.time_saved.items())
    return HoursSaved(shown=True, respondents=respondents, week=round(middle, 1), week_low=low, week_high=high)


def group_figures(
    label,
    tally: Tally,
    *,
    campaign,
    months,
    scan_shown: dict,
    improvement_shown: bool,
    hours_shown: bool,
    areas,
    personas,
) -> GroupFigures:
    """All figures of one group for `months`; `scan_shown` {round: bool}, `improvement_shown` and
    `hours_shown` say whether its partition allows those figures (selectors.py)."""
    figures = GroupFigures(label=label, tally=tally)
    active_months = list(months)
    figures.active = [MonthFigure(month, tally.active.get(month, 0), tally.size) for month in active_months]
    figures.agenda = [MonthFigure(month, tally.agenda.get(month, 0), tally.teams) for month in active_months]
    latest = figures.active[-1] if figures.active else None
    latest_agenda = figures.agenda[-1] if figures.agenda else None
    figures.goals = [
        Goal("scan_on_time", tally.on_time, tally.size, campaign.target_scan_percent),
        Goal("monthly_active", latest.count if latest else 0, tally.size, campaign.target_monthly_active_percent),
        Goal("scan_again", tally.respondents(2), tally.size, campaign.target_rescan_percent),
        Goal("agenda", latest_agenda.count if latest_agenda else 0, tally.teams, campaign.target_agenda_percent),
    ]
    figures.scans = {
        number: scan_figures(tally, number, shown=scan_shown.get(number, False), areas=areas, personas=personas)
        for number in (1, 2)
    }
    figures.cards_sent = sum(tally.cards_sent.get(month, 0) for month in active_months)
    figures.cards_received = sum(tally.cards_received.get(month, 0) for month in active_months)
    figures.improvement = improvement(tally, shown=improvement_shown, areas=areas)
    figures.hours = hours_saved(tally, shown=hours_shown)
    return figures
