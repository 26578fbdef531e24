"""Each reminder is written for its reader (plan section 4): persona, busy prioritiser, team leader,
language; rotating messages; one button; an opt-out where it applies; accessible HTML."""

import datetime
import re

from django.conf import settings
from django.core import mail

from personas.models import Audience, Persona
from reminders.compose import Composer
from reminders.models import Kind, ReminderLog, Status
from reminders.services import reminder_batch_send, reminders_claim
from reminders.tests.test_scan_reminders import at
from selfscan.models import Response

INVITE_DAY = datetime.date(2027, 3, 1)


def invite(programme):
    for batch in reminders_claim(kind=Kind.SCAN_ROUND1, day=INVITE_DAY, now=at(INVITE_DAY)):
        reminder_batch_send(token=batch.token)
    return {message.to[0]: message for message in mail.outbox}


def with_persona(person, scan_round, slug, busy=False):
    Response.objects.create(
        round=scan_round,
        employee=person,
        submitted_at=at(datetime.date(2026, 3, 20)),
        persona=Persona.objects.get(slug=slug),
        is_busy=busy,
    )


def html_of(message):
    return next(content for content, kind in message.alternatives if kind == "text/html")


def test_the_message_follows_the_persona_of_the_latest_zelfscan_and_allen_when_unknown(programme, municipality):
    from campaigns.services import campaign_create
    from selfscan.services import rounds_create_for_campaign

    last_year = campaign_create(
        name="Digivaardig 2026",
        kick_off_date=datetime.date(2026, 3, 2),
        end_date=datetime.date(2026, 11, 30),
        municipalities=[municipality],
    )
    earlier_round, _final = rounds_create_for_campaign(campaign=last_year)
    hesitant, unknown, busy = programme["people"][2], programme["people"][3], programme["people"][4]
    with_persona(hesitant, earlier_round, Persona.Identity.HESITANT)
    with_persona(busy, earlier_round, Persona.Identity.ANALOGUE, busy=True)
    got = invite(programme)
    hesitant_texts = set(Audience.objects.get(slug=Persona.Identity.HESITANT).messages.values_list("text", flat=True))
    allen_texts = set(Audience.objects.get(slug=Audience.ALL).messages.values_list("text", flat=True))
    busy_texts = set(
        Audience.objects.get(slug=Persona.Identity.BUSY_PRIORITISER).messages.values_list("text", flat=True)
    )
    assert any(text in got[hesitant.email].body for text in hesitant_texts)
    assert any(text in got[unknown.email].body for text in allen_texts)
    assert any(text in got[busy.email].body for text in busy_texts)
    assert got[busy.email].subject.startswith("Zelfscan: 15 minuten")  # short and factual
    assert "Analoge idealist" not in got[busy.email].body  # an internal label is never shown


def test_every_reminder_has_one_button_its_own_message_id_and_no_opt_out_for_the_scan(programme):
    person = programme["people"][3]
    message = invite(programme)[person.email]
    body = html_of(message)
    assert f"Hallo {person.first_name}" in message.body and message.body.count("http") == 1
    assert body.count('class="button"') == 1 and "/zelfscan/" in body
    assert re.search(r'<html lang="nl">', body) and "<img" not in body.lower()
    assert "List-Unsubscribe" not in message.extra_headers  # scan invitations cannot be switched off
    log = ReminderLog.objects.get(recipient=person)
    assert message.extra_headers["Message-ID"] == f"<reminder-{log.pk}@{settings.SITE_DOMAIN}>"


def test_the_name_is_escaped_in_the_html(programme):
    person = programme["people"][3]
    person.first_name = "<b>Jan</b>"
    person.save()
    body = html_of(invite(programme)[person.email])
    assert "&lt;b&gt;Jan&lt;/b&gt;" in body and "<b>Jan</b>" not in body


def test_messages_rotate_never_the_same_twice_in_a_row(programme):
    person = programme["people"][3]
    composer = Composer(kind=Kind.SCAN_ROUND1, stage="invite", due=INVITE_DAY)
    first = composer.choose(persona_id=None, busy=False, previous_message_id=None)
    second = composer.choose(persona_id=None, busy=False, previous_message_id=first.pk)
    third = composer.choose(persona_id=None, busy=False, previous_message_id=second.pk)
    assert len({first.pk, second.pk, third.pk}) == 3
    ReminderLog.objects.create(
        recipient=person,
        kind=Kind.SCAN_ROUND1,
        period="eerder",
        status=Status.SENT,
        claim_token="t",
        claimed_at=at(datetime.date(2027, 2, 1)),
        sent_at=at(datetime.date(2027, 2, 1)),
        message_id=first.pk,
    )
    invite(programme)
    assert ReminderLog.objects.get(recipient=person, period__endswith=":invite").message_id == second.pk


def test_the_reminder_comes_in_the_persons_language(programme):
    person = programme["people"][3]
    person.language = "en"
    person.save()
    assert '<html lang="en">' in html_of(invite(programme)[person.email])
