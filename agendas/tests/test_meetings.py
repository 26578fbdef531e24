"""Team leaders log their werkoverleg in seconds; a month is met with Digivaardig on the agenda."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from agendas.models import TeamMeeting
from agendas.selectors import agenda_compliance, team_agenda_overview
from agendas.tests.factories import MeetingFactory
from common.dates import month_start
from common.submissions import new_token
from organisations.tests.factories import TeamFactory, UserFactory


def log(client, team, **overrides):
    data = {
        "date": timezone.localdate().isoformat(),
        "digivaardig_on_agenda": "True",
        "topic": "Digidonderdagtip over Teams",
        "notes": "Iedereen probeert het deze week.",
    }
    return client.post(reverse("agendas:team_log", args=[team.pk]), {**data, **overrides})


def test_a_team_leader_logs_a_meeting_and_the_month_is_met(client, team_leader, team, campaign):
    client.force_login(team_leader)
    today = timezone.localdate()
    assert not team_agenda_overview(team=team, today=today).met_this_month
    response = log(client, team)
    assert response.status_code == 302
    meeting = TeamMeeting.objects.get(team=team)
    assert (meeting.topic, meeting.created_by, meeting.digivaardig_on_agenda) == (
        "Digidonderdagtip over Teams",
        team_leader,
        True,
    )
    page = client.get(reverse("agendas:team_log", args=[team.pk])).content.decode()
    assert "Het werkoverleg is vastgelegd" in page and "Digidonderdagtip over Teams" in page
    overview = team_agenda_overview(team=team, today=today)
    assert overview.met_this_month and overview.met_count == 1


def test_a_meeting_without_digivaardig_needs_no_topic_and_does_not_count(client, team_leader, team, campaign):
    client.force_login(team_leader)
    assert log(client, team, digivaardig_on_agenda="False", topic="").status_code == 302
    assert not team_agenda_overview(team=team, today=timezone.localdate()).met_this_month


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"topic": ""}, "Vul in waarover jullie het hadden"),
        ({"date": (timezone.localdate() + datetime.timedelta(days=1)).isoformat()}, "als het is geweest"),
        ({"date": "2019-01-01"}, "Kies een datum binnen de campagne"),
        ({"date": "gisteren"}, "Voer een geldige datum in"),
        ({"digivaardig_on_agenda": "misschien"}, "Selecteer een geldige keuze"),
        ({"notes": "x" * 501}, "niet meer dan 500 tekens"),
    ],
)
def test_bad_input_gets_a_dutch_message_and_stores_nothing(client, team_leader, team, campaign, overrides, message):
    client.force_login(team_leader)
    response = log(client, team, **overrides)
    assert response.status_code == 200 and message in response.content.decode()
    assert not TeamMeeting.objects.exists()


def test_one_meeting_per_team_per_day(client, team_leader, team, campaign):
    client.force_login(team_leader)
    log(client, team)
    response = log(client, team, topic="Nog een keer")
    assert "Op deze datum staat al een werkoverleg" in response.content.decode()
    assert TeamMeeting.objects.count() == 1


def test_a_double_submit_logs_once(client, team_leader, team, campaign):
    client.force_login(team_leader)
    token = new_token(team_leader)
    assert log(client, team, form_token=token).status_code == log(client, team, form_token=token).status_code == 302
    assert TeamMeeting.objects.count() == 1


def test_a_team_with_two_leaders_shares_one_log(client, team_leader, team, campaign):
    other_leader = UserFactory(team=team, municipality=team.municipality)
    team.leaders.add(other_leader)
    meeting = MeetingFactory(team=team, topic="Van de eerste", created_by=team_leader)
    client.force_login(other_leader)
    assert "Van de eerste" in client.get(reverse("agendas:team_log", args=[team.pk])).content.decode()
    url = reverse("agendas:meeting_edit", args=[meeting.pk])
    response = client.post(
        url, {"date": meeting.date.isoformat(), "digivaardig_on_agenda": "True", "topic": "Aangevuld", "notes": ""}
    )
    assert response.status_code == 302
    meeting.refresh_from_db()
    assert (meeting.topic, meeting.created_by, meeting.updated_by) == ("Aangevuld", team_leader, other_leader)


def test_an_edit_onto_another_meetings_day_is_refused(client, team_leader, team, campaign):
    today = timezone.localdate()
    MeetingFactory(team=team, date=today)
    earlier = MeetingFactory(team=team, date=today - datetime.timedelta(days=1), topic="Eerder")
    client.force_login(team_leader)
    response = client.post(
        reverse("agendas:meeting_edit", args=[earlier.pk]),
        {"date": today.isoformat(), "digivaardig_on_agenda": "True", "topic": "Eerder"},
    )
    assert "Op deze datum staat al een werkoverleg" in response.content.decode()
    earlier.refresh_from_db()
    assert earlier.date == today - datetime.timedelta(days=1)


def test_leaders_of_other_teams_and_other_roles_do_not_reach_the_log(client, team_leader, employee, team, campaign):
    meeting = MeetingFactory(team=team)
    stranger = UserFactory(municipality=team.municipality)
    TeamFactory(municipality=team.municipality).leaders.add(stranger)
    client.force_login(stranger)
    for url in (
        reverse("agendas:team_log", args=[team.pk]),
        reverse("agendas:suggestion", args=[team.pk]),
        reverse("agendas:meeting_edit", args=[meeting.pk]),
    ):
        assert client.get(url).status_code == 404
    assert log(client, team).status_code == 404
    client.force_login(employee)
    assert client.get(reverse("agendas:team_log", args=[team.pk])).status_code == 403
    assert TeamMeeting.objects.count() == 1


def test_compliance_counts_meetings_with_the_item_per_team_and_month(db, django_assert_num_queries):
    march, april = datetime.date(2026, 3, 1), datetime.date(2026, 4, 1)
    keen, busy, quiet = TeamFactory.create_batch(3)
    MeetingFactory(team=keen, date=datetime.date(2026, 3, 31))
    MeetingFactory(team=keen, date=datetime.date(2026, 4, 1))
    MeetingFactory(team=busy, date=datetime.date(2026, 3, 10), digivaardig_on_agenda=False, topic="")
    MeetingFactory(team=busy, date=datetime.date(2026, 4, 30))
    MeetingFactory(team=quiet, date=datetime.date(2026, 5, 1))
    with django_assert_num_queries(1):
        compliance = agenda_compliance(teams=[keen, busy, quiet], months=[march, april])
    assert compliance.months_met(keen.pk) == {march, april}
    assert compliance.months_met(busy.pk) == {april}
    assert compliance.months_met(quiet.pk) == frozenset()
    assert (compliance.teams_met(march), compliance.teams_met(april)) == (1, 2)


def test_compliance_is_one_query_for_a_queryset_or_many_ids(db, django_assert_num_queries):
    from organisations.models import Team

    month = datetime.date(2026, 6, 1)
    teams = TeamFactory.create_batch(3)
    for team in teams[:2]:
        MeetingFactory(team=team, date=datetime.date(2026, 6, 15))
    with django_assert_num_queries(1):
        assert agenda_compliance(teams=Team.objects.all(), months=[month]).teams_met(month) == 2
    ids = [team.pk for team in teams] + list(range(10**6, 10**6 + 600))
    with django_assert_num_queries(1):
        assert agenda_compliance(teams=ids, months=[month]).teams_met(month) == 2


def test_the_months_row_marks_met_open_missed_and_upcoming(team, campaign):
    today = timezone.localdate()
    MeetingFactory(team=team, date=campaign.kick_off_date)
    states = {entry.month: entry.state for entry in team_agenda_overview(team=team, today=today).months}
    assert states[campaign.kick_off_date] == "met"
    assert states[month_start(today, -1)] == "missed"
    assert states[month_start(today)] == "open"
    assert states[month_start(campaign.end_date)] == "upcoming"


def test_the_team_leader_start_page_shows_this_months_goal_and_links(client, team_leader, team, campaign):
    client.force_login(team_leader)
    page = client.get(reverse("core:start_team_leader")).content.decode()
    assert "nog niet" in page and reverse("agendas:team_log", args=[team.pk]) in page
    log(client, team)  # the page keeps what it read; a logged meeting shows at once
    page = client.get(reverse("core:start_team_leader")).content.decode()
    assert "✓" in page and reverse("agendas:suggestion", args=[team.pk]) in page


def test_the_log_does_not_grow_with_ten_times_more_meetings(client, team_leader, team, campaign, query_count):
    client.force_login(team_leader)
    url = reverse("agendas:team_log", args=[team.pk])
    today = timezone.localdate()
    for days in range(3):
        MeetingFactory(team=team, date=today - datetime.timedelta(days=days), created_by=team_leader)
    small = query_count(client, url, at_most=15)
    for days in range(3, 33):
        MeetingFactory(team=team, date=today - datetime.timedelta(days=days), created_by=UserFactory())
    assert query_count(client, url, at_most=15) == small


def test_the_start_page_does_not_grow_with_more_teams(client, team_leader, team, campaign, query_count):
    client.force_login(team_leader)
    url = reverse("core:start_team_leader")
    small = query_count(client, url, at_most=15)
    for _ in range(10):
        extra = TeamFactory(municipality=team.municipality)
        extra.leaders.add(team_leader)
        MeetingFactory(team=extra)
    assert query_count(client, url, at_most=15) == small


def test_the_log_is_kept_and_a_logged_or_changed_meeting_shows_at_once(
    client, team_leader, team, campaign, query_count
):
    client.force_login(team_leader)
    url = reverse("agendas:team_log", args=[team.pk])
    cold = query_count(client, url, at_most=15)
    assert query_count(client, url, at_most=15, cold=False) < cold
    page = client.get(url).content.decode()
    assert "Teams-tip van de maand" not in page and "month-met" not in page
    log(client, team, topic="Teams-tip van de maand")
    page = client.get(url).content.decode()
    assert "Teams-tip van de maand" in page and "month-met" in page  # this month is met
    meeting = TeamMeeting.objects.get(team=team)
    client.post(
        reverse("agendas:meeting_edit", args=[meeting.pk]),
        {"date": meeting.date.isoformat(), "digivaardig_on_agenda": "True", "topic": "Copilot proberen"},
    )
    assert "Copilot proberen" in client.get(url).content.decode()


def test_the_edit_page_is_kept_and_shows_a_change_or_a_lost_team_at_once(
    client, team_leader, team, campaign, query_count
):
    meeting = MeetingFactory(team=team, topic="Eerste versie", created_by=team_leader)
    client.force_login(team_leader)
    url = reverse("agendas:meeting_edit", args=[meeting.pk])
    cold = query_count(client, url, at_most=10)
    assert query_count(client, url, at_most=10, cold=False) < cold
    client.post(url, {"date": meeting.date.isoformat(), "digivaardig_on_agenda": "True", "topic": "Tweede versie"})
    page = client.get(url).content.decode()
    assert "Tweede versie" in page and "Eerste versie" not in page
    team.leaders.remove(team_leader)
    assert client.get(url).status_code in (403, 404)


def test_a_meeting_logged_after_its_number_was_tried_opens_at_once(client, team_leader, team, campaign):
    client.force_login(team_leader)
    next_pk = (TeamMeeting.objects.order_by("-pk").values_list("pk", flat=True).first() or 0) + 1
    assert client.get(reverse("agendas:meeting_edit", args=[next_pk])).status_code == 404
    log(client, team, topic="Net vastgelegd")
    meeting = TeamMeeting.objects.get(team=team)
    assert client.get(reverse("agendas:meeting_edit", args=[meeting.pk])).status_code == 200
