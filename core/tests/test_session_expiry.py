"""Nothing a person typed is lost to a session that expired (fault report: a scan page submitted
after 61 minutes idle redirected to login without a word, and that page's answers were gone)."""

import datetime
import time

from django.urls import reverse

from core.middleware import IDLE_KEY
from organisations.tests.factories import DEFAULT_PASSWORD, UserFactory
from selfscan.models import Answer
from selfscan.selectors import scan_steps
from selfscan.services import response_start
from selfscan.tests.factories import answer_everything, open_campaign_rounds


def go_idle(client, minutes=61):
    session = client.session
    session[IDLE_KEY] = int(time.time()) - minutes * 60
    session.save()


def log_in_again(client, user, login_url=None):
    """As the browser does: the login form posts back to the login page, which carries ?next=."""
    return client.post(login_url or reverse("login"), {"username": user.email, "password": DEFAULT_PASSWORD})


def test_scan_answers_posted_after_the_idle_timeout_are_kept_through_the_login(client, employee, municipality):
    baseline, _final = open_campaign_rounds(municipalities=[municipality])
    response_start(scan_round=baseline, employee=employee)
    questions = scan_steps(round=baseline)[0]["questions"]
    answers = answer_everything(baseline)
    client.force_login(employee)
    step_url = reverse("selfscan:step", args=[baseline.pk, 1])
    client.get(step_url)
    go_idle(client)
    posted = client.post(step_url, {**{f"vraag_{q.pk}": answers[q.pk] for q in questions}, "actie": "volgende"})
    assert posted.status_code == 302 and posted.url.startswith(reverse("login"))
    login_page = client.get(posted.url).content.decode()
    assert "te lang niet actief" in login_page and "bewaard" in login_page
    assert not Answer.objects.exists()
    back = log_in_again(client, employee, posted.url)
    assert back.url == step_url
    page = client.get(step_url).content.decode()
    assert Answer.objects.filter(response__employee=employee).count() == len(questions)
    assert "staat weer klaar" in page
    assert "checked" in page


def test_a_planner_form_posted_after_the_timeout_comes_back_filled_in(client, advisor, municipality):
    from campaigns.tests.test_views import item_data
    from core.services import programme_year_start

    campaign = programme_year_start(
        name="Verlopen",
        kick_off_date=__import__("datetime").date(2026, 3, 2),
        end_date=__import__("datetime").date(2026, 11, 30),
        municipalities=[municipality],
    )
    client.force_login(advisor)
    url = reverse("campaigns:create", args=[campaign.pk])
    client.get(url)
    go_idle(client)
    posted = client.post(url, item_data(municipality, title="Typwerk van een uur"))
    assert posted.url.startswith(reverse("login"))
    log_in_again(client, advisor, posted.url)
    page = client.get(url).content.decode()
    assert 'value="Typwerk van een uur"' in page
    assert client.get(url).content.decode().count("Typwerk van een uur") == 0  # given back once


def test_someone_else_logging_in_on_that_browser_does_not_get_the_form(client, advisor, municipality):
    from campaigns.tests.test_views import item_data
    from core.services import programme_year_start

    campaign = programme_year_start(
        name="Gedeeld",
        kick_off_date=datetime.date(2026, 3, 2),
        end_date=datetime.date(2026, 11, 30),
        municipalities=[municipality],
    )
    colleague = UserFactory(municipality=municipality)
    colleague.advised_municipalities.add(municipality)
    client.force_login(advisor)
    url = reverse("campaigns:create", args=[campaign.pk])
    go_idle(client)
    posted = client.post(url, item_data(municipality, title="Vertrouwelijk concept"))
    log_in_again(client, colleague, posted.url)
    assert "Vertrouwelijk concept" not in client.get(url).content.decode()


def test_logging_out_says_so_and_not_that_the_session_ran_out(client, employee):
    client.force_login(employee)
    page = client.post(reverse("logout"), follow=True).content.decode()
    assert "Je bent uitgelogd" in page
    assert "te lang niet actief" not in page


def test_a_button_pressed_after_the_timeout_returns_to_its_page_after_logging_in(client, employee, municipality):
    baseline, _final = open_campaign_rounds(municipalities=[municipality])
    client.force_login(employee)
    home = reverse("selfscan:home")
    client.get(home)
    go_idle(client)
    start = reverse("selfscan:start", args=[baseline.pk])
    posted = client.post(start, HTTP_REFERER=f"http://testserver{home}")
    assert posted.url.startswith(reverse("login"))
    assert "klik daarna nog een keer" in client.get(posted.url).content.decode()
    back = log_in_again(client, employee, posted.url)
    assert back.url == home, "back to the page with the button, not to an address that only takes a POST"
    assert client.get(back.url).status_code == 200


def test_opening_a_buttons_address_directly_shows_a_portal_page(client, employee, municipality):
    baseline, _final = open_campaign_rounds(municipalities=[municipality])
    client.force_login(employee)
    response = client.get(reverse("selfscan:start", args=[baseline.pk]))
    assert response.status_code == 405 and "POST" in response["Allow"]
    assert "Deze pagina opent via een knop" in response.content.decode()


def test_learning_and_meeting_forms_posted_after_the_timeout_come_back_filled_in(client, team_leader, team):
    # QA: /leren/, the team meeting log and a meeting's edit form bound to request.POST only, so
    # what was typed before the timeout was lost; every form reads submitted_data now.
    from agendas.tests.factories import MeetingFactory
    from campaigns.tests.factories import CampaignFactory

    today = datetime.date.today()
    CampaignFactory(
        kick_off_date=today.replace(day=1) - datetime.timedelta(days=40),
        end_date=today + datetime.timedelta(days=60),
        municipalities=[team.municipality],
    )
    meeting = MeetingFactory(team=team, date=today - datetime.timedelta(days=1), created_by=team_leader)
    forms = [
        (
            reverse("learning:mine"),
            {"date": today.isoformat(), "kind": "course", "title": "Typwerk leren", "minutes": "30"},
        ),
        (reverse("agendas:team_log", args=[team.pk]), {"date": today.isoformat(), "topic": "Typwerk overleg"}),
        (
            reverse("agendas:meeting_edit", args=[meeting.pk]),
            {"date": meeting.date.isoformat(), "topic": "Typwerk wijziging"},
        ),
    ]
    for url, data in forms:
        client.force_login(team_leader)
        client.get(url)
        go_idle(client)
        posted = client.post(url, data)
        assert posted.url.startswith(reverse("login")), url
        log_in_again(client, team_leader, posted.url)
        assert f'value="{data.get("title") or data["topic"]}"' in client.get(url).content.decode(), url
