"""A real Celery worker on Redis, killed (SIGKILL) halfway through a batch and started again:
every eligible person has exactly one reminder afterwards, nobody is skipped, nobody gets two."""

import email
import os
import signal
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection

from conftest import service_unavailable
from organisations.tests.factories import UserFactory
from reminders.models import Kind, ReminderLog, Status
from reminders.services import reminders_claim
from reminders.tasks import send_reminder_batch
from reminders.tests.conftest import KICK_OFF
from reminders.tests.test_scan_reminders import at

PEOPLE = 40
INTERVAL_MS = 100  # a pause per e-mail, so the kill lands between e-mails (as SMTP throttling would)


def mails_in(folder: Path) -> Counter:
    """Recipients of the e-mails the file backend wrote (one file per connection, messages in a row)."""
    found = Counter()
    for path in folder.glob("*.log"):
        for part in path.read_text(errors="replace").split("-" * 79):
            if part.strip():
                found[email.message_from_string(part.strip())["To"]] += 1
    return found


def start_worker(folder: Path):
    database = connection.settings_dict
    env = {
        **os.environ,
        "DEBUG": "1",
        "DATABASE_URL": (
            f"postgres://{database['USER']}:{database['PASSWORD']}@{database['HOST']}:{database['PORT'] or 5432}"
            f"/{database['NAME']}"
        ),
        "EMAIL_URL": f"filemail://{folder}",
        "REMINDER_SEND_INTERVAL_MS": str(INTERVAL_MS),
        "CELERY_VISIBILITY_TIMEOUT": "3",
        # The test database's name is not the one settings.py read: the same installation's cache.
        "INSTALLATION_ID": settings.INSTALLATION_ID,
    }
    celery = str(Path(sys.executable).parent / "celery")
    return subprocess.Popen(
        [
            celery,
            "-A",
            "digivaardig",
            "worker",
            "--concurrency",
            "1",
            "--without-mingle",
            "--without-gossip",
            "-l",
            "warning",
        ],
        cwd=settings.BASE_DIR,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,  # its own process group: SIGKILL reaches the pool process too
    )


def wait_for(condition, seconds):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.1)
    return False


@pytest.mark.services
@pytest.mark.django_db(transaction=True)
def test_a_worker_killed_halfway_through_a_batch_leaves_nobody_skipped_and_nobody_twice(programme, tmp_path):
    if connection.vendor != "postgresql" or not settings.REDIS_URL or settings.CELERY_TASK_ALWAYS_EAGER:
        service_unavailable("the worker test needs PostgreSQL (DATABASE_URL) and Redis (REDIS_URL)")
    team = programme["teams"][0]
    UserFactory.create_batch(PEOPLE - len(programme["people"]), team=team, municipality=team.municipality)
    (batch,) = reminders_claim(kind=Kind.SCAN_ROUND1, day=KICK_OFF, now=at(KICK_OFF))
    assert batch.size == PEOPLE
    send_reminder_batch.delay(batch.token)

    worker = start_worker(tmp_path)
    try:
        assert wait_for(lambda: sum(mails_in(tmp_path).values()) >= PEOPLE // 2, 60), "the worker never started"
        os.killpg(worker.pid, signal.SIGKILL)
        worker.wait(timeout=10)
        halfway = sum(mails_in(tmp_path).values())
        assert PEOPLE // 2 <= halfway < PEOPLE, "killed halfway through"
        worker = start_worker(tmp_path)  # the task comes back to a worker once its visibility ends
        assert wait_for(lambda: len(mails_in(tmp_path)) == PEOPLE, 90), "the rest of the batch never went out"
        time.sleep(2 * INTERVAL_MS / 1000 + 1)  # room for a second copy, if one were coming
    finally:
        os.killpg(worker.pid, signal.SIGTERM)
        worker.wait(timeout=30)
    received = mails_in(tmp_path)
    assert len(received) == PEOPLE and set(received.values()) == {1}, received.most_common(3)
    assert ReminderLog.objects.filter(status=Status.SENT).count() == PEOPLE
