"""QA findings on learning activity: one date rule on every route, number limits from the model,
column names as the file writes them, and no duplicate from Back and resend."""

import datetime
import json
import uuid

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from learning.forms import ActivityForm
from learning.models import LearningActivity
from learning.platform_import import platform_export_parse
from learning.services import activity_record, xapi_client_create
from learning.tests.test_xapi import URL, auth, statement
from organisations.tests.factories import UserFactory

pytestmark = pytest.mark.usefixtures("learning_campaign")


@pytest.fixture
def platform(db):
    return xapi_client_create(name="Leerplatform QA")


@pytest.fixture
def learner(municipality):
    return UserFactory(email="anna.bakker@groningen.nl", municipality=municipality)


def post(platform, body):
    return Client().post(URL, json.dumps(body), content_type="application/json", **auth(platform))


def moment(day: datetime.date) -> str:
    return f"{day.isoformat()}T10:00:00+01:00"


@pytest.mark.parametrize("days_ahead", [20, 183])  # as reported: 2026-12-20 and 2027-06-01, seen from 30 November
def test_xapi_refuses_a_future_timestamp_and_with_it_the_whole_batch(platform, learner, days_ahead):
    future = timezone.localdate() + datetime.timedelta(days=days_ahead)
    good, bad = statement(), statement(id=str(uuid.uuid4()), timestamp=moment(future))
    response = post(platform, [good, bad])
    assert response.status_code == 400
    reason = response.json()["error"]
    assert reason.startswith("statement 2: timestamp: de datum") and "ligt in de toekomst" in reason
    assert not LearningActivity.objects.exists()


def test_xapi_refuses_a_2019_timestamp_outside_the_campaign(platform, learner):
    response = post(platform, [statement(timestamp="2019-05-01T10:00:00Z")])
    assert response.status_code == 400
    assert "1 mei 2019 ligt buiten de campagne van deze medewerker" in response.json()["error"]
    assert not LearningActivity.objects.exists()


def test_xapi_still_stores_a_statement_within_the_campaign(platform, learner):
    assert post(platform, [statement()]).status_code == 200
    assert LearningActivity.objects.get().date == datetime.date(2026, 3, 14)


def test_the_csv_import_refuses_2020_and_the_future_naming_the_dutch_columns(learner):
    text = (
        "e-mailadres;activiteit_id;Titel;datum;minuten\n"
        "anna.bakker@groningen.nl;A1;Oud;2020-01-01;20\n"
        "anna.bakker@groningen.nl;A2;Later;2026-12-20;20\n"
        "anna.bakker@groningen.nl;A3;;2026-03-02;20\n"
        "anna.bakker@groningen.nl;A4;Lang;2026-03-02;veel\n"
    )
    parsed = platform_export_parse(text.encode(), today=datetime.date(2026, 11, 30))
    messages = [str(error) for error in parsed.errors]
    assert messages == [
        "regel 2: datum: de datum 1 januari 2020 ligt buiten de campagne van deze medewerker "
        "(1 januari 2026 tot en met " + _long(timezone.localdate() + datetime.timedelta(days=60)) + ").",
        "regel 3: datum: de datum 20 december 2026 ligt in de toekomst (vandaag is het 30 november 2026).",
        "regel 4: Titel ontbreekt.",
        "regel 5: minuten moet een heel aantal minuten zijn, van 0 tot en met 1440.",
    ]
    assert parsed.rows == []


def _long(day):
    from common.dates import long_date

    return long_date(day)


def test_self_logging_refuses_the_same_days_as_the_other_routes(client, learner):
    client.force_login(learner)
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    for day, message in ((tomorrow, "ligt in de toekomst"), (datetime.date(2020, 1, 1), "binnen de campagne")):
        data = {"date": day.isoformat(), "kind": "e_learning", "title": "Veilig mailen", "minutes": "30"}
        assert message in client.post(reverse("learning:mine"), data).content.decode()
    assert not LearningActivity.objects.exists()


def test_learning_recorded_by_the_programme_follows_the_same_rule(learner):
    for day in (timezone.localdate() + datetime.timedelta(days=1), datetime.date(2019, 6, 1)):
        with pytest.raises(Exception) as refused:
            activity_record(employee=learner, reference="coaching-1", date=day, kind="coaching", title="X", minutes=30)
        assert "date" in refused.value.message_dict
    assert not LearningActivity.objects.exists()


@pytest.mark.parametrize("minutes", ["-5", "0", "1441", "veel"])
def test_minutes_have_one_message_and_the_html_limits_of_the_model(minutes):
    form = ActivityForm(
        {"date": "2026-03-02", "kind": "e_learning", "title": "Veilig mailen", "minutes": minutes},
        first_day=datetime.date(2026, 1, 1),
    )
    assert form.errors["minutes"] == ["Vul een heel getal in van 1 tot en met 1440."]
    html = str(form["minutes"])
    assert 'min="1"' in html and 'max="1440"' in html


def test_back_and_send_again_does_not_log_the_activity_twice(client, learner):
    client.force_login(learner)
    data = {
        "date": timezone.localdate().isoformat(),
        "kind": "e_learning",
        "title": "Veilig mailen",
        "minutes": "30",
        "terug": "start",
    }
    first = client.post(reverse("learning:mine"), data)
    assert first.status_code == 302
    # The browser's Back restores the fields in a freshly rendered form (a new form token).
    client.get(reverse("core:start_employee"))
    again = client.post(reverse("learning:mine"), data)
    assert again.status_code == 200
    page = again.content.decode()
    assert "Deze activiteit staat al in je overzicht." in page
    assert reverse("learning:mine") + "#lijst-kop" in page
    assert LearningActivity.objects.count() == 1
    # Another activity on the same day is no duplicate.
    assert client.post(reverse("learning:mine"), {**data, "minutes": "45"}).status_code == 302
    assert LearningActivity.objects.count() == 2
