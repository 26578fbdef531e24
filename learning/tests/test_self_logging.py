"""An employee logs what they learned in seconds, sees their months, and edits or deletes their own entries."""

import datetime
import re

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from common.dates import month_start
from common.fragments import CSRF_MARKER, FORM_TOKEN_MARKER
from common.submissions import new_token
from learning.models import LearningActivity
from learning.selectors import learning_summary
from learning.services import activity_log
from learning.tests.factories import ActivityFactory
from organisations.tests.factories import UserFactory


def log(client, **overrides):
    data = {"date": timezone.localdate().isoformat(), "kind": "e_learning", "title": "Veilig mailen", "minutes": "30"}
    return client.post(reverse("learning:mine"), {**data, **overrides})


def test_an_employee_logs_an_activity_and_this_month_becomes_active(client, employee, campaign):
    client.force_login(employee)
    assert not learning_summary(employee=employee, today=timezone.localdate()).active_this_month
    response = log(client)
    assert response.status_code == 302 and response.url == reverse("learning:mine")
    activity = LearningActivity.objects.get(employee=employee)
    assert (activity.title, activity.minutes, activity.source) == ("Veilig mailen", 30, "self")
    assert activity.month == month_start(timezone.localdate())
    page = client.get(reverse("learning:mine")).content.decode()
    assert "Veilig mailen" in page and "Opgeslagen: Veilig mailen" in page
    assert learning_summary(employee=employee, today=timezone.localdate()).active_this_month


def test_logging_from_the_start_page_returns_to_the_start_page(client, employee, campaign):
    client.force_login(employee)
    start = client.get(reverse("core:start_employee")).content.decode()
    assert "Leeractiviteit vastleggen" in start and 'name="terug" value="start"' in start
    response = log(client, terug="start")
    assert response.url == reverse("core:start_employee")
    assert "✓" in client.get(reverse("core:start_employee")).content.decode()


def test_a_mistake_made_on_the_start_page_still_returns_there_once_corrected(client, employee, campaign):
    client.force_login(employee)
    page = log(client, terug="start", minutes="0").content.decode()
    assert "van 1 tot en met 1440" in page and 'name="terug" value="start"' in page
    assert log(client, terug="start").url == reverse("core:start_employee")


def test_an_unknown_return_address_goes_to_the_learning_page(client, employee, campaign):
    client.force_login(employee)
    assert log(client, terug="https://example.com/").url == reverse("learning:mine")


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"date": (timezone.localdate() + datetime.timedelta(days=1)).isoformat()}, "ligt in de toekomst"),
        ({"date": "2019-05-01"}, "Kies een datum binnen de campagne"),
        ({"date": "morgen"}, "Voer een geldige datum in"),
        ({"minutes": "0"}, "Vul een heel getal in van 1 tot en met 1440."),
        ({"minutes": ""}, "Dit veld is verplicht"),
        ({"minutes": "5000"}, "Vul een heel getal in van 1 tot en met 1440."),
        ({"minutes": "-5"}, "Vul een heel getal in van 1 tot en met 1440."),
        ({"title": "   "}, "Dit veld is verplicht"),
        ({"kind": "gezellig"}, "Selecteer een geldige keuze"),
    ],
)
def test_bad_input_gets_a_dutch_message_and_stores_nothing(client, employee, campaign, overrides, message):
    client.force_login(employee)
    response = log(client, **overrides)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not LearningActivity.objects.exists()


def test_without_a_campaign_there_is_nothing_to_log_yet(client, employee):
    client.force_login(employee)
    page = client.get(reverse("learning:mine")).content.decode()
    assert "nog geen campagne" in page and "Vastleggen" not in page
    assert "nog geen campagne" in log(client).content.decode()
    assert not LearningActivity.objects.exists()


def test_a_double_submit_logs_once(client, employee, campaign):
    client.force_login(employee)
    token = new_token(employee)
    first, second = log(client, form_token=token), log(client, form_token=token)
    assert first.status_code == second.status_code == 302
    assert LearningActivity.objects.filter(employee=employee).count() == 1


def test_the_months_row_shows_active_not_yet_active_and_upcoming(employee, campaign):
    today = timezone.localdate()
    ActivityFactory(employee=employee, date=campaign.kick_off_date)
    summary = learning_summary(employee=employee, today=today)
    states = {status.month: status.state for status in summary.months}
    assert states[campaign.kick_off_date] == "active"
    assert states[month_start(today)] == "not_yet_active"
    assert states[month_start(campaign.end_date)] == "upcoming"
    assert (summary.active_months, summary.months_so_far) == (1, 3)
    assert "weer even tijd" in summary.encouragement


def test_the_encouragement_is_positive_in_every_state(employee, campaign):
    today = timezone.localdate()
    # Logged through the service, as people do: the summary is cached until such a write.
    lines = [learning_summary(employee=employee, today=today).encouragement]
    activity_log(employee=employee, date=today, kind="course", title="Vandaag", minutes=30)
    lines.append(learning_summary(employee=employee, today=today).encouragement)
    for number, month in enumerate((campaign.kick_off_date, month_start(today, -1))):
        activity_log(employee=employee, date=month, kind="course", title=f"Maand {number}", minutes=30)
    lines.append(learning_summary(employee=employee, today=today).encouragement)
    assert lines == [
        "Begin rustig met één keer per maand en zie wat het oplevert.",
        "Goed bezig: deze maand heb je al aan je digitale vaardigheden gewerkt.",
        "Elke maand aan de slag: zo blijf je vooroplopen.",
    ]
    assert not any(" niet " in line for line in lines)


def test_an_employee_edits_their_own_entry(client, employee, campaign):
    activity = ActivityFactory(employee=employee, title="Oud")
    client.force_login(employee)
    url = reverse("learning:edit", args=[activity.pk])
    assert "Oud" in client.get(url).content.decode()
    yesterday = timezone.localdate() - datetime.timedelta(days=1)
    response = client.post(url, {"date": yesterday.isoformat(), "kind": "tip", "title": "Nieuw", "minutes": "5"})
    assert response.status_code == 302
    activity.refresh_from_db()
    assert (activity.title, activity.kind, activity.minutes, activity.date) == ("Nieuw", "tip", 5, yesterday)
    assert activity.month == month_start(yesterday)


def test_the_edit_page_is_kept_yet_shows_an_edit_and_a_deletion_at_once(client, employee, campaign, query_count):
    activity = ActivityFactory(employee=employee, title="Eerste titel")
    client.force_login(employee)
    url = reverse("learning:edit", args=[activity.pk])
    cold = query_count(client, url, at_most=10)
    assert query_count(client, url, at_most=10, cold=False) < cold
    today = timezone.localdate().isoformat()
    client.post(url, {"date": today, "kind": "tip", "title": "Tweede titel", "minutes": "5"})
    page = client.get(url).content.decode()
    assert "Tweede titel" in page and "Eerste titel" not in page
    client.post(reverse("learning:delete", args=[activity.pk]))
    assert client.get(url).status_code == 404


def test_an_edit_with_a_future_date_changes_nothing(client, employee, campaign):
    activity = ActivityFactory(employee=employee, title="Oud")
    client.force_login(employee)
    future = (timezone.localdate() + datetime.timedelta(days=3)).isoformat()
    response = client.post(
        reverse("learning:edit", args=[activity.pk]), {"date": future, "kind": "tip", "title": "Nieuw", "minutes": "5"}
    )
    assert "ligt in de toekomst" in response.content.decode()
    activity.refresh_from_db()
    assert activity.title == "Oud"


def test_an_employee_deletes_their_own_entry_after_confirming(client, employee, campaign):
    activity = ActivityFactory(employee=employee, title="Per ongeluk")
    client.force_login(employee)
    url = reverse("learning:delete", args=[activity.pk])
    assert "Per ongeluk" in client.get(url).content.decode()
    assert LearningActivity.objects.filter(pk=activity.pk).exists(), "a GET deletes nothing"
    assert client.post(url).status_code == 302
    assert not LearningActivity.objects.filter(pk=activity.pk).exists()


def test_nobody_reaches_someone_elses_entry(client, employee, team_leader, campaign):
    activity = ActivityFactory(employee=employee, title="Privé")
    client.force_login(team_leader)
    for name in ("learning:edit", "learning:delete"):
        assert client.get(reverse(name, args=[activity.pk])).status_code == 404
        assert client.post(reverse(name, args=[activity.pk]), {"title": "x"}).status_code == 404
    activity.refresh_from_db()
    assert activity.title == "Privé"
    assert "Privé" not in client.get(reverse("learning:mine")).content.decode()


def test_platform_records_are_shown_but_not_edited(client, employee, campaign):
    imported = ActivityFactory(employee=employee, title="Van het platform", source="platform_export", external_id="X1")
    client.force_login(employee)
    page = client.get(reverse("learning:mine")).content.decode()
    assert "Van het platform" in page and reverse("learning:edit", args=[imported.pk]) not in page
    assert client.get(reverse("learning:edit", args=[imported.pk])).status_code == 404
    assert client.post(reverse("learning:delete", args=[imported.pk])).status_code == 404
    assert LearningActivity.objects.filter(pk=imported.pk).exists()


def test_team_pages_never_show_a_members_activity(client, employee, team_leader, team, campaign):
    ActivityFactory(employee=employee, title="Geheime cursus")
    client.force_login(team_leader)
    for url in (
        reverse("organisations:team_detail", args=[team.pk]),
        reverse("core:start_team_leader"),
        reverse("agendas:team_log", args=[team.pk]),
        reverse("agendas:suggestion", args=[team.pk]),
    ):
        assert "Geheime cursus" not in client.get(url).content.decode(), url


def test_the_service_refuses_a_date_outside_the_campaign(employee, campaign):
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError) as refused:
        day_before = campaign.kick_off_date - datetime.timedelta(days=1)
        activity_log(employee=employee, date=day_before, kind="tip", title="x", minutes=5)
    assert "binnen de campagne" in refused.value.message_dict["date"][0]
    other = UserFactory()
    with pytest.raises(ValidationError):
        activity_log(employee=other, date=timezone.localdate(), kind="tip", title="x", minutes=5)
    assert not LearningActivity.objects.exists()


def test_my_learning_does_not_grow_with_ten_times_more_entries(client, employee, campaign, query_count):
    client.force_login(employee)
    url = reverse("learning:mine")
    ActivityFactory.create_batch(3, employee=employee)
    small = query_count(client, url, at_most=15)
    ActivityFactory.create_batch(30, employee=employee)
    ActivityFactory.create_batch(30, employee=UserFactory(municipality=employee.municipality))
    assert query_count(client, url, at_most=15) == small


def test_the_start_page_does_not_grow_with_ten_times_more_entries(client, employee, campaign, query_count):
    client.force_login(employee)
    url = reverse("core:start_employee")
    ActivityFactory.create_batch(3, employee=employee)
    small = query_count(client, url, at_most=15)
    ActivityFactory.create_batch(30, employee=employee)
    assert query_count(client, url, at_most=15) == small


def test_the_form_in_the_kept_start_page_gets_fresh_working_tokens(employee, campaign):
    """{% memo_fragment %} (common/fragments.py): the start page is kept, its form's tokens are not."""
    client = Client(enforce_csrf_checks=True)
    client.force_login(employee)
    url = reverse("core:start_employee")
    pages = [client.get(url).content.decode() for _ in range(2)]
    form_tokens = [re.search(r'name="form_token" value="([^"]+)"', page).group(1) for page in pages]
    csrf_tokens = [re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1) for page in pages]
    assert form_tokens[0] != form_tokens[1] and csrf_tokens[0] != csrf_tokens[1], "fresh tokens on the kept page"
    assert CSRF_MARKER not in pages[1] and FORM_TOKEN_MARKER not in pages[1], "no placeholder left"
    fields = {
        "csrfmiddlewaretoken": csrf_tokens[1],
        "form_token": form_tokens[1],
        "terug": "start",
        "date": timezone.localdate().isoformat(),
        "kind": "course",
        "title": "Veilig mailen",
        "minutes": "30",
    }
    for _ in range(2):  # a double click: the one-time token still counts once
        assert client.post(reverse("learning:mine"), fields).status_code == 302
    assert LearningActivity.objects.filter(employee=employee, title="Veilig mailen").count() == 1
    assert "✓" in client.get(url).content.decode(), "the new month state: new inputs, rendered anew"


def test_a_page_kept_under_another_secret_key_is_not_served_with_its_placeholders(employee, campaign, settings):
    """A rotated SECRET_KEY, or a cache shared with another installation: the kept page has other
    placeholders, which this process would not fill; it renders the page anew instead."""
    from importlib import reload

    from common import fragments

    client = Client(enforce_csrf_checks=True)
    client.force_login(employee)
    url = reverse("core:start_employee")
    client.get(url)  # kept under this key's placeholders
    settings.SECRET_KEY_FALLBACKS = [settings.SECRET_KEY]  # a rotation: the sessions stay valid
    settings.SECRET_KEY = "another-" + settings.SECRET_KEY
    try:
        reload(fragments)
        from common.templatetags import portal

        portal.fragments = fragments
        page = client.get(url).content.decode()
        token = re.search(r'name="form_token" value="([^"]+)"', page).group(1)
        assert not token.startswith("memo"), "a real token, not an old placeholder"
    finally:
        settings.SECRET_KEY = settings.SECRET_KEY.removeprefix("another-")
        reload(fragments)
        portal.fragments = fragments
