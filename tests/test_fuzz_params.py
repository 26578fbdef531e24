"""No query parameter of any page can cause a server error, whatever its value.

Every page of every role in the access matrix is requested with every parameter the portal reads
set to hostile values: random text, out-of-range numbers, extreme years, markup, repeated keys.
"""

import pytest
from django.test import Client
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.test_access_matrix import MATRIX, OK, ROLES, build_url

# Every GET parameter a view of the portal reads (a new one belongs here).
PARAMETERS = [
    "maand",
    "pagina",
    "q",
    "gemeente",
    "kanaal",
    "fase",
    "categorie",
    "persona",
    "doelgroep",
    "status",
    "eigenaar",
    "datum",
    "naar",
    "next",
    "team",
    "periode",
    "ronde",
    "code",
]
HOSTILE = [
    "",
    "x",
    "-1",
    "0",
    "99999999999999999999999",
    "1e309",
    "NaN",
    "2027-13",
    "0000-00",
    "9999-12",
    "-2027-01",
    "2027-02-30",
    "<script>alert(1)</script>",
    "' OR 1=1 --",
    "%00\x00",
    "ü€𝔘",
    "a" * 5000,
]


def client_for(user):
    client = Client(raise_request_exception=False)
    if user is not None:
        client.force_login(user)
    return client


@pytest.mark.parametrize("role", ROLES)
def test_hostile_values_in_every_parameter_of_every_page_never_give_500(world, role):
    client = client_for(world["users"][role])
    failures = []
    for name, outcomes in MATRIX.items():
        if outcomes[role] not in (OK, "redirect"):
            continue
        url = build_url(name, world["own"])
        for value in HOSTILE:
            response = client.get(url, dict.fromkeys(PARAMETERS, value))
            if response.status_code >= 500:
                failures.append((name, value[:20], response.status_code))
        response = client.get(url + "?" + "&".join(f"{p}=1&{p}=2&{p}[]=x" for p in PARAMETERS))
        if response.status_code >= 500:
            failures.append((name, "repeated keys", response.status_code))
    assert failures == []


@pytest.mark.django_db
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(values=st.dictionaries(st.sampled_from(PARAMETERS), st.text(max_size=40), max_size=6))
def test_random_parameters_on_the_busiest_pages_never_give_500(values, world):
    advisor = client_for(world["users"]["advisor"])
    lead = client_for(world["users"]["programme_lead"])
    own = world["own"]
    for client, url in [
        (advisor, reverse("campaigns:list", args=[own["campaign_id"]])),
        (advisor, reverse("campaigns:calendar", args=[own["campaign_id"]])),
        (advisor, reverse("campaigns:channels", args=[own["campaign_id"]])),
        (advisor, reverse("personas:messages")),
        (lead, reverse("organisations:employee_list")),
    ]:
        assert client.get(url, values).status_code < 500


@pytest.mark.parametrize("name", ["campaigns:feed", "reminders:opt_out", "coaching:verify_code"])
@pytest.mark.parametrize("segment", ["%00", "a%01b", "%7F"])
def test_a_control_character_in_an_address_is_no_page(client, name, segment):
    """QA: /campagne/agenda/%00.ics (public) was a server error on PostgreSQL: NUL reached a lookup.
    Every token or code in a path is matched without control characters (common/converters.py)."""
    address = reverse(name, args=["PLACEHOLDER"]).replace("PLACEHOLDER", segment)
    assert client.get(address).status_code == 404
