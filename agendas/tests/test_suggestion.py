"""This month's agenda suggestion: the month's content, the Digidonderdagtip, a question for the team
and the team's participation as counts, under the privacy threshold."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from agendas.selectors import agenda_suggestion, discussion_question
from agendas.tests.factories import MeetingFactory
from campaigns.tests.factories import ContentItemFactory
from common.dates import month_start
from learning.tests.factories import ActivityFactory
from organisations.tests.factories import MunicipalityFactory, UserFactory
from personas.models import Audience, Message
from selfscan.models import Response
from selfscan.services import rounds_create_for_campaign


@pytest.fixture
def content(campaign, municipality):
    today = timezone.localdate()
    this_month = month_start(today)
    item = ContentItemFactory(
        campaign=campaign,
        municipality=municipality,
        title="Succesverhaal van Burgerzaken",
        status="published",
        publish_on=this_month,
        material_url="https://intranet.example.nl/succes",
    )
    tip = ContentItemFactory(
        campaign=campaign,
        municipality=municipality,
        title="Digidonderdagtip: sneltoetsen",
        format="tip",
        status="published",
        publish_on=this_month,
    )
    hidden = [
        ContentItemFactory(campaign=campaign, municipality=municipality, title="Nog in productie", publish_on=today),
        ContentItemFactory(
            campaign=campaign,
            municipality=municipality,
            title="Alleen voor leidinggevenden",
            audience="team_leaders",
            status="published",
            publish_on=this_month,
        ),
        ContentItemFactory(
            campaign=campaign,
            municipality=municipality,
            title="Vorige maand",
            status="published",
            publish_on=month_start(today, -1),
        ),
    ]
    other = MunicipalityFactory(name="Assen")
    campaign.municipalities.add(other)
    hidden.append(
        ContentItemFactory(
            campaign=campaign, municipality=other, title="Nieuws uit Assen", status="published", publish_on=this_month
        )
    )
    return item, tip, hidden


def add_members(team, count):
    return UserFactory.create_batch(count, team=team, municipality=team.municipality)


def test_the_suggestion_holds_the_months_content_tip_and_question(client, team_leader, team, content, shipped_content):
    item, tip, hidden = content
    client.force_login(team_leader)
    response = client.get(reverse("agendas:suggestion", args=[team.pk]))
    page = response.content.decode()
    text = response.context["text"]
    for body in (page, text):
        assert item.title in body and tip.title in body
        assert all(other.title not in body for other in hidden)
    assert "https://intranet.example.nl/succes" in text
    leaders_messages = set(Message.objects.filter(audience__slug=Audience.TEAM_LEADERS).values_list("text", flat=True))
    question = response.context["suggestion"].question
    assert any(message.rstrip(".") in question for message in leaders_messages)
    assert "readonly" in page and 'data-copy-target="agenda-tekst"' in page and "js/copy.js" in page
    assert "<script>" not in page


def test_the_question_changes_with_the_month(shipped_content):
    questions = {discussion_question(month=datetime.date(2026, month, 1)) for month in range(3, 9)}
    assert len(questions) > 1


def test_a_small_team_sees_no_learning_or_scan_figures(team_leader, team, campaign, shipped_content):
    members = add_members(team, 2)
    for member in members:
        ActivityFactory(employee=member)
    suggestion = agenda_suggestion(team=team, today=timezone.localdate())
    assert suggestion.participation.members == 3
    assert not suggestion.participation.shown and suggestion.participation.active is None


def test_a_team_of_five_sees_counts_and_percentages(team_leader, team, campaign, shipped_content):
    members = add_members(team, 4)
    for member in members[:3]:
        ActivityFactory(employee=member)
    ActivityFactory(employee=members[0])
    participation = agenda_suggestion(team=team, today=timezone.localdate()).participation
    assert (participation.members, participation.active, participation.active_percent) == (5, 3, 60)


def test_scan_figures_need_five_respondents(team_leader, team, campaign, shipped_content):
    baseline, _final = rounds_create_for_campaign(campaign=campaign)
    members = add_members(team, 7)
    now = timezone.now()
    for member in members[:4]:
        Response.objects.create(round=baseline, employee=member, submitted_at=now)
    Response.objects.create(round=baseline, employee=members[4])  # a draft counts for nothing
    today = timezone.localdate()
    [figure] = agenda_suggestion(team=team, today=today).participation.scans
    assert figure.respondents is None and figure.percent is None
    Response.objects.create(round=baseline, employee=members[5], submitted_at=now)
    [figure] = agenda_suggestion(team=team, today=today).participation.scans
    assert (figure.respondents, figure.percent) == (5, 62)


def test_the_page_says_fewer_than_five_instead_of_a_number(client, team_leader, team, campaign, shipped_content):
    rounds_create_for_campaign(campaign=campaign)
    client.force_login(team_leader)
    response = client.get(reverse("agendas:suggestion", args=[team.pk]))
    assert "nog minder dan 5" in response.content.decode()
    assert "nog minder dan 5" in response.context["text"]


def test_the_suggestion_says_when_this_month_is_already_met(client, team_leader, team, campaign, shipped_content):
    client.force_login(team_leader)
    url = reverse("agendas:suggestion", args=[team.pk])
    assert "stond deze maand al op de agenda" not in client.get(url).content.decode()
    MeetingFactory(team=team)
    assert "stond deze maand al op de agenda" in client.get(url).content.decode()


def test_the_suggestion_does_not_grow_with_ten_times_more_data(
    client, team_leader, team, campaign, municipality, shipped_content, query_count
):
    client.force_login(team_leader)
    url = reverse("agendas:suggestion", args=[team.pk])
    this_month = month_start(timezone.localdate())

    def grow(items, members):
        for number in range(items):
            published = {"status": "published", "publish_on": this_month}
            ContentItemFactory(campaign=campaign, municipality=municipality, title=f"I{number}", **published)
        for member in add_members(team, members):
            ActivityFactory(employee=member)

    grow(2, 5)
    small = query_count(client, url, at_most=20)
    grow(20, 50)
    assert query_count(client, url, at_most=20) == small
