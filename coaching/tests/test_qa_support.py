"""QA findings on the support programme: the waiting list's order, session planning on odd days and
"Geweest", the one date rule for coaching sessions and attendance, number limits, the team leader's
cards, and Dutch wording."""

import datetime
import zoneinfo

import pytest
from django.urls import reverse
from django.utils import timezone

from campaigns.forms import CampaignSettingsForm
from coaching import services
from coaching.forms import AmbassadorAppointForm, CoachProfileForm, SessionForm, SessionLogForm
from coaching.models import CoachingSession, InspirationSession, SignUp
from coaching.selectors import session_for_person
from coaching.tests.factories import (
    BuddyPairFactory,
    CertificateFactory,
    ComplimentCardFactory,
    InspirationSessionFactory,
    SignUpFactory,
)
from coaching.tests.test_sessions import plan as plan_session
from common.workdays import next_working_day
from learning.models import LearningActivity
from organisations.models import Municipality
from organisations.tests.factories import UserFactory
from selfscan.forms import QuestionForm

AMSTERDAM = zoneinfo.ZoneInfo("Europe/Amsterdam")


# 2. The waiting list


def test_a_newcomer_to_a_session_with_two_people_waiting_is_number_three(municipality):
    session = InspirationSessionFactory(municipality=municipality, capacity=1)
    now = timezone.now()
    SignUpFactory(
        session=session, person=UserFactory(municipality=municipality), queued_at=now - datetime.timedelta(days=3)
    )
    waiting = [
        SignUpFactory(
            session=session,
            person=UserFactory(municipality=municipality),
            status=SignUp.Status.WAITING,
            queued_at=now - datetime.timedelta(days=2, minutes=-minute),
        )
        for minute in range(2)
    ]
    newcomer = UserFactory(municipality=municipality)
    signup = services.session_sign_up(session=session, person=newcomer)
    assert signup.status == SignUp.Status.WAITING and signup.queued_at >= now
    assert session_for_person(session=session, person=newcomer).waiting_position == 3
    assert [session_for_person(session=session, person=s.person).waiting_position for s in waiting] == [1, 2]


def test_the_same_moment_is_ordered_by_id(municipality):
    session = InspirationSessionFactory(municipality=municipality, capacity=0 + 1)
    moment = timezone.now() - datetime.timedelta(hours=1)
    SignUpFactory(session=session, person=UserFactory(municipality=municipality))
    first, second = (
        SignUpFactory(
            session=session, person=UserFactory(municipality=municipality), status="waiting", queued_at=moment
        )
        for _ in range(2)
    )
    assert session_for_person(session=session, person=first.person).waiting_position == 1
    assert session_for_person(session=session, person=second.person).waiting_position == 2


def test_the_demo_queues_everyone_in_the_past_in_order(db):
    import io

    from django.core.management import call_command

    call_command("seed_demo", stdout=io.StringIO())
    now = timezone.now()
    assert not SignUp.objects.filter(queued_at__gt=now).exists()
    full = InspirationSession.objects.filter(signups__status=SignUp.Status.WAITING).distinct()
    assert full.exists()
    for session in full:
        order = list(session.signups.order_by("queued_at", "pk").values_list("status", flat=True))
        assert order == sorted(order, key=lambda status: status == SignUp.Status.WAITING), "places first, then waiting"
        newcomer = UserFactory(municipality=session.municipality)
        waiting = session.signups.filter(status=SignUp.Status.WAITING).count()
        services.session_sign_up(session=session, person=newcomer)
        assert session_for_person(session=session, person=newcomer).waiting_position == waiting + 1


# 4. Planning a session on an odd day; past sessions are "Geweest"


def plan(client, day, **overrides):
    return plan_session(client, **{"day": day.isoformat(), "description": "", **overrides})


def test_a_session_after_the_campaign_or_on_a_holiday_saturday_asks_first(client, advisor, campaign):
    client.force_login(advisor)
    cases = [
        (datetime.date(2028, 6, 1), ["1 juni 2028 valt buiten de campagne van Groningen"]),
        (datetime.date(2026, 12, 26), ["26 december 2026 is geen werkdag (zaterdag, Tweede kerstdag)."]),
    ]
    for day, expected in cases:
        if day <= timezone.localdate():
            continue
        page = plan(client, day).content.decode()
        for text in expected:
            assert text in page
        assert "Toch op deze dag plannen" in page and 'type="checkbox"' in page
        assert not InspirationSession.objects.exists()
    assert plan(client, datetime.date(2028, 6, 1), despite_warnings="on").status_code == 302
    assert InspirationSession.objects.count() == 1


def test_the_day_warnings_name_weekends_holidays_and_the_campaign(campaign, municipality):
    from coaching.selectors import session_day_warnings

    christmas = datetime.date(2026, 12, 25)  # a Friday
    assert session_day_warnings(day=christmas, municipalities=[municipality])[0] == (
        "25 december 2026 is geen werkdag (Eerste kerstdag)."
    )
    sunday = datetime.date(2026, 11, 29)
    assert "zondag" in session_day_warnings(day=sunday, municipalities=[municipality])[0]
    working = next_working_day(timezone.localdate())
    assert session_day_warnings(day=working, municipalities=[municipality]) == []


def test_a_working_day_in_the_campaign_is_planned_without_a_question(client, advisor, campaign):
    client.force_login(advisor)
    day = next_working_day(timezone.localdate() + datetime.timedelta(days=7))
    assert plan(client, day).status_code == 302


def test_a_past_session_shows_as_geweest_everywhere(client, advisor, municipality):
    past = InspirationSessionFactory(
        municipality=municipality,
        title="Sessie van september",
        starts_at=timezone.now() - datetime.timedelta(days=60),
    )
    coming = InspirationSessionFactory(municipality=municipality, title="Sessie van straks")
    assert (past.status_label, coming.status_label) == ("Geweest", "Gepland")
    assert past.status == InspirationSession.Status.PLANNED, "derived from the date, not stored"
    client.force_login(advisor)
    page = client.get(reverse("coaching:sessions_manage")).content.decode()
    past_row = page.split("Sessie van september", 1)[1].split("</tr>", 1)[0]
    assert "Geweest" in past_row and "Gepland" not in past_row
    assert "Geweest" in client.get(reverse("coaching:session", args=[past.pk])).content.decode()


# 1. The date rule for a coaching session; attendance outside the campaign


def test_a_coaching_session_before_the_campaign_is_refused_and_takes_no_strip(client, coach, employee, campaign):
    pair = BuddyPairFactory(coach=coach, employee=employee, paired_at=timezone.now() - datetime.timedelta(days=400))
    client.force_login(coach)
    before = campaign.kick_off_date - datetime.timedelta(days=1)
    data = {"date": before.isoformat(), "topic": "Outlook", "minutes": "30"}
    page = client.post(reverse("coaching:pair", args=[pair.pk]), data).content.decode()
    assert "ligt buiten de campagne van deze medewerker" in page
    assert not CoachingSession.objects.exists() and not LearningActivity.objects.exists()


def test_the_pairing_date_is_written_as_every_other_date(client, coach, employee, campaign):
    paired = timezone.now() - datetime.timedelta(days=3)
    pair = BuddyPairFactory(coach=coach, employee=employee, paired_at=paired)
    client.force_login(coach)
    day = timezone.localdate() - datetime.timedelta(days=10)
    page = client.post(
        reverse("coaching:pair", args=[pair.pk]), {"date": day.isoformat(), "topic": "Outlook", "minutes": "30"}
    ).content.decode()
    from common.dates import long_date

    assert f"vóór de koppeling ({long_date(timezone.localdate(paired))})" in page
    assert timezone.localdate(paired).strftime("%d-%m-%Y") not in page


def test_attendance_outside_the_campaign_is_registered_but_is_no_learning(advisor, municipality):
    session = InspirationSessionFactory(
        municipality=municipality, starts_at=timezone.now() - datetime.timedelta(hours=2)
    )
    person = UserFactory(municipality=municipality)
    SignUpFactory(session=session, person=person, queued_at=timezone.now() - datetime.timedelta(days=3))
    assert services.session_attendance_register(session=session, attended_ids=[person.pk], by=advisor) == 1
    assert SignUp.objects.get().attended is True
    assert not LearningActivity.objects.exists()


# 5. Number fields: one message, limits from the model


@pytest.mark.parametrize(
    ("form", "field", "values", "message", "bounds"),
    [
        (
            SessionForm,
            "duration_minutes",
            ["-5", "0", "14", "481"],
            "Vul een heel getal in van 15 tot en met 480.",
            (15, 480),
        ),
        (SessionForm, "capacity", ["-1", "0", "501"], "Vul een heel getal in van 1 tot en met 500.", (1, 500)),
        (SessionLogForm, "minutes", ["-5", "0", "481"], "Vul een heel getal in van 1 tot en met 480.", (1, 480)),
        (CoachProfileForm, "capacity", ["-1", "0", "11"], "Vul een heel getal in van 1 tot en met 10.", (1, 10)),
        # Second QA round: the campaign's targets and a knowledge question's right answer.
        (
            CampaignSettingsForm,
            "target_scan_percent",
            ["-1", "101"],
            "Vul een heel getal in van 0 tot en met 100.",
            (0, 100),
        ),
        (QuestionForm, "correct_option", ["0", "9"], "Vul een heel getal in van 1 tot en met 8.", (1, 8)),
    ],
)
def test_every_number_field_has_one_message_and_the_models_limits(db, form, field, values, message, bounds):
    kwargs = (
        {"municipalities": Municipality.objects.none(), "content_items": InspirationSession.objects.none()}
        if form is SessionForm
        else {}
    )
    for value in values:
        bound = form({field: value}, **kwargs)
        assert bound.errors[field] == [message], value
    html = str(form(**kwargs)[field])
    assert f'min="{bounds[0]}"' in html and f'max="{bounds[1]}"' in html


# 6. The team leader's start page shows the cards they received


def test_the_team_leader_sees_received_cards_on_their_start_page(client, team_leader, employee):
    ComplimentCardFactory(sender=employee, recipient=team_leader, personal_line="Dank voor het goede voorbeeld")
    client.force_login(team_leader)
    page = client.get(reverse("core:start_team_leader")).content.decode()
    assert "Complimentkaarten" in page and "Dank voor het goede voorbeeld" in page


# 7. Dutch wording


def test_the_ambassador_form_labels_start_with_a_capital(db):
    form = AmbassadorAppointForm(municipalities=Municipality.objects.none())
    assert [str(field.label) for field in form] == ["E-mailadres", "Functie"]
    assert str(CoachProfileForm()["capacity"].label) == "Aantal buddies"


def test_the_digicoach_start_page_says_strips_used_and_left(client, coach, employee):
    pair = BuddyPairFactory(coach=coach, employee=employee)
    card = pair.cards.get()
    for strip in range(1, 6):
        CoachingSession.objects.create(card=card, strip=strip, date=timezone.localdate(), topic="Teams", minutes=30)
    client.force_login(coach)
    page = client.get(reverse("core:start_digicoach")).content.decode()
    assert "5 van 5 strippen gebruikt, nog 0 over." in page


def test_a_revoked_certificate_page_does_not_congratulate(client, employee):
    from selfscan.tests.factories import open_campaign_rounds, submitted_response

    baseline, final = open_campaign_rounds(municipalities=[employee.municipality])
    submitted_response(employee, baseline)
    submitted_response(employee, final)
    certificate = CertificateFactory(employee=employee, campaign=baseline.campaign)
    client.force_login(employee)
    assert "Gefeliciteerd" in client.get(reverse("coaching:certificate")).content.decode()
    services.certificate_revoke(certificate=certificate, by=employee, reason="Uitgegeven bij vergissing")
    page = client.get(reverse("coaching:certificate")).content.decode()
    assert "Gefeliciteerd" not in page and "ingetrokken" in page
