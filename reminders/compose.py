"""Reminder e-mails composed for each recipient from the personas app (plan section 4).

The message fits the person: their persona from their latest zelfscan (the messages for everyone,
'Allen', when they have none yet), the short factual variant for busy prioritisers, the team
leaders' messages for the agenda reminder. Messages rotate: never the same one twice in a row for
one person and kind. Every e-mail has a subject, an HTML and a plain-text body in the person's
language, one button to what we ask, and for the monthly reminders an opt-out link plus the
RFC 8058 List-Unsubscribe headers so mail programs show their own button.

Speed: a variant (kind, stage, audience, busy, language, message, municipality) is rendered once
per batch with placeholders; each person's e-mail is that text with their name and links put in.
"""

import html

from django.conf import settings
from django.core import signing
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from common.cache import kept_by_content
from personas.selectors import Recipient, all_personas, messages_for_recipient

from .models import Kind

OPT_OUT_SALT = "digivaardig.reminders.opt-out"
# The preference each opt-outable kind switches off (organisations.User fields).
OPT_OUT_FIELDS = {Kind.LEARNING_MONTHLY: "receives_reminders", Kind.AGENDA_MONTHLY: "receives_agenda_reminders"}
NAME, ACTION, OPT_OUT, TOKEN = "__VOORNAAM__", "__ACTIE__", "__AFMELDEN__", "__TOKEN__"
# The opt-out link of a preview or test e-mail: a page that says what the real link does.
EXAMPLE_OPT_OUT_TOKEN = "voorbeeld"  # noqa: S105  # nosec B105 (a page name, not a secret)
# A rendered variant is keyed on its content; the limit only bounds the memory of old ones.
VARIANT_SECONDS = 60 * 60


def opt_out_token(*, user_id: int, kind: str) -> str:
    """A signed token that switches off one kind for one person, without logging in."""
    return signing.dumps({"user": user_id, "kind": kind}, salt=OPT_OUT_SALT, compress=False)


def read_opt_out_token(token: str):
    """(user id, kind) of a valid token, or None."""
    try:
        data = signing.loads(token, salt=OPT_OUT_SALT)
    except signing.BadSignature:
        return None
    if not isinstance(data, dict) or data.get("kind") not in OPT_OUT_FIELDS or not isinstance(data.get("user"), int):
        return None
    return data["user"], data["kind"]


def absolute_url(path: str) -> str:
    """The full address of a path on the portal (settings.SITE_URL), for links in e-mails."""
    return settings.SITE_URL + path


def action_path(kind: str, *, session=None, round_id=None, team_id=None) -> str:
    """Where the button of a kind leads: the page that does what the e-mail asks (the round on the
    scan page, the form to log learning, the team's agenda suggestion, the session)."""
    if kind == Kind.SESSION_REMINDER and session is not None:
        # The preview's example session is not saved: the sessions page is the nearest real page.
        return reverse("coaching:session", args=[session.pk]) if session.pk else reverse("coaching:sessions")
    if kind in (Kind.SCAN_ROUND1, Kind.SCAN_ROUND2):
        return reverse("selfscan:home") + (f"#ronde-{round_id}" if round_id else "")
    if kind == Kind.LEARNING_MONTHLY:
        return reverse("learning:mine") + "#vastleggen-kop"
    if kind == Kind.AGENDA_MONTHLY:
        return reverse("agendas:suggestion", args=[team_id]) if team_id else reverse("core:start_team_leader")
    return reverse("core:home")


def _session_texts(session):
    starts = timezone.localtime(session.starts_at)
    when = _("%(day)s om %(time)s") % {"day": date_format(starts, "l j F"), "time": date_format(starts, "H:i")}
    where = session.location or _("online")
    subject = _("Herinnering: inspiratiesessie “%(title)s” op %(when)s") % {"title": session.title, "when": when}
    ask = _(
        "Je bent aangemeld voor de inspiratiesessie “%(title)s” op %(when)s (%(where)s). Kun je toch niet? "
        "Meld je dan af: je plek gaat naar de eerste op de wachtlijst."
    ) % {"title": session.title, "when": when, "where": where}
    return subject, ask, _("Naar de sessie")


def _texts(kind, stage, due, busy, session=None):
    """(subject, the ask, the button) for a kind and stage; short and factual for the busy."""
    if kind == Kind.SESSION_REMINDER and session is not None:
        return _session_texts(session)
    if kind in (Kind.SCAN_ROUND1, Kind.SCAN_ROUND2):
        date = date_format(due, "j F") if due else ""
        again = kind == Kind.SCAN_ROUND2
        if busy:
            subject = _("Zelfscan: 15 minuten, vóór %(date)s") % {"date": date}
            ask = _("De zelfscan kost 15 minuten. Graag vóór %(date)s.") % {"date": date}
        elif stage not in ("3w", "1w"):  # the invitation (also the demo's example)
            subject = (
                _("Doe de zelfscan nog een keer en zie wat je hebt geleerd")
                if again
                else _("Doe de zelfscan: in een kwartier weet je waar je staat")
            )
            ask = _("Het kost je ongeveer een kwartier. Doe hem vóór %(date)s.") % {"date": date}
        else:
            left = _("nog drie weken") if stage == "3w" else _("nog één week")
            subject = _("Je hebt %(left)s voor de zelfscan") % {"left": left}
            ask = _("Je hebt %(left)s: doe de zelfscan vóór %(date)s. Het kost ongeveer een kwartier.") % {
                "left": left,
                "date": date,
            }
        return subject, ask, _("Naar de zelfscan")
    if kind == Kind.LEARNING_MONTHLY:
        if busy:
            return (
                _("Digidonderdag: één uur deze maand"),
                _("Eén keer per maand leren is genoeg. Je hebt deze maand nog niets vastgelegd."),
                _("Vastleggen wat ik doe"),
            )
        return (
            _("Digidonderdag: even tijd voor jezelf"),
            _(
                "Je hebt deze maand nog niets gedaan op het leerplatform. Eén keer per maand is genoeg: "
                "kies een korte training of een tip, en leg vast wat je deed."
            ),
            _("Vastleggen wat ik doe"),
        )
    if kind == Kind.AGENDA_MONTHLY:
        return (
            _("Staat Digivaardig deze maand op de agenda van je werkoverleg?"),
            _(
                "Je team heeft deze maand nog geen werkoverleg met Digivaardig op de agenda. In het portaal "
                "staat een agendasuggestie klaar om te kopiëren."
            ),
            _("Naar de agendasuggestie"),
        )
    return _("Herinnering van Digivaardig"), "", _("Naar Digivaardig")


def render_variant(*, kind, stage, due, message_text, busy, language, tip=None, opt_out=True, session=None) -> dict:
    """One variant with placeholders for name and links: {subject, text, html} (str each).

    Kept in the cache under a digest of everything it writes, so the daily send, the next batch of
    the same kind and the advisors' preview render a variant once (VARIANT_SECONDS bounds the memory
    of old ones; a changed message, date or session is a new entry)."""
    session_fields = (session.pk, session.title, session.starts_at, session.location) if session else None
    inputs = (kind, stage, due, message_text, busy, language, tip, opt_out, session_fields)
    return kept_by_content(
        "reminder-variant",
        inputs,
        lambda: _render_variant(kind, stage, due, message_text, busy, language, tip, opt_out, session),
        seconds=VARIANT_SECONDS,
    )


def _render_variant(kind, stage, due, message_text, busy, language, tip, opt_out, session) -> dict:
    with translation.override(language):
        subject, ask, button = _texts(kind, stage, due, busy, session)
        context = {
            "language": language,
            "greeting": _("Hallo %(name)s,") % {"name": NAME},
            "message": message_text,
            "ask": ask,
            "tip": tip,
            "button": button,
            "action_url": ACTION,
            "opt_out_url": OPT_OUT if opt_out else "",
            "busy": busy,
        }
        return {
            "subject": subject,
            "text": render_to_string("reminders/email/reminder.txt", context),
            "html": render_to_string("reminders/email/reminder.html", context),
        }


class Composer:
    """Composes a batch: call `message_for` per recipient; variants are rendered once each.

    The one way a reminder is written: the daily send, the demo's examples and the advisors'
    preview all compose with it, from the same context (selectors.batch_context). `teams` maps a
    team leader's id to the team whose agenda suggestion the agenda reminder opens; `example`
    makes the opt-out link the harmless example page (previews and tests)."""

    def __init__(
        self, *, kind, stage=None, due=None, tips=None, session=None, round_id=None, teams=None, example=False
    ):
        self.kind, self.stage, self.due, self.tips, self.session = kind, stage, due, tips or {}, session
        self.teams = teams or {}
        self.variants = {}
        self.messages = {}
        # Resolved once per batch (a URL lookup costs as much as an e-mail); per team for the agenda.
        self.action_url = absolute_url(action_path(kind, session=session, round_id=round_id))
        self.team_urls = {}
        self.example = example
        self.opt_out_url = absolute_url(
            reverse("reminders:opt_out", args=[EXAMPLE_OPT_OUT_TOKEN if example else TOKEN])
        )
        self.audience = Recipient.TEAM_LEADER if kind == Kind.AGENDA_MONTHLY else Recipient.EMPLOYEE
        self.personas = {persona.pk: persona for persona in all_personas()}

    def _messages(self, persona_id, busy):
        key = (persona_id, busy)
        if key not in self.messages:
            persona = self.personas.get(persona_id)
            self.messages[key] = messages_for_recipient(persona=persona, is_busy=busy, audience=self.audience)
        return self.messages[key]

    def choose(self, *, persona_id, busy, previous_message_id):
        """The message for this person: the next one after the last they got (never the same twice)."""
        messages = self._messages(persona_id, busy and self.audience == Recipient.EMPLOYEE)
        if not messages:
            return None
        ids = [message.pk for message in messages]
        index = (ids.index(previous_message_id) + 1) % len(ids) if previous_message_id in ids else 0
        return messages[index]

    def _action_url(self, recipient):
        if self.kind != Kind.AGENDA_MONTHLY:
            return self.action_url
        team_id = self.teams.get(recipient.pk)
        if team_id not in self.team_urls:
            self.team_urls[team_id] = absolute_url(action_path(self.kind, team_id=team_id))
        return self.team_urls[team_id]

    def message_for(self, *, log_id, recipient, persona_id, busy, previous_message_id):
        """(EmailMultiAlternatives, id of the persona message used) for one claimed reminder."""
        # A session reminder is a practical note the person asked for by signing up: no campaign message.
        message = (
            None
            if self.kind == Kind.SESSION_REMINDER
            else self.choose(persona_id=persona_id, busy=busy, previous_message_id=previous_message_id)
        )
        language = recipient.language or settings.LANGUAGE_CODE
        tip = self.tips.get(recipient.municipality_id)
        opt_out = self.kind in OPT_OUT_FIELDS
        key = (language, busy, message.pk if message else None, tip, opt_out)
        if key not in self.variants:
            self.variants[key] = render_variant(
                kind=self.kind,
                stage=self.stage,
                due=self.due,
                message_text=message.text if message else "",
                busy=busy,
                language=language,
                tip=tip,
                opt_out=opt_out,
                session=self.session,
            )
        variant = self.variants[key]
        opt_out_url = (
            self.opt_out_url
            if self.example
            else self.opt_out_url.replace(TOKEN, opt_out_token(user_id=recipient.pk, kind=self.kind))
        )
        values = {NAME: recipient.first_name, ACTION: self._action_url(recipient), OPT_OUT: opt_out_url}
        text, body = variant["text"], variant["html"]
        for placeholder, value in values.items():
            text = text.replace(placeholder, value)
            body = body.replace(placeholder, html.escape(value))
        email = EmailMultiAlternatives(
            subject=variant["subject"],
            body=text,
            to=[recipient.email],
            headers={"Message-ID": f"<reminder-{log_id}@{settings.SITE_DOMAIN}>"},
        )
        if opt_out:
            email.extra_headers["List-Unsubscribe"] = f"<{opt_out_url}>"
            email.extra_headers["List-Unsubscribe-Post"] = "List-Unsubscribe=One-Click"
        email.attach_alternative(body, "text/html")
        return email, (message.pk if message else None)
