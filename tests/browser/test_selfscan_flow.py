"""The employee's zelfscan in a real browser: start, stop halfway, resume, submit, read the result."""

import pytest
from axe_playwright_python.sync_playwright import Axe

from selfscan.models import Response
from selfscan.selectors import scan_steps
from selfscan.tests.factories import open_campaign_rounds
from tests.browser.test_accessibility import WCAG_AA, summarise

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_employee_takes_the_scan_stops_halfway_and_resumes(page, log_in_as, employee, municipality):
    baseline, _ = open_campaign_rounds(municipalities=[municipality])
    steps = scan_steps(round=baseline)
    axe = Axe()
    log_in_as(employee)
    page.goto("/start/medewerker/")
    page.get_by_role("link", name="Naar mijn zelfscan").click()
    page.get_by_role("button", name="Start de zelfscan Ronde 1 (nulmeting)").click()
    assert page.get_by_role("heading", level=1).inner_text() == steps[0]["area"].name

    # Submitting an empty page: a clear message, announced, and the page still passes axe.
    page.get_by_role("button", name="Volgende stap").click()
    assert "Nog niet alles is beantwoord" in page.get_by_role("alert").inner_text()
    assert page.evaluate("document.activeElement.id") == "foutmeldingen", "focus on the list of what to fix"
    assert summarise(axe.run(page, options=WCAG_AA).response["violations"]) == []

    for step in steps[:2]:
        for question in step["questions"]:
            label = (
                question.options[2] if question.kind != "knowledge" else question.options[question.correct_option - 1]
            )
            page.get_by_role("group", name=question.text).get_by_label(label, exact=True).check()
        if step is steps[1]:
            page.get_by_role("button", name="Bewaren en later verder").click()
        else:
            page.get_by_role("button", name="Volgende stap").click()
    assert "Je antwoorden zijn bewaard" in page.get_by_role("status").inner_text()

    page.context.clear_cookies()
    log_in_as(employee)
    page.goto("/zelfscan/")
    page.get_by_role("button", name="Ga verder met de zelfscan Ronde 1 (nulmeting)").click()
    assert page.get_by_role("heading", level=1).inner_text() == steps[1]["area"].name
    assert page.locator("input[type=radio]:checked").count() == len(steps[1]["questions"])

    page.get_by_role("button", name="Volgende stap").click()
    for step in steps[2:]:
        assert page.get_by_role("heading", level=1).inner_text() == step["area"].name
        for question in step["questions"]:
            label = (
                question.options[3] if question.kind != "knowledge" else question.options[question.correct_option - 1]
            )
            page.get_by_role("group", name=question.text).get_by_label(label, exact=True).check()
        page.get_by_role("button", name="Naar controleren" if step is steps[-1] else "Volgende stap").click()

    assert page.get_by_role("heading", level=1).inner_text() == "Controleer je antwoorden"
    assert summarise(axe.run(page, options=WCAG_AA).response["violations"]) == []
    page.get_by_role("button", name="Indienen en uitslag bekijken").click()
    assert page.get_by_role("heading", level=1).inner_text() == "Jouw uitslag"
    assert page.get_by_role("table").first.is_visible()
    assert summarise(axe.run(page, options=WCAG_AA).response["violations"]) == []
    assert Response.objects.get(employee=employee).is_submitted
