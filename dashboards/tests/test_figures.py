"""Each figure of the dashboards on a constructed dataset whose right answer is worked out by hand."""

import datetime

import pytest
from django.utils import timezone

from agendas.tests.factories import MeetingFactory
from common.dates import month_start
from learning.tests.factories import ActivityFactory
from organisations.tests.factories import MunicipalityFactory
from personas.models import Persona

from .factories import people, programme_dashboard, running_campaign, scan_result, team_dashboard, team_of

pytestmark = pytest.mark.django_db

Identity = Persona.Identity


@pytest.fixture
def dataset(shipped_content):
    """Groningen: team A of 10 (8 did round 1, 6 on time, 2 late; 5 did round 2), team B of 10
    (nobody did a scan) and 2 people without a team. 12 of the 22 were active this month; team A
    had Digivaardig on the agenda this month, team B last month."""
    groningen = MunicipalityFactory(name="Groningen")
    campaign, baseline, final = running_campaign([groningen])
    team_a, members_a = team_of(groningen, 10, name="Team A")
    team_b, members_b = team_of(groningen, 10, name="Team B")
    loose = people(2, municipality=groningen, team=None)
    personas = [Identity.ENTHUSIAST] * 5 + [Identity.HESITANT] * 3
    for index, (person, persona) in enumerate(zip(members_a[:8], personas, strict=True)):
        scan_result(person, baseline, score=40 + index * 2.5, persona=persona, late=index >= 6)
    # Round 2: five people, each 10 points up in every area; time saved: 2x "1 tot 2 uur" (option 4), 3x nothing.
    for index, person in enumerate(members_a[:5]):
        scan_result(person, final, score=60, change=10, time_saved=4 if index < 2 else 1)
    today = timezone.localdate()
    for person in (members_a + members_b + loose)[:12]:
        ActivityFactory(employee=person, date=today)
    MeetingFactory(team=team_a, date=today, digivaardig_on_agenda=True)
    MeetingFactory(team=team_b, date=month_start(today) - datetime.timedelta(days=3), digivaardig_on_agenda=True)
    return {"campaign": campaign, "groningen": groningen, "team_a": team_a, "team_b": team_b}


def programme(dataset, **kwargs):
    return programme_dashboard(
        campaign=dataset["campaign"],
        municipalities=[dataset["groningen"]],
        today=timezone.localdate(),
        **kwargs,
    )


def goal(group, name):
    return next(g for g in group.goals if g.name == name)


def test_the_four_goals_of_a_municipality_are_counted_against_its_people_and_teams(dataset):
    total = programme(dataset).municipalities[0]
    assert total.size == 22
    assert (goal(total, "scan_on_time").count, goal(total, "scan_on_time").value) == (6, 27)  # 6 of 22
    assert (goal(total, "monthly_active").count, goal(total, "monthly_active").value) == (12, 55)
    assert (goal(total, "scan_again").count, goal(total, "scan_again").value) == (5, 23)
    assert (goal(total, "agenda").count, goal(total, "agenda").of, goal(total, "agenda").value) == (1, 2, 50)
    assert goal(total, "scan_on_time").target == dataset["campaign"].target_scan_percent
    assert total.done == {1: 8, 2: 5}


def test_the_agenda_trend_counts_each_team_in_the_month_it_met(dataset):
    total = programme(dataset).municipalities[0]
    by_month = {figure.month: figure.count for figure in total.agenda}
    this_month = month_start(timezone.localdate())
    assert by_month[this_month] == 1
    assert by_month[month_start(this_month - datetime.timedelta(days=1))] == 1


def test_average_level_per_area_and_improvement_are_plain_averages_over_the_respondents(dataset):
    team_a = programme(dataset, municipality=dataset["groningen"]).teams[0].figures
    assert team_a.label == "Team A"
    # Scores 40, 42.5, ..., 57.5: their average is 48.75, shown as 49.
    assert {value for _name, value in team_a.scans[1].areas} == {49}
    assert {value for _name, value in team_a.scans[2].areas} == {60}
    assert team_a.improvement.shown and team_a.improvement.paired == 5
    assert {value for _name, value, _new in team_a.improvement.areas} == {10.0}


def test_persona_distribution_hides_small_profiles_and_what_they_would_give_away(dataset):
    team_a = programme(dataset, municipality=dataset["groningen"]).teams[0].figures
    counts = {name: count for _shown, name, count in team_a.scans[1].personas}
    # 5 enthusiasts and 3 hesitant: showing "5 enthusiasts" would say the other 3 are not, so all hide.
    assert team_a.scans[1].shown and team_a.scans[1].respondents == 8
    assert set(counts.values()) == {None}


def test_persona_distribution_shows_profiles_when_every_remainder_is_five_or_more(shipped_content):
    municipality = MunicipalityFactory()
    campaign, baseline, _final = running_campaign([municipality])
    team, members = team_of(municipality, 22)
    identities = [Identity.ENTHUSIAST] * 7 + [Identity.PROFESSIONAL] * 5 + [Identity.HESITANT] * 5
    identities += [Identity.ANALOGUE] * 5
    for person, identity in zip(members, identities, strict=True):
        scan_result(person, baseline, persona=identity)
    group = team_dashboard(team=team, campaign=campaign, today=timezone.localdate()).figures
    assert [count for _shown, _name, count in group.scans[1].personas] == [7, 5, 5, 5]
    assert [shown for shown, _name, _count in group.scans[1].personas] == [
        "Verkenner",
        "Vakspecialist",
        "Stap-voor-stap",
        "Op eigen tempo",
    ]


def test_hours_saved_use_the_middle_of_each_answer_and_state_the_range(dataset):
    team_a = programme(dataset, municipality=dataset["groningen"]).teams[0].figures
    hours = team_a.hours
    assert hours.shown and hours.respondents == 5
    # 2 x 1.5 h (between 1 and 2) + 3 x 0 = 3 h a week; range 2 to 4; a year of 40 weeks: 120 (80 to 160).
    assert (hours.week, hours.week_low, hours.week_high) == (3.0, 2, 4)
    assert (hours.year, hours.year_low, hours.year_high) == (120, 80, 160)


def test_a_period_limits_the_monthly_figures_but_never_the_scan_figures(dataset):
    this_month = month_start(timezone.localdate())
    whole = programme(dataset, municipality=dataset["groningen"])
    last_month = programme(dataset, municipality=dataset["groningen"], period_first=this_month, period_last=this_month)
    assert [figure.month for figure in last_month.total.active] == [this_month]
    assert last_month.teams[0].figures.scans == whole.teams[0].figures.scans
    assert last_month.teams[0].figures.improvement == whole.teams[0].figures.improvement


def test_a_team_dashboard_shows_the_same_figures_as_its_row_in_the_programme_dashboard(dataset):
    team = team_dashboard(team=dataset["team_a"], campaign=dataset["campaign"], today=timezone.localdate())
    row = programme(dataset, municipality=dataset["groningen"]).teams[0].figures
    assert team.figures.goals == row.goals
    assert team.figures.scans == row.scans
    assert team.figures.hours == row.hours


def test_the_support_programme_counts_cards_both_ways_buddies_and_coaching_sessions(dataset):
    from coaching.tests.factories import BuddyPairFactory, CoachingSessionFactory, ComplimentCardFactory

    team_a, team_b = dataset["team_a"], dataset["team_b"]
    a_people, b_people = list(team_a.members.all()), list(team_b.members.all())
    for _ in range(3):
        ComplimentCardFactory(sender=a_people[0], recipient=b_people[0])
    ComplimentCardFactory(sender=b_people[1], recipient=a_people[1])
    pair = BuddyPairFactory(employee=a_people[2], coach=b_people[3])
    CoachingSessionFactory(card=pair.cards.get(), strip=1)
    CoachingSessionFactory(card=pair.cards.get(), strip=2)
    rows = {row.figures.label: row.figures for row in programme(dataset, municipality=dataset["groningen"]).teams}
    assert (rows["Team A"].cards_sent, rows["Team A"].cards_received) == (3, 1)
    assert (rows["Team B"].cards_sent, rows["Team B"].cards_received) == (1, 3)
    assert (rows["Team A"].tally.buddies, rows["Team A"].tally.coaching_sessions) == (1, 2)
    assert rows["Team B"].tally.buddies == 0
    total = programme(dataset).municipalities[0]
    assert (total.cards_sent, total.cards_received, total.tally.buddies) == (4, 4, 1)
