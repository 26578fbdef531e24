"""The advisors' page "Hoe de zelfscan indeelt": the rules as scoring.py applies them, and per
municipality how many respondents of the current round have each persona, for groups of 5 or more
only and never derivable by subtraction."""

import itertools

import pytest
from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape

from common.privacy import hide_small_groups
from organisations.tests.factories import TeamFactory, UserFactory
from personas.models import Persona
from selfscan import scoring
from selfscan.models import Response
from selfscan.selectors import persona_counts
from selfscan.tests.factories import open_campaign_rounds

Identity = Persona.Identity
URL = reverse("selfscan:classification")


@pytest.mark.parametrize(
    ("counts", "shown"),
    [
        ({"a": 7, "b": 6, "c": 2, "d": 1}, {"a": 7, "b": None, "c": None, "d": None}),  # 2 + 1 < 5: hide 6 too
        ({"a": 7, "b": 6, "c": 5, "d": 0}, {"a": 7, "b": 6, "c": None, "d": None}),  # 0 alone would be derivable
        ({"a": 7, "b": 6, "c": 3, "d": 2}, {"a": 7, "b": 6, "c": None, "d": None}),  # 3 + 2 = 5: enough
        ({"a": 10, "b": 5, "c": 5, "d": 5}, {"a": 10, "b": 5, "c": 5, "d": 5}),
        ({"a": 4, "b": 0, "c": 0, "d": 0}, {"a": None, "b": None, "c": None, "d": None}),  # fewer than 5 in all
        ({"a": 10, "b": 0, "c": 0, "d": 0}, {"a": None, "b": None, "c": None, "d": None}),  # "all are a" is a leak
    ],
)
def test_small_groups_are_hidden_with_their_complement(counts, shown):
    assert hide_small_groups(counts, minimum=5) == shown


def test_no_small_group_is_shown_or_derivable_from_the_total():
    for values in itertools.product(range(9), repeat=4):
        counts = dict(zip("abcd", values, strict=True))
        result = hide_small_groups(counts, minimum=5)
        shown = [count for count in result.values() if count is not None]
        remainder = sum(values) - sum(shown)
        assert all(count >= 5 for count in shown), counts
        assert remainder == 0 or remainder >= 5 or not shown, counts
        assert set(result) == set(counts)


@pytest.fixture
def scan_round(municipality, other_municipality):
    baseline, final = open_campaign_rounds(municipalities=[municipality, other_municipality])
    return final  # round 2 opened last: the current round


def respond(scan_round, municipality, persona, count, *, busy=0, submitted=True):
    """`count` respondents of `municipality` with `persona`, the first `busy` of them busy."""
    team = TeamFactory(municipality=municipality)
    personas = Persona.objects.in_bulk(field_name="slug")
    for index in range(count):
        Response.objects.create(
            round=scan_round,
            employee=UserFactory(team=team, municipality=municipality),
            submitted_at=timezone.now() if submitted else None,
            persona=personas[persona],
            is_busy=index < busy,
        )


def test_counts_per_municipality_hide_small_groups_and_leave_out_drafts(scan_round, municipality, other_municipality):
    respond(scan_round, municipality, Identity.PROFESSIONAL, 7, busy=5)
    respond(scan_round, municipality, Identity.HESITANT, 6)
    respond(scan_round, municipality, Identity.ENTHUSIAST, 2)
    respond(scan_round, municipality, Identity.ANALOGUE, 1)
    respond(scan_round, municipality, Identity.ANALOGUE, 9, submitted=False)
    respond(scan_round, other_municipality, Identity.HESITANT, 3)
    rows = {row.municipality: row for row in persona_counts(scan_round=scan_round, municipalities=[municipality])}
    groningen = rows[municipality]
    assert groningen.respondents == 16
    assert groningen.personas == {
        Identity.ENTHUSIAST: None,
        Identity.PROFESSIONAL: 7,
        Identity.HESITANT: None,
        Identity.ANALOGUE: None,
    }
    assert groningen.busy == 5, "5 busy and 11 not busy: both large enough"
    assen = persona_counts(scan_round=scan_round, municipalities=[other_municipality])[0]
    assert assen.respondents is None and set(assen.personas.values()) == {None} and assen.busy is None


def test_four_large_groups_are_all_shown(scan_round, municipality):
    for identity, count in [(Identity.ENTHUSIAST, 5), (Identity.PROFESSIONAL, 9), (Identity.HESITANT, 6)]:
        respond(scan_round, municipality, identity, count)
    respond(scan_round, municipality, Identity.ANALOGUE, 13)
    row = persona_counts(scan_round=scan_round, municipalities=[municipality])[0]
    assert row.personas == {
        Identity.ENTHUSIAST: 5,
        Identity.PROFESSIONAL: 9,
        Identity.HESITANT: 6,
        Identity.ANALOGUE: 13,
    }


def test_responses_without_a_persona_are_counted_as_a_hidden_group(scan_round, municipality):
    for identity in (Identity.ENTHUSIAST, Identity.PROFESSIONAL, Identity.HESITANT, Identity.ANALOGUE):
        respond(scan_round, municipality, identity, 6)
    Response.objects.filter(round=scan_round, persona__slug=Identity.ENTHUSIAST).update(persona=None)
    row = persona_counts(scan_round=scan_round, municipalities=[municipality])[0]
    assert row.respondents == 24 and set(row.personas.values()) == {6, None}


def test_the_busy_count_is_hidden_when_the_rest_is_small(scan_round, municipality):
    respond(scan_round, municipality, Identity.PROFESSIONAL, 8, busy=5)
    row = persona_counts(scan_round=scan_round, municipalities=[municipality])[0]
    assert row.respondents == 8 and row.busy is None, "8 - 5 = 3 not busy would be derivable"


def test_advisor_sees_the_rules_with_both_names_and_the_plan_and_the_counts(client, advisor, scan_round, municipality):
    respond(scan_round, municipality, Identity.PROFESSIONAL, 6)
    respond(scan_round, municipality, Identity.HESITANT, 5)
    respond(scan_round, municipality, Identity.ENTHUSIAST, 3)
    respond(scan_round, municipality, Identity.ANALOGUE, 2)
    client.force_login(advisor)
    body = client.get(URL).content.decode()
    for persona in Persona.objects.all():
        assert persona.name in body and persona.employee_name in body
    for rule in scoring.PERSONA_RULES:
        assert escape(rule.when) in body
    assert "interesse 3,5 of hoger" in body, "thresholds written the Dutch way"
    assert "onderneemt pas actie als de actualiteit daarom vraagt" in body
    assert "Intermediate (48–80 %)" in body and "Advanced (81–100 %)" in body
    assert "Ik vind het vervelend om te laten merken dat ik iets op de computer niet snap." in body
    assert "Digivaardig test, Ronde 2 (eindmeting)" in body
    assert '<th scope="row">Groningen</th>' in body and '<td class="text-end">16</td>' in body
    assert body.count('<td class="text-end">6</td>') == 1 and body.count('<td class="text-end">5</td>') == 1
    assert body.count('<td class="text-end">verborgen</td>') == 3, "3 and 2 (together 5) and the busy count (0)"
    assert '<th scope="row">Assen</th>' not in body, "the advisor of Groningen sees only Groningen"


def test_the_advisor_of_another_municipality_sees_only_their_own_counts(
    client, other_advisor, scan_round, municipality, other_municipality
):
    respond(scan_round, municipality, Identity.PROFESSIONAL, 9)
    respond(scan_round, other_municipality, Identity.HESITANT, 6)
    client.force_login(other_advisor)
    body = client.get(URL).content.decode()
    assert '<th scope="row">Assen</th>' in body and '<td class="text-end">6</td>' in body
    assert '<th scope="row">Groningen</th>' not in body and '<td class="text-end">9</td>' not in body


def test_the_programme_lead_sees_every_municipality(client, programme_lead, scan_round, municipality):
    respond(scan_round, municipality, Identity.PROFESSIONAL, 2)
    client.force_login(programme_lead)
    body = client.get(URL).content.decode()
    assert '<th scope="row">Assen</th>' in body and '<th scope="row">Groningen</th>' in body
    assert "minder dan 5" in body


@pytest.mark.parametrize("role", ["employee", "team_leader", "digicoach"])
def test_employees_team_leaders_and_digicoaches_may_not_see_it(client, request, role, scan_round):
    client.force_login(request.getfixturevalue(role))
    assert client.get(URL).status_code == 403


def test_an_earlier_round_can_be_chosen_and_bad_choices_fall_back_to_the_current_one(
    client, advisor, municipality, scan_round
):
    baseline = scan_round.campaign.scan_rounds.get(number=1)
    other, _final = open_campaign_rounds(municipalities=[TeamFactory().municipality], name="Elders")
    respond(baseline, municipality, Identity.HESITANT, 7)
    client.force_login(advisor)
    body = client.get(URL, {"ronde": baseline.pk}).content.decode()
    assert "Ronde 1 (nulmeting)</caption>" in body and '<td class="text-end">7</td>' in body
    for bad in ["abc", "999999", str(other.pk), "1' OR 1=1", ""]:
        response = client.get(URL, {"ronde": bad})
        assert response.status_code == 200
        assert "Ronde 2 (eindmeting)</caption>" in response.content.decode()


def test_without_an_open_round_the_page_says_so(client, advisor):
    client.force_login(advisor)
    body = client.get(URL).content.decode()
    assert "Er is nog geen ronde van de zelfscan geopend voor jouw gemeenten." in body


def test_the_page_does_not_grow_with_respondents(client, advisor, scan_round, municipality, query_count):
    client.force_login(advisor)
    small = query_count(client, URL, at_most=20)
    respond(scan_round, municipality, Identity.PROFESSIONAL, 12)
    assert query_count(client, URL, at_most=20) == small
