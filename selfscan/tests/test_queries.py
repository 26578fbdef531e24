from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from organisations.tests.factories import UserFactory
from selfscan.tests.factories import open_campaign_rounds, submitted_response


def count(client, url):
    with CaptureQueriesContext(connection) as context:
        assert client.get(url).status_code == 200
    return len(context.captured_queries)


def test_scan_pages_do_not_grow_with_other_peoples_responses(client, employee, municipality, team):
    baseline, final = open_campaign_rounds(municipalities=[municipality])
    submitted_response(employee, baseline)
    client.force_login(employee)
    client.get(reverse("core:accessibility"))
    urls = [reverse("selfscan:home"), reverse("selfscan:result", args=[baseline.pk]), reverse("selfscan:export")]
    small = [count(client, url) for url in urls]
    for _ in range(5):
        submitted_response(UserFactory(team=team, municipality=municipality), baseline)
    assert [count(client, url) for url in urls] == small


def test_management_pages_do_not_grow_with_rounds(client, programme_lead, municipality):
    open_campaign_rounds(municipalities=[municipality])
    client.force_login(programme_lead)
    client.get(reverse("core:accessibility"))
    urls = [reverse("selfscan:rounds_manage"), reverse("selfscan:questions_manage")]
    small = [count(client, url) for url in urls]
    for index in range(3):
        open_campaign_rounds(municipalities=[municipality], name=f"Campagne {index}")
    assert [count(client, url) for url in urls] == small
