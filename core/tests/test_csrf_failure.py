"""A form sent from a page that is no longer valid (CSRF_FAILURE_VIEW, core.views.csrf_failure): the
portal's own page, or back to the form with what was typed; never a bare Django page, never saved."""

import re

import pytest
from django.test import Client
from django.urls import reverse

from common.submissions import new_token
from organisations.tests.factories import UserFactory

PROFILE = reverse("organisations:my_profile")


def _client(user):
    client = Client(enforce_csrf_checks=True)
    client.force_login(user)
    client.get(PROFILE)  # the CSRF cookie, as a browser has it
    return client


def test_logging_out_from_a_stale_page_shows_the_portal_page_with_a_logout_that_works(employee):
    client = _client(employee)
    page = client.post(reverse("logout"), {"csrfmiddlewaretoken": "x" * 64})
    text = page.content.decode()
    assert page.status_code == 403 and "Deze pagina was verlopen" in text
    assert employee.get_full_name() in text and "<main" in text, "the portal's frame with the person's menu"
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', text).group(1)
    assert client.post(reverse("logout"), {"csrfmiddlewaretoken": token}).status_code == 302
    assert client.get(reverse("core:start_employee")).status_code == 302, "logged out"


def test_a_form_from_a_stale_page_goes_back_with_what_was_typed_and_saves_nothing(employee):
    client = _client(employee)
    posted = {
        "csrfmiddlewaretoken": "x" * 64,  # the token of before the last login
        "form_token": new_token(employee),
        "language": "en",
        "receives_reminders": "on",
    }
    response = client.post(PROFILE, posted, HTTP_REFERER=f"http://testserver{PROFILE}")
    assert response.status_code == 302 and response.url == PROFILE
    page = client.get(PROFILE).content.decode()
    assert "De pagina was verlopen, dus er is niets opgeslagen." in page
    assert "Wat je had ingevuld, staat weer klaar" in page
    assert re.search(r'<option value="en" selected>', page), "the typed choice is back in the form"
    employee.refresh_from_db()
    assert employee.language != "en", "nothing saved"


def test_a_form_posted_from_another_site_is_never_put_in_front_of_the_person(employee):
    client = _client(employee)
    someone_else = UserFactory()
    attempts = [
        ("", {}),  # no form token
        (new_token(someone_else), {}),  # another person's
        (new_token(employee), {"HTTP_ORIGIN": "https://elders.example"}),  # theirs, but sent from another site
    ]
    for form_token, headers in attempts:
        response = client.post(
            PROFILE,
            {"csrfmiddlewaretoken": "x" * 64, "form_token": form_token, "language": "en"},
            HTTP_REFERER=f"http://testserver{PROFILE}",
            **headers,
        )
        assert response.status_code == 403 and "Deze pagina was verlopen" in response.content.decode()
    assert '<option value="en" selected>' not in client.get(PROFILE).content.decode()


def test_someone_not_logged_in_gets_the_portal_page_without_a_menu(db):
    client = Client(enforce_csrf_checks=True)
    response = client.post(reverse("login"), {"username": "a@b.nl", "password": "x"})
    text = response.content.decode()
    assert response.status_code == 403 and "Deze pagina was verlopen" in text
    assert reverse("logout") not in text


def test_the_start_pages_learning_form_from_a_stale_page_comes_back_filled_in(employee, municipality):
    from core.tests.test_start_cache import running_campaign

    running_campaign(municipality)  # the learning form is there while a campaign runs
    start = reverse("core:start_employee")
    client = _client(employee)
    posted = {
        "csrfmiddlewaretoken": "x" * 64,
        "form_token": new_token(employee),
        "terug": "start",
        "kind": "course",
        "title": "Veilig mailen",
        "minutes": "45",
    }
    response = client.post(reverse("learning:mine"), posted, HTTP_REFERER=f"http://testserver{start}")
    assert response.status_code == 302 and response.url == start
    page = client.get(start).content.decode()
    assert 'value="Veilig mailen"' in page and 'value="45"' in page, "what was typed is back in the form"
    assert "Wat je had ingevuld, staat weer klaar" in page
    assert 'value="Veilig mailen"' not in client.get(start).content.decode(), "once: then the kept page"


@pytest.mark.parametrize("chosen", [True, False])
def test_a_card_preference_from_a_stale_page_comes_back_as_chosen(employee, chosen):
    from coaching.services import card_preference_set

    card_preference_set(person=employee, email_on_card=not chosen)  # what is stored: the other choice
    cards = reverse("coaching:cards")
    client = _client(employee)
    page = client.get(cards).content.decode()
    form = page[page.index(reverse("coaching:card_preference")) :]
    # The form as the browser sends it: its hidden fields, and the box only when ticked.
    posted = dict(re.findall(r'<input type="hidden" name="(?!csrf)(\w+)" value="([^"]*)"', form.split("</form>")[0]))
    posted.update({"csrfmiddlewaretoken": "x" * 64, "form_token": new_token(employee)})
    if chosen:
        posted["email_on_card"] = "on"
    response = client.post(reverse("coaching:card_preference"), posted, HTTP_REFERER=f"http://testserver{cards}")
    assert response.status_code == 302 and response.url == cards
    page = client.get(cards).content.decode()
    ticked = re.search(r'name="email_on_card"[^>]*checked', page) is not None
    assert ticked == chosen, "the choice made, not the stored one"
