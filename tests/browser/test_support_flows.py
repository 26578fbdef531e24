"""The support programme's "Done when" flows in a real browser, each page checked by axe: a buddy is
asked for and a coach logs a session on the strippenkaart; someone volunteers as ambassador and an
advisor confirms; an advisor plans an inspiration session and an employee signs up and adds it to
Outlook; a compliment card arrives; a certificate downloads and verifies."""

import datetime
import io
from pathlib import Path

import pytest
import vobject
from axe_playwright_python.sync_playwright import Axe
from django.utils import timezone

from coaching.models import Ambassador, BuddyPair, CoachingSession, ComplimentCard, InspirationSession, SignUp
from coaching.tests.factories import CoachFactory
from common.workdays import next_working_day
from conftest import service_unavailable
from learning.models import LearningActivity
from learning.tests.conftest import campaign  # noqa: F401 - a running campaign of the municipality
from organisations.tests.factories import UserFactory
from selfscan.tests.factories import open_campaign_rounds, submitted_response
from tests.browser.test_accessibility import WCAG_AA, summarise

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def no_violations(page):
    return summarise(Axe().run(page, options=WCAG_AA).response["violations"])


@pytest.mark.usefixtures("campaign")
def test_an_employee_asks_for_a_buddy_and_the_coach_logs_a_session(page, log_in_as, employee, digicoach):
    CoachFactory(user=digicoach, capacity=2, topics=["teams"])
    log_in_as(employee)
    page.goto("/start/medewerker/")
    page.get_by_role("region", name="Samen leren").get_by_role("link", name="Vraag een buddy").click()
    assert no_violations(page) == []
    page.get_by_label("Waarmee wil je hulp? (mag leeg)").select_option(label="Samenwerken in Teams")
    page.get_by_label("Via Teams").check()
    page.get_by_role("button", name="Vraag een buddy aan").dblclick()
    assert "neemt contact met je op" in page.get_by_role("status").first.inner_text()
    assert BuddyPair.objects.filter(employee=employee).count() == 1, "a double click asks once"

    log_in_as(digicoach)
    page.goto("/start/digicoach/")
    page.get_by_role("link", name="Naar mijn buddy's en de aanvragen").click()
    requests = page.get_by_role("region", name="Collega's die een buddy zoeken").inner_text()
    assert employee.get_full_name() in requests and "Samenwerken in Teams" in requests and "Via Teams" in requests
    assert no_violations(page) == []
    page.get_by_role("button", name=f"Word buddy van {employee.get_full_name()}").click()
    assert "is nu je buddy" in page.get_by_role("status").inner_text()
    page.get_by_label("Waar ging het over?").fill("Een vergadering plannen in Teams")
    page.get_by_label("Hoeveel minuten?").fill("45")
    page.get_by_role("button", name="Strip afstempelen").click()
    assert "De sessie staat op de strippenkaart." in page.get_by_role("status").inner_text()
    card = page.get_by_role("region", name="Strippenkaart").inner_text()
    assert "1 van 5 strippen gebruikt, nog 4 over" in card
    assert no_violations(page) == []
    session = CoachingSession.objects.get()
    assert session.card.pair.employee == employee
    assert LearningActivity.objects.get(employee=employee).kind == "coaching"

    log_in_as(employee)
    page.goto("/ondersteuning/buddy/")
    assert "Een vergadering plannen in Teams" in page.locator("main").inner_text()
    assert no_violations(page) == []


def test_an_employee_volunteers_as_ambassador_and_the_advisor_confirms(page, log_in_as, employee, advisor):
    log_in_as(employee)
    page.goto("/ondersteuning/")
    page.get_by_role("link", name="Meer over ambassadeurs").click()
    page.get_by_label("Waarom wil je ambassadeur worden? (mag leeg)").fill("Ik deel graag handige tips.")
    page.get_by_role("button", name="Meld mij aan").click()
    assert "bevestigt je aanmelding" in page.get_by_role("status").first.inner_text()
    assert no_violations(page) == []

    log_in_as(advisor)
    page.goto("/start/adviseur/")
    page.get_by_role("link", name="Ambassadeurs").click()
    assert "Ik deel graag handige tips." in page.locator("main").inner_text()
    assert no_violations(page) == []
    page.get_by_role("button", name=f"Bevestigen {employee.get_full_name()}", exact=True).click()
    assert "is bevestigd als ambassadeur" in page.get_by_role("status").inner_text()
    assert Ambassador.objects.get(person=employee).status == "confirmed"

    log_in_as(employee)
    page.goto("/ondersteuning/ambassadeur/")
    assert page.get_by_role("heading", name="Ambassadeur van Digivaardig").is_visible()
    assert page.get_by_role("heading", name="Zo spreek je collega's aan").is_visible()
    assert no_violations(page) == []


@pytest.mark.usefixtures("campaign")
def test_an_advisor_plans_a_session_and_an_employee_signs_up_and_adds_it_to_outlook(
    page, log_in_as, advisor, employee, municipality
):
    # A working day inside the running campaign: any other day asks for a deliberate tick first.
    day = next_working_day(timezone.localdate() + datetime.timedelta(days=9))
    log_in_as(advisor)
    page.goto("/start/adviseur/")
    page.get_by_role("link", name="Inspiratiesessies plannen").click()
    page.get_by_role("link", name="Nieuwe sessie").click()
    assert no_violations(page) == []
    page.get_by_label("Onderwerp").fill("AI-chatbots in je werk")
    page.get_by_label("Gemeente").select_option(label=municipality.name)
    page.get_by_label("Datum").fill(day.isoformat())
    page.get_by_label("Begintijd").fill("14:00")
    page.get_by_label("Plaats", exact=True).fill("Stadhuis, zaal 2")
    page.get_by_label("Aantal plaatsen").fill("1")
    page.get_by_role("button", name="Sessie plannen").click()
    assert "staat klaar voor aanmeldingen" in page.get_by_role("status").inner_text()
    assert no_violations(page) == []
    session = InspirationSession.objects.get()

    log_in_as(employee)
    page.goto("/ondersteuning/inspiratiesessies/")
    page.get_by_role("link", name="AI-chatbots in je werk").click()
    page.get_by_role("button", name="Aanmelden").click()
    assert "Je bent aangemeld" in page.get_by_role("status").first.inner_text()
    assert no_violations(page) == []
    with page.expect_download() as download:
        page.get_by_role("link", name="Zet in mijn agenda (Outlook)").click()
    assert download.value.suggested_filename == f"inspiratiesessie-{day.isoformat()}.ics"
    event = vobject.readOne(Path(download.value.path()).read_text(encoding="utf-8")).vevent
    assert event.dtstart.value.hour == 14 and event.dtstart.value.date() == day
    assert "AI-chatbots in je werk" in event.summary.value
    assert SignUp.objects.get(session=session).person == employee

    someone = UserFactory(municipality=municipality)
    log_in_as(someone)
    page.goto(f"/ondersteuning/inspiratiesessies/{session.pk}/")
    page.get_by_role("button", name="Op de wachtlijst").click()
    assert "als nummer 1" in page.locator("main").inner_text()


def test_a_compliment_card_arrives(page, log_in_as, employee, team):
    colleague = UserFactory(team=team, municipality=team.municipality, first_name="Femke", last_name="Postma")
    log_in_as(employee)
    page.goto("/start/medewerker/")
    page.get_by_role("link", name="Stuur een kaart").first.click()
    page.get_by_label("Naam van je collega").fill("postma")
    page.get_by_role("button", name="Zoeken").click()
    assert no_violations(page) == []
    page.get_by_role("link", name="Femke Postma").click()
    page.get_by_label("Jouw vraag hielp ons allemaal verder. Blijf vooral vragen stellen!").check()
    page.get_by_label("Persoonlijke regel (mag leeg)").fill("<b>Dank je!</b>")
    assert no_violations(page) == []
    page.get_by_role("button", name="Kaart versturen").click()
    assert "Je kaart is verstuurd aan Femke Postma" in page.get_by_role("status").inner_text()
    assert ComplimentCard.objects.get().recipient == colleague

    log_in_as(colleague)
    page.goto("/start/medewerker/")
    together = page.get_by_role("region", name="Samen leren").inner_text()
    assert "Jouw vraag hielp ons allemaal verder." in together and "<b>Dank je!</b>" in together
    assert f"Van {employee.get_full_name()}" in together
    assert no_violations(page) == []


def test_a_certificate_downloads_and_verifies(page, log_in_as, shipped_content, employee):
    baseline, final = open_campaign_rounds(municipalities=[employee.municipality])
    submitted_response(employee, baseline)
    submitted_response(employee, final)
    log_in_as(employee)
    page.goto("/start/medewerker/")
    page.get_by_role("link", name="Download je certificaat").click()
    assert no_violations(page) == []
    with page.expect_download() as download:
        page.get_by_role("button", name="Download je certificaat (PDF)").click()
    if download.value.failure():
        service_unavailable(f"the certificate did not download: {download.value.failure()}")
    data = Path(download.value.path()).read_bytes()
    if not data.startswith(b"%PDF-"):
        service_unavailable("WeasyPrint's system libraries are missing (the page said so)")
    from pypdf import PdfReader

    text = " ".join(page_.extract_text() for page_ in PdfReader(io.BytesIO(data)).pages)
    assert employee.get_full_name() in text
    page.goto("/ondersteuning/certificaat/")
    code = page.locator("main").inner_text().split("Controlecode: ")[1].split(".")[0]
    assert code in text

    log_in_as(None)
    page.goto("/ondersteuning/certificaat/controleren/")
    page.get_by_label("Controlecode").fill(code.lower())
    page.get_by_role("button", name="Controleren").click()
    result = page.get_by_role("region", name="Uitkomst").inner_text()
    assert "Geldig certificaat" in result and employee.get_full_name() in result
    assert employee.email not in result and employee.municipality.name not in result
    assert no_violations(page) == []
