"""Dashboard speed at national scale: the team and programme dashboards with 200,000 employees.

    .venv/bin/python bench/dashboards.py     (make bench runs it; BENCH_DASHBOARD_EMPLOYEES=200000)

Needs PostgreSQL (DATABASE_URL) and uses Redis for the cache when REDIS_URL is set, as in
production. A fresh database is seeded with `seed_demo --employees N`, then filled in bulk with
what a campaign year holds: round 1 of the zelfscan for 80% of the employees (with a score per
competence area), round 2 for 60% of those (with their change and the time-saved answer), learning
activity for about half of the people in every campaign month, a team meeting per team a month, and
a compliment card a month from one person in ten to a colleague.
A fresh process then measures through Django's request handling (no network): the median of 20
requests of each page as the team leader and the programme lead, and of /healthz in the same
process. Prints `team_dashboard_ms`, `programme_dashboard_cold_ms` (the cache emptied before each
request: the figures are read from the database, and a recount is queued), `programme_dashboard_cached_ms`,
each `…_ratio` to /healthz, the queries of each page, the seed's size, and `dashboard_recount_s`: how
long counting a campaign's figures takes (the background recount after a change; services.figures_refresh).
"""

import os
import statistics
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

BASE_DIR = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(BASE_DIR))
REQUESTS = 20
SETTINGS = {
    "DEBUG": "0",
    "ALLOWED_HOSTS": "testserver",
    "SECRET_KEY": "bench-" + "x" * 50,
    "DJANGO_SETTINGS_MODULE": "digivaardig.settings",
}

# Everything below runs as plain SQL: a campaign year of data for 200,000 people in seconds.
FILL_SQL = """
WITH r AS (SELECT id, questionnaire_id, due_on FROM selfscan_round WHERE campaign_id = %(campaign)s AND number = 1)
INSERT INTO selfscan_response (round_id, employee_id, started_at, updated_at, last_step, submitted_at,
                               overall_score, overall_level, persona_id, is_busy)
SELECT r.id, u.id, now(), now(), 7,
       (r.due_on - ((u.id %% 50) - 10) * interval '1 day') + interval '10 hours',
       30 + (u.id %% 60), 'basis', p.id, u.id %% 3 = 0
FROM organisations_user u CROSS JOIN r
JOIN personas_persona p ON p.slug = (ARRAY['digitale-enthousiasteling', 'digivaardige-professional',
                                           'aarzelende-technologiegebruiker', 'analoge-idealist'])[1 + u.id %% 4]
WHERE u.is_active AND u.id %% 5 <> 0
ON CONFLICT DO NOTHING;

WITH r AS (SELECT id, questionnaire_id FROM selfscan_round WHERE campaign_id = %(campaign)s AND number = 1)
INSERT INTO selfscan_arearesult (response_id, area_id, score, level, change)
SELECT s.id, a.id, 30 + ((s.employee_id * a.id) %% 60), 'basis', NULL
FROM selfscan_response s JOIN r ON s.round_id = r.id
JOIN selfscan_area a ON a.questionnaire_id = r.questionnaire_id AND a.kind = 'competence'
ON CONFLICT DO NOTHING;

WITH r AS (SELECT id, due_on FROM selfscan_round WHERE campaign_id = %(campaign)s AND number = 2),
     first AS (SELECT s.employee_id, s.persona_id, s.is_busy FROM selfscan_response s
               JOIN selfscan_round rr ON s.round_id = rr.id AND rr.campaign_id = %(campaign)s AND rr.number = 1)
INSERT INTO selfscan_response (round_id, employee_id, started_at, updated_at, last_step, submitted_at,
                               overall_score, overall_level, persona_id, is_busy)
SELECT r.id, first.employee_id, now(), now(), 8, r.due_on - interval '3 days' + interval '10 hours',
       50, 'basis', first.persona_id, first.is_busy
FROM first CROSS JOIN r WHERE first.employee_id %% 10 < 6
ON CONFLICT DO NOTHING;

WITH r AS (SELECT id, questionnaire_id FROM selfscan_round WHERE campaign_id = %(campaign)s AND number = 2)
INSERT INTO selfscan_arearesult (response_id, area_id, score, level, change)
SELECT s.id, a.id, 40 + ((s.employee_id * a.id) %% 55), 'basis', 2 + ((s.employee_id + a.id) %% 12)
FROM selfscan_response s JOIN r ON s.round_id = r.id
JOIN selfscan_area a ON a.questionnaire_id = r.questionnaire_id AND a.kind = 'competence'
ON CONFLICT DO NOTHING;

WITH r AS (SELECT id, questionnaire_id FROM selfscan_round WHERE campaign_id = %(campaign)s AND number = 2)
INSERT INTO selfscan_answer (response_id, question_id, value)
SELECT s.id, q.id, 1 + (s.employee_id %% 5)
FROM selfscan_response s JOIN r ON s.round_id = r.id
JOIN selfscan_area a ON a.questionnaire_id = r.questionnaire_id
JOIN selfscan_question q ON q.area_id = a.id AND q.kind = 'time_saved'
ON CONFLICT DO NOTHING;

INSERT INTO learning_learningactivity (employee_id, date, month, kind, title, minutes, source, external_id,
                                       created_at, updated_at)
SELECT u.id, m.month + 9, m.month, 'e_learning', 'E-learning', 30, 'platform_export', '', now(), now()
FROM organisations_user u
CROSS JOIN (SELECT generate_series(date_trunc('month', %(kick_off)s::date), date_trunc('month', %(today)s::date),
                                   interval '1 month')::date AS month) m
WHERE u.is_active AND (u.id + extract(month FROM m.month)::int) %% 9 < 5;

INSERT INTO agendas_teammeeting (team_id, date, digivaardig_on_agenda, topic, notes, created_at, updated_at)
SELECT t.id, m.month + 7, (t.id + extract(month FROM m.month)::int) %% 10 < 8, 'Digidonderdagtip', '', now(), now()
FROM organisations_team t
CROSS JOIN (SELECT generate_series(date_trunc('month', %(kick_off)s::date), date_trunc('month', %(today)s::date),
                                   interval '1 month')::date AS month) m
ON CONFLICT DO NOTHING;

INSERT INTO coaching_complimentcard (sender_id, recipient_id, text, personal_line, sent_at, month,
                                     sender_team_id, recipient_team_id, emailed_at)
SELECT s.id, r.id, 'thanks_help', '', m.month + interval '12 hours', m.month, s.team_id, r.team_id, NULL
FROM organisations_user s
JOIN organisations_user r ON r.id = s.id + 1 AND r.municipality_id = s.municipality_id
CROSS JOIN (SELECT generate_series(date_trunc('month', %(kick_off)s::date), date_trunc('month', %(today)s::date),
                                   interval '1 month')::date AS month) m
WHERE s.is_active AND (s.id + extract(month FROM m.month)::int) %% 10 = 0;
ANALYZE;
"""


def fresh_postgres_database(url: str, name: str) -> str:
    """An empty database `name` on the server of `url` (dropped first if it exists); its URL."""
    import psycopg

    parts = urlsplit(url)
    with psycopg.connect(urlunsplit(parts._replace(path="/postgres")), autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}"')
        connection.execute(f'CREATE DATABASE "{name}"')
    return urlunsplit(parts._replace(path=f"/{name}"))


def fill():
    """In this process: the campaign year's data in bulk (FILL_SQL); prints the counts."""
    import django

    django.setup()
    from django.db import connection
    from django.utils import timezone

    from campaigns.models import Campaign
    from coaching.models import ComplimentCard
    from learning.models import LearningActivity
    from selfscan.models import AreaResult, Response

    campaign = Campaign.objects.order_by("-kick_off_date").first()
    started = time.perf_counter()
    with connection.cursor() as cursor:
        parameters = {"campaign": campaign.pk, "kick_off": campaign.kick_off_date, "today": timezone.localdate()}
        for statement in FILL_SQL.split(";\n"):
            if statement.strip():
                cursor.execute(statement, parameters)
    print(f"dashboard_seed_fill_s: {time.perf_counter() - started:.1f}")
    print(f"dashboard_seed_responses: {Response.objects.filter(submitted_at__isnull=False).count()}")
    print(f"dashboard_seed_area_results: {AreaResult.objects.count()}")
    print(f"dashboard_seed_learning_activities: {LearningActivity.objects.count()}")
    print(f"dashboard_seed_compliment_cards: {ComplimentCard.objects.count()}")


def median_ms(client, url, *, before=None):
    timings = []
    for _ in range(REQUESTS):
        if before:
            before()
        started = time.perf_counter()
        response = client.get(url, secure=True)
        timings.append((time.perf_counter() - started) * 1000)
        assert response.status_code == 200, (url, response.status_code)
    return statistics.median(timings)


def measure():
    """In this process: the dashboards and /healthz through Django's handler; prints the figures."""
    import django

    django.setup()
    from django.core.cache import cache
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext
    from django.urls import reverse

    from organisations.models import Team, User

    leader = User.objects.get(email="teamleider@digivaardig.test")
    lead = User.objects.get(email="projectleider@digivaardig.test")
    team = Team.objects.filter(leaders=leader).first()
    anonymous, leader_client, lead_client = Client(), Client(), Client()
    leader_client.force_login(leader)
    lead_client.force_login(lead)
    team_url = reverse("dashboards:team", args=[team.pk])
    programme_url = reverse("dashboards:programme")
    from dashboards.services import figures_refresh
    from dashboards.tasks import refresh_figures

    started = time.perf_counter()
    figures_refresh(campaign_id=team.municipality.campaigns.order_by("-kick_off_date").first().pk)
    print(f"dashboard_recount_s: {time.perf_counter() - started:.2f}")
    for client, url in ((anonymous, "/healthz"), (leader_client, team_url), (lead_client, programme_url)):
        client.get(url, secure=True)  # warm-up: imports, templates, connections
    healthz = median_ms(anonymous, "/healthz")
    figures = {
        "team_dashboard_ms": median_ms(leader_client, team_url),
        "programme_dashboard_cold_ms": median_ms(lead_client, programme_url, before=cache.clear),
        "programme_dashboard_cached_ms": median_ms(lead_client, programme_url),
    }
    healthz = statistics.median([healthz, median_ms(anonymous, "/healthz")])
    print(f"dashboard_healthz_ms: {healthz:.2f}")
    for name, value in figures.items():
        print(f"{name}: {value:.1f}")
        print(f"{name[:-3]}_ratio: {value / healthz:.0f}")
    for name, client, url, clear in (
        ("team_dashboard", leader_client, team_url, True),
        ("programme_dashboard_cold", lead_client, programme_url, True),
        ("programme_dashboard_cached", lead_client, programme_url, False),
    ):
        if clear:
            cache.clear()
        with CaptureQueriesContext(connection) as queries:
            client.get(url, secure=True)
        print(f"{name}_queries: {len(queries.captured_queries)}")
    print(f"dashboard_employees: {User.objects.filter(is_active=True).count()}")
    refresh_figures.app.control.purge()  # the recounts the cold requests queued: no worker runs here


def main():
    if "--fill" in sys.argv:
        fill()
        return
    if "--measure" in sys.argv:
        measure()
        return
    url = os.environ.get("DATABASE_URL", "")
    if not url.startswith("postgres"):
        print("dashboards: skipped (needs DATABASE_URL on PostgreSQL)")
        return
    size = int(os.environ.get("BENCH_DASHBOARD_EMPLOYEES", "200000"))
    env = {**os.environ, **SETTINGS, "DATABASE_URL": fresh_postgres_database(url, f"bench_dashboards_{size}")}
    manage = [sys.executable, "manage.py"]
    subprocess.run([*manage, "migrate", "--no-input"], cwd=BASE_DIR, env=env, check=True, capture_output=True)
    subprocess.run([*manage, "collectstatic", "--no-input"], cwd=BASE_DIR, env=env, check=True, capture_output=True)
    started = time.perf_counter()
    subprocess.run(
        [*manage, "seed_demo", "--employees", str(size)], cwd=BASE_DIR, env=env, check=True, capture_output=True
    )
    print(f"dashboard_seed_demo_{size}_s: {time.perf_counter() - started:.1f}")
    for step in ("--fill", "--measure"):
        result = subprocess.run(
            [sys.executable, __file__, step], cwd=BASE_DIR, env=env, check=True, capture_output=True, text=True
        )
        print(result.stdout, end="")


if __name__ == "__main__":
    main()
