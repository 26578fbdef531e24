"""The two monthly goals in a real browser: an employee logs learning from the start page, the programme
lead imports the platform's export, a team leader logs a werkoverleg and copies the agenda suggestion."""

import datetime

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.utils import timezone
from playwright.sync_api import expect

from agendas.models import TeamMeeting
from campaigns.tests.factories import CampaignFactory, ContentItemFactory
from learning.models import LearningActivity
from tests.browser.test_accessibility import WCAG_AA, summarise

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def campaign(municipality):
    today = timezone.localdate()
    kick_off = (today.replace(day=1) - datetime.timedelta(days=40)).replace(day=1)
    end = today + datetime.timedelta(days=40)
    return CampaignFactory(name="Digivaardig test", kick_off_date=kick_off, end_date=end, municipalities=[municipality])


def no_violations(page):
    return summarise(Axe().run(page, options=WCAG_AA).response["violations"])


def test_an_employee_logs_learning_from_the_start_page(page, log_in_as, employee, campaign):
    log_in_as(employee)
    page.goto("/start/medewerker/")
    card = page.get_by_role("region", name="Leren deze maand")
    assert "nog niet actief" in card.inner_text()
    assert page.get_by_label("Datum").input_value() == timezone.localdate().isoformat(), "today is filled in"
    page.get_by_label("Soort").select_option(label="Tip")
    page.get_by_label("Wat heb je gedaan?").fill("Digidonderdagtip: sneltoetsen")
    page.get_by_label("Hoeveel minuten?").fill("0")
    page.get_by_role("button", name="Vastleggen").click()
    assert "Vul een heel getal in van 1 tot en met" in page.locator("main").inner_text()
    assert no_violations(page) == []
    assert page.get_by_label("Wat heb je gedaan?").input_value() == "Digidonderdagtip: sneltoetsen", "typing is kept"
    page.get_by_label("Hoeveel minuten?").fill("10")
    page.get_by_role("button", name="Vastleggen").click()
    assert "Opgeslagen: Digidonderdagtip: sneltoetsen" in page.get_by_role("status").inner_text()
    assert page.url.endswith("/start/medewerker/")
    assert "✓ actief" in page.get_by_role("region", name="Leren deze maand").inner_text()
    assert LearningActivity.objects.get(employee=employee).minutes == 10

    page.get_by_role("link", name="Al mijn leeractiviteiten").click()
    page.get_by_role("link", name="Verwijderen Digidonderdagtip: sneltoetsen").click()
    page.get_by_role("button", name="Ja, verwijderen").click()
    assert "De activiteit is verwijderd." in page.get_by_role("status").inner_text()
    assert not LearningActivity.objects.exists()


def test_the_programme_lead_imports_the_platform_export(page, log_in_as, programme_lead, employee, campaign, tmp_path):
    log_in_as(programme_lead)
    # Learning counts inside the employee's running campaign, up to today (learning/date_rule.py).
    first, second = (timezone.localdate() - datetime.timedelta(days=days) for days in (14, 3))
    export = tmp_path / "leerplatform.csv"
    export.write_text(
        "email;activity_id;title;date;minutes\n"
        f"{employee.email.upper()};LP-1;Veilig mailen;{first.isoformat()};30\n"
        f"{employee.email};LP-2;Samenwerken in Teams;{second.isoformat()};45\n",
        encoding="utf-8-sig",
    )
    page.goto("/start/projectleider/")
    page.get_by_role("link", name="Export van het leerplatform inlezen (CSV)").click()
    page.get_by_label("CSV-export van het leerplatform").set_input_files(str(export))
    page.get_by_role("button", name="Controleren en inlezen").click()
    assert "Import gelukt: 2 nieuw" in page.get_by_role("status").inner_text()
    assert LearningActivity.objects.filter(employee=employee).count() == 2
    assert no_violations(page) == []

    broken = tmp_path / "kapot.csv"
    broken.write_text("email;activity_id;title;date;minutes\nwie@nergens.nl;X;Y;2026-03-01;5\n", encoding="utf-8")
    page.get_by_label("CSV-export van het leerplatform").set_input_files(str(broken))
    page.get_by_role("button", name="Controleren en inlezen").click()
    alert = page.get_by_role("alert").first.inner_text()
    assert "Er is niets opgeslagen" in alert and "regel 2: geen medewerker met e-mailadres wie@nergens.nl" in alert
    assert LearningActivity.objects.count() == 2


def test_a_team_leader_logs_a_meeting_and_copies_the_suggestion(
    page, log_in_as, team_leader, team, campaign, municipality
):
    ContentItemFactory(
        campaign=campaign,
        municipality=municipality,
        title="Succesverhaal van een collega",
        status="published",
        publish_on=timezone.localdate().replace(day=1),
    )
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    log_in_as(team_leader)
    page.goto("/start/teamleider/")
    page.get_by_role("link", name=f"Werkoverleg vastleggen {team.name}").click()
    page.get_by_label("Onderwerp").fill("")
    page.get_by_role("button", name="Vastleggen").click()
    assert "Vul in waarover jullie het hadden" in page.locator("main").inner_text()
    page.get_by_role("group", name="Stond Digivaardig op de agenda?").get_by_label("Ja").check()
    page.get_by_label("Onderwerp").fill("Succesverhaal van een collega")
    page.get_by_label("Korte notitie").fill("Volgende keer een tip.")
    page.get_by_role("button", name="Vastleggen").click()
    assert "Het werkoverleg is vastgelegd." in page.get_by_role("status").inner_text()
    assert "✓ op de agenda" in page.get_by_role("region", name="Digivaardig op de agenda per maand").inner_text()
    assert TeamMeeting.objects.get(team=team).created_by == team_leader
    assert no_violations(page) == []

    page.get_by_role("link", name="Agendasuggestie voor deze maand").click()
    text = page.get_by_label("Agendapunt Digivaardig").input_value()
    assert "Succesverhaal van een collega" in text and "Zo doet ons team mee" in text
    page.get_by_role("button", name="Kopieer de tekst").click()
    # The page's CSP forbids evaluating strings, so wait with a locator, not wait_for_function.
    expect(page.locator("#kopieer-status")).to_have_text("De tekst staat op het klembord.")
    assert page.evaluate("navigator.clipboard.readText()") == text
    assert no_violations(page) == []


def test_the_suggestion_can_be_selected_without_javascript(browser, live_server, team_leader, team, campaign):
    from django.conf import settings
    from django.test import Client

    context = browser.new_context(base_url=live_server.url, java_script_enabled=False, locale="nl-NL")
    client = Client()
    client.force_login(team_leader)
    cookie = client.cookies[settings.SESSION_COOKIE_NAME]
    context.add_cookies([{"name": cookie.key, "value": cookie.value, "url": live_server.url}])
    page = context.new_page()
    page.goto(f"/werkoverleg/team/{team.pk}/agendasuggestie/")
    assert not page.get_by_role("button", name="Kopieer de tekst").is_visible()
    box = page.get_by_label("Agendapunt Digivaardig")
    assert "Digivaardig – werkoverleg" in box.input_value()
    box.focus()
    page.keyboard.press("Control+A")
    assert page.evaluate("document.activeElement.selectionEnd - document.activeElement.selectionStart") > 50
    context.close()
