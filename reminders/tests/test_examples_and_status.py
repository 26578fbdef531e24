"""The demo's example reminders (one of every kind, counted nowhere), the status page in words, and
the opt-out page for someone already opted out (QA)."""

import csv
import datetime
import io

from django.core import mail
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from organisations.models import User
from reminders.compose import opt_out_token
from reminders.models import Kind, ReminderLog, Status
from reminders.services import reminders_send_examples
from reminders.tests.conftest import KICK_OFF
from reminders.tests.test_scan_reminders import at, run
from reminders.tests.test_session_reminders import session_on


def kinds_written(messages):
    """{address: set of kinds} of reminder e-mails, by the log row each Message-ID names."""
    ids = {int(m.extra_headers["Message-ID"].split("-")[1].split("@")[0]): m.to[0] for m in messages}
    found = {}
    for pk, kind in ReminderLog.objects.filter(pk__in=ids).values_list("pk", "kind"):
        found.setdefault(ids[pk], set()).add(kind)
    return found


def test_the_demo_examples_are_every_kind_once_and_no_real_send(client, programme, advisor):
    leader, employee = programme["people"][0], programme["people"][3]
    written = reminders_send_examples(
        recipients=[leader, employee], campaign=programme["campaign"], claimed_at=at(KICK_OFF)
    )
    got = kinds_written(mail.outbox)
    assert got[leader.email] == set(Kind.values)  # the session reminder too
    assert got[employee.email] == set(Kind.values) - {Kind.AGENDA_MONTHLY}
    assert written == 9 and set(ReminderLog.objects.values_list("status", flat=True)) == {Status.EXAMPLE}
    assert (
        reminders_send_examples(recipients=[leader, employee], campaign=programme["campaign"], claimed_at=at(KICK_OFF))
        == 0
    )
    # Not a send: the real invitation of the same day still goes (no weekly limit), the page counts nothing.
    assert employee.email in run(Kind.SCAN_ROUND1, KICK_OFF, now=at(KICK_OFF, 10))
    ReminderLog.objects.filter(kind=Kind.SCAN_ROUND1, status=Status.SENT).delete()
    client.force_login(advisor)
    page = client.get(reverse("reminders:status")).content.decode()
    assert "Er zijn nog geen herinneringen verstuurd." in page and "Voorbeeld (demo)" not in page


def test_seed_demo_writes_every_kind_and_the_dashboard_counts_none_of_them(client, db):
    year = timezone.localdate().year
    call_command("seed_demo", "--year", str(year), "--employees", "30", stdout=io.StringIO())
    kinds = set().union(*kinds_written([m for m in mail.outbox if "Message-ID" in m.extra_headers]).values())
    assert kinds == set(Kind.values)
    assert not ReminderLog.objects.exclude(status=Status.EXAMPLE).exists()
    client.force_login(User.objects.get(email="adviseur@digivaardig.test"))
    table = client.get(reverse("dashboards:programme_table", args=["herinneringen"]))
    if table.status_code == 200:  # a campaign with months to show (not before this year's kick-off)
        rows = list(csv.reader(io.StringIO(table.content.decode("utf-8-sig")), delimiter=";"))
        assert rows[1:] == []  # with the examples counted as sent, there was a row per kind


def test_the_status_page_names_periods_in_words(client, programme, advisor):
    person = programme["people"][3]
    session = session_on(datetime.date(2027, 3, 10), programme)
    now = at(KICK_OFF)
    for kind, period in [
        (Kind.LEARNING_MONTHLY, "2026-10"),
        (Kind.SCAN_ROUND1, f"{programme['baseline'].pk}:invite"),
        (Kind.SCAN_ROUND2, f"{programme['final'].pk}:3w"),
        (Kind.SESSION_REMINDER, f"session:{session.pk}"),
    ]:
        ReminderLog.objects.create(
            recipient=person, kind=kind, period=period, status=Status.SENT, claim_token="t", claimed_at=now
        )
    client.force_login(advisor)
    page = client.get(reverse("reminders:status")).content.decode()
    for words in ["oktober 2026", "Ronde 1, uitnodiging", "Ronde 2, drie weken voor de deadline"]:
        assert f"<td>{words}</td>" in page
    assert "<td>Sessie “Slimmer vergaderen”, 10 maart 2027</td>" in page
    assert "<td>2026-10</td>" not in page and ":invite" not in page.replace('value="', "")


def test_back_on_the_opt_out_page_says_you_are_already_opted_out(client, employee):
    url = reverse("reminders:opt_out", args=[opt_out_token(user_id=employee.pk, kind=Kind.LEARNING_MONTHLY)])
    client.post(url)
    again = client.get(url)  # Back, or the link once more
    page = again.content.decode()
    assert "je bent al afgemeld voor: Maandelijks leren op het leerplatform" in page
    assert "wil je je afmelden" not in page and "Ja, meld mij af" not in page
    assert f'href="{reverse("organisations:my_profile")}"' in page  # where to switch it on again
    assert "no-store" in again["Cache-Control"]  # so Back asks the server instead of a stored page
