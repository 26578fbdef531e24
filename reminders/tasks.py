"""Celery tasks of the reminders: each takes ids (a kind, a claim token) and calls one service.

`send_due_reminders` runs once a day from the beat (digivaardig/celery.py); it claims what is due
and enqueues one `send_reminder_batch` per batch. Both are safe to run twice: the claims are made
by data (a unique constraint), not by timing.
"""

import smtplib

from celery import shared_task
from django.utils import timezone

from .models import Kind
from .services import MAX_ATTEMPTS, reminder_batch_send, reminders_claim, reminders_reclaim_stale


@shared_task(name="reminders.send_due_reminders", acks_late=True)
def send_due_reminders(day: str | None = None) -> int:
    """Claim every kind's reminders due today (or on `day`, YYYY-MM-DD) and queue their batches."""
    import datetime

    date = datetime.date.fromisoformat(day) if day else timezone.localdate()
    batches = reminders_reclaim_stale()
    for kind in Kind.values:
        batches += reminders_claim(kind=kind, day=date)
    for batch in batches:
        send_reminder_batch.delay_on_commit(batch.token)
    return len(batches)


@shared_task(
    name="reminders.send_reminder_batch",
    bind=True,
    acks_late=True,
    reject_on_worker_lost=True,
    max_retries=MAX_ATTEMPTS,
)
def send_reminder_batch(self, token: str) -> dict:
    """Send one claimed batch; SMTP trouble is retried with backoff until the reminders are failed."""
    outcome = reminder_batch_send(token=token)
    if outcome["retry"]:
        backoff = min(3600, 60 * 2**self.request.retries)  # 1, 2, 4, 8, 16 minutes
        raise self.retry(exc=smtplib.SMTPException(f"{outcome['retry']} e-mail(s) not accepted"), countdown=backoff)
    return outcome
