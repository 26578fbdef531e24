"""The reminder the day before an inspiration session, to the people signed up (plan §5.1)."""

import datetime

from django.core import mail
from django.utils import timezone

from coaching.models import SignUp
from coaching.tests.factories import InspirationSessionFactory, SignUpFactory
from reminders.models import Kind, ReminderLog
from reminders.tests.test_scan_reminders import at, run


def session_on(day, programme, hour=14, **kwargs):
    starts = timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour)))
    return InspirationSessionFactory(
        starts_at=starts, municipality=programme["teams"][0].municipality, title="Slimmer vergaderen", **kwargs
    )


def test_people_signed_up_get_one_reminder_the_working_day_before(programme):
    people = programme["people"]
    session = session_on(datetime.date(2027, 3, 10), programme)  # a Wednesday
    for person in people[:2]:
        SignUpFactory(session=session, person=person)
    SignUpFactory(session=session, person=people[2], status=SignUp.Status.WAITING)
    SignUpFactory(session=session, person=people[3], status=SignUp.Status.CANCELLED)
    assert run(Kind.SESSION_REMINDER, datetime.date(2027, 3, 8), now=at(datetime.date(2027, 3, 8))) == []
    got = run(Kind.SESSION_REMINDER, datetime.date(2027, 3, 9), now=at(datetime.date(2027, 3, 9)))
    assert got == sorted(person.email for person in people[:2])
    message = mail.outbox[-1]
    assert "Slimmer vergaderen" in message.subject and "woensdag 10 maart om 14:00" in message.subject
    assert f"/inspiratiesessies/{session.pk}/" in message.body
    assert "Meld je dan af" in message.body
    assert run(Kind.SESSION_REMINDER, datetime.date(2027, 3, 9), now=at(datetime.date(2027, 3, 9), 15)) == []
    assert ReminderLog.objects.filter(kind=Kind.SESSION_REMINDER).count() == 2


def test_a_monday_session_is_reminded_on_the_friday_before(programme):
    person = programme["people"][0]
    session = session_on(datetime.date(2027, 3, 15), programme)  # a Monday
    SignUpFactory(session=session, person=person)
    assert run(Kind.SESSION_REMINDER, datetime.date(2027, 3, 12), now=at(datetime.date(2027, 3, 12))) == [person.email]
    assert run(Kind.SESSION_REMINDER, datetime.date(2027, 3, 13), now=at(datetime.date(2027, 3, 13))) == []


def test_the_session_reminder_neither_waits_for_nor_counts_towards_the_weekly_limit(programme):
    person = programme["people"][0]
    run(Kind.SCAN_ROUND1, datetime.date(2027, 3, 1), now=at(datetime.date(2027, 3, 1)))  # the invitation
    session = session_on(datetime.date(2027, 3, 3), programme)
    SignUpFactory(session=session, person=person)
    assert person.email in run(Kind.SESSION_REMINDER, datetime.date(2027, 3, 2), now=at(datetime.date(2027, 3, 2)))


def test_a_cancelled_session_sends_no_reminder(programme):
    session = session_on(datetime.date(2027, 3, 10), programme, status="cancelled")
    SignUpFactory(session=session, person=programme["people"][0])
    assert run(Kind.SESSION_REMINDER, datetime.date(2027, 3, 9), now=at(datetime.date(2027, 3, 9))) == []
