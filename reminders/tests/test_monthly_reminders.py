"""The monthly reminders: learning on the Digidonderdag, the agenda for team leaders (plan §2)."""

import datetime

from django.conf import settings
from django.core import mail
from django.urls import reverse

from agendas.models import TeamMeeting
from learning.models import LearningActivity
from organisations.tests.factories import UserFactory
from reminders.models import Kind, ReminderLog, Schedule
from reminders.tests.test_composition import html_of
from reminders.tests.test_scan_reminders import at, run


def learn(person, day):
    LearningActivity.objects.create(
        employee=person, date=day, month=day.replace(day=1), kind=LearningActivity.Kind.E_LEARNING, title="Les"
    )


def test_learning_goes_on_the_first_thursday_to_those_not_yet_active_this_month(programme):
    people = programme["people"]
    learn(people[0], datetime.date(2027, 3, 2))  # active this month: no reminder
    people[1].receives_reminders = False  # opted out
    people[1].save()
    assert run(Kind.LEARNING_MONTHLY, datetime.date(2027, 3, 3), now=at(datetime.date(2027, 3, 3))) == []
    got = run(Kind.LEARNING_MONTHLY, datetime.date(2027, 3, 4), now=at(datetime.date(2027, 3, 4)))  # 1st Thursday
    assert got == sorted(person.email for person in people[2:])
    assert run(Kind.LEARNING_MONTHLY, datetime.date(2027, 3, 5), now=at(datetime.date(2027, 3, 5))) == []


def test_a_first_thursday_on_a_holiday_moves_to_the_next_working_day(programme):
    # Thursday 6 May 2027 is Ascension Day.
    assert run(Kind.LEARNING_MONTHLY, datetime.date(2027, 5, 6), now=at(datetime.date(2027, 5, 6))) == []
    assert len(run(Kind.LEARNING_MONTHLY, datetime.date(2027, 5, 7), now=at(datetime.date(2027, 5, 7)))) == 6


def test_a_new_employee_mid_month_gets_this_months_reminder_once(programme):
    run(Kind.LEARNING_MONTHLY, datetime.date(2027, 3, 4), now=at(datetime.date(2027, 3, 4)))
    newcomer = UserFactory(team=programme["teams"][0], municipality=programme["teams"][0].municipality)
    assert run(Kind.LEARNING_MONTHLY, datetime.date(2027, 3, 16), now=at(datetime.date(2027, 3, 16))) == [
        newcomer.email
    ]
    assert run(Kind.LEARNING_MONTHLY, datetime.date(2027, 3, 17), now=at(datetime.date(2027, 3, 17))) == []


def test_the_learning_day_is_the_programme_leads_to_choose(programme):
    Schedule.objects.create(learning_weekday=Schedule.Weekday.TUESDAY, learning_week=2)
    assert run(Kind.LEARNING_MONTHLY, datetime.date(2027, 3, 4), now=at(datetime.date(2027, 3, 4))) == []
    assert len(run(Kind.LEARNING_MONTHLY, datetime.date(2027, 3, 9), now=at(datetime.date(2027, 3, 9)))) == 6


def test_the_learning_reminder_has_an_opt_out_link_and_the_one_click_headers(programme):
    run(Kind.LEARNING_MONTHLY, datetime.date(2027, 3, 4), now=at(datetime.date(2027, 3, 4)))
    message = mail.outbox[0]
    link = message.extra_headers["List-Unsubscribe"].strip("<>")
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert "/herinneringen/afmelden/" in link and link in message.body and link in html_of(message)
    assert "/leren/" in message.body  # the one button: log what you did


def test_agenda_reminders_go_to_leaders_whose_team_has_no_digivaardig_meeting_yet(programme):
    first, second = programme["teams"]
    TeamMeeting.objects.create(team=first, date=datetime.date(2027, 4, 1), digivaardig_on_agenda=True, topic="Tips")
    TeamMeeting.objects.create(team=second, date=datetime.date(2027, 4, 2), digivaardig_on_agenda=False)
    got = run(Kind.AGENDA_MONTHLY, datetime.date(2027, 4, 5), now=at(datetime.date(2027, 4, 5)))  # first Monday
    leader_of_second = second.leaders.get()
    assert got == [leader_of_second.email]
    message = mail.outbox[-1]
    suggestion = reverse("agendas:suggestion", args=[second.pk])  # the team's own page, not the start page
    assert "werkoverleg" in message.subject
    assert f"Naar de agendasuggestie: {settings.SITE_URL}{suggestion}" in message.body
    from personas.models import Audience

    leader_texts = Audience.objects.get(slug=Audience.TEAM_LEADERS).messages.values_list("text", flat=True)
    assert any(text in message.body for text in leader_texts)
    assert ReminderLog.objects.get(kind=Kind.AGENDA_MONTHLY).recipient == leader_of_second
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"


def test_a_leader_who_opted_out_gets_no_agenda_reminder(programme):
    leader = programme["teams"][1].leaders.get()
    leader.receives_agenda_reminders = False
    leader.save()
    got = run(Kind.AGENDA_MONTHLY, datetime.date(2027, 4, 5), now=at(datetime.date(2027, 4, 5)))
    assert leader.email not in got and len(got) == 1
