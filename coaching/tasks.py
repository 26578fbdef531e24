"""E-mails of the support programme, sent by Celery after the request (in-process without Redis).

`send_card_email`: a compliment card arrived (once per card, by a claim on the card; a failed send
gives the claim back and retries). `send_session_notice`: a place on the waiting list came free, or
a session was cancelled. Plain text, short and positive (plan §4); nothing but the card's own words.
"""

import smtplib

from celery import shared_task
from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from .models import SignUp
from .services import card_email_claim, card_email_release

MAX_ATTEMPTS = 5


def _send(*, template: str, to: str, language: str, context: dict, message_id: str) -> None:
    # In the recipient's language (their preference), whatever language the sender's request had.
    with translation.override(language or settings.LANGUAGE_CODE):
        rendered = render_to_string(template, {**context, "site_url": settings.SITE_URL}).strip()
    subject, _blank, body = rendered.partition("\n\n")
    EmailMessage(
        subject=subject.strip(),
        body=body.strip() + "\n",
        to=[to],
        headers={"Message-ID": f"<{message_id}@{settings.SITE_DOMAIN}>"},
    ).send()


@shared_task(name="coaching.send_card_email", bind=True, acks_late=True, max_retries=MAX_ATTEMPTS)
def send_card_email(self, card_id: int) -> bool:
    """Tell the recipient a compliment card arrived (if they want e-mail). Returns whether one was sent."""
    card = card_email_claim(card_id=card_id)
    if card is None:
        return False
    try:
        _send(
            template="coaching/email/card.txt",
            to=card.recipient.email,
            language=card.recipient.language,
            context={"card": card, "cards_url": settings.SITE_URL + reverse("coaching:cards")},
            message_id=f"complimentkaart-{card.pk}",
        )
    except (smtplib.SMTPException, OSError) as error:
        card_email_release(card_id=card_id)
        raise self.retry(exc=error, countdown=min(3600, 60 * 2**self.request.retries)) from error
    return True


@shared_task(name="coaching.send_session_notice", bind=True, acks_late=True, max_retries=MAX_ATTEMPTS)
def send_session_notice(self, signup_id: int, notice: str) -> bool:
    """Tell someone about their place at an inspiration session: `notice` is "promoted" (a place came
    free from the waiting list) or "cancelled" (the session was cancelled). Returns whether sent."""
    signup = SignUp.objects.select_related("person", "session").filter(pk=signup_id).first()
    if signup is None or not signup.person.is_active or notice not in ("promoted", "cancelled"):
        return False
    if notice == "promoted" and signup.status != SignUp.Status.SIGNED_UP:
        return False
    session_url = settings.SITE_URL + reverse("coaching:session", args=[signup.session_id])
    try:
        _send(
            template=f"coaching/email/session_{notice}.txt",
            to=signup.person.email,
            language=signup.person.language,
            context={"signup": signup, "session": signup.session, "session_url": session_url},
            message_id=f"inspiratiesessie-{signup.session_id}-{notice}-{signup.pk}-{signup.session.sequence}",
        )
    except (smtplib.SMTPException, OSError) as error:
        raise self.retry(exc=error, countdown=min(3600, 60 * 2**self.request.retries)) from error
    return True
