"""axe-core in a real browser on every page each role can reach; the pages come from the URL conf."""

import pytest
from axe_playwright_python.sync_playwright import Axe

from tests.test_access_matrix import MATRIX, NOT_HTML, OK, ROLES, build_url

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

WCAG_AA = {
    "runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]},
    "resultTypes": ["violations"],
}


def summarise(violations):
    return [
        f"{violation['id']} ({violation['impact']}): {violation['help']} -> "
        + "; ".join(str(node["target"]) for node in violation["nodes"][:3])
        for violation in violations
    ]


@pytest.mark.parametrize("width", [1280, 360])
@pytest.mark.parametrize("role", ROLES)
def test_every_reachable_page_has_no_wcag_violations(page, log_in_as, world, role, width):
    """axe at a desktop and a phone width (scrollable regions only show at some widths), and on a
    phone no page is wider than the screen: wide tables scroll in their own focusable container."""
    page.set_viewport_size({"width": width, "height": 900})
    log_in_as(world["users"][role])
    axe = Axe()
    pages = [name for name, outcomes in MATRIX.items() if outcomes[role] == OK and name not in NOT_HTML]
    assert pages
    problems = {}
    for name in pages:
        response = page.goto(build_url(name, world["own"]))
        assert response.status == 200, name
        results = axe.run(page, options=WCAG_AA)
        violations = results.response["violations"]
        if violations:
            problems[name] = summarise(violations)
        document_width = page.evaluate("() => document.documentElement.scrollWidth")
        if document_width > width:
            problems.setdefault(name, []).append(f"the page is {document_width} px wide at {width} px")
    assert problems == {}


def test_form_errors_are_announced_and_pass_axe(page, log_in_as, world):
    log_in_as(None)
    page.goto("/account/inloggen/")
    page.get_by_label("E-mailadres").fill("iemand@gemeente.nl")
    page.get_by_label("Wachtwoord").fill("verkeerd-wachtwoord")
    page.get_by_role("button", name="Inloggen").click()
    alert = page.get_by_role("alert")
    assert "horen niet bij elkaar" in alert.inner_text()
    assert Axe().run(page, options=WCAG_AA).response["violations"] == []
