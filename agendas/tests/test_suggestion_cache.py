"""The agenda suggestion keeps the team's participation figures and the discussion question in the
cache: a write through a service shows at once, and another team or language never gets them."""

import pytest
from django.urls import reverse
from django.utils import timezone

from campaigns.tests.factories import ContentItemFactory
from common.dates import month_start
from learning.models import LearningActivity
from learning.services import activity_log
from organisations.models import User
from organisations.tests.factories import TeamFactory, UserFactory
from personas.models import Audience
from personas.services import audience_texts_update
from selfscan.services import rounds_create_for_campaign
from selfscan.tests.factories import submitted_response

pytestmark = pytest.mark.django_db


def url(team):
    return reverse("agendas:suggestion", args=[team.pk])


def members(team, count, **kwargs):
    return UserFactory.create_batch(count, team=team, municipality=team.municipality, **kwargs)


def test_a_second_visit_reads_the_figures_from_the_cache(
    client, team_leader, team, campaign, municipality, shipped_content, query_count
):
    tip = {"format": "tip", "status": "published", "publish_on": month_start(timezone.localdate())}
    ContentItemFactory(campaign=campaign, municipality=municipality, title="Sneltoetsen", **tip)
    members(team, 6)
    client.force_login(team_leader)
    cold = query_count(client, url(team), at_most=14)
    # The session, the person, the team, the campaign, the month's content, the goal this month.
    warm = query_count(client, url(team), at_most=6, cold=False)
    assert warm < cold


def test_learning_logged_through_the_service_counts_at_once(client, team_leader, team, campaign, shipped_content):
    colleagues = members(team, 5)
    client.force_login(team_leader)
    assert "0 van 6 (0%)" in client.get(url(team)).content.decode()
    assert "0 van 6 (0%)" in client.get(url(team)).content.decode()  # kept
    activity_log(
        employee=colleagues[0],
        date=timezone.localdate(),
        kind=LearningActivity.Kind.E_LEARNING,
        title="Veilig mailen",
        minutes=20,
    )
    body = client.get(url(team)).content.decode()
    assert "1 van 6 (17%)" in body and "0 van 6 (0%)" not in body


def test_a_scan_submitted_through_the_service_counts_at_once(client, team_leader, team, campaign, shipped_content):
    baseline, _final = rounds_create_for_campaign(campaign=campaign)
    colleagues = members(team, 3)
    client.force_login(team_leader)
    assert "0 van 4 (0%)" in client.get(url(team)).content.decode()
    submitted_response(colleagues[0], baseline)
    assert "1 van 4 (25%)" in client.get(url(team)).content.decode()


def test_another_team_never_gets_the_figures_kept_for_this_one(client, team_leader, team, campaign, shipped_content):
    members(team, 2)
    other = TeamFactory(municipality=team.municipality, name="Belastingen")
    other_leader = UserFactory(team=other, municipality=other.municipality)
    other.leaders.add(other_leader)
    members(other, 6)
    client.force_login(team_leader)
    assert "<td>3</td>" in client.get(url(team)).content.decode()
    client.force_login(other_leader)
    body = client.get(url(other)).content.decode()
    assert "<td>7</td>" in body and "<td>3</td>" not in body


def test_figures_kept_in_dutch_are_not_shown_to_a_leader_reading_english(
    client, team_leader, team, campaign, shipped_content
):
    rounds_create_for_campaign(campaign=campaign)
    english = UserFactory(team=team, municipality=team.municipality, language=User.Language.ENGLISH)
    team.leaders.add(english)
    client.force_login(team_leader)
    assert "Ronde 1 (nulmeting)" in client.get(url(team)).content.decode()
    client.force_login(english)
    body = client.get(url(team)).content.decode()
    assert "Round 1 (baseline)" in body and "Ronde 1 (nulmeting)" not in body


def test_a_message_for_team_leaders_edited_through_the_service_shows_at_once(
    client, team_leader, team, campaign, shipped_content
):
    client.force_login(team_leader)
    before = client.get(url(team)).context["suggestion"].question
    audience = Audience.objects.get(slug=Audience.TEAM_LEADERS)
    points = list(audience.attention_points.order_by("position", "pk").values_list("text", flat=True))
    audience_texts_update(
        audience=audience, changed_by=team_leader, attention_points=points, messages=["Digitaal werken scheelt tijd."]
    )
    after = client.get(url(team)).context["suggestion"].question
    assert "Digitaal werken scheelt tijd" in after and after != before
