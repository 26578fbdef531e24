"""Exactly one reminder per person, kind and period: run twice, retried, two beats, SMTP trouble."""

import datetime
import smtplib
import threading

import pytest
from django.core import mail
from django.core.mail.backends.locmem import EmailBackend
from django.db import connection
from django.urls import reverse

from conftest import service_unavailable
from reminders.models import Kind, ReminderLog, Status
from reminders.services import MAX_ATTEMPTS, reminder_batch_send, reminders_claim, reminders_reclaim_stale
from reminders.tests.test_scan_reminders import at

DAY = datetime.date(2027, 3, 1)


def test_a_retried_batch_sends_nothing_twice(programme):
    (batch,) = reminders_claim(kind=Kind.SCAN_ROUND1, day=DAY, now=at(DAY))
    assert reminder_batch_send(token=batch.token)["sent"] == 6
    assert reminder_batch_send(token=batch.token)["sent"] == 0  # the task delivered again
    assert len(mail.outbox) == 6


def test_a_worker_that_died_mid_batch_leaves_the_rest_for_the_redelivered_task(programme):
    (batch,) = reminders_claim(kind=Kind.SCAN_ROUND1, day=DAY, now=at(DAY))

    class DiesAfterThree(EmailBackend):
        sent = 0

        def send_messages(self, messages):
            if DiesAfterThree.sent == 3:
                raise SystemExit("worker killed")
            DiesAfterThree.sent += len(messages)
            return super().send_messages(messages)

    with pytest.raises(SystemExit):
        reminder_batch_send(token=batch.token, connection=DiesAfterThree())
    assert len(mail.outbox) == 3 and ReminderLog.objects.filter(status=Status.CLAIMED).count() == 6
    reminder_batch_send(token=batch.token)  # acks_late: the broker hands the task to a worker again
    assert sorted(message.to[0] for message in mail.outbox) == sorted(p.email for p in programme["people"])


def test_claims_left_by_a_lost_task_are_taken_over_after_the_lease(programme):
    (batch,) = reminders_claim(kind=Kind.SCAN_ROUND1, day=DAY, now=at(DAY))
    assert reminders_reclaim_stale(now=at(DAY, 9)) == []  # still within the lease
    (again,) = reminders_reclaim_stale(now=at(DAY, 11))
    assert again.size == 6 and again.token != batch.token
    reminder_batch_send(token=again.token)
    reminder_batch_send(token=batch.token)  # the old token holds nothing any more
    assert len(mail.outbox) == 6


def test_smtp_errors_are_retried_then_failed_with_the_reason_visible(
    client, programme, advisor, django_capture_on_commit_callbacks, monkeypatch
):
    from celery import current_app

    # The resent batch runs here, also when REDIS_URL would queue it for a worker (CI).
    monkeypatch.setitem(current_app.conf, "task_always_eager", True)
    (batch,) = reminders_claim(kind=Kind.SCAN_ROUND1, day=DAY, now=at(DAY))

    class Refuses(EmailBackend):
        def send_messages(self, messages):
            raise smtplib.SMTPRecipientsRefused({"x": (550, b"mailbox unavailable")})

    for _attempt in range(MAX_ATTEMPTS):
        outcome = reminder_batch_send(token=batch.token, connection=Refuses())
        assert outcome["sent"] == 0
    everyone = ReminderLog.objects.count()  # the six employees and the advisor
    assert ReminderLog.objects.filter(status=Status.FAILED).count() == everyone
    assert "mailbox unavailable" in ReminderLog.objects.first().error
    client.force_login(advisor)
    page = client.get(reverse("reminders:status")).content.decode()
    assert "mailbox unavailable" in page and "Opnieuw versturen" in page
    with django_capture_on_commit_callbacks(execute=True):  # the task is queued when the claim commits
        client.post(reverse("reminders:resend"), {"soort": Kind.SCAN_ROUND1, "periode": batch.period})
    assert ReminderLog.objects.filter(status=Status.SENT).count() == everyone and len(mail.outbox) == everyone


@pytest.mark.services
@pytest.mark.django_db(transaction=True)
def test_two_beats_at_the_same_moment_claim_each_reminder_once(programme):
    if connection.vendor != "postgresql":
        service_unavailable("the race needs PostgreSQL (DATABASE_URL)")
    barrier = threading.Barrier(2)
    tokens, errors = [], []

    def beat():
        try:
            barrier.wait()
            tokens.extend(batch.token for batch in reminders_claim(kind=Kind.SCAN_ROUND1, day=DAY, now=at(DAY)))
        except Exception as error:  # noqa: BLE001 - collected and asserted below
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=beat) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert errors == []
    for token in tokens:
        reminder_batch_send(token=token)
    assert ReminderLog.objects.count() == 6
    assert sorted(message.to[0] for message in mail.outbox) == sorted(p.email for p in programme["people"])


def test_the_queries_of_a_batch_do_not_grow_with_its_size(programme):
    from django.db import connection as db
    from django.test.utils import CaptureQueriesContext

    from organisations.tests.factories import UserFactory

    team = programme["teams"][0]

    def queries_of_one_batch(batch_size):
        from django.core.cache import cache

        batch = reminders_claim(kind=Kind.SCAN_ROUND1, day=DAY, now=at(DAY), batch_size=batch_size)[0]
        cache.clear()  # both batches read the personas' texts from the database: like for like
        with CaptureQueriesContext(db) as queries:
            assert reminder_batch_send(token=batch.token)["sent"] == batch_size
        return len(queries.captured_queries)

    small = queries_of_one_batch(5)
    ReminderLog.objects.filter(status=Status.CLAIMED).delete()  # the rest of the first claim
    UserFactory.create_batch(40, team=team, municipality=team.municipality)
    assert queries_of_one_batch(40) == small
