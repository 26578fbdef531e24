import time

from django.urls import reverse

from core.middleware import IDLE_KEY


def test_error_pages_are_dutch(client, employee, team):
    client.force_login(employee)
    response = client.get("/bestaat-niet/")
    assert response.status_code == 404 and "Pagina niet gevonden" in response.content.decode()
    response = client.get(reverse("core:start_programme_lead"))
    assert response.status_code == 403 and "niet voor jouw rol" in response.content.decode()


def test_accessibility_statement_is_public(client, db):
    response = client.get(reverse("core:accessibility"))
    assert response.status_code == 200 and "WCAG 2.1" in response.content.decode()


def test_every_page_has_a_skip_link_and_main_landmark(client, employee):
    client.force_login(employee)
    body = client.get(reverse("core:start_employee")).content.decode()
    assert 'href="#inhoud"' in body and '<main id="inhoud"' in body


def test_idle_session_is_ended(client, employee, settings):
    settings.SESSION_IDLE_TIMEOUT_MINUTES = 60
    client.force_login(employee)
    assert client.get(reverse("core:start_employee")).status_code == 200
    session = client.session
    session[IDLE_KEY] = int(time.time()) - 61 * 60
    session.save()
    response = client.get(reverse("core:start_employee"))
    assert response.status_code == 302 and response.url.startswith(reverse("login"))


def test_active_session_stays(client, employee):
    client.force_login(employee)
    client.get(reverse("core:start_employee"))
    session = client.session
    session[IDLE_KEY] = int(time.time()) - 30 * 60
    session.save()
    assert client.get(reverse("core:start_employee")).status_code == 200


def test_pages_stay_dutch_for_a_browser_that_asks_for_english(client, db):
    body = client.get(reverse("login"), HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9").content.decode()
    assert "Wachtwoord" in body and "Password" not in body


def test_the_favicon_is_served_from_static_so_no_page_causes_a_404(client, db):
    from pathlib import Path

    from django.conf import settings

    response = client.get("/favicon.ico")
    assert response.status_code == 301 and response.url.endswith("img/favicon.ico")
    icon = Path(settings.BASE_DIR) / "static" / "img" / "favicon.ico"
    assert icon.read_bytes()[:4] == b"\x00\x00\x01\x00"  # an ICO file
    page = client.get("/toegankelijkheid/").content.decode()
    assert 'rel="icon" href="/static/img/favicon.ico"' in page
