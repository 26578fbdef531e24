"""The QA tester's findings on the dashboards, each kept as the example that showed it: every
download link works, every write the dashboards count reaches them, one municipality shows its
teams, odd links are set right with a notice, and no two columns of a table share a heading."""

import datetime
from html.parser import HTMLParser

import pytest
from django.urls import reverse
from django.utils import timezone

from coaching import services as coaching
from coaching.models import BuddyPair, CardText
from coaching.tests.factories import BuddyPairFactory, CoachFactory, InspirationSessionFactory, SignUpFactory
from common.dates import month_start
from common.workdays import next_working_day
from dashboards.tables import month_label
from organisations.tests.factories import UserFactory
from reminders.models import Kind
from reminders.services import reminder_batch_send, reminder_opt_out, reminders_claim
from selfscan.services import round_update_dates

from .factories import running_campaign, scan_result

pytestmark = pytest.mark.django_db


class _Page(HTMLParser):
    """The tables (by id: [[cell text]], the header row first) and the download links of a page."""

    def __init__(self, html):
        super().__init__()
        self.tables, self.downloads = {}, []
        self._table = self._row = self._cell = None
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "table":
            self._table = self.tables.setdefault(attrs.get("id", ""), [])
        elif tag == "tr" and self._table is not None:
            self._row = []
            self._table.append(self._row)
        elif tag in ("td", "th") and self._row is not None:
            self._cell = []
        elif tag == "a" and "download" in attrs:
            self.downloads.append(attrs["href"])

    def handle_endtag(self, tag):
        if tag == "table":
            self._table = None
        elif tag in ("td", "th") and self._cell is not None:
            self._row.append(" ".join("".join(self._cell).split()))
            self._cell = None

    def handle_data(self, data):
        if self._cell is not None:
            self._cell.append(data)


def page(client, url, params=None):
    response = client.get(url, params or {})
    assert response.status_code == 200, url
    return _Page(response.content.decode())


def cell(parsed, table, row_label, column):
    """The text of the cell in `table` of the row `row_label` and the column headed `column`."""
    rows = parsed.tables[f"tabel-{table}"]
    index = rows[0].index(column)
    return next(row[index] for row in rows[1:] if row[0] == row_label)


@pytest.fixture
def setting(shipped_content, municipality, team, team_leader, advisor):
    """A running campaign of the advisor's one municipality; the team leader's team has 6 colleagues,
    5 of whom did round 1."""
    campaign, baseline, final = running_campaign([municipality])
    colleagues = [UserFactory(team=team, municipality=municipality) for _ in range(6)]
    for person in colleagues[:5]:
        scan_result(person, baseline, score=70)
    return {"campaign": campaign, "baseline": baseline, "colleagues": colleagues}


# 1. Downloads ------------------------------------------------------------------------------------


def test_every_download_link_on_the_dashboards_and_the_report_works(client, setting, team, team_leader, advisor):
    """The links read /dashboard/team/1/tabel/.csvdoelen.csv (404) instead of .../tabel/doelen.csv."""
    visits = [
        (team_leader, reverse("dashboards:team", args=[team.pk]), {}),
        (advisor, reverse("dashboards:programme"), {}),
        (advisor, reverse("dashboards:programme"), {"team": team.pk, "van": month_start(timezone.localdate())}),
        (advisor, reverse("dashboards:report"), {}),
    ]
    csv_links = 0
    for person, url, params in visits:
        client.force_login(person)
        if "van" in params:
            params["van"] = params["van"].strftime("%Y-%m")
        links = page(client, url, params).downloads
        assert links, url
        for link in links:
            assert ".csv" not in link or "/tabel/.csv" not in link
            response = client.get(link)
            assert response.status_code == 200, link
            if ".csv" in link.split("?")[0]:
                csv_links += 1
                assert response["Content-Type"].startswith("text/csv"), link
                text = response.content.decode()
                assert text.startswith("\ufeff") and ";" in text.splitlines()[0], link
            else:
                assert response["Content-Type"] != "text/html; charset=utf-8", link
    assert csv_links >= 20
    client.force_login(team_leader)
    assert (
        f"/dashboard/team/{team.pk}/tabel/doelen.csv"
        in page(client, reverse("dashboards:team", args=[team.pk])).downloads
    )


def test_the_csv_link_keeps_the_period_of_the_page(client, setting, team, team_leader):
    client.force_login(team_leader)
    month = month_start(timezone.localdate()).strftime("%Y-%m")
    links = page(client, reverse("dashboards:team", args=[team.pk]), {"van": month, "tot": month}).downloads
    assert all(f"van={month}" in link and f"tot={month}" in link for link in links)


# 2. Every write the dashboards count reaches them ------------------------------------------------


@pytest.fixture
def dashboards(client, setting, in_process_tasks, team, team_leader, advisor):
    """Reads the programme dashboard (as the advisor) and the team dashboard (as the team leader)."""

    def read():
        client.force_login(advisor)
        programme = page(client, reverse("dashboards:programme"))
        client.force_login(team_leader)
        return programme, page(client, reverse("dashboards:team", args=[team.pk]))

    return read


def test_a_compliment_card_reaches_both_dashboards_at_once(dashboards, setting, municipality, team):
    sender, recipient = setting["colleagues"][:2]
    programme, own = dashboards()
    assert cell(programme, "steun", municipality.name, "Complimentenkaarten verstuurd") == "0"
    coaching.card_send(sender=sender, recipient=recipient, text=CardText.values[0])
    programme, own = dashboards()
    assert cell(programme, "steun", municipality.name, "Complimentenkaarten verstuurd") == "1"
    assert cell(own, "steun", team.name, "Complimentenkaarten verstuurd") == "1"


def test_a_buddy_pairing_and_a_digicoach_session_reach_both_dashboards(dashboards, setting, municipality, team):
    coach = CoachFactory(user=UserFactory(municipality=municipality, is_digicoach=True)).user
    buddy = setting["colleagues"][0]
    request = coaching.buddy_request(employee=buddy)
    programme, own = dashboards()
    assert cell(own, "steun", team.name, "Medewerkers met een buddy") == "0"
    pair = coaching.buddy_pair(pair=request, coach=coach, by=coach)
    programme, own = dashboards()
    assert cell(programme, "steun", municipality.name, "Medewerkers met een buddy") == "1"
    assert cell(own, "steun", team.name, "Medewerkers met een buddy") == "1"
    coaching.coaching_session_log(pair=pair, coach=coach, date=timezone.localdate(), topic="Teams", minutes=30)
    programme, own = dashboards()
    assert cell(programme, "steun", municipality.name, "Gesprekken met een digicoach") == "1"
    assert cell(own, "steun", team.name, "Gesprekken met een digicoach") == "1"
    coaching.pair_end(pair=pair)
    programme, own = dashboards()
    assert cell(own, "steun", team.name, "Medewerkers met een buddy") == "0"


def test_a_digicoach_session_on_the_strippenkaart_reaches_the_dashboards(dashboards, setting, municipality, team):
    buddy = setting["colleagues"][1]
    pair = BuddyPairFactory(coach=UserFactory(municipality=municipality, is_digicoach=True), employee=buddy)
    programme, own = dashboards()
    assert cell(own, "steun", team.name, "Gesprekken met een digicoach") == "0"
    session = coaching.coaching_session_log(
        pair=pair, coach=pair.coach, date=timezone.localdate(), topic="Teams", minutes=30
    )
    programme, own = dashboards()
    assert cell(own, "steun", team.name, "Gesprekken met een digicoach") == "1"
    coaching.coaching_session_delete(session=session)
    programme, own = dashboards()
    assert cell(programme, "steun", municipality.name, "Gesprekken met een digicoach") == "0"
    assert BuddyPair.objects.get(pk=pair.pk).is_paired


def test_attendance_of_an_inspiration_session_reaches_both_dashboards(dashboards, setting, municipality, team, advisor):
    member = setting["colleagues"][0]
    held = InspirationSessionFactory(municipality=municipality, starts_at=timezone.now() - datetime.timedelta(hours=1))
    SignUpFactory(session=held, person=member)
    month = month_label(month_start(timezone.localdate()))
    programme, own = dashboards()
    assert cell(programme, "inspiratiesessies", municipality.name, "Aanwezig") == "0"
    coaching.session_attendance_register(session=held, attended_ids=[member.pk], by=advisor)
    programme, own = dashboards()
    assert cell(programme, "inspiratiesessies", municipality.name, "Aanwezig") == "1"
    # Attendance is learning activity: the team is active this month.
    assert cell(own, "maanden", month, "Actief (medewerkers)") == "1"
    assert cell(programme, "maanden", month, "Actief (medewerkers)") == "1"


def test_cancelling_a_held_inspiration_session_reaches_the_programme_dashboard(dashboards, setting, municipality):
    held = InspirationSessionFactory(municipality=municipality, starts_at=timezone.now() - datetime.timedelta(hours=1))
    programme, _own = dashboards()
    assert cell(programme, "inspiratiesessies", municipality.name, "Sessies") == "1"
    coaching.inspiration_session_cancel(session=held)
    programme, _own = dashboards()
    assert cell(programme, "inspiratiesessies", municipality.name, "Sessies") == "0"


def test_reminders_sent_reach_the_programme_dashboard(dashboards, setting, mailoutbox):
    programme, _own = dashboards()
    assert programme.tables["tabel-herinneringen"][1:] == [["Nog geen cijfers."]]
    # The round 1 invitations, claimed and sent by the services the beat and the worker use (the demo's
    # example mails are logged as examples and never counted).
    day = next_working_day(setting["baseline"].opens_on)
    now = timezone.make_aware(datetime.datetime.combine(day, datetime.time(10)))
    sent = sum(
        reminder_batch_send(token=batch.token)["sent"]
        for batch in reminders_claim(kind=Kind.SCAN_ROUND1, day=day, now=now)
    )
    assert sent
    programme, _own = dashboards()
    assert sum(int(row[1]) for row in programme.tables["tabel-herinneringen"][1:]) == sent


def test_a_reminder_opt_out_reaches_the_programme_dashboard(client, dashboards, setting, advisor):
    dashboards()
    reminder_opt_out(user=setting["colleagues"][0], kind="learning_monthly")
    client.force_login(advisor)
    assert "maandelijkse herinnering: 1 van" in client.get(reverse("dashboards:programme")).content.decode()


def test_moving_the_due_date_of_round_one_reaches_the_team_dashboard(dashboards, setting, team):
    _programme, own = dashboards()
    on_time = "Ronde 1 op tijd (binnen twee maanden)"
    assert cell(own, "deelname", on_time, "Medewerkers") == "5"
    baseline = setting["baseline"]
    earlier = baseline.due_on - datetime.timedelta(days=1)
    round_update_dates(scan_round=baseline, opens_on=baseline.opens_on, due_on=earlier, closes_on=baseline.closes_on)
    _programme, own = dashboards()
    assert cell(own, "deelname", on_time, "Medewerkers") == "0"


# 3. One municipality shows its teams -------------------------------------------------------------


def test_an_advisor_of_one_municipality_sees_participation_per_team_without_choosing_it(client, setting, advisor, team):
    client.force_login(advisor)
    html = client.get(reverse("dashboards:programme")).content.decode()
    assert "Deelname per team" in html
    rows = _Page(html).tables["tabel-teams"]
    assert any(row[0] == team.name for row in rows[1:])


# 5. Odd links ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("parameter", "notice"),
    [
        ("gemeente", "Onbekende gemeente in de link; we tonen alle gemeenten."),
        ("team", "Onbekend team in de link; we tonen alle teams."),
        ("campagne", "Onbekende campagne in de link; we tonen de lopende campagne."),
    ],
)
@pytest.mark.parametrize("view", ["dashboards:programme", "dashboards:report"])
def test_a_value_that_is_no_id_is_ignored_with_a_notice(client, setting, advisor, parameter, notice, view):
    client.force_login(advisor)
    response = client.get(reverse(view), {parameter: "abc"})
    assert response.status_code == 200
    assert notice in response.content.decode()
    assert client.get(reverse(view), {parameter: "-1"}).status_code == 200


def test_an_id_outside_the_persons_scope_is_still_404(client, setting, advisor, other_municipality):
    client.force_login(advisor)
    assert client.get(reverse("dashboards:programme"), {"gemeente": other_municipality.pk}).status_code == 404
    assert client.get(reverse("dashboards:programme"), {"gemeente": 987654}).status_code == 404


@pytest.mark.parametrize("who", ["advisor", "team_leader"])
def test_a_period_the_wrong_way_round_is_turned_around_with_a_notice(client, setting, team, who, request):
    client.force_login(request.getfixturevalue(who))
    url = reverse("dashboards:programme") if who == "advisor" else reverse("dashboards:team", args=[team.pk])
    today = timezone.localdate()
    later, earlier = month_start(today, -1), month_start(today, -3)
    response = client.get(url, {"van": later.strftime("%Y-%m"), "tot": earlier.strftime("%Y-%m")})
    html = response.content.decode()
    assert response.status_code == 200
    assert "De periode stond andersom (van na tot); we hebben van en tot omgedraaid." in html
    assert f'<option value="{earlier:%Y-%m}" selected>' in html.split('id="tot"')[0]
    assert f'<option value="{later:%Y-%m}" selected>' in html.split('id="tot"')[1]


def test_a_malformed_or_outside_month_is_ignored_with_a_notice(client, setting, team, team_leader):
    client.force_login(team_leader)
    url = reverse("dashboards:team", args=[team.pk])
    assert "Onbekende maand in de link" in client.get(url, {"van": "abc"}).content.decode()
    later = month_start(timezone.localdate(), 24).strftime("%Y-%m")
    outside = client.get(url, {"van": later, "tot": later}).content.decode()
    assert "De gekozen periode valt buiten de campagne; we tonen de hele campagne." in outside


# 6. Distinct column headings ---------------------------------------------------------------------


def test_no_two_columns_of_a_dashboard_table_share_a_heading(client, setting, team, team_leader, advisor):
    client.force_login(advisor)
    programme = page(client, reverse("dashboards:programme"))
    client.force_login(team_leader)
    own = page(client, reverse("dashboards:team", args=[team.pk]))
    for parsed in (programme, own):
        for table_id, rows in parsed.tables.items():
            headings = rows[0]
            assert len(headings) == len(set(headings)), (table_id, headings)
    headings = own.tables["tabel-maanden"][0]
    assert "Teams met Digivaardig op de agenda (aantal)" in headings
    assert "Teams met Digivaardig op de agenda (%)" in headings
