"""The planner on a phone (fault report: at 360 px the item list was 1112 px wide and the calendar 837
px, so the whole page scrolled sideways): wide tables scroll inside their own focusable container."""

import pytest
from axe_playwright_python.sync_playwright import Axe

from campaigns.models import Campaign
from campaigns.services import plan_template_apply
from tests.browser.test_accessibility import WCAG_AA, summarise

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# What sticks out to the right of the page (for a failure's message): the elements that reach past it.
STICKING_OUT = """() => [...document.querySelectorAll('body *')]
    .filter(e => e.getBoundingClientRect().right > document.documentElement.clientWidth + 1)
    .slice(0, 3).map(e => e.tagName + '.' + e.className)"""

PLANNER_PAGES = [
    "/campagne/{campaign}/",
    "/campagne/{campaign}/kalender/?maand={month}",
    "/campagne/{campaign}/tijdlijn/",
    "/campagne/{campaign}/kanalen/",
    "/campagne/{campaign}/budget/",
    "/campagne/{campaign}/personas/",
    "/campagne/{campaign}/agenda-koppelen/",
    "/campagne/{campaign}/nieuw/",
    "/campagne/{campaign}/instellingen/",
    "/campagne/item/{item}/",
    "/campagne/item/{item}/verplaatsen/",
    "/campagne/item/{item}/kopieren/",
]


def test_no_planner_page_is_wider_than_a_phone(page, log_in_as, world):
    campaign = Campaign.objects.get(pk=world["own"]["campaign_id"])
    campaign.content_items.all().delete()  # the template fills an empty planning: full-width tables
    assert plan_template_apply(campaign=campaign, municipality=campaign.municipalities.get()) > 20
    item = campaign.content_items.order_by("pk").last()
    page.set_viewport_size({"width": 360, "height": 740})
    log_in_as(world["users"]["programme_lead"])
    too_wide, violations = {}, {}
    for template in PLANNER_PAGES:
        url = template.format(campaign=campaign.pk, item=item.pk, month=f"{item.publish_on:%Y-%m}")
        assert page.goto(url).status == 200, url
        width = page.evaluate("() => document.documentElement.scrollWidth")
        if width > 360:
            too_wide[url] = (width, page.evaluate(STICKING_OUT))
        found = Axe().run(page, options=WCAG_AA).response["violations"]
        if found:
            violations[url] = summarise(found)
    assert too_wide == {}
    assert violations == {}
    # The list's table scrolls in its own container, which the keyboard reaches.
    page.goto(f"/campagne/{campaign.pk}/")
    box = page.locator('[aria-labelledby="tabel-items"]')
    assert box.evaluate("element => element.scrollWidth > element.clientWidth")
    page.locator("a.nav-link.active").focus()
    for _ in range(200):
        page.keyboard.press("Tab")
        if page.evaluate("() => document.activeElement.getAttribute('aria-labelledby')") == "tabel-items":
            break
    else:
        pytest.fail("the keyboard never reaches the list's scroll container")
    page.keyboard.press("ArrowRight")
    page.keyboard.press("ArrowRight")
    page.wait_for_function("() => document.querySelector('[aria-labelledby=\"tabel-items\"]').scrollLeft > 0")
