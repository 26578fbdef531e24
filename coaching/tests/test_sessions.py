"""Inspiration sessions (plan §5.1: "Inspiratiesessies aanbieden over onderwerpen over digitale
vaardigheden"): planning, sign-up with a waiting list, the Outlook invitation, attendance as learning."""

import datetime
import zoneinfo

import pytest
import vobject
from django.core import mail
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone
from icalendar import Calendar

from campaigns.tests.factories import ContentItemFactory
from coaching import services
from coaching.invitations import session_ics
from coaching.models import InspirationSession, SignUp
from coaching.selectors import session_counts, sessions_on
from coaching.tasks import send_session_notice
from coaching.tests.factories import InspirationSessionFactory, SignUpFactory
from common.submissions import new_token
from common.workdays import next_working_day
from learning.models import LearningActivity
from organisations.tests.factories import UserFactory

AMSTERDAM = zoneinfo.ZoneInfo("Europe/Amsterdam")


def next_week():
    # A working day: a weekend or a holiday asks for a deliberate tick (test_qa_support).
    return next_working_day(timezone.localdate() + datetime.timedelta(days=7))


def plan(client, **overrides):
    data = {
        "title": "Slim samenwerken in Teams",
        "description": "Tips van collega's.",
        "municipality": "",
        "day": next_week().isoformat(),
        "time": "12:30",
        "duration_minutes": "60",
        "location": "Stadhuis, zaal 2",
        "online_url": "",
        "capacity": "20",
        "content_item": "",
        **overrides,
    }
    return client.post(reverse("coaching:session_create"), data)


def test_an_advisor_plans_a_session_linked_to_its_content_item(client, advisor, municipality, campaign):
    item = ContentItemFactory(campaign=campaign, municipality=municipality, title="Inspiratiesessies", format="event")
    client.force_login(advisor)
    page = client.get(reverse("coaching:session_create")).content.decode()
    assert "Inspiratiesessies" in page and "Alle gemeenten" in page
    response = plan(
        client, municipality=str(municipality.pk), content_item=str(item.pk), online_url="teams.example.nl/x"
    )
    assert response.status_code == 302
    session = InspirationSession.objects.get()
    assert (session.municipality, session.content_item, session.organiser, session.capacity) == (
        municipality,
        item,
        advisor,
        20,
    )
    assert session.online_url == "https://teams.example.nl/x"
    local = session.starts_at.astimezone(AMSTERDAM)
    assert (local.date(), local.hour, local.minute) == (next_week(), 12, 30), "times are Europe/Amsterdam"
    edit = reverse("coaching:session_edit", args=[session.pk])
    assert "Hoort bij het contentitem" in client.get(edit).content.decode()
    from campaigns.services import content_item_update

    content_item_update(item=item, title="Inspiratiesessies in het voorjaar")  # the planner renames it
    assert "Inspiratiesessies in het voorjaar" in client.get(edit).content.decode()


@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        ({"day": "2020-01-01"}, "day", "Kies een moment in de toekomst"),
        ({"location": "", "online_url": ""}, "location", "Vul een plaats in, een link"),
        ({"capacity": "0"}, "capacity", "Vul een heel getal in van 1 tot en met 500."),
        ({"capacity": "-1"}, "capacity", "Vul een heel getal in van 1 tot en met 500."),
        ({"duration_minutes": "5"}, "duration_minutes", "Vul een heel getal in van 15 tot en met 480."),
        ({"duration_minutes": "0"}, "duration_minutes", "Vul een heel getal in van 15 tot en met 480."),
        ({"duration_minutes": "-5"}, "duration_minutes", "Vul een heel getal in van 15 tot en met 480."),
        ({"online_url": "javascript:alert(1)"}, "online_url", "geldige URL"),
        ({"title": ""}, "title", "verplicht"),
        ({"time": "25:00"}, "time", "geldige tijd"),
    ],
)
def test_bad_plans_are_refused_in_dutch(client, advisor, overrides, field, message):
    client.force_login(advisor)
    response = plan(client, **overrides)
    assert response.status_code == 200
    assert message in str(response.context["form"].errors[field])
    assert not InspirationSession.objects.exists()


def test_a_session_cannot_be_planned_for_or_linked_to_another_municipality(
    client, advisor, other_municipality, campaign, municipality
):
    other_item = ContentItemFactory(campaign=campaign, municipality=other_municipality)
    own_item = ContentItemFactory(campaign=campaign, municipality=municipality)
    client.force_login(advisor)
    assert "municipality" in plan(client, municipality=str(other_municipality.pk)).context["form"].errors
    assert "content_item" in plan(client, content_item=str(other_item.pk)).context["form"].errors
    session = InspirationSessionFactory(municipality=municipality)
    with pytest.raises(ValidationError, match="andere gemeente dan de sessie"):
        services.inspiration_session_update(
            session=session, content_item=ContentItemFactory(campaign=campaign, municipality=other_municipality)
        )
    assert services.inspiration_session_update(session=session, content_item=own_item).session.content_item == own_item
    assert not InspirationSession.objects.exclude(pk=session.pk).exists()


def test_employees_see_their_municipalitys_sessions_and_those_for_everyone(client, employee, municipality):
    own = InspirationSessionFactory(municipality=municipality, title="Voor Groningen")
    everyone = InspirationSessionFactory(municipality=None, title="Voor iedereen")
    elsewhere = InspirationSessionFactory(municipality=UserFactory().municipality, title="Voor elders")
    past = InspirationSessionFactory(
        municipality=municipality, title="Al geweest", starts_at=timezone.now() - datetime.timedelta(days=2)
    )
    client.force_login(employee)
    page = client.get(reverse("coaching:sessions")).content.decode()
    assert own.title in page and everyone.title in page
    assert elsewhere.title not in page and past.title not in page
    assert client.get(reverse("coaching:session", args=[elsewhere.pk])).status_code == 404
    assert client.post(reverse("coaching:session_sign_up", args=[elsewhere.pk])).status_code == 404


def test_signing_up_twice_or_double_clicking_gives_one_place(client, employee, municipality):
    session = InspirationSessionFactory(municipality=municipality)
    client.force_login(employee)
    token = new_token(employee)
    url = reverse("coaching:session_sign_up", args=[session.pk])
    client.post(url, {"form_token": token})
    client.post(url, {"form_token": token})
    client.post(url)
    signup = SignUp.objects.get()
    assert (signup.person, signup.status) == (employee, "signed_up")
    page = client.get(reverse("coaching:session", args=[session.pk])).content.decode()
    assert "Je bent aangemeld" in page and reverse("coaching:session_ics", args=[session.pk]) in page


def test_a_full_session_has_a_waiting_list_and_a_cancellation_promotes_the_first(
    client, employee, municipality, settings
):
    session = InspirationSessionFactory(municipality=municipality, capacity=2)
    first, second, third, fourth = (UserFactory(municipality=municipality) for _ in range(4))
    for person in (first, second, third, fourth):
        services.session_sign_up(session=session, person=person)
    assert [signup.status for signup in session.signups.order_by("queued_at", "pk")] == [
        "signed_up",
        "signed_up",
        "waiting",
        "waiting",
    ]
    client.force_login(fourth)
    assert "als nummer 2" in client.get(reverse("coaching:session", args=[session.pk])).content.decode()
    client.force_login(first)
    mail.outbox = []
    with pytest.MonkeyPatch.context() as patch:
        sent = []
        patch.setattr(send_session_notice, "delay_on_commit", lambda *args: sent.append(args))
        assert client.post(reverse("coaching:session_cancel", args=[session.pk])).status_code == 302
    promoted = SignUp.objects.get(person=third)
    assert promoted.status == "signed_up" and sent == [(promoted.pk, "promoted")]
    assert SignUp.objects.get(person=first).status == "cancelled"
    assert SignUp.objects.get(person=fourth).status == "waiting"
    send_session_notice(promoted.pk, "promoted")
    [email] = mail.outbox
    assert email.to == [third.email] and "Er is een plek vrij" in email.subject and session.title in email.body
    client.force_login(fourth)
    assert "als nummer 1" in client.get(reverse("coaching:session", args=[session.pk])).content.decode()


def test_leaving_the_waiting_list_promotes_nobody(municipality):
    session = InspirationSessionFactory(municipality=municipality, capacity=1)
    people = [UserFactory(municipality=municipality) for _ in range(3)]
    for person in people:
        services.session_sign_up(session=session, person=person)
    change = services.session_cancel_sign_up(session=session, person=people[1])
    assert change.promoted is None
    assert SignUp.objects.get(person=people[2]).status == "waiting"


def test_signing_up_again_after_cancelling_joins_the_end_of_the_queue(municipality):
    session = InspirationSessionFactory(municipality=municipality, capacity=1)
    first, second = UserFactory(municipality=municipality), UserFactory(municipality=municipality)
    services.session_sign_up(session=session, person=first)
    services.session_sign_up(session=session, person=second)
    services.session_cancel_sign_up(session=session, person=first)
    assert services.session_sign_up(session=session, person=first).status == "waiting"
    assert SignUp.objects.get(person=second).status == "signed_up"


def test_no_sign_up_or_cancellation_once_the_session_has_started(municipality, employee):
    session = InspirationSessionFactory(municipality=municipality)
    services.session_sign_up(session=session, person=employee)
    InspirationSession.objects.filter(pk=session.pk).update(starts_at=timezone.now() - datetime.timedelta(minutes=5))
    session.refresh_from_db()
    with pytest.raises(ValidationError, match="al begonnen"):
        services.session_cancel_sign_up(session=session, person=employee)
    with pytest.raises(ValidationError, match="al begonnen"):
        services.session_sign_up(session=session, person=UserFactory(municipality=municipality))


def test_more_places_give_the_waiting_list_a_place_and_fewer_than_taken_are_refused(municipality):
    session = InspirationSessionFactory(municipality=municipality, capacity=1)
    people = [UserFactory(municipality=municipality) for _ in range(3)]
    for person in people:
        services.session_sign_up(session=session, person=person)
    change = services.inspiration_session_update(session=session, capacity=2)
    assert [signup.person for signup in change.promoted] == [people[1]]
    assert change.session.sequence == 1
    with pytest.raises(ValidationError, match="al 2 mensen aangemeld"):
        services.inspiration_session_update(session=session, capacity=1)


def parse_with_both(data: bytes):
    return Calendar.from_ical(data), vobject.readOne(data.decode())


def test_the_invitation_is_an_icalendar_event_in_amsterdam_time_with_its_vtimezone(
    client, employee, municipality, settings
):
    settings.SITE_URL, settings.SITE_DOMAIN = "https://digivaardig.example.nl", "digivaardig.example.nl"
    starts = datetime.datetime.combine(next_week(), datetime.time(12, 30), tzinfo=AMSTERDAM)
    session = InspirationSessionFactory(
        municipality=municipality, starts_at=starts, duration_minutes=90, online_url="https://teams.example.nl/abc"
    )
    services.session_sign_up(session=session, person=employee)
    client.force_login(employee)
    response = client.get(reverse("coaching:session_ics", args=[session.pk]), HTTP_HOST="127.0.0.1")
    assert response["Content-Type"].startswith("text/calendar")
    assert response["Content-Disposition"].startswith('attachment; filename="inspiratiesessie-')
    ours, theirs = parse_with_both(response.content)
    assert ours.get("method") == "PUBLISH"
    [zone] = ours.walk("VTIMEZONE")
    assert zone["TZID"] == "Europe/Amsterdam" and {c.name for c in zone.subcomponents} >= {"STANDARD", "DAYLIGHT"}
    event = theirs.vevent
    assert event.uid.value == f"inspiratiesessie-{session.pk}@digivaardig.example.nl", "the domain, not the host"
    assert event.dtstart.value == starts and "DTSTART;TZID=Europe/Amsterdam:" in response.content.decode()
    assert event.dtend.value - event.dtstart.value == datetime.timedelta(minutes=90)
    assert session.title in event.summary.value and "Stadhuis" in event.location.value
    assert f"/ondersteuning/inspiratiesessies/{session.pk}/" in event.description.value
    assert event.status.value == "CONFIRMED" and event.sequence.value == "0"


def test_a_change_or_cancellation_raises_the_sequence_so_outlook_updates(municipality, employee):
    session = InspirationSessionFactory(municipality=municipality)
    services.inspiration_session_update(session=session, location="Stadhuis, zaal 3")
    services.inspiration_session_cancel(session=session)
    session.refresh_from_db()
    _ours, theirs = parse_with_both(session_ics(session))
    assert theirs.vevent.sequence.value == "2" and theirs.vevent.status.value == "CANCELLED"


def test_a_summer_session_is_at_plus_two_and_a_winter_one_at_plus_one(municipality):
    for month, offset in ((7, 2), (1, 1)):
        starts = datetime.datetime(timezone.localdate().year + 1, month, 15, 10, 0, tzinfo=AMSTERDAM)
        session = InspirationSessionFactory(municipality=municipality, starts_at=starts)
        _ours, theirs = parse_with_both(session_ics(session))
        assert theirs.vevent.dtstart.value.utcoffset() == datetime.timedelta(hours=offset)


def test_the_vtimezone_agrees_with_the_zoneinfo_database_every_hour_for_five_years():
    theirs = vobject.readOne(session_ics(InspirationSessionFactory.build(pk=1, updated_at=timezone.now())).decode())
    written = theirs.vtimezone.gettzinfo()
    year = timezone.localdate().year
    moment = datetime.datetime(year, 1, 1, 0, 30)
    while moment.year < year + 5:
        real = moment.replace(tzinfo=AMSTERDAM)
        # Skip the hour that does not exist in March and the one that happens twice in October.
        if real.utcoffset() == real.replace(fold=1).utcoffset():
            assert moment.replace(tzinfo=written).utcoffset() == real.utcoffset(), moment
        moment += datetime.timedelta(hours=1)


def test_only_people_with_a_place_and_organisers_get_the_invitation(client, employee, advisor, municipality):
    session = InspirationSessionFactory(municipality=municipality, capacity=1)
    waiting = UserFactory(municipality=municipality)
    services.session_sign_up(session=session, person=employee)
    services.session_sign_up(session=session, person=waiting)
    url = reverse("coaching:session_ics", args=[session.pk])
    for person, status in (
        (employee, 200),
        (waiting, 404),
        (advisor, 200),
        (UserFactory(municipality=municipality), 404),
    ):
        client.force_login(person)
        assert client.get(url).status_code == status


def test_the_organiser_registers_attendance_which_counts_as_learning(client, advisor, municipality, campaign):
    session = InspirationSessionFactory(municipality=municipality, duration_minutes=75, title="AI in je werk")
    present, absent = UserFactory(municipality=municipality), UserFactory(municipality=municipality)
    for person in (present, absent):
        services.session_sign_up(session=session, person=person)
    client.force_login(advisor)
    url = reverse("coaching:session_attendance", args=[session.pk])
    assert "vanaf het begin van de sessie" in client.get(url).content.decode()
    with pytest.raises(ValidationError, match="vanaf het begin"):
        services.session_attendance_register(session=session, attended_ids=[present.pk], by=advisor)
    InspirationSession.objects.filter(pk=session.pk).update(starts_at=timezone.now() - datetime.timedelta(hours=2))
    page = client.get(url).content.decode()
    assert present.get_full_name() in page
    token = new_token(advisor)
    for _ in range(2):
        assert client.post(url, {"attended": [present.pk], "form_token": token}).status_code == 302
    activity = LearningActivity.objects.get()
    assert (activity.employee, activity.kind, activity.minutes, activity.source) == (
        present,
        "inspiration_session",
        75,
        "support",
    )
    assert "AI in je werk" in activity.title
    assert SignUp.objects.get(person=absent).attended is False
    client.post(url, {"attended": [absent.pk]})
    assert list(LearningActivity.objects.values_list("employee", flat=True)) == [absent.pk], "taken back"


def test_attendance_is_only_for_people_who_signed_up(advisor, municipality):
    session = InspirationSessionFactory(
        municipality=municipality, starts_at=timezone.now() - datetime.timedelta(hours=1)
    )
    with pytest.raises(ValidationError, match="Alleen wie is aangemeld"):
        services.session_attendance_register(session=session, attended_ids=[UserFactory().pk], by=advisor)


def test_cancelling_a_session_tells_everyone_signed_up_or_waiting(client, advisor, municipality):
    session = InspirationSessionFactory(municipality=municipality, capacity=1)
    people = [UserFactory(municipality=municipality) for _ in range(2)]
    for person in people:
        services.session_sign_up(session=session, person=person)
    client.force_login(advisor)
    with pytest.MonkeyPatch.context() as patch:
        sent = []
        patch.setattr(send_session_notice, "delay_on_commit", lambda *args: sent.append(args))
        client.post(reverse("coaching:session_call_off", args=[session.pk]))
        client.post(reverse("coaching:session_call_off", args=[session.pk]))
    assert sorted(sent) == sorted((signup.pk, "cancelled") for signup in session.signups.all())
    mail.outbox = []
    send_session_notice(sent[0][0], "cancelled")
    assert "Geannuleerd" in mail.outbox[0].subject
    client.force_login(people[0])
    page = client.get(reverse("coaching:session", args=[session.pk])).content.decode()
    assert "Geannuleerd" in page and "Afmelden" not in page


def test_other_municipalities_advisors_cannot_organise(client, other_advisor, municipality):
    session = InspirationSessionFactory(municipality=municipality)
    client.force_login(other_advisor)
    for name in ("coaching:session_edit", "coaching:session_attendance"):
        assert client.get(reverse(name, args=[session.pk])).status_code == 404
    assert client.post(reverse("coaching:session_call_off", args=[session.pk])).status_code == 404
    session.refresh_from_db()
    assert not session.is_cancelled


def test_sessions_on_a_day_give_the_people_signed_up_for_a_reminder(municipality, django_assert_num_queries):
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    late = datetime.datetime.combine(tomorrow, datetime.time(23, 30), tzinfo=AMSTERDAM)
    session = InspirationSessionFactory(municipality=municipality, starts_at=late, capacity=1)
    InspirationSessionFactory(starts_at=late + datetime.timedelta(hours=1))  # the day after, in Amsterdam
    cancelled = InspirationSessionFactory(starts_at=late - datetime.timedelta(hours=3))
    services.inspiration_session_cancel(session=cancelled)
    first, waiting = UserFactory(municipality=municipality), UserFactory(municipality=municipality)
    services.session_sign_up(session=session, person=first)
    services.session_sign_up(session=session, person=waiting)
    with django_assert_num_queries(2):
        [reminder] = sessions_on(day=tomorrow)
    assert reminder.session == session and reminder.person_ids == [first.pk]


def test_session_counts_per_municipality(municipality, django_assert_num_queries):
    held = InspirationSessionFactory(municipality=municipality, starts_at=timezone.now() - datetime.timedelta(days=1))
    InspirationSessionFactory(municipality=municipality)  # still to come
    for attended in (True, False, None):
        SignUpFactory(session=held, attended=attended)
    SignUpFactory(session=held, status="cancelled")
    today = timezone.localdate()
    with django_assert_num_queries(1):
        counts = session_counts(start=today - datetime.timedelta(days=30), end=today)
    assert (counts.held, counts.signed_up, counts.attended) == (
        {municipality.pk: 1},
        {municipality.pk: 3},
        {municipality.pk: 1},
    )


def test_the_session_lists_do_not_grow_with_ten_times_more_sessions(
    client, employee, advisor, municipality, query_count
):
    def grow(count):
        for _ in range(count):
            session = InspirationSessionFactory(municipality=municipality)
            SignUpFactory(session=session, person=employee)
            SignUpFactory(session=session)

    grow(2)
    client.force_login(employee)
    small = query_count(client, reverse("coaching:sessions"), at_most=10)
    advisor_client = type(client)()
    advisor_client.force_login(advisor)
    small_manage = query_count(advisor_client, reverse("coaching:sessions_manage"), at_most=10)
    grow(20)
    assert query_count(client, reverse("coaching:sessions"), at_most=10) == small
    assert query_count(advisor_client, reverse("coaching:sessions_manage"), at_most=10) == small_manage


def test_the_participant_list_does_not_grow_with_more_sign_ups(client, advisor, municipality, query_count):
    session = InspirationSessionFactory(municipality=municipality, capacity=100)
    client.force_login(advisor)
    url = reverse("coaching:session_edit", args=[session.pk])
    SignUpFactory(session=session)
    small = query_count(client, url, at_most=15)
    for _ in range(20):
        SignUpFactory(session=session)
    assert query_count(client, url, at_most=15) == small


@pytest.mark.services
@pytest.mark.django_db(transaction=True)
def test_two_people_taking_the_last_place_at_once_get_one_place_and_one_waiting(municipality):
    import threading

    from django.db import connection

    from conftest import service_unavailable

    if connection.vendor != "postgresql":
        service_unavailable("the race needs PostgreSQL (DATABASE_URL)")
    session = InspirationSessionFactory(municipality=municipality, capacity=1)
    people = [UserFactory(municipality=municipality) for _ in range(2)]
    barrier, errors = threading.Barrier(2), []

    def sign_up(person):
        try:
            barrier.wait()
            services.session_sign_up(session=session, person=person)
        except Exception as error:  # noqa: BLE001 - collected and asserted below
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=sign_up, args=(person,)) for person in people]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert errors == []
    assert sorted(SignUp.objects.values_list("status", flat=True)) == ["signed_up", "waiting"]


def test_the_session_form_is_kept_empty_and_shows_a_new_event_and_a_change_at_once(
    client, advisor, municipality, campaign, query_count
):
    from campaigns.services import content_item_update

    client.force_login(advisor)
    create = reverse("coaching:session_create")
    cold = query_count(client, create, at_most=10)
    assert query_count(client, create, at_most=10, cold=False) < cold
    item = ContentItemFactory(campaign=campaign, municipality=municipality, title="Lunchsessie", format="event")
    content_item_update(item=item, title="Lunchsessie Teams")  # planned through the planner's service
    assert "Lunchsessie Teams" in client.get(create).content.decode()
    assert plan(client).status_code == 302
    session = InspirationSession.objects.get()
    edit = reverse("coaching:session_edit", args=[session.pk])
    assert 'value="Slim samenwerken in Teams"' in client.get(edit).content.decode()
    services.inspiration_session_update(
        session=session, municipalities={municipality.pk}, title="Samenwerken in Teams", capacity=20
    )
    assert 'value="Samenwerken in Teams"' in client.get(edit).content.decode()


def test_the_participant_list_is_kept_but_shows_a_sign_up_and_a_cancellation_at_once(
    client, advisor, municipality, query_count
):
    session = InspirationSessionFactory(municipality=municipality, capacity=1)
    first, second = UserFactory(municipality=municipality), UserFactory(municipality=municipality)
    client.force_login(advisor)
    url = reverse("coaching:session_edit", args=[session.pk])
    cold = query_count(client, url, at_most=15)
    assert query_count(client, url, at_most=15, cold=False) < cold, "the participants are kept"
    services.session_sign_up(session=session, person=first)
    services.session_sign_up(session=session, person=second)
    page = client.get(url).content.decode()
    assert first.get_full_name() in page and second.get_full_name() in page
    services.session_cancel_sign_up(session=session, person=first)
    page = client.get(url).content.decode()
    assert first.get_full_name() not in page and second.get_full_name() in page, "the waiting one has the place"


def test_a_kept_invitation_follows_every_change_of_the_session(client, employee, municipality):
    session = InspirationSessionFactory(municipality=municipality, title="Teams-tips")
    services.session_sign_up(session=session, person=employee)
    client.force_login(employee)
    url = reverse("coaching:session_ics", args=[session.pk])
    first = client.get(url).content
    assert client.get(url).content == first, "the same session: the same file"
    session.refresh_from_db()
    services.inspiration_session_update(session=session, title="Teams-tips voor gevorderden")
    changed = Calendar.from_ical(client.get(url).content)
    event = next(component for component in changed.walk("VEVENT"))
    assert str(event["summary"]).endswith("Teams-tips voor gevorderden") and int(event["sequence"]) > 0


def test_kept_access_to_a_session_follows_every_change_of_who_may_see_it_at_once(
    client, employee, advisor, municipality, other_municipality
):
    from organisations.caching import organisation_changed

    session = InspirationSessionFactory(municipality=municipality)
    page, edit = reverse("coaching:session", args=[session.pk]), reverse("coaching:session_edit", args=[session.pk])
    invitation = reverse("coaching:session_ics", args=[session.pk])
    client.force_login(employee)
    assert client.get(page).status_code == 200 and client.get(invitation).status_code == 404
    services.session_sign_up(session=session, person=employee)  # a place: the invitation at once
    assert client.get(invitation).status_code == 200
    employee.municipality = other_municipality  # moved (an import, which calls organisation_changed)
    employee.save()
    organisation_changed()
    assert client.get(page).status_code == 404 and client.get(invitation).status_code == 404
    client.force_login(advisor)
    advisor.municipality = municipality
    advisor.save()
    organisation_changed()
    assert client.get(edit).status_code == 200 and "Sessie beheren" in client.get(page).content.decode()
    advisor.advised_municipalities.set([other_municipality])  # in the admin, which calls it too
    organisation_changed()
    assert client.get(edit).status_code == 404
    shown = client.get(page)
    assert shown.status_code == 200 and "Sessie beheren" not in shown.content.decode()


def test_every_organiser_sees_the_linked_items_new_title_at_once(
    client, advisor, other_advisor, municipality, campaign
):
    from campaigns.services import content_item_update

    item = ContentItemFactory(campaign=campaign, municipality=municipality, title="Voorjaarssessies", format="event")
    session = InspirationSessionFactory(municipality=None, content_item=item)  # for everyone
    client.force_login(other_advisor)  # an advisor of another municipality organises it too
    for url in (reverse("coaching:session_edit", args=[session.pk]), reverse("coaching:session", args=[session.pk])):
        assert "Voorjaarssessies" in client.get(url).content.decode()
    content_item_update(item=item, title="Najaarssessies")
    for url in (reverse("coaching:session_edit", args=[session.pk]), reverse("coaching:session", args=[session.pk])):
        assert "Najaarssessies" in client.get(url).content.decode()
