"""Figures from scan scores only for groups of 5 or more, never derivable by subtracting one group
shown from an overlapping one (DESIGN.md "Privacy"; issue: team vs team minus the leader, a period
that isolates one late respondent, municipality minus all its other teams)."""

import pytest
from django.utils import timezone
from hypothesis import given, settings
from hypothesis import strategies as st

from common.dates import month_start
from dashboards import selectors
from dashboards.tallies import Tally
from organisations.tests.factories import MunicipalityFactory

from .factories import programme_dashboard, running_campaign, scan_result, team_dashboard, team_of

pytestmark = pytest.mark.django_db


def team_figures(team, campaign, **kwargs):
    return team_dashboard(team=team, campaign=campaign, today=timezone.localdate(), **kwargs).figures


@pytest.mark.parametrize(("respondents", "shown"), [(4, False), (5, True)])
def test_scan_figures_appear_from_five_respondents(shipped_content, respondents, shown):
    municipality = MunicipalityFactory()
    campaign, baseline, _final = running_campaign([municipality])
    team, members = team_of(municipality, 8)
    for person in members[:respondents]:
        scan_result(person, baseline, score=60)
    figures = team_figures(team, campaign)
    assert figures.scans[1].shown is shown
    assert bool(figures.scans[1].areas) is shown
    programme = programme_dashboard(
        campaign=campaign,
        municipalities=[municipality],
        today=timezone.localdate(),
    )
    assert programme.municipalities[0].scans[1].shown is shown
    assert figures.done[1] == respondents, "participation is a count, shown to the team's own leader"


def test_a_municipality_never_shows_what_its_shown_teams_leave_as_a_small_remainder(shipped_content):
    municipality = MunicipalityFactory()
    campaign, baseline, _final = running_campaign([municipality])
    sizes = {"A": 7, "B": 6, "C": 3}
    teams = {}
    for name, size in sizes.items():
        teams[name], members = team_of(municipality, size, name=f"Team {name}")
        for person in members:
            scan_result(person, baseline)
    programme = programme_dashboard(
        campaign=campaign,
        municipalities=[municipality],
        municipality=municipality,
        today=timezone.localdate(),
    )
    assert programme.municipalities[0].scans[1].shown and programme.municipalities[0].scans[1].respondents == 16
    shown = {row.figures.label: row.figures.scans[1].shown for row in programme.teams}
    # C (3) is too small; 16 - A - B would give C away, so B (the smaller of the rest) hides too.
    assert shown == {"Team A": True, "Team B": False, "Team C": False}
    assert team_figures(teams["B"], campaign).scans[1].shown is False, "the team dashboard agrees"
    assert team_figures(teams["A"], campaign).scans[1].shown is True


def test_the_team_leader_counts_in_the_team_and_no_figure_leaves_anyone_out(shipped_content):
    municipality = MunicipalityFactory()
    campaign, baseline, _final = running_campaign([municipality])
    team, members = team_of(municipality, 5)
    team.leaders.add(members[0])
    for index, person in enumerate(members):
        scan_result(person, baseline, score=40 + 10 * index)
    figures = team_figures(team, campaign)
    assert figures.scans[1].respondents == 5
    assert {value for _name, value in figures.scans[1].areas} == {60}, "the average over all five, leader included"


def test_a_period_that_isolates_one_late_respondent_changes_no_scan_figure(shipped_content):
    municipality = MunicipalityFactory()
    campaign, baseline, _final = running_campaign([municipality])
    team, members = team_of(municipality, 7)
    for person in members[:6]:
        scan_result(person, baseline, score=50)
    scan_result(members[6], baseline, score=95, late=True)
    late_month = month_start(baseline.due_on)
    whole = team_figures(team, campaign)
    isolated = team_figures(team, campaign, period_first=late_month, period_last=late_month)
    assert isolated.scans == whole.scans and isolated.scans[1].respondents == 7
    assert isolated.improvement == whole.improvement and isolated.hours == whole.hours


def test_small_municipality_hides_with_its_complement_for_every_scope(shipped_content, django_user_model):
    groningen, assen, westerkwartier = (MunicipalityFactory(name=n) for n in ("Groningen", "Assen", "Westerkwartier"))
    campaign, baseline, _final = running_campaign([groningen, assen, westerkwartier])
    for municipality, size in ((groningen, 12), (assen, 3), (westerkwartier, 8)):
        _team, members = team_of(municipality, size)
        for person in members:
            scan_result(person, baseline)
    today = timezone.localdate()
    lead = programme_dashboard(
        campaign=campaign,
        municipalities=[groningen, assen, westerkwartier],
        today=today,
    )
    assert lead.total.scans[1].shown and lead.total.scans[1].respondents == 23
    assert {g.label: g.scans[1].shown for g in lead.municipalities} == {
        "Assen": False,
        "Groningen": True,
        "Westerkwartier": False,  # 23 - 12 would otherwise give Assen's 3
    }
    # An advisor of Groningen and Assen: their total minus Groningen would be Assen.
    both = programme_dashboard(campaign=campaign, municipalities=[groningen, assen], today=today)
    assert both.total.scans[1].shown is False
    only_assen = programme_dashboard(campaign=campaign, municipalities=[assen], today=today)
    assert only_assen.total.scans[1].shown is False and only_assen.municipalities[0].scans[1].shown is False


def _tally(respondents):
    tally = Tally(size=respondents + 2)
    tally.done[1] = respondents
    return tally


municipalities_strategy = st.lists(st.lists(st.integers(0, 9), min_size=1, max_size=5), min_size=1, max_size=4)


@settings(max_examples=300, deadline=None)
@given(municipalities_strategy)
def test_no_shown_group_has_fewer_than_five_and_no_difference_of_shown_groups_is_small(structure):
    by_team = {(m, t): _tally(respondents) for m, teams in enumerate(structure) for t, respondents in enumerate(teams)}
    by_municipality = selectors._municipality_tallies(by_team)
    partitions = selectors._partitions(by_team, by_municipality)
    shown_municipalities = partitions.municipalities[1]
    shown_teams = partitions.teams[1]
    total = sum(t.respondents(1) for t in by_team.values())
    groups = [total] if total >= 5 else []
    groups += [by_municipality[m].respondents(1) for m in shown_municipalities]
    groups += [by_team[key].respondents(1) for key in shown_teams]
    assert all(count >= 5 for count in groups)
    # The total minus the shown municipalities, and each shown municipality minus its shown teams,
    # leave nobody or at least five people.
    remainder = total - sum(by_municipality[m].respondents(1) for m in shown_municipalities)
    assert remainder == 0 or remainder >= 5 or not shown_municipalities
    for m in shown_municipalities:
        rest = by_municipality[m].respondents(1) - sum(by_team[k].respondents(1) for k in shown_teams if k[0] == m)
        assert rest == 0 or rest >= 5 or not any(k[0] == m for k in shown_teams)
    assert all(key[0] in shown_municipalities for key in shown_teams), "a team only inside a shown municipality"
