"""What an advisor sees before a reminder goes out: the e-mail exactly as the send composes it.

The preview takes the situation the real send would be in for the advisor's municipality (the
current campaign's round and its due date, this month's tip, a team without the agenda yet, the
next inspiration session) and composes with the same Composer and context as the daily send. Only
the name (the advisor's), the language and persona (chosen) and the opt-out link (a harmless
example page) differ. Where there is no real situation, plainly labelled example data stands in.
"""

import datetime
import logging
from dataclasses import dataclass

from django.conf import settings
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from common.dates import month_start

from .compose import Composer
from .models import Kind
from .selectors import batch_context, example_session, next_session, preview_round, teams_without_agenda

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class PreviewRecipient:
    """The stand-in reader of a preview: the advisor's name, the chosen language, the municipality."""

    pk: int
    first_name: str
    email: str
    language: str
    municipality_id: int | None


def preview_context(*, kind, stage, municipality, today: datetime.date, now: datetime.datetime) -> tuple[dict, list]:
    """(the Composer keywords, notes for the advisor) of a reminder of `kind` as it would go to
    someone in `municipality` (None: none to show) on `today`."""
    municipality_id = municipality.pk if municipality else None
    name = municipality.name if municipality else _("je gemeente")
    if kind in (Kind.SCAN_ROUND1, Kind.SCAN_ROUND2):
        number = 1 if kind == Kind.SCAN_ROUND1 else 2
        scan_round = municipality_id and preview_round(municipality_id=municipality_id, number=number, today=today)
        if not scan_round:
            due = today + datetime.timedelta(weeks=3)
            note = _("Voorbeeldgegevens: er is geen campagne met deze ronde voor %(name)s; de datum is een voorbeeld.")
            return {"stage": stage, "due": due, "round_id": None}, [note % {"name": name}]
        # What batch_context gives for this round's period, from the round already read.
        context = {"stage": stage, "due": scan_round.due_on, "round_id": scan_round.round_id}
        note = _("Zoals het gaat naar medewerkers van %(name)s: %(campaign)s, graag af vóór %(date)s.")
        return context, [
            note % {"name": name, "campaign": scan_round.campaign_name, "date": date_format(scan_round.due_on, "j F Y")}
        ]
    month = month_start(today)
    if kind == Kind.LEARNING_MONTHLY:
        context = batch_context(kind=kind, period=f"{month:%Y-%m}", recipient_ids=[])
        note = _("Zoals het in %(month)s gaat naar medewerkers van %(name)s (met de tip van de maand als die er is).")
        return context, [note % {"month": date_format(month, "F Y"), "name": name}]
    if kind == Kind.AGENDA_MONTHLY:
        teams = teams_without_agenda(month=month, municipality_ids=[municipality_id]) if municipality_id else {}
        note = _(
            "Zoals het in %(month)s gaat naar teamleiders van %(name)s; de knop opent de agendasuggestie van hun team."
        )
        return {"teams": {0: teams.get(None)}}, [note % {"month": date_format(month, "F Y"), "name": name}]
    if kind == Kind.SESSION_REMINDER:
        session = next_session(municipality_ids=[municipality_id] if municipality_id else [], now=now)
        if session is None:
            note = _(
                "Voorbeeldgegevens: er is geen komende inspiratiesessie; titel, datum en plaats zijn een voorbeeld."
            )
            return {"session": example_session(now=now)}, [note]
        context = batch_context(kind=kind, period=f"session:{session.pk}", recipient_ids=[])
        return context, [_("Zoals het gaat naar wie zich heeft aangemeld voor de eerstvolgende sessie.")]
    return {}, []


def preview_email(*, kind, stage, persona, busy, language, first_name, municipality=None, today=None, now=None) -> dict:
    """{subject, text, html, notes} of a reminder of `kind` for someone of `persona` (None: not yet
    known) in `municipality`, composed exactly as the send does, with `first_name`."""
    now = now or timezone.now()
    today = today or timezone.localdate(now)
    context, notes = preview_context(kind=kind, stage=stage, municipality=municipality, today=today, now=now)
    composer = Composer(kind=kind, example=True, **context)
    recipient = PreviewRecipient(
        pk=0,
        first_name=first_name,
        email=f"voorbeeld@{settings.SITE_DOMAIN}",
        language=language,
        municipality_id=municipality.pk if municipality else None,
    )
    email, _message_id = composer.message_for(
        log_id="voorbeeld",
        recipient=recipient,
        persona_id=persona.pk if persona else None,
        busy=busy,
        previous_message_id=None,
    )
    html = next(content for content, mimetype in email.alternatives if mimetype == "text/html")
    return {"subject": email.subject, "text": email.body, "html": html, "notes": notes, "email": email}


def send_test(*, kind, stage, persona, busy, language, to, municipality=None) -> None:
    """Send the previewed reminder to the advisor themself, marked as a test (logged, not counted)."""
    email = preview_email(
        kind=kind,
        stage=stage,
        persona=persona,
        busy=busy,
        language=language,
        first_name=to.first_name,
        municipality=municipality,
    )["email"]
    email.subject = f"[TEST] {email.subject}"
    email.to = [to.email]
    email.extra_headers.pop("Message-ID", None)
    email.send()
    log.info("test reminder %s sent to user %s", kind, to.pk)
