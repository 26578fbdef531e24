"""Load benchmark: gunicorn on PostgreSQL with a seeded organisation, driven by locust.

    DATABASE_URL=postgres://... BENCH_LOAD=1 make bench
    LOAD_SEED_EMPLOYEES (size of the seeded organisation, 50000), LOAD_USERS (100 simulated people),
    LOAD_DURATION (5m), LOAD_PORT (8765) can be set. With REDIS_URL set, the cache and sessions are
    in Redis, as deployed.

Prints p95_ms, p99_ms, requests_per_s and failures of the mix with think time; then the same mix
and /healthz each run with 20 users and no think time (the server saturated), and
mix_to_healthz_ratio: the mix's requests per second over /healthz's, both saturated. The saturated
mix is counted from the moment its 20 people have logged in (bench/locustfile.py says why); the
run with think time counts its 100 logins.
"""

import csv
import os
import secrets
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
VENV_BIN = Path(sys.executable).parent
OUT = BASE_DIR / "var" / "bench"
LOAD_EMPLOYEES = 200
SATURATING = "20"


def run(*args, env, **kwargs):
    return subprocess.run(list(args), cwd=BASE_DIR, env=env, check=True, **kwargs)


def django_shell(script, *, env):
    """The last line a script prints in `manage.py shell`."""
    result = subprocess.run(
        [str(VENV_BIN / "python"), "manage.py", "shell", "-c", script],
        cwd=BASE_DIR,
        env=env,
        check=True,
        capture_output=True,
        text=True,
    )
    return result.stdout.strip().splitlines()[-1]


def stats_row(prefix, name="Aggregated"):
    with open(f"{prefix}_stats.csv", newline="") as handle:
        return next((row for row in csv.DictReader(handle) if row["Name"] == name), None)


def main():
    database_url = os.environ.get("DATABASE_URL", "")
    if not database_url.startswith("postgres"):
        sys.exit("bench/load.py needs DATABASE_URL pointing at PostgreSQL (bash .ci/run shows how to start one)")
    run(str(VENV_BIN / "pip"), "install", "-q", "-r", "bench/requirements.txt", env=os.environ)
    port = os.environ.get("LOAD_PORT", "8765")
    env = {
        **os.environ,
        "DEBUG": "0",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "127.0.0.1",
        "SECURE_SSL_REDIRECT": "0",
        "SESSION_COOKIE_SECURE": "0",
        "CSRF_COOKIE_SECURE": "0",
        "CONN_MAX_AGE": "60",
    }
    python = str(VENV_BIN / "python")
    run(python, "manage.py", "migrate", "--no-input", env=env, stdout=subprocess.DEVNULL)
    run(python, "manage.py", "collectstatic", "--no-input", env=env, stdout=subprocess.DEVNULL)
    seed_employees = os.environ.get("LOAD_SEED_EMPLOYEES", "50000")
    run(python, "manage.py", "seed_demo", "--employees", seed_employees, env=env, stdout=subprocess.DEVNULL)
    emails = django_shell(LOAD_ACCOUNTS_SCRIPT % LOAD_EMPLOYEES, env=env)
    # A fresh cache for this database, as a deployment has: another run may have used the same Redis
    # database for another seeded organisation (the 50,000 and the 200,000 runs).
    django_shell("from django.core.cache import cache; cache.clear(); print('cleared')", env=env)

    workers = str(2 * (os.cpu_count() or 1) + 1)
    server = subprocess.Popen(
        [str(VENV_BIN / "gunicorn"), "digivaardig.wsgi", "--workers", workers, "--bind", f"127.0.0.1:{port}"],
        cwd=BASE_DIR,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        for _ in range(60):
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=2)  # noqa: S310
                break
            except OSError:
                time.sleep(1)
        OUT.mkdir(parents=True, exist_ok=True)
        locust = [
            str(VENV_BIN / "locust"),
            "-f",
            "bench/locustfile.py",
            "--headless",
            "--only-summary",
            "--host",
            f"http://127.0.0.1:{port}",
        ]
        load_env = {**env, "LOAD_EMPLOYEES": emails}
        users = os.environ.get("LOAD_USERS", "100")
        duration = os.environ.get("LOAD_DURATION", "5m")
        run(
            *locust,
            "-u",
            users,
            "-r",
            "2",
            "-t",
            duration,
            "--csv",
            str(OUT / "mix"),
            "Employee",
            "TeamLeader",
            "Advisor",
            env=load_env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        # Capacity, like for like: the same mix and /healthz, each with SATURATING users and no think
        # time, so both measure what the server can do (the mix above is bounded by think time).
        # The mix gets the accounts the run above did not use (it takes them from the end).
        half = ",".join(emails.split(",")[: LOAD_EMPLOYEES // 2])
        saturated = {**load_env, "LOAD_THINK": "0", "LOAD_EMPLOYEES": half, "LOAD_MEASURE_AFTER_LOGINS": SATURATING}
        # Both are counted from a start without set-up: the mix once its people are logged in, /healthz
        # once its users are started (--reset-stats).
        for name, classes in (("saturated", ["Employee", "TeamLeader", "Advisor"]), ("healthz", ["Healthz"])):
            run(
                *locust,
                "-u",
                SATURATING,
                "-r",
                SATURATING,
                "-t",
                "45s",
                "--csv",
                str(OUT / name),
                *(["--reset-stats"] if name == "healthz" else []),
                *classes,
                env=saturated,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
            )
    finally:
        server.terminate()
        server.wait(timeout=30)

    mix, healthz, saturated = stats_row(OUT / "mix"), stats_row(OUT / "healthz"), stats_row(OUT / "saturated")
    print(f"load_seed_employees: {seed_employees}")
    print(f"p95_ms: {mix['95%']}")
    print(f"p99_ms: {mix['99%']}")
    print(f"requests_per_s: {float(mix['Requests/s']):.1f}")
    print(f"failures: {mix['Failure Count']}")
    print(f"healthz_requests_per_s: {float(healthz['Requests/s']):.1f}")
    accepted = 0
    for run_name in ("mix", "saturated"):  # both runs submit scans of the load accounts
        submits = stats_row(OUT / run_name, "scan submit")
        accepted += int(submits["Request Count"]) - int(submits["Failure Count"]) if submits else 0
    stored = int(django_shell(STORED_SCRIPT % emails, env=env))
    print(f"scan_submissions_accepted: {accepted}")
    print(f"scan_submissions_stored: {stored}")
    print(f"lost_submissions: {max(0, accepted - stored)}")
    print(f"saturated_mix_requests_per_s: {float(saturated['Requests/s']):.1f}")
    print(f"saturated_mix_p95_ms: {saturated['95%']}")
    print(f"saturated_mix_failures: {saturated['Failure Count']}")
    print(f"think_time_mix_to_healthz_ratio: {float(mix['Requests/s']) / float(healthz['Requests/s']):.3f}")
    # The target's figure: what the server does with the page mix against /healthz, both saturated.
    print(f"mix_to_healthz_ratio: {float(saturated['Requests/s']) / float(healthz['Requests/s']):.3f}")


# Gives the first N generated employees the demo password (one hash, shared) and prints their e-mails.
LOAD_ACCOUNTS_SCRIPT = """
from django.contrib.auth.hashers import make_password
from organisations.models import User
users = list(User.objects.filter(email__contains='.digivaardig.test', scan_responses__isnull=True)
             .exclude(email__endswith='@digivaardig.test').order_by('pk')[:%d])
hashed = make_password('digivaardig-demo')
for user in users:
    user.password = hashed
User.objects.bulk_update(users, ['password'])
print(','.join(user.email for user in users))
"""


# Counts the submitted zelfscans of the load-test employees, as the database holds them.
STORED_SCRIPT = """
from selfscan.models import Response
print(Response.objects.filter(employee__email__in='%s'.split(','), submitted_at__isnull=False).count())
"""


if __name__ == "__main__":
    main()
