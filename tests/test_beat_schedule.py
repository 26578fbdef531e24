"""The beat runs the daily reminders exactly once a day, also when the clocks change (a known failure
elsewhere ran a daily job twice on the autumn change)."""

import datetime
from collections import Counter
from zoneinfo import ZoneInfo

import pytest

from digivaardig.celery import app

AMSTERDAM = ZoneInfo("Europe/Amsterdam")
ENTRY = "reminders: send what is due today (09:00 Europe/Amsterdam)"


def runs_between(first: datetime.datetime, last: datetime.datetime) -> Counter:
    """Simulate the beat minute by minute (in UTC, as a server clock runs): local dates it ran on."""
    entry = app.conf.beat_schedule[ENTRY]
    assert entry["task"] == "reminders.send_due_reminders"
    runs = Counter()
    moment = first.astimezone(datetime.UTC)
    last_run = moment - datetime.timedelta(minutes=1)
    while moment <= last.astimezone(datetime.UTC):
        schedule = entry["schedule"].__class__(
            minute=entry["schedule"]._orig_minute, hour=entry["schedule"]._orig_hour, nowfun=lambda m=moment: m, app=app
        )
        due, _next = schedule.is_due(last_run)
        if due:
            runs[moment.astimezone(AMSTERDAM).date()] += 1
            last_run = moment
        moment += datetime.timedelta(minutes=1)
    return runs


@pytest.mark.parametrize(
    "change", [datetime.date(2027, 3, 28), datetime.date(2027, 10, 31), datetime.date(2026, 10, 25)]
)
def test_the_daily_reminder_job_runs_once_a_day_around_the_change_of_the_clocks(change):
    start = datetime.datetime.combine(change - datetime.timedelta(days=1), datetime.time(0, 0), AMSTERDAM)
    end = datetime.datetime.combine(change + datetime.timedelta(days=1), datetime.time(23, 59), AMSTERDAM)
    runs = runs_between(start, end)
    assert runs == Counter({change - datetime.timedelta(days=1): 1, change: 1, change + datetime.timedelta(days=1): 1})


def test_the_schedule_is_declared_in_code_in_amsterdam_time():
    assert app.conf.timezone == "Europe/Amsterdam"
    schedule = app.conf.beat_schedule[ENTRY]["schedule"]
    assert schedule._orig_hour == 9 and schedule._orig_minute == 0
