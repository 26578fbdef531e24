import os

from celery import Celery
from celery.schedules import crontab

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "digivaardig.settings")

app = Celery("digivaardig")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()

# The beat schedule, in Europe/Amsterdam (CELERY_TIMEZONE): once a day at 09:00, also on the days
# the clocks change (a fixed hour outside 02:00–03:00 occurs exactly once on those days). What a
# run sends is decided by data (the reminders' claims), so an extra run sends nothing twice.
app.conf.beat_schedule = {
    "reminders: send what is due today (09:00 Europe/Amsterdam)": {
        "task": "reminders.send_due_reminders",
        "schedule": crontab(hour=9, minute=0),
    },
    # A dashboard shows a change within a minute; the recount itself is claimed per campaign (a
    # row), so an overlapping or repeated run queues nothing twice.
    "dashboards: recount the figures of campaigns whose data changed (every 30 seconds)": {
        "task": "dashboards.refresh_changed_figures",
        "schedule": 30.0,
    },
}
