"""Random and hostile input to the xAPI endpoint: never a server error, and a refused request stores nothing."""

import base64
import json

import pytest
from django.test import Client
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from learning.models import LearningActivity, XapiStatement
from learning.services import xapi_client_create
from organisations.tests.factories import UserFactory

URL = "/api/xapi/statements"
FUZZ = settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
text = st.text(alphabet=st.characters(blacklist_categories=["Cs"]), max_size=40)
json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False, allow_infinity=False) | text,
    lambda children: st.lists(children, max_size=4) | st.dictionaries(text, children, max_size=4),
    max_leaves=20,
)
# Statements that are nearly right: every part may be replaced by something random.
parts = {
    "id": st.one_of(st.uuids().map(str), text),
    "actor": st.one_of(
        st.just({"mbox": "mailto:anna@groningen.nl"}),
        st.builds(lambda v: {"mbox": f"mailto:{v}"}, text),
        st.builds(lambda n: {"account": {"homePage": "https://leren.example.nl", "name": n}}, text),
        json_values,
    ),
    "verb": st.one_of(st.just({"id": "http://adlnet.gov/expapi/verbs/completed"}), json_values),
    "object": st.one_of(st.just({"id": "https://leren.example.nl/a"}), json_values),
    "result": st.one_of(st.builds(lambda d: {"duration": d}, text), json_values),
    "timestamp": st.one_of(text, st.datetimes().map(lambda d: d.isoformat())),
}
statements = st.fixed_dictionaries({}, optional=parts)


@pytest.fixture
def credentials(db):
    UserFactory(email="anna@groningen.nl")
    client, secret = xapi_client_create(name="Fuzz")
    token = base64.b64encode(f"{client.key}:{secret}".encode()).decode()
    return {"HTTP_AUTHORIZATION": f"Basic {token}", "HTTP_X_EXPERIENCE_API_VERSION": "1.0.3"}


def check(response, before):
    assert response.status_code in (200, 204, 400, 403, 409, 413), response.status_code
    if response.status_code >= 400:
        assert "error" in response.json()
        assert XapiStatement.objects.count() == before


@pytest.mark.django_db
@FUZZ
@given(body=st.one_of(statements, st.lists(statements, max_size=5)))
def test_nearly_right_statements_are_stored_or_refused_whole(credentials, body):
    before = XapiStatement.objects.count()
    response = Client().post(URL, json.dumps(body), content_type="application/json", **credentials)
    check(response, before)
    if response.status_code == 200:
        assert len(response.json()) == (len(body) if isinstance(body, list) else 1)
    assert LearningActivity.objects.filter(source="xapi").count() <= XapiStatement.objects.count()


@pytest.mark.django_db
@FUZZ
@given(body=json_values)
def test_any_json_never_answers_500(credentials, body):
    before = XapiStatement.objects.count()
    check(Client().post(URL, json.dumps(body), content_type="application/json", **credentials), before)


@pytest.mark.django_db
@FUZZ
@given(raw=st.binary(max_size=500), statement_id=text, version=text)
def test_random_bytes_headers_and_put_ids_never_answer_500(credentials, raw, statement_id, version):
    before = XapiStatement.objects.count()
    headers = {**credentials, "HTTP_X_EXPERIENCE_API_VERSION": version if version.isprintable() else "1.0.3"}
    check(Client().post(URL, raw, content_type="application/json", **credentials), before)
    check(Client().put(f"{URL}?statementId={statement_id}", raw, content_type="application/json", **headers), before)


@pytest.mark.django_db
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(authorization=text)
def test_random_credentials_are_401(credentials, authorization):
    if not authorization.isprintable():
        return
    response = Client().post(
        URL,
        b"{}",
        content_type="application/json",
        HTTP_AUTHORIZATION=authorization,
        HTTP_X_EXPERIENCE_API_VERSION="1.0.3",
    )
    assert response.status_code == 401
