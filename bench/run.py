"""Benchmarks of the foundation, each in a fresh SQLite database. Prints `name: value` lines.

make bench                      # import, seed, learning import, xAPI and active-months figures
BENCH_LOAD=1 make bench         # plus the load test (needs PostgreSQL: see bench/load.py)
"""

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
PYTHON = sys.executable


def manage(env, *args):
    return subprocess.run(
        [PYTHON, "manage.py", *args], cwd=BASE_DIR, env=env, check=True, capture_output=True, text=True
    )


def fresh_env(folder):
    env = {**os.environ, "DEBUG": "1", "DATABASE_URL": f"sqlite:///{folder}/bench.sqlite3"}
    env.pop("REDIS_URL", None)
    manage(env, "migrate", "--no-input")
    return env


def timed(env, *args):
    started = time.perf_counter()
    manage(env, *args)
    return time.perf_counter() - started


def shell(env, script):
    """The last line a script prints in `manage.py shell`."""
    return manage(env, "shell", "-c", script).stdout.strip().splitlines()[-1]


# The learning platform's export: one activity for each of the 50,000 employees (a month's export).
PLATFORM_EXPORT_SCRIPT = """
from organisations.models import User
with open(%r, "w", encoding="utf-8-sig") as handle:
    handle.write("email;activity_id;title;date;minutes\\n")
    for number, email in enumerate(User.objects.order_by("pk").values_list("email", flat=True)[:50000]):
        day, minutes = 1 + number %% 28, 15 + number %% 60
        handle.write(f"{email};LP-{number};E-learning Veilig mailen;2026-10-{day:02d};{minutes}\\n")
print("ok")
"""

# One POST of 1,000 statements (1,000 different people) through the whole stack, timed.
XAPI_BATCH_SCRIPT = """
import base64, json, time, uuid
from django.test import Client
from learning.services import xapi_client_create
from organisations.models import User
platform, secret = xapi_client_create(name=f"bench-{uuid.uuid4()}")
emails = list(User.objects.order_by("-pk").values_list("email", flat=True)[:1000])
statements = [
    {
        "id": str(uuid.uuid4()),
        "actor": {"objectType": "Agent", "mbox": f"mailto:{email}"},
        "verb": {"id": "http://adlnet.gov/expapi/verbs/completed", "display": {"nl-NL": "voltooide"}},
        "object": {"id": f"https://leren.example.nl/cursus/{number % 40}",
                   "definition": {"name": {"nl-NL": f"Cursus {number % 40}"}}},
        "result": {"completion": True, "duration": "PT35M"},
        "timestamp": "2026-11-05T10:00:00+01:00",
    }
    for number, email in enumerate(emails)
]
token = base64.b64encode(f"{platform.key}:{secret}".encode()).decode()
started = time.perf_counter()
response = Client().post("/api/xapi/statements", json.dumps(statements), content_type="application/json",
                         HTTP_AUTHORIZATION=f"Basic {token}", HTTP_X_EXPERIENCE_API_VERSION="1.0.3")
elapsed = time.perf_counter() - started
assert response.status_code == 200 and len(response.json()) == 1000, response.content[:300]
print(elapsed)
"""

# active_months for all 50,000 employees over the 12 months of 2026: the median of 5 runs, in ms.
ACTIVE_MONTHS_SCRIPT = """
import datetime, statistics, time
from learning.selectors import active_months
from organisations.models import User
months = [datetime.date(2026, month, 1) for month in range(1, 13)]
employees = User.objects.filter(is_active=True)
assert employees.count() >= 50000
timings = []
for _ in range(5):
    started = time.perf_counter()
    result = active_months(employees=employees, months=months)
    timings.append((time.perf_counter() - started) * 1000)
assert len(result.by_employee) >= 50000
print(statistics.median(timings))
"""


def write_hr_export(path, rows):
    municipalities = ["Groningen", "Assen", "Westerkwartier"]
    with open(path, "w", encoding="utf-8-sig") as handle:
        handle.write("email;first_name;last_name;municipality;team;is_team_leader;employee_number\n")
        for number in range(rows):
            municipality = municipalities[number % 3]
            team = f"Team {number % 40}"
            leader = "ja" if number < 120 else "nee"
            handle.write(
                f"p{number}@hr.example.nl;Voornaam{number};Achternaam;{municipality};{team};{leader};E{number}\n"
            )


def main():
    with tempfile.TemporaryDirectory() as folder:
        env = fresh_env(folder)
        manage(env, "seed_demo", "--employees", "0")
        export = Path(folder) / "hr.csv"
        write_hr_export(export, 10_000)
        print(f"import_10000_rows_s: {timed(env, 'import_employees', str(export)):.2f}")
        print(f"import_10000_rows_again_unchanged_s: {timed(env, 'import_employees', str(export)):.2f}")

    with tempfile.TemporaryDirectory() as folder:
        env = fresh_env(folder)
        print(f"seed_demo_200_s: {timed(env, 'seed_demo'):.2f}")
        print(f"seed_demo_200_again_s: {timed(env, 'seed_demo'):.2f}")

    with tempfile.TemporaryDirectory() as folder:
        env = fresh_env(folder)
        print(f"seed_demo_50000_employees_s: {timed(env, 'seed_demo', '--employees', '50000'):.2f}")
        export = Path(folder) / "leerplatform.csv"
        shell(env, PLATFORM_EXPORT_SCRIPT % str(export))
        print(f"learning_import_50000_s: {timed(env, 'import_learning', str(export)):.2f}")
        print(f"xapi_batch_1000_s: {float(shell(env, XAPI_BATCH_SCRIPT)):.2f}")
        print(f"active_months_50000_ms: {float(shell(env, ACTIVE_MONTHS_SCRIPT)):.1f}")

    # Page cost per role (ratio to /healthz), reminder throughput and dashboard speed at 200,000
    # employees: their own scripts, own databases.
    for script in ("pages.py", "reminders.py", "dashboards.py"):
        subprocess.run([PYTHON, str(BASE_DIR / "bench" / script)], cwd=BASE_DIR, check=True)

    if os.environ.get("BENCH_LOAD"):
        subprocess.run([PYTHON, str(BASE_DIR / "bench" / "load.py")], cwd=BASE_DIR, check=True)


if __name__ == "__main__":
    main()
