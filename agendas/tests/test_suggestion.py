"""This month's agenda suggestion: the month's content, the Digidonderdagtip, a question for the team
and the team's participation as counts, under the same privacy rule as the team dashboard."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format

from agendas.selectors import agenda_suggestion, discussion_question
from agendas.tests.factories import MeetingFactory
from campaigns.tests.factories import ContentItemFactory
from common.dates import month_start
from learning.tests.factories import ActivityFactory
from organisations.tests.factories import MunicipalityFactory, UserFactory
from personas.models import Audience, Message
from selfscan.models import Response
from selfscan.services import round_update_dates, rounds_create_for_campaign


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


def test_a_small_team_sees_its_learning_count_as_the_team_dashboard_does(team_leader, team, campaign, shipped_content):
    members = add_members(team, 2)
    for member in members:
        ActivityFactory(employee=member)
    participation = agenda_suggestion(team=team, today=timezone.localdate()).participation
    assert (participation.members, participation.active, participation.active_percent) == (3, 2, 67)


def test_a_team_of_five_sees_counts_and_percentages(team_leader, team, campaign, shipped_content):
    members = add_members(team, 4)
    for member in members[:3]:
        ActivityFactory(employee=member)
    ActivityFactory(employee=members[0])
    participation = agenda_suggestion(team=team, today=timezone.localdate()).participation
    assert (participation.members, participation.active, participation.active_percent) == (5, 3, 60)


def test_who_did_the_scan_is_counted_from_the_first_respondent(team_leader, team, campaign, shipped_content):
    """Participation counts are nobody's scores (README, Privacy): shown at any number, as on the
    team dashboard; only figures from scan scores wait for five respondents."""
    baseline, _final = rounds_create_for_campaign(campaign=campaign)
    members = add_members(team, 7)
    now = timezone.now()
    for member in members[:3]:
        Response.objects.create(round=baseline, employee=member, submitted_at=now)
    Response.objects.create(round=baseline, employee=members[4])  # a draft counts for nothing
    [figure] = agenda_suggestion(team=team, today=timezone.localdate()).participation.scans
    assert (figure.respondents, figure.percent) == (3, 38)


def test_the_suggestion_and_the_team_dashboard_show_the_same_round_two_figure(
    client, team_leader, team, campaign, shipped_content
):
    """QA: the suggestion said 'nog minder dan 5' where the team dashboard said 'Ronde 2 ingevuld 3 (25%)'."""
    baseline, final = rounds_create_for_campaign(campaign=campaign)
    today = timezone.localdate()
    if final.opens_on > today:  # round 2 open now, whatever the month the test runs in
        day = datetime.timedelta(days=1)
        round_update_dates(scan_round=final, opens_on=today - day, due_on=today + day, closes_on=today + 2 * day)
    members = add_members(team, 11)  # twelve with the leader
    for member in members[:3]:
        Response.objects.create(round=final, employee=member, submitted_at=timezone.now())
    client.force_login(team_leader)
    dashboard = client.get(reverse("dashboards:team", args=[team.pk])).content.decode()
    suggestion = client.get(reverse("agendas:suggestion", args=[team.pk]))
    assert '>Ronde 2 ingevuld</th><td class="text-end">3</td><td class="text-end">25%</td>' in dashboard
    assert "3 van 12 (25%)" in suggestion.content.decode()
    assert "(eindmeting): 3 van 12 gedaan (25%)" in suggestion.context["text"]
    assert "nog minder dan" not in suggestion.content.decode()


def test_this_months_tip_is_shown_with_its_text(client, team_leader, team, campaign, municipality, shipped_content):
    today = timezone.localdate()
    ContentItemFactory(
        campaign=campaign, municipality=municipality, title="Tip van vorige maand", format="tip",
        status="published", publish_on=month_start(today, -1),
    )  # fmt: skip
    ContentItemFactory(
        campaign=campaign, municipality=municipality, title="Zoeken in Outlook", format="tip",
        status="published", publish_on=month_start(today), notes="Typ van: en de naam om mail van iemand te vinden.",
    )  # fmt: skip
    client.force_login(team_leader)
    response = client.get(reverse("agendas:suggestion", args=[team.pk]))
    for body in (response.content.decode(), response.context["text"]):
        assert "Zoeken in Outlook" in body and "mail van iemand te vinden" in body
        assert "Tip van vorige maand" not in body


def test_without_a_tip_this_month_the_latest_is_labelled_with_its_date(
    client, team_leader, team, campaign, municipality, shipped_content
):
    """QA: last month's tip was offered as this month's, with only a title."""
    last_month = month_start(timezone.localdate(), -1)
    ContentItemFactory(
        campaign=campaign, municipality=municipality, title="Tip van vorige maand", format="tip",
        status="published", publish_on=last_month, notes="Zo maak je een schermafbeelding.",
    )  # fmt: skip
    client.force_login(team_leader)
    response = client.get(reverse("agendas:suggestion", args=[team.pk]))
    suggestion = response.context["suggestion"]
    assert suggestion.tip is None and suggestion.earlier_tip.title == "Tip van vorige maand"
    day = date_format(last_month, "j F Y")
    for body in (response.content.decode(), response.context["text"]):
        assert f"Deze maand is er nog geen Digidonderdagtip. De laatste is van {day}:" in body
        assert "Zo maak je een schermafbeelding." in body


def test_without_any_tip_the_suggestion_says_so(client, team_leader, team, campaign, shipped_content):
    client.force_login(team_leader)
    response = client.get(reverse("agendas:suggestion", args=[team.pk]))
    assert "Er is nog geen Digidonderdagtip gepubliceerd." in response.content.decode()
    assert "Deze maand is er nog geen Digidonderdagtip." in response.context["text"]


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
