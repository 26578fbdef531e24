"""What an advisor sees before a reminder goes out: the e-mail as a persona would get it."""

import datetime
import logging

from django.core.mail import EmailMultiAlternatives
from django.utils import timezone

from personas.selectors import Recipient, messages_for_recipient

from .compose import ACTION, NAME, OPT_OUT, OPT_OUT_FIELDS, absolute_url, action_path, render_variant
from .models import Kind

log = logging.getLogger(__name__)
EXAMPLE_TIP = "Met Windows-toets + V zie je alles wat je eerder hebt gekopieerd."


def preview_email(*, kind, stage, persona, busy, language, first_name) -> dict:
    """{subject, text, html} of a reminder of `kind` for someone of `persona` (None: not yet known),
    with the advisor's first name and example links, exactly as composing for a person does."""
    audience = Recipient.TEAM_LEADER if kind == Kind.AGENDA_MONTHLY else Recipient.EMPLOYEE
    messages = messages_for_recipient(persona=persona, is_busy=busy, audience=audience)
    variant = render_variant(
        kind=kind,
        stage=stage,
        due=timezone.localdate() + datetime.timedelta(weeks=3),
        message_text=messages[0].text if messages else "",
        busy=busy,
        language=language,
        tip=EXAMPLE_TIP if kind == Kind.LEARNING_MONTHLY else None,
        opt_out=kind in OPT_OUT_FIELDS,
    )

    values = {NAME: first_name, ACTION: absolute_url(action_path(kind)), OPT_OUT: absolute_url("/afmelden-voorbeeld/")}
    result = dict(variant)
    for placeholder, value in values.items():
        result["text"] = result["text"].replace(placeholder, value)
        result["html"] = result["html"].replace(placeholder, value)
    return result


def send_test(*, kind, stage, persona, busy, language, to) -> None:
    """Send the previewed reminder to the advisor themself, marked as a test (logged, not counted)."""
    email = preview_email(
        kind=kind, stage=stage, persona=persona, busy=busy, language=language, first_name=to.first_name
    )
    message = EmailMultiAlternatives(subject=f"[TEST] {email['subject']}", body=email["text"], to=[to.email])
    message.attach_alternative(email["html"], "text/html")
    message.send()
    log.info("test reminder %s sent to user %s", kind, to.pk)
