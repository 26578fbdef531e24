"""The programme dashboard's CSV downloads are kept in the cache under the key of what they show
(pages.body_key): a second download makes fewer queries, a write through a service shows at once,
and another scope or language never gets the kept file."""

import csv
import io

import pytest
from django.urls import reverse
from django.utils import timezone

from learning.models import LearningActivity
from learning.services import activity_log
from organisations.models import User
from organisations.tests.factories import UserFactory

from .factories import running_campaign, scan_result

pytestmark = pytest.mark.django_db

URL = reverse("dashboards:programme_table", args=["doelen"])


@pytest.fixture
def shared(shipped_content, municipality, other_municipality, team, advisor, other_advisor):
    """One campaign of both municipalities: 6 colleagues in the team of `municipality`, 5 did round 1."""
    campaign, baseline, _final = running_campaign([municipality, other_municipality])
    colleagues = [UserFactory(team=team, municipality=municipality) for _ in range(6)]
    for person in colleagues[:5]:
        scan_result(person, baseline, score=70)
    return {"campaign": campaign, "baseline": baseline, "colleagues": colleagues}


def _rows(response):
    assert response.status_code == 200 and response["Content-Type"].startswith("text/csv")
    return list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))


def test_a_second_download_of_the_same_table_comes_from_the_cache(client, shared, advisor, query_count):
    client.force_login(advisor)
    first = query_count(client, URL, at_most=40)  # an empty cache: the figures are counted again
    again = query_count(client, URL, at_most=6, cold=False)
    assert again < first


def test_learning_logged_through_the_service_shows_in_the_next_download(
    client, shared, advisor, municipality, in_process_tasks
):
    client.force_login(advisor)
    before = _rows(client.get(URL))
    assert client.get(URL).content == client.get(URL).content  # kept, and the same
    activity_log(
        employee=shared["colleagues"][0],
        date=timezone.localdate(),
        kind=LearningActivity.Kind.COURSE,
        title="Cursus Teams",
        minutes=30,
    )
    after = _rows(client.get(URL))
    own_before = next(row for row in before if row[0] == municipality.name)
    own_after = next(row for row in after if row[0] == municipality.name)
    assert own_before[3] == "0" and own_after[3] != "0"  # monthly active on the learning platform


def test_another_advisor_never_gets_the_file_kept_for_a_different_scope(
    client, shared, advisor, other_advisor, municipality, other_municipality
):
    client.force_login(advisor)
    own = [row[0] for row in _rows(client.get(URL))]
    assert municipality.name in own and other_municipality.name not in own
    client.force_login(other_advisor)
    theirs = [row[0] for row in _rows(client.get(URL))]
    assert other_municipality.name in theirs and municipality.name not in theirs


def test_the_file_kept_in_dutch_is_not_given_to_someone_reading_english(client, shared, advisor):
    colleague = UserFactory(municipality=advisor.municipality, language=User.Language.ENGLISH)
    colleague.advised_municipalities.add(advisor.municipality)
    client.force_login(advisor)
    assert _rows(client.get(URL))[0][0] == "Groep"
    client.force_login(colleague)
    assert _rows(client.get(URL))[0][0] == "Group"
    client.force_login(advisor)
    assert _rows(client.get(URL))[0][0] == "Groep"
