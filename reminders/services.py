"""Writes of the reminders: claiming who gets what, sending it once, opting out, resending failures.

Exactly once per person, kind and period: `reminders_claim` inserts one ReminderLog row per
recipient under the unique constraint (recipient, kind, period), marked with a claim token; rows
another run already holds are skipped, so a second run, a second beat or a retried task claims
nothing twice. `reminder_batch_send` sends what one token holds. What a killed worker left claimed
is sent by the redelivered task (acks_late) or, after CLAIM_LEASE, taken over by the next run.
Each e-mail carries a Message-ID made from its row, so the one message a crash could leave in
doubt is, if sent again, the same message.
"""

import datetime
import logging
import smtplib
import time
import uuid
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import caches
from django.core.exceptions import ValidationError
from django.core.mail import get_connection
from django.db import transaction
from django.db.models import F, OuterRef, Subquery
from django.utils import timezone
from django.utils.translation import gettext as _

from organisations.caching import participation_changed
from organisations.models import User
from selfscan.models import Response

from .compose import OPT_OUT_FIELDS, Composer
from .kinds import due_reminders
from .models import Kind, ReminderLog, Status
from .selectors import batch_context, example_session, month_tips, next_session, teams_without_agenda

log = logging.getLogger(__name__)

BATCH_SIZE = 1000
CLAIM_LEASE = datetime.timedelta(minutes=30)
MAX_ATTEMPTS = 5
SENT_MARK_SECONDS = 24 * 3600


@dataclass(frozen=True)
class ClaimedBatch:
    """A batch claimed for sending: its token, kind, period and how many reminders it holds."""

    token: str
    kind: str
    period: str
    size: int


def reminders_claim(*, kind: str, day: datetime.date, now=None, batch_size: int = BATCH_SIZE) -> list[ClaimedBatch]:
    """Claim the reminders of `kind` due on `day` (Europe/Amsterdam), in batches of `batch_size`.

    Returns the batches to send (send each with reminder_batch_send, or its task). Nothing is
    claimed on a weekend or holiday, for opted-out people, for people who had this one, or for
    people who had another reminder this week (they get it on a later day of the period).
    """
    now = now or timezone.now()
    batches = []
    for due in due_reminders(kind=kind, day=day):
        if day > due.until:
            continue
        recipient_ids = list(due.recipients.values_list("pk", flat=True))
        for start in range(0, len(recipient_ids), batch_size):
            chunk = recipient_ids[start : start + batch_size]
            token = uuid.uuid4().hex
            ReminderLog.objects.bulk_create(
                [
                    ReminderLog(recipient_id=pk, kind=kind, period=due.period, claim_token=token, claimed_at=now)
                    for pk in chunk
                ],
                ignore_conflicts=True,
                batch_size=batch_size,
            )
            # What this run holds: a simultaneous run's rows for the same people carry its own token.
            size = ReminderLog.objects.filter(claim_token=token).count()
            if size:
                batches.append(ClaimedBatch(token=token, kind=kind, period=due.period, size=size))
    return batches


def reminders_reclaim_stale(*, now=None) -> list[ClaimedBatch]:
    """Take over reminders claimed longer than CLAIM_LEASE ago and never finished (a worker that died
    and whose task was lost): they get a new token and are returned as batches to send."""
    now = now or timezone.now()
    stale = ReminderLog.objects.filter(status=Status.CLAIMED, claimed_at__lt=now - CLAIM_LEASE)
    batches = []
    for kind, period in stale.values_list("kind", "period").distinct():
        token = uuid.uuid4().hex
        size = stale.filter(kind=kind, period=period).update(claim_token=token, claimed_at=now)
        if size:
            batches.append(ClaimedBatch(token=token, kind=kind, period=period, size=size))
    return batches


def _sent_key(log_id):
    return f"reminders:sent:{log_id}"


def _already_sent(rows) -> set:
    """The rows of the batch whose e-mail went out before the worker running it stopped."""
    found = caches["marks"].get_many([_sent_key(row.pk) for row in rows])
    return {row.pk for row in rows if _sent_key(row.pk) in found}


def _mark_sent(log_id):
    # Progress survives a killed worker (the cache is Redis when deployed): the redelivered task
    # skips what went out, and the database is written once per batch, not once per e-mail. In the
    # "marks" cache, whose keys carry no release: a deployment that stops a worker mid-batch hands
    # its progress to the next release's worker.
    caches["marks"].set(_sent_key(log_id), 1, SENT_MARK_SECONDS)


def _batch_rows(token, status=Status.CLAIMED):
    latest_persona = Response.objects.filter(employee=OuterRef("recipient"), submitted_at__isnull=False).order_by(
        "-submitted_at"
    )
    previous = ReminderLog.objects.filter(
        recipient=OuterRef("recipient"), kind=OuterRef("kind"), status=Status.SENT, message_id__isnull=False
    ).order_by("-sent_at")
    return list(
        ReminderLog.objects.filter(claim_token=token, status=status)
        .select_related("recipient")
        .annotate(
            persona_id=Subquery(latest_persona.values("persona_id")[:1]),
            busy=Subquery(latest_persona.values("is_busy")[:1]),
            previous_message_id=Subquery(previous.values("message_id")[:1]),
        )
        .order_by("pk")
    )


def reminder_batch_send(*, token: str, connection=None) -> dict:
    """Send the reminders claimed under `token`, each once: {"sent": n, "failed": n, "retry": n}.

    An SMTP error leaves the reminder claimed for the task's retry (with backoff); after MAX_ATTEMPTS
    it is marked failed with the reason, visible on the reminders page. Queries do not grow with the
    batch: the rows with what composing needs, then one write per outcome.
    """
    rows = _batch_rows(token)
    if not rows:
        return {"sent": 0, "failed": 0, "retry": 0}
    first = rows[0]
    context = batch_context(kind=first.kind, period=first.period, recipient_ids=[row.recipient_id for row in rows])
    composer = Composer(kind=first.kind, **context)
    done = _already_sent(rows)
    interval = settings.REMINDER_SEND_INTERVAL_MS / 1000
    sent, failed, retry, used = [], [], [], {}
    connection = connection or get_connection()
    connection.open()
    try:
        for row in rows:
            if row.pk in done:
                sent.append(row.pk)
                continue
            email, message_id = composer.message_for(
                log_id=row.pk,
                recipient=row.recipient,
                persona_id=row.persona_id,
                busy=bool(row.busy),
                previous_message_id=row.previous_message_id,
            )
            email.connection = connection
            if interval:
                time.sleep(interval)
            try:
                email.send()
            except (smtplib.SMTPException, OSError) as error:
                (failed if row.attempts + 1 >= MAX_ATTEMPTS else retry).append((row.pk, str(error)[:300]))
                continue
            _mark_sent(row.pk)
            sent.append(row.pk)
            used[row.pk] = message_id
    finally:
        connection.close()
    _record(sent, failed, retry, used)
    return {"sent": len(sent), "failed": len(failed), "retry": len(retry)}


def _record(sent, failed, retry, used):
    now = timezone.now()
    with transaction.atomic():
        ReminderLog.objects.filter(pk__in=sent, status=Status.CLAIMED).update(status=Status.SENT, sent_at=now)
        # Which persona message each got: for the rotation (a handful of distinct values per batch).
        by_message = {}
        for pk, message_id in used.items():
            by_message.setdefault(message_id, []).append(pk)
        for message_id, pks in by_message.items():
            ReminderLog.objects.filter(pk__in=pks).update(message_id=message_id)
        for pk, error in failed:
            ReminderLog.objects.filter(pk=pk).update(status=Status.FAILED, error=error, attempts=MAX_ATTEMPTS)
        if retry:
            ReminderLog.objects.filter(pk__in=[pk for pk, _e in retry]).update(attempts=F("attempts") + 1)
        _figures_changed(ReminderLog.objects.filter(pk__in=[*sent, *(pk for pk, _e in failed)]))


def _figures_changed(logs):
    # The programme dashboard counts reminders sent and failed per municipality: recount them.
    ids = logs.order_by().values_list("recipient__municipality_id", flat=True).distinct()
    participation_changed(municipality_ids=list(ids))


def reminders_resend_failed(*, kind: str, period: str) -> ClaimedBatch | None:
    """Give the failed reminders of a kind and period a new claim, to send again (the status page)."""
    token = uuid.uuid4().hex
    size = ReminderLog.objects.filter(kind=kind, period=period, status=Status.FAILED).update(
        status=Status.CLAIMED, claim_token=token, claimed_at=timezone.now(), attempts=0, error=""
    )
    if size:
        _figures_changed(ReminderLog.objects.filter(claim_token=token))
    return ClaimedBatch(token=token, kind=kind, period=period, size=size) if size else None


EXAMPLE_PERIOD = "voorbeeld"


def _example_situations(*, campaign, recipients, month, now) -> list:
    """(kind, period, Composer keywords) of each kind's demo example, in the campaign's real
    situation: its rounds' invitations, the tips of `month`, each leader's team, the first
    upcoming session the recipients can go to (else an unsaved example session)."""
    rounds = {scan_round.number: scan_round for scan_round in campaign.scan_rounds.all()}
    municipality_ids = list(campaign.municipalities.values_list("pk", flat=True))
    situations = []
    for kind, number in ((Kind.SCAN_ROUND1, 1), (Kind.SCAN_ROUND2, 2)):
        if number in rounds:
            scan_round = rounds[number]
            situations.append(
                (
                    kind,
                    f"{scan_round.pk}:{EXAMPLE_PERIOD}",
                    {"stage": "invite", "due": scan_round.due_on, "round_id": scan_round.pk},
                )
            )
    situations.append((Kind.LEARNING_MONTHLY, EXAMPLE_PERIOD, {"tips": month_tips(month=month)}))
    leader_ids = [person.pk for person in recipients]
    situations.append(
        (Kind.AGENDA_MONTHLY, EXAMPLE_PERIOD, {"teams": teams_without_agenda(month=month, leader_ids=leader_ids)})
    )
    session = next_session(municipality_ids=municipality_ids, now=now) or example_session(now=now)
    situations.append((Kind.SESSION_REMINDER, f"session:{EXAMPLE_PERIOD}", {"session": session}))
    return situations


def reminders_send_examples(*, recipients, campaign, claimed_at) -> int:
    """One reminder of every kind to each of `recipients` (the agenda one to team leaders only), as
    composed for them, for the demo (var/mail with the file backend). Logged with the status
    'example' under the period 'voorbeeld' (so once, and apart from the real periods): no figure,
    weekly limit or rotation counts them. Returns how many were written."""
    now = timezone.now()
    month = timezone.localdate(claimed_at).replace(day=1)
    written = 0
    for kind, period, context in _example_situations(campaign=campaign, recipients=recipients, month=month, now=now):
        people = [p for p in recipients if kind != Kind.AGENDA_MONTHLY or p.led_teams.exists()]
        token = uuid.uuid4().hex
        ReminderLog.objects.bulk_create(
            [
                ReminderLog(
                    recipient=p,
                    kind=kind,
                    period=period,
                    status=Status.EXAMPLE,
                    claim_token=token,
                    claimed_at=claimed_at,
                )
                for p in people
            ],
            ignore_conflicts=True,
        )
        composer = Composer(kind=kind, **context)
        for row in _batch_rows(token, status=Status.EXAMPLE):
            email, _message_id = composer.message_for(
                log_id=row.pk,
                recipient=row.recipient,
                persona_id=row.persona_id,
                busy=bool(row.busy),
                previous_message_id=None,
            )
            email.send()
            ReminderLog.objects.filter(pk=row.pk).update(sent_at=timezone.now())
            written += 1
    return written


def reminder_opt_out(*, user: User, kind: str) -> User:
    """Switch off a monthly reminder for a person (learning_monthly or agenda_monthly; the scan
    invitations cannot be switched off). Raises ValidationError for another kind."""
    field = OPT_OUT_FIELDS.get(kind)
    if field is None:
        raise ValidationError(_("Voor deze herinnering kun je je niet afmelden."))
    if getattr(user, field):
        setattr(user, field, False)
        user.save(update_fields=[field])
        participation_changed(municipality_ids=[user.municipality_id])  # the dashboard's opt-out rates
    return user
