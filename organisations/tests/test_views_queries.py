"""List pages stay within a fixed number of queries however much data there is."""

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from organisations.tests.factories import TeamFactory, UserFactory


def warm_up(client):
    # The first request of a session records its activity time: one write, once a minute.
    client.get(reverse("core:accessibility"))


def count_queries(client, url):
    with CaptureQueriesContext(connection) as context:
        response = client.get(url)
    assert response.status_code == 200
    return len(context.captured_queries)


def grow(municipality, teams, members_per_team):
    for _ in range(teams):
        team = TeamFactory(municipality=municipality)
        leader = UserFactory(team=team, municipality=municipality)
        team.leaders.add(leader)
        UserFactory.create_batch(members_per_team, team=team, municipality=municipality)


def test_municipality_pages_do_not_grow_with_data(client, programme_lead, municipality):
    client.force_login(programme_lead)
    urls = [
        reverse("organisations:municipality_list"),
        reverse("organisations:municipality_detail", args=[municipality.pk]),
        reverse("organisations:employee_list"),
        reverse("core:start_programme_lead"),
        reverse("core:start_advisor"),
    ]
    grow(municipality, teams=1, members_per_team=1)
    warm_up(client)
    small = [count_queries(client, url) for url in urls]
    grow(municipality, teams=6, members_per_team=8)
    large = [count_queries(client, url) for url in urls]
    assert small == large


def test_team_pages_do_not_grow_with_data(client, team_leader, team, municipality):
    client.force_login(team_leader)
    urls = [reverse("organisations:team_detail", args=[team.pk]), reverse("core:start_team_leader")]
    warm_up(client)
    small = [count_queries(client, url) for url in urls]
    UserFactory.create_batch(20, team=team, municipality=municipality)
    for _ in range(4):
        TeamFactory(municipality=municipality).leaders.add(team_leader)
    large = [count_queries(client, url) for url in urls]
    assert small == large


def test_employee_list_has_a_fixed_query_count(client, programme_lead, municipality, django_assert_num_queries):
    grow(municipality, teams=3, members_per_team=10)
    client.force_login(programme_lead)
    warm_up(client)
    # session, user, roles, count, page, municipality choices
    with django_assert_num_queries(6):
        client.get(reverse("organisations:employee_list"))


def test_employee_search_finds_by_name_and_number(client, programme_lead, municipality):
    UserFactory(first_name="Hendrikje", last_name="Zwart", employee_number="GR-99", municipality=municipality)
    client.force_login(programme_lead)
    assert "Hendrikje" in client.get(reverse("organisations:employee_list"), {"q": "hendrik"}).content.decode()
    assert "Hendrikje" in client.get(reverse("organisations:employee_list"), {"q": "GR-99"}).content.decode()
    assert "Hendrikje" not in client.get(reverse("organisations:employee_list"), {"q": "Pietje"}).content.decode()
