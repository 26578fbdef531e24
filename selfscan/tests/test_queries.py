from django.urls import reverse

from organisations.tests.factories import MunicipalityFactory, UserFactory
from selfscan.tests.factories import open_campaign_rounds, submitted_response


def test_scan_pages_do_not_grow_with_other_peoples_responses(client, employee, municipality, team, query_count):
    baseline, final = open_campaign_rounds(municipalities=[municipality])
    submitted_response(employee, baseline)
    client.force_login(employee)
    pages = {
        reverse("selfscan:home"): 50,
        reverse("selfscan:result", args=[baseline.pk]): 50,
        reverse("selfscan:export"): 50,
    }
    small = [query_count(client, url, at_most=most) for url, most in pages.items()]
    for _ in range(5):
        submitted_response(UserFactory(team=team, municipality=municipality), baseline)
    print("query counts", small)
    assert [query_count(client, url, at_most=most) for url, most in pages.items()] == small


def test_management_pages_do_not_grow_with_rounds(client, programme_lead, municipality, query_count):
    open_campaign_rounds(municipalities=[municipality])
    client.force_login(programme_lead)
    pages = {reverse("selfscan:rounds_manage"): 50, reverse("selfscan:questions_manage"): 50}
    small = [query_count(client, url, at_most=most) for url, most in pages.items()]
    for index in range(3):
        # Each in a municipality of its own: one municipality has one campaign at a time.
        open_campaign_rounds(municipalities=[MunicipalityFactory()], name=f"Campagne {index}")
    print("query counts", small)
    assert [query_count(client, url, at_most=most) for url, most in pages.items()] == small


def test_scan_home_keeps_the_rounds_but_shows_progress_and_new_dates_at_once(
    client, employee, municipality, query_count
):
    import datetime

    from selfscan.services import response_save_answers, response_start, round_update_dates

    baseline, _final = open_campaign_rounds(municipalities=[municipality])
    client.force_login(employee)
    url = reverse("selfscan:home")
    cold = query_count(client, url, at_most=10)
    assert query_count(client, url, at_most=10, cold=False) < cold, "the rounds are kept"
    response = response_start(scan_round=baseline, employee=employee)
    response_save_answers(response=response, answers={}, step=3)
    assert "verder bij stap 3" in client.get(url).content.decode(), "the person's own progress is read every time"
    due_on = baseline.due_on + datetime.timedelta(days=7)
    round_update_dates(scan_round=baseline, opens_on=baseline.opens_on, due_on=due_on, closes_on=baseline.closes_on)
    assert f"graag af vóór {due_on.day} " in client.get(url).content.decode()
