"""The xAPI statements endpoint (xAPI 1.0.3): POST and PUT with a platform key, each id stored once."""

import base64
import datetime
import io
import json
import uuid

import pytest
from django.core.management import call_command
from django.test import Client
from django.urls import reverse

from learning.models import LearningActivity, XapiClient, XapiStatement
from learning.services import xapi_client_create
from learning.xapi import parse_duration
from organisations.tests.factories import UserFactory

URL = "/api/xapi/statements"
COMPLETED = "http://adlnet.gov/expapi/verbs/completed"


# The examples' dates lie in this campaign (the learning date rule).
pytestmark = pytest.mark.usefixtures("learning_campaign")


@pytest.fixture
def platform(db):
    client, secret = xapi_client_create(name="Leerplatform Digivaardig")
    return client, secret


@pytest.fixture
def learner(municipality):
    return UserFactory(email="anna.bakker@groningen.nl", municipality=municipality, employee_number="GR-12")


def auth(credentials):
    client, secret = credentials
    token = base64.b64encode(f"{client.key}:{secret}".encode()).decode()
    return {"HTTP_AUTHORIZATION": f"Basic {token}", "HTTP_X_EXPERIENCE_API_VERSION": "1.0.3"}


def statement(**overrides):
    data = {
        "id": str(uuid.uuid4()),
        "actor": {"objectType": "Agent", "name": "Anna", "mbox": "mailto:Anna.Bakker@groningen.nl"},
        "verb": {"id": COMPLETED, "display": {"en-US": "completed"}},
        "object": {
            "objectType": "Activity",
            "id": "https://leren.example.nl/cursus/veilig-mailen",
            "definition": {"name": {"en-US": "Safe e-mail", "nl-NL": "Veilig mailen"}},
        },
        "result": {"completion": True, "duration": "PT45M00S"},
        "timestamp": "2026-03-14T10:00:00+01:00",
    }
    data.update(overrides)
    return data


def voids(target):
    return statement(
        verb={"id": "http://adlnet.gov/expapi/verbs/voided"}, object={"objectType": "StatementRef", "id": target["id"]}
    )


def post(platform, body, **headers):
    return Client().post(URL, json.dumps(body), content_type="application/json", **{**auth(platform), **headers})


def put(platform, body, statement_id, **headers):
    return Client().put(
        f"{URL}?statementId={statement_id}",
        json.dumps(body),
        content_type="application/json",
        **{**auth(platform), **headers},
    )


def test_a_batch_is_stored_and_answered_with_the_ids_in_order(platform, learner):
    first, second = statement(), statement(verb={"id": "http://adlnet.gov/expapi/verbs/experienced"})
    del second["id"]
    response = post(platform, [first, second])
    assert response.status_code == 200
    assert response["X-Experience-API-Version"] == "1.0.3"
    ids = response.json()
    assert ids[0] == first["id"] and uuid.UUID(ids[1])
    activity = LearningActivity.objects.get(external_id=first["id"])
    assert (activity.employee, activity.kind, activity.title, activity.minutes, activity.source) == (
        learner,
        "e_learning",
        "Veilig mailen",
        45,
        "xapi",
    )
    assert activity.date == datetime.date(2026, 3, 14)
    assert LearningActivity.objects.get(external_id=ids[1]).kind == "tip"
    assert XapiStatement.objects.count() == 2


def test_one_statement_may_be_posted_without_a_list(platform, learner):
    single = statement()
    response = post(platform, single)
    assert response.status_code == 200 and response.json() == [single["id"]]


def test_the_same_id_with_the_same_content_is_no_error_and_stored_once(platform, learner):
    original = statement()
    post(platform, [original])
    resent = {
        **original,
        "timestamp": "2026-03-14T09:00:00Z",  # the same instant, written otherwise
        "verb": {"id": COMPLETED, "display": {"nl-NL": "voltooide"}},  # display is no part of it
        "version": "1.0.3",
    }
    response = post(platform, [resent])
    assert response.status_code == 200 and response.json() == [original["id"]]
    assert LearningActivity.objects.count() == XapiStatement.objects.count() == 1


def test_the_same_id_with_other_content_is_409_and_nothing_of_the_request_is_stored(platform, learner):
    original = statement()
    post(platform, [original])
    conflicting = {**original, "result": {"duration": "PT50M"}}
    fresh = statement()
    response = post(platform, [fresh, conflicting])
    assert response.status_code == 409 and original["id"] in response.json()["error"]
    assert not XapiStatement.objects.filter(statement_id=fresh["id"]).exists()
    assert LearningActivity.objects.count() == 1


def test_a_different_timestamp_is_a_conflict(platform, learner):
    original = statement()
    post(platform, [original])
    assert post(platform, [{**original, "timestamp": "2026-03-15T10:00:00Z"}]).status_code == 409


@pytest.mark.parametrize(
    ("change", "reason"),
    [
        ({"actor": {"mbox": "anna@groningen.nl"}}, "mailto:"),
        ({"actor": {"mbox": "mailto:anna@groningen.nl", "openid": "https://x"}}, "precies één kenmerk"),
        ({"actor": {"objectType": "Group", "member": []}}, "geen groep"),
        ({"verb": {"id": "completed"}}, "verb.id moet een IRI"),
        ({"object": {"id": "geen iri"}}, "object.id moet een IRI"),
        ({"result": {"duration": "45 minuten"}}, "geen ISO 8601-duur"),
        ({"result": {"duration": "PT25H"}}, "langer dan een dag"),
        ({"timestamp": "14-03-2026"}, "timestamp moet een ISO 8601-tijdstip"),
        ({"id": "1234"}, "geen UUID"),
        ({"stemming": "blij"}, "onbekende velden: stemming"),
        ({"version": "2.0.0"}, "version moet 1.0.x"),
    ],
)
def test_a_malformed_statement_is_400_with_the_reason_and_nothing_is_stored(platform, learner, change, reason):
    good = statement()
    bad = {**statement(), **change}
    response = post(platform, [good, bad])
    assert response.status_code == 400
    assert response.json()["error"].startswith("statement 2: ") and reason in response.json()["error"]
    assert not XapiStatement.objects.exists() and not LearningActivity.objects.exists()


def test_an_unknown_actor_is_400_and_nothing_is_stored(platform, learner):
    stranger = statement(actor={"mbox": "mailto:niemand@groningen.nl"})
    response = post(platform, [statement(), stranger])
    assert response.status_code == 400 and "onbekende actor (mailto:niemand@groningen.nl)" in response.json()["error"]
    assert not XapiStatement.objects.exists()


def test_an_account_is_matched_on_e_mail_or_employee_number(platform, learner):
    homepage = "https://leren.example.nl"
    by_number = statement(actor={"account": {"homePage": homepage, "name": "GR-12"}})
    by_email = statement(actor={"account": {"homePage": homepage, "name": "ANNA.BAKKER@groningen.nl"}})
    assert post(platform, [by_number, by_email]).status_code == 200
    assert set(LearningActivity.objects.values_list("employee", flat=True)) == {learner.pk}


def test_two_statements_with_one_id_in_a_batch_are_400(platform, learner):
    twin = statement()
    response = post(platform, [twin, {**twin}])
    assert response.status_code == 400 and "hetzelfde id" in response.json()["error"]
    assert not XapiStatement.objects.exists()


def test_put_stores_one_statement_under_its_statement_id(platform, learner):
    statement_id = str(uuid.uuid4())
    body = statement()
    del body["id"]
    response = put(platform, body, statement_id)
    assert response.status_code == 204
    assert LearningActivity.objects.get().external_id == statement_id
    assert put(platform, body, statement_id).status_code == 204, "the same again is no error"
    assert put(platform, {**body, "result": {"duration": "PT5M"}}, statement_id).status_code == 409


@pytest.mark.parametrize(
    ("query", "body", "reason"),
    [
        ("", statement(), "statementId"),
        (f"?statementId={uuid.uuid4()}", statement(), "niet gelijk aan statementId"),
        (f"?statementId={uuid.uuid4()}", [statement()], "PUT neemt één statement"),
    ],
)
def test_put_refuses_a_missing_or_different_id_and_lists(platform, learner, query, body, reason):
    response = Client().put(f"{URL}{query}", json.dumps(body), content_type="application/json", **auth(platform))
    assert response.status_code == 400 and reason in response.json()["error"]
    assert not XapiStatement.objects.exists()


def test_post_with_a_statement_id_is_refused(platform, learner):
    response = Client().post(
        f"{URL}?statementId={uuid.uuid4()}", json.dumps(statement()), content_type="application/json", **auth(platform)
    )
    assert response.status_code == 400


def test_requests_without_valid_credentials_are_401(platform, learner):
    client, _secret = platform
    for headers in (
        {},
        {"HTTP_AUTHORIZATION": "Basic " + base64.b64encode(f"{client.key}:fout".encode()).decode()},
        {"HTTP_AUTHORIZATION": "Basic %%%"},
        {"HTTP_AUTHORIZATION": "Bearer abc"},
    ):
        headers["HTTP_X_EXPERIENCE_API_VERSION"] = "1.0.3"
        response = Client().post(URL, json.dumps(statement()), content_type="application/json", **headers)
        assert response.status_code == 401 and "Basic" in response["WWW-Authenticate"]
    XapiClient.objects.filter(pk=client.pk).update(is_active=False)
    assert post(platform, statement()).status_code == 401
    assert not XapiStatement.objects.exists()


@pytest.mark.parametrize("version", [None, "0.95", "2.0.0", "1.1"])
def test_the_version_header_is_required_and_must_be_1_0(platform, learner, version):
    headers = auth(platform)
    headers.pop("HTTP_X_EXPERIENCE_API_VERSION")
    if version:
        headers["HTTP_X_EXPERIENCE_API_VERSION"] = version
    response = Client().post(URL, json.dumps(statement()), content_type="application/json", **headers)
    assert response.status_code == 400 and "X-Experience-API-Version" in response.json()["error"]


def test_version_1_0_and_1_0_0_are_accepted(platform, learner):
    assert post(platform, statement(), HTTP_X_EXPERIENCE_API_VERSION="1.0").status_code == 200
    assert post(platform, statement(), HTTP_X_EXPERIENCE_API_VERSION="1.0.0").status_code == 200


def test_a_body_over_the_limit_is_413(platform, learner, settings):
    settings.XAPI_MAX_BODY_BYTES = 2000
    response = post(platform, [statement() for _ in range(10)])
    assert response.status_code == 413
    assert not XapiStatement.objects.exists()


@pytest.mark.parametrize("body", [b"{", b"[1, 2]", b'"statement"', b"NaN", "ü".encode("latin-1")])
def test_a_body_that_is_no_statement_json_is_400(platform, learner, body):
    response = Client().post(URL, body, content_type="application/json", **auth(platform))
    assert response.status_code == 400


def test_other_content_types_are_400(platform, learner):
    response = Client().post(URL, json.dumps(statement()), content_type="text/plain", **auth(platform))
    assert response.status_code == 400


def test_get_and_delete_are_405_for_everyone(platform, learner):
    for method in ("get", "delete"):
        response = getattr(Client(), method)(URL, **auth(platform))
        assert response.status_code == 405 and response["Allow"] == "POST, PUT"


def test_an_empty_list_stores_nothing(platform, learner):
    response = post(platform, [])
    assert response.status_code == 200 and response.json() == []


def test_verbs_outside_the_table_are_stored_and_count_for_nothing(platform, learner):
    registered = statement(verb={"id": "http://adlnet.gov/expapi/verbs/registered"})
    unknown = statement(verb={"id": "https://example.nl/verbs/liked"})
    assert post(platform, [registered, unknown]).status_code == 200
    assert XapiStatement.objects.count() == 2 and not LearningActivity.objects.exists()


def test_voiding_removes_the_activity_and_the_voiding_statement_cannot_be_voided(platform, learner):
    original = statement()
    post(platform, [original])
    voiding = voids(original)
    assert post(platform, [voiding]).status_code == 200
    assert not LearningActivity.objects.exists()
    assert XapiStatement.objects.get(statement_id=original["id"]).voided
    again = voids(voiding)
    assert post(platform, [again]).status_code == 200
    assert not XapiStatement.objects.get(statement_id=voiding["id"]).voided


def test_a_statement_voided_before_it_arrives_counts_for_nothing(platform, learner):
    later = statement()
    voiding = voids(later)
    assert post(platform, [voiding]).status_code == 200
    assert post(platform, [later]).status_code == 200
    assert not LearningActivity.objects.exists()
    assert XapiStatement.objects.get(statement_id=later["id"]).voided


def test_a_platform_cannot_void_another_platforms_statement(platform, learner):
    original = statement()
    post(platform, [original])
    other = xapi_client_create(name="Ander platform")
    voiding = voids(original)
    assert post(other, [voiding]).status_code == 403
    assert LearningActivity.objects.count() == 1


def test_the_date_is_the_local_date_of_the_timestamp(platform, learner):
    late = statement(timestamp="2026-03-31T23:30:00Z")  # 1 April, 01:30 in Groningen
    post(platform, [late])
    activity = LearningActivity.objects.get()
    assert activity.date == datetime.date(2026, 4, 1) and activity.month == datetime.date(2026, 4, 1)


@pytest.mark.parametrize(
    ("text", "seconds"), [("PT45M", 2700), ("PT1H30M00S", 5400), ("PT0.5S", 0), ("P1DT0S", 86400), ("PT2,5M", 150)]
)
def test_iso_durations(text, seconds):
    assert parse_duration(text) == seconds


def test_the_platform_key_opens_nothing_but_its_endpoint(platform, learner, world):
    from tests.test_access_matrix import MATRIX, build_url, outcome_of

    anonymous = {name: outcomes["anonymous"] for name, outcomes in MATRIX.items()}
    differences = {}
    for name in MATRIX:
        if name == "xapi:statements":
            continue
        outcome = outcome_of(Client().get(build_url(name, world["own"]), **auth(platform)))
        if outcome != anonymous[name]:
            differences[name] = outcome
    assert differences == {}


def test_create_xapi_client_prints_the_secret_once_and_stores_a_digest(db):
    out = io.StringIO()
    call_command("create_xapi_client", "LMS Assen", stdout=out)
    lines = dict(line.split(":", 1) for line in out.getvalue().splitlines() if ":" in line)
    key, secret = lines["Sleutel"].strip(), lines["Geheim"].strip()
    client = XapiClient.objects.get(name="LMS Assen")
    assert client.key == key and secret not in client.secret_hash and client.secret_matches(secret)


def test_the_admin_creates_a_platform_and_shows_the_secret_once(client, programme_lead):
    client.force_login(programme_lead)
    response = client.post(
        reverse("admin:learning_xapiclient_add"), {"name": "LMS Westerkwartier", "is_active": "on"}, follow=True
    )
    page = response.content.decode()
    platform = XapiClient.objects.get(name="LMS Westerkwartier")
    assert platform.key in page and "maar één keer getoond" in page
    secret = page.split("geheim: ")[1].split("<")[0].strip()
    assert platform.secret_matches(secret)
    change_page = client.get(reverse("admin:learning_xapiclient_change", args=[platform.pk])).content.decode()
    assert "geheim: " not in change_page


def test_a_platform_administrator_may_void_without_being_an_employee(platform, learner):
    original = statement()
    post(platform, [original])
    voiding = {**voids(original), "actor": {"mbox": "mailto:beheer@leerplatform.example.nl", "name": "Beheer"}}
    assert post(platform, [voiding]).status_code == 200
    assert not LearningActivity.objects.exists()
    assert XapiStatement.objects.get(statement_id=voiding["id"]).employee is None
