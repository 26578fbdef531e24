"""Random input to the zelfscan and the planner forms: never an error page, never anything half-saved."""

import pytest
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from campaigns.models import ContentItem
from selfscan.models import Answer, Response
from selfscan.selectors import scan_steps
from selfscan.tests.factories import open_campaign_rounds

text = st.text(alphabet=st.characters(blacklist_categories=["Cs"], blacklist_characters="\x00"), max_size=60)
FUZZ = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


@pytest.fixture
def scan(client, employee, municipality):
    baseline, _ = open_campaign_rounds(municipalities=[municipality])
    client.force_login(employee)
    client.post(reverse("selfscan:start", args=[baseline.pk]))
    return baseline


@pytest.mark.django_db
@FUZZ
@given(values=st.lists(st.one_of(text, st.integers(-5, 10).map(str)), min_size=6, max_size=6), action=text)
def test_scan_step_never_answers_500_and_stores_only_valid_answers(client, scan, values, action):
    questions = scan_steps(round=scan)[0]["questions"]
    data = {f"vraag_{question.pk}": value for question, value in zip(questions, values, strict=True)}
    data["actie"] = action
    response = client.post(reverse("selfscan:step", args=[scan.pk, 1]), data)
    assert response.status_code in (200, 302)
    for value in Answer.objects.filter(response__round=scan).values_list("value", flat=True):
        assert 1 <= value <= 4
    assert Response.objects.filter(round=scan).count() == 1


@pytest.mark.django_db
@FUZZ
@given(title=text, cost=text, date=text, category=text, municipality=text)
def test_planner_form_never_answers_500(client, programme_lead, title, cost, date, category, municipality):
    from campaigns.tests.factories import CampaignFactory

    campaign = CampaignFactory(municipalities=[programme_lead.municipality])
    client.force_login(programme_lead)
    before = ContentItem.objects.count()
    response = client.post(
        reverse("campaigns:create", args=[campaign.pk]),
        {
            "title": title,
            "planned_cost": cost,
            "publish_on": date,
            "category": category,
            "municipality": municipality,
            "format": "tip",
            "audience": "employees",
            "status": "idea",
        },
    )
    assert response.status_code in (200, 302)
    if response.status_code == 200:
        assert ContentItem.objects.count() == before


@pytest.mark.django_db
@FUZZ
@given(date=text, kind=text, title=text, minutes=text)
def test_learning_form_never_answers_500_and_stores_only_valid_entries(client, employee, date, kind, title, minutes):
    from campaigns.tests.factories import CampaignFactory
    from learning.models import LearningActivity

    CampaignFactory(municipalities=[employee.municipality], kick_off_date="2026-03-01", end_date="2026-11-30")
    client.force_login(employee)
    before = LearningActivity.objects.count()
    data = {"date": date, "kind": kind, "title": title, "minutes": minutes}
    response = client.post(reverse("learning:mine"), data)
    assert response.status_code in (200, 302)
    if response.status_code == 200:
        assert LearningActivity.objects.count() == before
    for activity in LearningActivity.objects.all():
        assert activity.title.strip() and 1 <= activity.minutes <= LearningActivity.MAX_MINUTES
        assert activity.month == activity.date.replace(day=1)


@pytest.mark.django_db
@FUZZ
@given(date=text, on_agenda=text, topic=text, notes=text)
def test_meeting_form_never_answers_500(client, team_leader, team, date, on_agenda, topic, notes):
    from agendas.models import TeamMeeting
    from campaigns.tests.factories import CampaignFactory

    CampaignFactory(municipalities=[team.municipality], kick_off_date="2026-03-01", end_date="2026-11-30")
    client.force_login(team_leader)
    before = TeamMeeting.objects.count()
    data = {"date": date, "digivaardig_on_agenda": on_agenda, "topic": topic, "notes": notes}
    response = client.post(reverse("agendas:team_log", args=[team.pk]), data)
    assert response.status_code in (200, 302)
    if response.status_code == 200:
        assert TeamMeeting.objects.count() == before
    for meeting in TeamMeeting.objects.all():
        assert meeting.topic or not meeting.digivaardig_on_agenda
