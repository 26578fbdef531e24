"""The dashboard pages as their users meet them: who reaches which, what they say, the downloads."""

import csv
import datetime
import io

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from campaigns.services import campaign_update
from campaigns.tests.factories import CampaignFactory
from common.dates import month_start
from dashboards import services
from organisations.tests.factories import MunicipalityFactory, TeamFactory, UserFactory
from selfscan.tests.factories import submitted_response

from .factories import running_campaign, scan_result, team_of

pytestmark = pytest.mark.django_db


@pytest.fixture
def setting(shipped_content, municipality, other_municipality, team, team_leader, advisor, other_advisor):
    """A campaign of the advisor's municipality (team of the team leader plus 6 colleagues, 5 of whom
    did round 1) and one of the other municipality."""
    campaign, baseline, final = running_campaign([municipality])
    other_campaign, other_baseline, _ = running_campaign([other_municipality], name="Andere campagne")
    colleagues = [UserFactory(team=team, municipality=municipality) for _ in range(6)]
    for person in colleagues[:5]:
        scan_result(person, baseline, score=70)
    return {"campaign": campaign, "baseline": baseline, "final": final, "colleagues": colleagues}


def test_a_team_leader_sees_the_own_team_and_gets_403_on_another_team(client, setting, team, team_leader):
    client.force_login(team_leader)
    response = client.get(reverse("dashboards:team", args=[team.pk]))
    assert response.status_code == 200
    assert "5 van" in response.text  # round 1: 5 of the team
    other = TeamFactory(municipality=team.municipality)
    assert client.get(reverse("dashboards:team", args=[other.pk])).status_code == 403
    assert client.get(reverse("dashboards:team", args=[987654])).status_code == 404


@pytest.mark.parametrize("role", ["employee", "digicoach"])
def test_employees_and_coaches_get_403_on_every_dashboard(client, setting, team, role, request):
    client.force_login(request.getfixturevalue(role))
    for url in (
        reverse("dashboards:team", args=[team.pk]),
        reverse("dashboards:programme"),
        reverse("dashboards:report"),
        reverse("dashboards:report_xlsx"),
        reverse("dashboards:programme_table", args=["doelen"]),
    ):
        assert client.get(url).status_code == 403, url


def test_an_advisor_gets_404_on_figures_of_a_municipality_they_do_not_advise(
    client, setting, other_advisor, municipality, team
):
    client.force_login(other_advisor)
    url = reverse("dashboards:programme")
    assert client.get(url).status_code == 200
    assert client.get(url, {"gemeente": municipality.pk}).status_code == 404
    assert client.get(url, {"team": team.pk}).status_code == 404
    assert client.get(url, {"campagne": setting["campaign"].pk}).status_code == 404
    assert client.get(reverse("dashboards:report"), {"gemeente": municipality.pk}).status_code == 404


def test_the_dashboard_says_whether_team_leaders_see_who_has_not_done_the_scan(client, setting, team, team_leader):
    client.force_login(team_leader)
    url = reverse("dashboards:team", args=[team.pk])
    missing = setting["colleagues"][5]
    page = client.get(url).text
    assert "alleen aantallen" in page and missing.last_name not in page
    campaign_update(campaign=setting["campaign"], team_leaders_see_non_respondents=True)  # the lead's switch
    page = client.get(url).text
    assert missing.get_full_name() in page
    assert setting["colleagues"][0].get_full_name() not in page, "who did it is never listed"


def test_a_submitted_scan_shows_on_the_dashboard_at_the_next_request(
    client, setting, team, team_leader, in_process_tasks
):
    client.force_login(team_leader)
    url = reverse("dashboards:team", args=[team.pk])
    assert client.get(url).context["group"].done[1] == 5
    submitted_response(setting["colleagues"][5], setting["baseline"])
    assert client.get(url).context["group"].done[1] == 6


def test_each_table_downloads_as_csv_with_the_same_figures(client, setting, advisor, municipality):
    client.force_login(advisor)
    response = client.get(reverse("dashboards:programme_table", args=["doelen"]), {"gemeente": municipality.pk})
    assert response.status_code == 200 and response["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))
    assert rows[0][0] == "Groep" and rows[0][2].endswith("(%)")
    own = next(row for row in rows if row[0] == municipality.name)
    assert own[1] == "8"  # the team leader, the employee fixture and 6 colleagues
    assert client.get(reverse("dashboards:programme_table", args=["bestaat-niet"])).status_code == 404


def test_the_results_report_downloads_as_a_workbook_with_a_sheet_per_municipality(
    client, setting, programme_lead, municipality
):
    client.force_login(programme_lead)
    response = client.get(reverse("dashboards:report_xlsx"))
    assert response.status_code == 200
    workbook = load_workbook(io.BytesIO(response.content))
    assert workbook.sheetnames[0] == "Samenvatting"
    assert municipality.name in workbook.sheetnames
    summary = [list(row) for row in workbook["Samenvatting"].iter_rows(values_only=True)]
    own = next(row for row in summary if row[0] == municipality.name)
    # 9 people (the programme lead works there too), 5 did round 1 on time: 56%, stored as a percentage.
    assert own[1] == 9 and own[2] == pytest.approx(0.56)


@pytest.mark.parametrize(
    "params",
    [
        {"van": "2026-13"},
        {"van": "x", "tot": "9999-99"},
        {"tot": "1900-01"},
        {"van": "2030-01", "tot": "2020-01"},
        {"gemeente": "abc"},
        {"campagne": "-1"},
        {"team": "99999999999999999999"},
    ],
)
def test_odd_query_parameters_never_cause_an_error(client, setting, programme_lead, params):
    client.force_login(programme_lead)
    assert client.get(reverse("dashboards:programme"), params).status_code in (200, 404)


def test_queries_do_not_grow_with_people_teams_or_responses(client, shipped_content, programme_lead, query_count):
    municipality = MunicipalityFactory()
    campaign, baseline, _final = running_campaign([municipality])

    def add(teams, size):
        for _ in range(teams):
            _team, members = team_of(municipality, size)
            for person in members[: size - 1]:
                scan_result(person, baseline)

    def recount():
        with CaptureQueriesContext(connection) as queries:
            services.figures_refresh(campaign_id=campaign.pk)
        return len(queries.captured_queries)

    client.force_login(programme_lead)
    url = reverse("dashboards:programme") + f"?gemeente={municipality.pk}"
    add(2, 6)
    client.get(url)  # the first count
    small, small_recount = query_count(client, url, at_most=40), recount()
    add(18, 6)
    large, large_recount = query_count(client, url, at_most=40), recount()
    assert (small, small_recount) == (large, large_recount)
    assert large_recount <= 30
    cached = query_count(client, url, at_most=12, cold=False)
    assert cached < small


def test_the_team_dashboard_trend_has_a_column_per_campaign_month(client, setting, team, team_leader):
    client.force_login(team_leader)
    response = client.get(reverse("dashboards:team", args=[team.pk]))
    months = [figure.month for figure in response.context["group"].active]
    assert months[0] == month_start(setting["campaign"].kick_off_date)
    assert months[-1] == month_start(timezone.localdate())


def test_the_results_report_downloads_as_a_pdf_with_its_figures(client, setting, programme_lead, municipality):
    from pypdf import PdfReader

    from common.pdf import pdf_available
    from conftest import service_unavailable

    if not pdf_available():
        service_unavailable("WeasyPrint's libraries (Pango, HarfBuzz) are not installed")
    client.force_login(programme_lead)
    page = client.get(reverse("dashboards:report")).content.decode()
    assert reverse("dashboards:report_pdf") in page
    response = client.get(reverse("dashboards:report_pdf"))
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    text = "".join(p.extract_text() for p in PdfReader(io.BytesIO(response.content)).pages)
    assert "Resultaten Digivaardig dashboardtest" in text
    assert municipality.name in text and "Geschatte tijdwinst" in text and "Methode" in text


def test_the_same_pdf_is_not_rendered_twice_but_new_figures_give_a_new_one(
    client, setting, programme_lead, in_process_tasks
):
    """WeasyPrint takes a few hundred ms: a second download of unchanged figures comes from the cache
    (no report is built: fewer queries), and a change in the figures gives a freshly made report."""
    from pypdf import PdfReader

    from common.pdf import pdf_available
    from conftest import service_unavailable

    if not pdf_available():
        service_unavailable("WeasyPrint's libraries (Pango, HarfBuzz) are not installed")
    client.force_login(programme_lead)
    url = reverse("dashboards:report_pdf")

    def download():
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url)
        assert response.status_code == 200
        return response.content, len(queries)

    first, built = download()
    again, cached = download()
    assert again == first and cached < built

    def participants(pdf):
        return "".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)

    before = participants(first)
    submitted_response(setting["colleagues"][5], setting["baseline"])  # through the services: figures stale
    changed, _queries = download()
    assert changed != first and participants(changed) != before


def test_a_persona_edit_makes_the_counted_figures_stale_for_their_names(db, municipality):
    # The profile figures are labelled with the personas' names (figures.persona_names): an edit of
    # a persona's texts asks for a recount, as a counted write does.
    import datetime

    from campaigns.tests.factories import CampaignFactory
    from dashboards.snapshot import current_versions
    from personas.caching import personas_changed

    campaign = CampaignFactory(municipalities=[municipality])
    today = datetime.date(2026, 6, 1)
    before = current_versions(campaign=campaign, municipality_ids=[municipality.pk], today=today)
    assert current_versions(campaign=campaign, municipality_ids=[municipality.pk], today=today) == before
    personas_changed()
    assert current_versions(campaign=campaign, municipality_ids=[municipality.pk], today=today) != before


def test_a_snapshot_counted_by_another_process_is_read_at_once_though_this_one_kept_its_own(db, municipality):
    # A process keeps the snapshot it read (dashboards.snapshot._read_here) and asks the cache only for
    # its small stamp; a recount stored by another process (the worker) has a new stamp.
    import dataclasses
    import datetime

    from django.core.cache import cache

    from campaigns.tests.factories import CampaignFactory
    from dashboards import snapshot

    campaign = CampaignFactory(municipalities=[municipality])
    counted = services.figures_refresh(campaign_id=campaign.pk, today=datetime.date(2026, 6, 1))
    first = snapshot.read(campaign=campaign, versions="")
    assert first.built_at == counted.built_at
    big_reads = []
    real_get = cache.get
    cache.get = lambda key, *a, **k: big_reads.append(key) or real_get(key, *a, **k)
    try:
        snapshot.read(campaign=campaign, versions="")
        assert big_reads == [snapshot._stamp_key(campaign.pk)], "only the stamp is read"
        later = dataclasses.replace(counted, built_at=counted.built_at + datetime.timedelta(minutes=1))
        cache.set_many(  # as the worker's process stores its recount
            {snapshot._cache_key(campaign.pk): later, snapshot._stamp_key(campaign.pk): snapshot._stamp(later)}, 600
        )
        assert snapshot.read(campaign=campaign, versions="").built_at == later.built_at
    finally:
        cache.get = real_get


def test_every_landmark_of_a_dashboard_has_a_name_of_its_own(client, setting, team, team_leader, programme_lead):
    # axe's landmark-unique: a section and the scrolling table region inside it must not share a name.
    import re

    def landmark_names(page):
        texts = dict(re.findall(r'id="([^"]+)"[^>]*>([^<]+)<', page))
        ids = re.findall(r'<section aria-labelledby="([^"]+)"', page)
        ids += re.findall(r'role="region" aria-labelledby="([^"]+)"', page)
        return [texts[landmark_id].strip() for landmark_id in ids if landmark_id in texts]

    for person, url in (
        (team_leader, reverse("dashboards:team", args=[team.pk])),
        (programme_lead, reverse("dashboards:programme")),
        (programme_lead, reverse("dashboards:report")),
    ):
        client.force_login(person)
        names = landmark_names(client.get(url).content.decode())
        assert len(names) > 3 and len(names) == len(set(names)), (url, sorted(names))


def test_busy_views_of_old_figures_ask_the_claim_row_once_a_few_seconds(municipality):
    from dashboards.models import FigureSnapshot

    campaign = CampaignFactory(municipalities=[municipality])
    services.figures_refresh(campaign_id=campaign.pk, today=datetime.date(2026, 6, 1))
    FigureSnapshot.objects.filter(campaign=campaign).update(built_at=timezone.now() - datetime.timedelta(hours=1))
    assert services.figures_refresh_request(campaign=campaign)  # claims the row, queues the recount
    FigureSnapshot.objects.filter(campaign=campaign).update(refresh_claimed_at=None)  # as if done
    with CaptureQueriesContext(connection) as queries:
        asked_again = services.figures_refresh_request(campaign=campaign)
    assert not asked_again and queries.captured_queries == []  # within REFRESH_ASK_SECONDS: no write
    cache.delete(f"figures-refresh-asked:{campaign.pk}")  # the seconds have passed
    assert services.figures_refresh_request(campaign=campaign)


def test_the_kept_team_scope_follows_who_leads_the_team_at_once(client, team, municipality):
    running_campaign([municipality])
    leader = UserFactory(team=team, municipality=municipality)
    other_team = TeamFactory(municipality=municipality)
    other_team.leaders.add(leader)  # a team leader, but not of `team` yet
    client.force_login(leader)
    url = reverse("dashboards:team", args=[team.pk])
    assert client.get(url).status_code == 403
    team.leaders.add(leader)  # the admin or the import
    assert client.get(url).status_code == 200
    team.leaders.remove(leader)
    assert client.get(url).status_code == 403
