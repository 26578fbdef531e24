"""Every server-drawn chart, on a phone (360 px) and a laptop (1280 px): no text runs out of its chart,
text stays readable, the page does not scroll sideways, and axe finds nothing with the figures shown
(issue: "Chart labels are clipped" on the result page; the dashboards' charts are the same kind)."""

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.utils import timezone

from agendas.tests.factories import MeetingFactory
from dashboards.tests.factories import running_campaign, scan_result
from learning.tests.factories import ActivityFactory
from organisations.tests.factories import UserFactory
from selfscan.tests.factories import submitted_response
from tests.browser.test_accessibility import WCAG_AA, summarise

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# For every chart: the view box, the rendered scale, and each text's box in view-box units.
MEASURE = """() => [...document.querySelectorAll('svg.portal-chart-svg')].map(svg => {
  const box = svg.viewBox.baseVal;
  const scale = svg.getBoundingClientRect().width / box.width;
  return {
    width: box.width, height: box.height, scale, fontSize: parseFloat(svg.getAttribute('font-size')),
    texts: [...svg.querySelectorAll('text')].map(t => {
      const b = t.getBBox();
      return {content: t.textContent, x: b.x, y: b.y, right: b.x + b.width, bottom: b.y + b.height};
    }),
  };
})"""


@pytest.fixture
def figures(municipality, team, team_leader, employee, advisor):
    """A team whose charts all show: 8 colleagues did round 1, 6 of them round 2; learning and a
    meeting; the employee did round 1 (their result page)."""
    campaign, baseline, final = running_campaign([municipality])
    colleagues = [UserFactory(team=team, municipality=municipality) for _ in range(8)]
    for index, person in enumerate(colleagues):
        scan_result(person, baseline, score=40 + 5 * (index % 4))
        if index < 6:
            scan_result(person, final, score=60, change=12.5 - index * 4, time_saved=index % 5 + 1)
        ActivityFactory(employee=person, date=timezone.localdate())
    MeetingFactory(team=team, date=timezone.localdate())
    submitted_response(employee, baseline, can_do=3)
    return {"campaign": campaign, "baseline": baseline}


def pages(figures, team, municipality):
    return [
        ("employee", f"/zelfscan/ronde/{figures['baseline'].pk}/uitslag/"),
        ("team_leader", f"/dashboard/team/{team.pk}/"),
        ("advisor", f"/dashboard/programma/?gemeente={municipality.pk}"),
        ("advisor", "/dashboard/resultaten/"),
    ]


@pytest.mark.parametrize("width", [360, 1280])
def test_no_chart_text_overflows_and_every_page_fits_the_screen(
    page, log_in_as, figures, team, municipality, employee, team_leader, advisor, width
):
    people = {"employee": employee, "team_leader": team_leader, "advisor": advisor}
    page.set_viewport_size({"width": width, "height": 900})
    axe = Axe()
    problems = []
    for role, url in pages(figures, team, municipality):
        log_in_as(people[role])
        assert page.goto(url).status == 200, url
        charts = page.evaluate(MEASURE)
        assert charts, f"{url} shows no chart"
        for chart in charts:
            for text in chart["texts"]:
                inside = (
                    text["x"] >= -0.5
                    and text["right"] <= chart["width"] + 0.5
                    and text["y"] >= -0.5
                    and text["bottom"] <= chart["height"] + 0.5
                )
                if not inside:
                    problems.append(f"{url} at {width}px: '{text['content']}' runs out of its chart")
            rendered = chart["fontSize"] * chart["scale"]
            if rendered < 10:
                problems.append(f"{url} at {width}px: chart text rendered at {rendered:.1f}px")
        overflow = page.evaluate("() => document.documentElement.scrollWidth - window.innerWidth")
        if overflow > 0:
            problems.append(f"{url} at {width}px: the page scrolls sideways by {overflow}px")
        violations = axe.run(page, options=WCAG_AA).response["violations"]
        if violations:
            problems.append(f"{url} at {width}px: {summarise(violations)}")
    assert problems == []
