"""Who gets which zelfscan reminder on which day (plan goals 1 and 3)."""

import datetime

from django.core import mail

from reminders.models import Kind, ReminderLog, Status
from reminders.services import reminder_batch_send, reminders_claim
from selfscan.models import Response


def run(kind, day, now=None):
    """What the daily job does for one kind: claim, then send every batch. Returns the recipients."""
    before = len(mail.outbox)
    for batch in reminders_claim(kind=kind, day=day, now=now):
        reminder_batch_send(token=batch.token)
    return sorted(message.to[0] for message in mail.outbox[before:])


def at(day, hour=9):
    from django.utils import timezone

    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour)))


def test_round_one_invites_everyone_on_the_kick_off_and_only_once(programme):
    people = programme["people"]
    Response.objects.create(
        round=programme["baseline"], employee=people[5], submitted_at=at(datetime.date(2027, 3, 1), 8)
    )
    got = run(Kind.SCAN_ROUND1, datetime.date(2027, 3, 1), now=at(datetime.date(2027, 3, 1)))
    assert got == sorted(person.email for person in people[:5])
    assert run(Kind.SCAN_ROUND1, datetime.date(2027, 3, 1), now=at(datetime.date(2027, 3, 1), 15)) == []
    assert run(Kind.SCAN_ROUND1, datetime.date(2027, 3, 2), now=at(datetime.date(2027, 3, 2))) == []


def test_the_deadline_reminders_move_off_weekends_and_holidays(programme):
    baseline = programme["baseline"]
    assert baseline.due_on == datetime.date(2027, 5, 1)  # two months after the kick-off: a Saturday
    run(Kind.SCAN_ROUND1, datetime.date(2027, 3, 1), now=at(datetime.date(2027, 3, 1)))
    # Three weeks before: Saturday 10 April -> Monday 12 April.
    assert run(Kind.SCAN_ROUND1, datetime.date(2027, 4, 10), now=at(datetime.date(2027, 4, 10))) == []
    assert len(run(Kind.SCAN_ROUND1, datetime.date(2027, 4, 12), now=at(datetime.date(2027, 4, 12)))) == 6
    # One week before: Saturday 24 April -> Monday 26 April (Koningsdag is the 27th).
    assert len(run(Kind.SCAN_ROUND1, datetime.date(2027, 4, 26), now=at(datetime.date(2027, 4, 26)))) == 6
    assert run(Kind.SCAN_ROUND1, datetime.date(2027, 5, 3), now=at(datetime.date(2027, 5, 3))) == []  # past due
    stages = sorted(set(ReminderLog.objects.values_list("period", flat=True)))
    assert stages == [f"{baseline.pk}:1w", f"{baseline.pk}:3w", f"{baseline.pk}:invite"]


def test_nothing_goes_out_on_a_weekend_or_a_public_holiday(programme):
    programme["baseline"].opens_on = datetime.date(2027, 4, 27)  # Koningsdag
    programme["baseline"].save()
    assert run(Kind.SCAN_ROUND1, datetime.date(2027, 4, 27), now=at(datetime.date(2027, 4, 27))) == []
    assert len(run(Kind.SCAN_ROUND1, datetime.date(2027, 4, 28), now=at(datetime.date(2027, 4, 28)))) == 6


def test_at_most_one_reminder_a_week_the_other_waits_and_is_not_dropped(programme):
    person = programme["people"][2]
    earlier = ReminderLog.objects.create(
        recipient=person,
        kind=Kind.LEARNING_MONTHLY,
        period="2027-04",
        status=Status.SENT,
        claim_token="x",
        claimed_at=at(datetime.date(2027, 4, 8)),
    )
    got = run(Kind.SCAN_ROUND1, datetime.date(2027, 4, 12), now=at(datetime.date(2027, 4, 12)))
    assert person.email not in got and len(got) == 5
    assert person.email in run(Kind.SCAN_ROUND1, datetime.date(2027, 4, 15), now=at(datetime.date(2027, 4, 15)))
    assert earlier.status == Status.SENT


def test_a_new_employee_in_the_middle_of_a_stage_gets_it_once(programme):
    from organisations.tests.factories import UserFactory

    run(Kind.SCAN_ROUND1, datetime.date(2027, 3, 1), now=at(datetime.date(2027, 3, 1)))
    newcomer = UserFactory(team=programme["teams"][0], municipality=programme["teams"][0].municipality)
    assert run(Kind.SCAN_ROUND1, datetime.date(2027, 3, 10), now=at(datetime.date(2027, 3, 10))) == [newcomer.email]
    assert run(Kind.SCAN_ROUND1, datetime.date(2027, 3, 11), now=at(datetime.date(2027, 3, 11))) == []


def test_round_two_invites_in_november(programme):
    final = programme["final"]
    assert final.opens_on == datetime.date(2027, 11, 1)
    assert len(run(Kind.SCAN_ROUND2, datetime.date(2027, 11, 1), now=at(datetime.date(2027, 11, 1)))) == 6
    assert ReminderLog.objects.filter(kind=Kind.SCAN_ROUND2, period=f"{final.pk}:invite").count() == 6
