"""A learning platform posts statements with a real xAPI client library (`tincan`), over HTTP."""

import datetime
import uuid

import pytest
from tincan import (
    Activity,
    ActivityDefinition,
    Agent,
    AgentAccount,
    LanguageMap,
    RemoteLRS,
    Result,
    Statement,
    StatementList,
    Verb,
)

from learning.models import LearningActivity, XapiStatement
from learning.services import xapi_client_create
from organisations.tests.factories import UserFactory

pytestmark = pytest.mark.django_db(transaction=True)

COMPLETED = Verb(id="http://adlnet.gov/expapi/verbs/completed", display=LanguageMap({"nl-NL": "voltooide"}))
ATTENDED = Verb(id="http://adlnet.gov/expapi/verbs/attended", display=LanguageMap({"nl-NL": "woonde bij"}))


def activity(slug, title):
    return Activity(
        id=f"https://leren.example.nl/activiteiten/{slug}",
        definition=ActivityDefinition(name=LanguageMap({"nl-NL": title})),
    )


# The examples' dates lie in this campaign (the learning date rule).
pytestmark = pytest.mark.usefixtures("learning_campaign")


@pytest.fixture
def lrs(live_server):
    platform, secret = xapi_client_create(name="Leerplatform Digivaardig")
    return RemoteLRS(endpoint=f"{live_server.url}/api/xapi/", username=platform.key, password=secret, version="1.0.3")


@pytest.fixture
def people(municipality):
    return (
        UserFactory(email="tessa.bos@assen.nl", municipality=municipality),
        UserFactory(email="wim.kok@assen.nl", employee_number="AS-77", municipality=municipality),
    )


def test_a_platform_posts_a_batch_and_puts_a_statement_with_the_client_library(lrs, people):
    tessa, wim = people
    moment = datetime.datetime(2026, 4, 9, 14, 0, tzinfo=datetime.UTC)
    batch = StatementList(
        [
            Statement(
                actor=Agent(mbox="mailto:tessa.bos@assen.nl", name="Tessa Bos"),
                verb=COMPLETED,
                object=activity("phishing", "Phishing herkennen"),
                result=Result(duration=datetime.timedelta(minutes=25), completion=True),
                timestamp=moment,
            ),
            Statement(
                actor=Agent(account=AgentAccount(home_page="https://leren.example.nl", name="AS-77")),
                verb=ATTENDED,
                object=activity("inspiratie-ai", "Inspiratiesessie AI"),
                timestamp=moment,
            ),
        ]
    )
    response = lrs.save_statements(batch)
    assert response.success, response.data
    ids = [str(item.id) for item in response.content]
    assert all(uuid.UUID(statement_id) for statement_id in ids)
    assert LearningActivity.objects.get(employee=tessa).minutes == 25
    assert LearningActivity.objects.get(employee=wim).kind == "inspiration_session"

    single = Statement(
        id=uuid.uuid4(),
        actor=Agent(mbox="mailto:wim.kok@assen.nl"),
        verb=COMPLETED,
        object=activity("teams", "Samenwerken in Teams"),
        timestamp=moment,
    )
    assert lrs.save_statement(single).success
    assert lrs.save_statement(single).success, "sending the same statement again is no error"
    assert LearningActivity.objects.filter(employee=wim).count() == 2
    assert XapiStatement.objects.count() == 3


def test_the_client_library_sees_a_refusal_and_nothing_is_stored(lrs, people):
    stranger = Statement(
        actor=Agent(mbox="mailto:onbekend@assen.nl"),
        verb=COMPLETED,
        object=activity("excel", "Excel"),
    )
    response = lrs.save_statements(StatementList([stranger]))
    assert not response.success and response.response.status == 400
    assert "onbekende actor" in response.data
    wrong_key = RemoteLRS(endpoint=lrs.endpoint, username="dv-onbekend", password="x", version="1.0.3")
    assert wrong_key.save_statement(stranger).response.status == 401
    assert not XapiStatement.objects.exists()
