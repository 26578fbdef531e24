"""An employee's answers and scores are theirs alone: no other role reaches them by any URL."""

import pytest
from django.contrib import admin
from django.db.models import QuerySet
from django.urls import reverse

from selfscan.models import Answer, AreaResult, Response
from selfscan.tests.factories import open_campaign_rounds, submitted_response

OTHER_ROLES = ["team_leader", "advisor", "other_advisor", "digicoach", "programme_lead"]


@pytest.fixture
def scanned(employee, municipality, other_municipality):
    baseline, _ = open_campaign_rounds(municipalities=[municipality, other_municipality], name="Privacytest")
    return submitted_response(employee, baseline, can_do=4)


@pytest.mark.parametrize("role", OTHER_ROLES)
def test_no_other_role_sees_an_employees_result_or_answers(client, request, scanned, role):
    client.force_login(request.getfixturevalue(role))
    scan_round = scanned.round
    for name in ["selfscan:result", "selfscan:review"]:
        response = client.get(reverse(name, args=[scan_round.pk]))
        assert response.status_code in (302, 404)
        assert response.status_code == 404 or response.url == reverse("selfscan:home")
    export = client.get(reverse("selfscan:export")).json()
    assert export["responses"] == []
    home = client.get(reverse("selfscan:home")).content.decode()
    assert "Bekijk je uitslag" not in home


def test_scan_data_is_not_in_the_admin():
    registered = set(admin.site._registry)
    assert not {Response, Answer, AreaResult} & registered


def scan_objects_in(context_values):
    for value in context_values:
        items = value if isinstance(value, list | tuple | QuerySet) else [value]
        for item in items:
            if isinstance(item, Response | Answer | AreaResult):
                yield item


@pytest.mark.parametrize("role", OTHER_ROLES)
def test_no_page_a_role_can_open_receives_an_employees_scan(client, request, employee, role, world):
    from selfscan.models import Round
    from tests.test_access_matrix import MATRIX, OK, build_url

    # The world's own campaign (a municipality has one campaign at a time): the employee's scan in it.
    submitted_response(employee, Round.objects.get(pk=world["own"]["round_id"]), can_do=4)
    viewer = request.getfixturevalue(role)
    client.force_login(viewer)
    leaks = []
    for name, outcomes in MATRIX.items():
        if outcomes.get(role) != OK:
            continue
        response = client.get(build_url(name, world["own"]))
        values = [value for context in (response.context or []) for value in context.flatten().values()]
        leaks += [name for item in scan_objects_in(values) if getattr(item, "employee_id", None) != viewer.pk]
    assert leaks == []


def test_the_leak_detector_sees_scan_data_where_it_is_shown(client, scanned):
    client.force_login(scanned.employee)
    response = client.get(reverse("selfscan:result", args=[scanned.round.pk]))
    values = [value for context in response.context for value in context.flatten().values()]
    assert scanned in list(scan_objects_in(values))
