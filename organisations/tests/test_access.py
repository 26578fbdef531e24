import pytest
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.urls import reverse
from django.utils.html import escape

from organisations.access import get_municipality_for_user, get_team_for_user
from organisations.roles import Role, primary_role, roles_of
from organisations.tests.factories import TeamFactory, UserFactory


def test_roles_follow_the_data(employee, team_leader, advisor, digicoach, programme_lead):
    assert roles_of(employee) == {Role.EMPLOYEE}
    assert roles_of(team_leader) == {Role.EMPLOYEE, Role.TEAM_LEADER}
    assert roles_of(advisor) == {Role.EMPLOYEE, Role.ADVISOR}
    assert roles_of(digicoach) == {Role.EMPLOYEE, Role.DIGICOACH}
    assert Role.PROGRAMME_LEAD in roles_of(programme_lead)


def test_a_person_can_hold_several_roles(team, municipality):
    person = UserFactory(team=team, municipality=municipality, is_digicoach=True)
    team.leaders.add(person)
    person.advised_municipalities.add(municipality)
    assert roles_of(person) == {Role.EMPLOYEE, Role.TEAM_LEADER, Role.ADVISOR, Role.DIGICOACH}
    assert primary_role(person) == Role.ADVISOR


def test_roles_are_computed_once_per_user_object(team_leader, django_assert_num_queries):
    with django_assert_num_queries(1):
        roles_of(team_leader)
    with django_assert_num_queries(0):
        roles_of(team_leader)


def test_team_leader_gets_own_team_but_404_for_another(team_leader, team, municipality):
    other_team = TeamFactory(municipality=municipality)
    assert get_team_for_user(team_leader, team.pk) == team
    with pytest.raises(Http404):
        get_team_for_user(team_leader, other_team.pk)


def test_employee_is_refused_team_access(employee, team):
    with pytest.raises(PermissionDenied):
        get_team_for_user(employee, team.pk)


def test_advisor_sees_only_assigned_municipalities(advisor, municipality, other_municipality):
    assert get_municipality_for_user(advisor, municipality.pk) == municipality
    with pytest.raises(Http404):
        get_municipality_for_user(advisor, other_municipality.pk)


def test_programme_lead_sees_every_municipality_and_team(programme_lead, other_municipality):
    other_team = TeamFactory(municipality=other_municipality)
    assert get_municipality_for_user(programme_lead, other_municipality.pk) == other_municipality
    assert get_team_for_user(programme_lead, other_team.pk) == other_team


@pytest.mark.parametrize(
    ("role_fixture", "start_page"),
    [
        ("employee", "core:start_employee"),
        ("team_leader", "core:start_team_leader"),
        ("advisor", "core:start_advisor"),
        ("digicoach", "core:start_digicoach"),
        ("programme_lead", "core:start_programme_lead"),
    ],
)
def test_home_sends_each_role_to_its_start_page(client, request, role_fixture, start_page):
    client.force_login(request.getfixturevalue(role_fixture))
    response = client.get(reverse("core:home"))
    assert response.status_code == 302 and response.url == reverse(start_page)
    assert client.get(response.url).status_code == 200


def test_navigation_shows_only_what_the_role_may_use(client, employee, programme_lead):
    client.force_login(employee)
    body = client.get(reverse("core:start_employee")).content.decode()
    assert reverse("core:start_employee") in body
    assert reverse("core:start_programme_lead") not in body
    assert reverse("core:start_team_leader") not in body
    client.force_login(programme_lead)
    body = client.get(reverse("core:start_employee")).content.decode()
    assert reverse("core:start_programme_lead") in body


def test_team_page_shows_members_without_scores(client, team_leader, employee, team):
    client.force_login(team_leader)
    body = client.get(reverse("organisations:team_detail", args=[team.pk])).content.decode()
    assert escape(employee.get_full_name()) in body
