"""Reminder throughput: one `learning_monthly` run for a whole organisation, one worker.

    .venv/bin/python bench/reminders.py          (make bench runs it; BENCH_REMINDER_SIZES="50000 200000")

For each size a fresh organisation is seeded (seed_demo --employees N) in its own database: a new
PostgreSQL database on the server of DATABASE_URL when that is PostgreSQL, else a SQLite file. Then
a fresh process does what one Celery worker does: claim the month's learning reminders and send
every batch through Django's locmem e-mail backend (the outbox is emptied after each batch, as an
SMTP server takes the mail away). Prints `reminders_sent_<N>`, `reminders_per_minute_<N>`,
`reminder_peak_rss_mb_<N>` (that process's peak memory), the queries of the first batch
(`reminder_batch_queries_<batch size>`), and the last size's figures as `reminders_per_minute` and
`reminder_peak_rss_mb`.
"""

import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

BASE_DIR = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(BASE_DIR))
SETTINGS = {"DEBUG": "0", "SECRET_KEY": "bench-" + "x" * 50, "DJANGO_SETTINGS_MODULE": "digivaardig.settings"}


def fresh_postgres_database(url: str, name: str) -> str:
    """An empty database `name` on the server of `url` (dropped first if it exists); its URL."""
    import psycopg

    parts = urlsplit(url)
    with psycopg.connect(urlunsplit(parts._replace(path="/postgres")), autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}"')
        connection.execute(f'CREATE DATABASE "{name}"')
    return urlunsplit(parts._replace(path=f"/{name}"))


def measure():
    """In this process: claim and send the month's learning reminders; print the figures."""
    os.environ.pop("REDIS_URL", None)  # one process: the cache is local memory
    import django

    django.setup()
    from django.conf import settings
    from django.core import mail
    from django.db import connection
    from django.test.utils import CaptureQueriesContext
    from django.utils import timezone

    from common.dates import month_start
    from common.workdays import next_working_day, nth_weekday
    from reminders.models import Kind
    from reminders.services import reminder_batch_send, reminders_claim

    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    mail.outbox = []
    size = os.environ["BENCH_SIZE"]
    # The month's Digidonderdag, when the learning reminder is due (the demo campaign is this year's).
    day = next_working_day(nth_weekday(month_start(timezone.localdate()), 3))
    started = time.perf_counter()
    batches = reminders_claim(kind=Kind.LEARNING_MONTHLY, day=day)
    sent, first_batch_queries = 0, 0
    for index, batch in enumerate(batches):
        if index == 0:
            with CaptureQueriesContext(connection) as queries:
                sent += reminder_batch_send(token=batch.token)["sent"]
            first_batch_queries = len(queries.captured_queries)
        else:
            sent += reminder_batch_send(token=batch.token)["sent"]
        mail.outbox = []
    elapsed = time.perf_counter() - started
    print(f"reminders_sent_{size}: {sent}")
    print(f"reminders_per_minute_{size}: {sent / elapsed * 60:.0f}")
    print(f"reminder_peak_rss_mb_{size}: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f}")
    print(f"reminder_batch_queries_{batches[0].size if batches else 0}: {first_batch_queries}")


def run_size(size: int, folder: str) -> dict:
    url = os.environ.get("DATABASE_URL", "")
    if url.startswith("postgres"):
        database = fresh_postgres_database(url, f"bench_reminders_{size}")
    else:
        database = f"sqlite:///{folder}/reminders_{size}.sqlite3"
    env = {**os.environ, **SETTINGS, "DATABASE_URL": database, "BENCH_SIZE": str(size)}
    env.pop("REDIS_URL", None)
    manage = [sys.executable, "manage.py"]
    subprocess.run([*manage, "migrate", "--no-input"], cwd=BASE_DIR, env=env, check=True, capture_output=True)
    seed = [*manage, "seed_demo", "--employees", str(size)]
    subprocess.run(seed, cwd=BASE_DIR, env=env, check=True, capture_output=True)
    result = subprocess.run(
        [sys.executable, __file__, "--measure"], cwd=BASE_DIR, env=env, check=True, capture_output=True, text=True
    )
    print(result.stdout, end="")
    return dict(line.split(": ") for line in result.stdout.strip().splitlines())


def main():
    if "--measure" in sys.argv:
        measure()
        return
    sizes = [int(size) for size in os.environ.get("BENCH_REMINDER_SIZES", "50000").split()]
    with tempfile.TemporaryDirectory() as folder:
        figures = {size: run_size(size, folder) for size in sizes}
    last = sizes[-1]
    print(f"reminders_per_minute: {figures[last][f'reminders_per_minute_{last}']}")
    print(f"reminder_peak_rss_mb: {figures[last][f'reminder_peak_rss_mb_{last}']}")


if __name__ == "__main__":
    main()
