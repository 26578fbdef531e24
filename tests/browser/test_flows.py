"""People using the portal as they would: logging in by typing, by keyboard, importing a file."""

import re

import pytest
from django.core.management import call_command

from organisations.demo import DEMO_PASSWORD
from organisations.models import User

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

DEMO_START_PAGES = {
    "medewerker": "Welkom, Sanne",
    "teamleider": "Mijn team",
    "adviseur": "Campagne Digivaardig",
    "adviseur.assen": "Campagne Digivaardig",
    "digicoach": "Digicoach",
    "projectleider": "Programmabeheer",
}


@pytest.fixture
def demo(db):
    call_command("seed_demo", "--employees", "30", verbosity=0, stdout=open("/dev/null", "w"))  # noqa: SIM115


def test_every_demo_account_logs_in_and_sees_its_start_page(page, demo):
    for account, heading in DEMO_START_PAGES.items():
        page.context.clear_cookies()
        page.goto("/")
        assert "/account/inloggen/" in page.url
        page.get_by_label("E-mailadres").fill(f"{account}@digivaardig.test")
        page.get_by_label("Wachtwoord").fill(DEMO_PASSWORD)
        page.get_by_role("button", name="Inloggen").click()
        assert page.get_by_role("heading", level=1).inner_text() == heading, account
        page.get_by_role("button", name="Uitloggen").click()
        page.wait_for_url(re.compile("/account/inloggen/"))


def test_skip_link_is_the_first_tab_stop_and_focus_is_visible(page, log_in_as, employee):
    log_in_as(employee)
    page.goto("/start/medewerker/")
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.textContent.trim()")
    assert focused == "Direct naar de inhoud"
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline == "solid"
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "inhoud"


def test_programme_lead_imports_a_csv_in_the_browser(page, log_in_as, programme_lead, tmp_path):
    log_in_as(programme_lead)
    csv_file = tmp_path / "hr-export.csv"
    csv_file.write_text(
        "email;first_name;last_name;municipality;team;is_team_leader\n"
        "tessa.bos@groningen.nl;Tessa;Bos;Groningen;Sociaal Domein;ja\n"
        "wim.kok@groningen.nl;Wim;Kok;Groningen;Sociaal Domein;nee\n",
        encoding="utf-8-sig",
    )
    page.goto("/start/projectleider/")
    page.get_by_role("link", name="Medewerkers importeren (CSV uit HR)").click()
    page.get_by_label("CSV-bestand uit het HR-systeem").set_input_files(str(csv_file))
    page.get_by_role("button", name="Controleren en importeren").click()
    assert "2 nieuwe medewerkers" in page.get_by_role("status").first.inner_text()
    assert User.objects.filter(email="tessa.bos@groningen.nl", led_teams__name="Sociaal Domein").exists()


def test_programme_lead_sees_bad_rows_and_nothing_is_saved(page, log_in_as, programme_lead, tmp_path):
    log_in_as(programme_lead)
    csv_file = tmp_path / "hr-export.csv"
    csv_file.write_text("email,first_name,last_name,municipality,team\nkapot,A,B,Haren,X\n", encoding="utf-8")
    page.goto("/organisatie/medewerkers/importeren/")
    page.get_by_label("CSV-bestand uit het HR-systeem").set_input_files(str(csv_file))
    page.get_by_role("button", name="Controleren en importeren").click()
    alert = page.get_by_role("alert").first.inner_text()
    assert "Er is niets opgeslagen" in alert and "regel 2" in alert
    assert not User.objects.filter(email="kapot").exists()


def test_advisor_edits_a_persona_profile_by_keyboard_and_form(page, log_in_as, advisor):
    log_in_as(advisor)
    page.goto("/start/adviseur/")
    page.get_by_role("link", name="De persona's en hun analyse").click()
    page.get_by_role("link", name="Aarzelende technologiegebruiker").click()
    page.get_by_role("link", name="Bewerken Aarzelende technologiegebruiker").click()
    profile = page.get_by_label("Profiel voor de medewerker")
    profile.fill("Begin klein: één tip per maand.")
    page.get_by_label("Tekst van regel 1", exact=True).fill("Willen gemak en rust")
    page.get_by_role("button", name="Opslaan").press("Enter")
    assert page.get_by_role("heading", level=1).inner_text() == "Aarzelende technologiegebruiker"
    body = page.locator("main").inner_text()
    assert "Begin klein: één tip per maand." in body and "Willen gemak en rust" in body
    assert "De persona is opgeslagen." in page.get_by_role("status").inner_text()
