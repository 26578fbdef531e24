"""Benchmarks of the foundation, each in a fresh SQLite database. Prints `name: value` lines.

make bench                      # import and seed figures
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

    if os.environ.get("BENCH_LOAD"):
        subprocess.run([PYTHON, str(BASE_DIR / "bench" / "load.py")], cwd=BASE_DIR, check=True)


if __name__ == "__main__":
    main()
