"""Page cost: the median server time of every page of every role, as a multiple of /healthz.

    .venv/bin/python bench/pages.py        (make bench runs it)

One gunicorn process (one sync worker) with production settings: DEBUG off, CONN_MAX_AGE 60
(persistent database connections, as the README's deployment advises) and the cache and sessions in
Redis when REDIS_URL is set. Requests come one at a time over loopback. Each page's time is the
median of 20 requests after 3 warm-ups; its cost is that divided by the median of 20 requests to
/healthz timed the same way around it (10 just before, 10 just after). On a shared machine the speed
of the cores drifts by a factor of two within seconds: a reference measured minutes away (once
before and once after all pages, as this script did first) turned that drift into tens of pages over
or under their target from run to run; the reference around each page sees the same machine as the
page. The database is DATABASE_URL when it points at PostgreSQL, else a fresh SQLite file, seeded
with `seed_demo --employees BENCH_EMPLOYEES` (default 50,000).
Prints `page_ms_<role>__<page>` and `page_cost_<role>__<page>` (the ratio to /healthz's median in
the same run) for every page a role can open, `healthz_with_session_ms` (/healthz with a logged-in
session: what every logged-in page pays first), then how many pages are over their target:
5 × healthz, or 15 × for the planner views and lists that grow with the data; and how many would be
over if every page of the planner, its forms too, had the 15 × target.
"""

import http.client
import os
import secrets
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(BASE_DIR))

REQUESTS, WARM_UP = 20, 3
FIXED_TARGET, GROWING_TARGET = 5, 15
# The planner's views and the pages that list what grows with the organisation or the programme
# (the 15 × target): a row per item, person, team, meeting, activity, card, session, pair,
# certificate or reminder period, paginated or not.
# The pages of the campaign planner: its lists and views are in GROWING (15 ×); its forms (item,
# settings, copy, …) have the 5 × target, and a second count says how many would be over if "the
# planner views" meant every planner page.
PLANNER = "campaigns:"
GROWING = {
    "campaigns:list",
    "campaigns:calendar",
    "campaigns:timeline",
    "campaigns:channels",
    "campaigns:export_csv",
    "campaigns:export_xlsx",
    "campaigns:feed",
    "organisations:municipality_list",
    "organisations:employee_list",
    "organisations:team_detail",
    "organisations:municipality_detail",
    "agendas:suggestion",
    "agendas:team_log",
    "learning:mine",
    "coaching:cards",
    "coaching:coaches",
    "coaching:requests",
    "coaching:ambassadors",
    "coaching:sessions",
    "coaching:sessions_manage",
    "coaching:session_attendance",
    "coaching:certificates_manage",
    "reminders:status",
    "selfscan:rounds_manage",
    "dashboards:team_table",
    "dashboards:programme_table",
}
DEMO_ROLES = {
    "employee": "medewerker@digivaardig.test",
    "team_leader": "teamleider@digivaardig.test",
    "advisor": "adviseur@digivaardig.test",
    "digicoach": "digicoach@digivaardig.test",
    "programme_lead": "projectleider@digivaardig.test",
}


def configure(folder):
    os.environ.update(
        {
            "DEBUG": "0",
            "SECRET_KEY": secrets.token_urlsafe(50),
            "ALLOWED_HOSTS": "testserver,127.0.0.1",
            "CONN_MAX_AGE": os.environ.get("CONN_MAX_AGE", "60"),
            "PYTHONPATH": str(BASE_DIR),
            "SECURE_SSL_REDIRECT": "0",
            "SESSION_COOKIE_SECURE": "0",
            "CSRF_COOKIE_SECURE": "0",
            "DJANGO_SETTINGS_MODULE": "digivaardig.settings",
        }
    )
    if not os.environ.get("DATABASE_URL", "").startswith("postgres"):
        os.environ["DATABASE_URL"] = f"sqlite:///{folder}/pages.sqlite3"
    import django

    django.setup()


PORT = int(os.environ.get("BENCH_PORT", "8766"))


def fetch(url, cookie):
    connection = http.client.HTTPConnection("127.0.0.1", PORT, timeout=60)
    connection.request("GET", url, headers={"Host": "127.0.0.1", "Cookie": cookie})
    response = connection.getresponse()
    response.read()
    connection.close()
    return response.status


def timed_ms(url, cookie=""):
    started = time.perf_counter()
    status = fetch(url, cookie)
    return status, (time.perf_counter() - started) * 1000


def median_ms(url, cookie=""):
    """The median time of `url` in milliseconds over REQUESTS requests after WARM_UP, or None when it
    does not answer 200."""
    for _ in range(WARM_UP):
        fetch(url, cookie)
    timings = []
    for _ in range(REQUESTS):
        status, milliseconds = timed_ms(url, cookie)
        if status != 200:
            return None
        timings.append(milliseconds)
    return statistics.median(timings)


def page_and_reference_ms(url, cookie):
    """(median of `url`, median of /healthz around it), in milliseconds; (None, None) when the page
    does not answer 200. /healthz is timed the same way as the page (WARM_UP, then a run of
    requests), half of its REQUESTS just before the page and half just after."""
    before = healthz_run_ms(REQUESTS // 2)
    page = median_ms(url, cookie)
    if page is None:
        return None, None
    return page, statistics.median(before + healthz_run_ms(REQUESTS - REQUESTS // 2))


def healthz_run_ms(count):
    for _ in range(WARM_UP):
        fetch("/healthz", "")
    return [timed_ms("/healthz")[1] for _ in range(count)]


def session_cookie(user):
    from django.conf import settings
    from django.test import Client

    client = Client()
    client.force_login(user)
    return f"{settings.SESSION_COOKIE_NAME}={client.cookies[settings.SESSION_COOKIE_NAME].value}"


def start_server():
    server = subprocess.Popen(
        [
            str(Path(sys.executable).parent / "gunicorn"),
            "digivaardig.wsgi",
            "--workers",
            "1",
            "--bind",
            f"127.0.0.1:{PORT}",
        ],
        cwd=BASE_DIR,
        env=os.environ.copy(),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    for _ in range(120):
        try:
            if fetch("/healthz", "") == 200:
                return server
        except OSError:
            time.sleep(0.5)
    server.kill()
    raise SystemExit("gunicorn did not start")


def demo_objects():
    from agendas.models import TeamMeeting
    from campaigns.models import CalendarFeed, Campaign, ContentItem
    from learning.models import LearningActivity
    from organisations.models import Municipality, Team
    from selfscan.models import Question

    municipality = Municipality.objects.get(name="Groningen")
    campaign = Campaign.objects.filter(municipalities=municipality).order_by("-kick_off_date").first()
    team = Team.objects.get(municipality=municipality, name="Burgerzaken")
    own_activity = LearningActivity.objects.filter(employee__email="medewerker@digivaardig.test", source="self").first()
    return {
        "municipality_id": municipality.pk,
        "team_id": team.pk,
        "activity_id": own_activity.pk,
        "meeting_id": TeamMeeting.objects.filter(team=team).first().pk,
        "campaign_id": campaign.pk,
        "round_id": campaign.scan_rounds.order_by("number").first().pk,
        "item_id": ContentItem.objects.filter(campaign=campaign, municipality=municipality).first().pk,
        "question_id": Question.objects.order_by("pk").first().pk,
        "token": CalendarFeed.objects.get(municipality=municipality).token,
        **support_objects(municipality),
    }


def support_objects(municipality):
    """The support programme's URL parameters from the demo: the demo digicoach's own pair, session,
    coach row and certificate; an open request, an inspiration session, an ambassador and colleagues
    in the same municipality (the access matrix's "own" objects)."""
    from coaching.models import Ambassador, BuddyPair, Certificate, Coach, CoachingSession, InspirationSession
    from organisations.models import User

    coach = Coach.objects.get(user__email=DEMO_ROLES["digicoach"])
    pair = BuddyPair.objects.filter(coach=coach.user, status=BuddyPair.Status.PAIRED).order_by("pk").first()
    certificate = Certificate.objects.filter(employee=coach.user).order_by("pk").first()
    employee = User.objects.get(email=DEMO_ROLES["employee"])
    colleague = User.objects.filter(municipality=municipality).exclude(pk=employee.pk).order_by("pk").first()
    return {
        "pair_id": pair.pk,
        "coaching_session_id": CoachingSession.objects.filter(card__pair=pair).order_by("pk").first().pk,
        "request_id": BuddyPair.objects.filter(municipality=municipality, status=BuddyPair.Status.REQUESTED)
        .order_by("pk")
        .first()
        .pk,
        "coach_id": coach.pk,
        "session_id": InspirationSession.objects.filter(municipality=municipality).order_by("-starts_at").first().pk,
        "recipient_id": colleague.pk,
        "person_id": colleague.pk,
        "ambassador_id": Ambassador.objects.filter(municipality=municipality).order_by("pk").first().pk,
        "certificate_id": certificate.pk,
        "code": certificate.display_code,
    }


def count_figures():
    """Count every campaign's dashboard figures once, as the worker does within a minute of a change
    (dashboards.services.figures_for): no worker runs here, so otherwise every dashboard request
    would find its figures stale and ask again for a recount that never comes."""
    from campaigns.models import Campaign
    from dashboards.services import figures_refresh

    for campaign_id in Campaign.objects.values_list("pk", flat=True):
        figures_refresh(campaign_id=campaign_id)


def main():
    with tempfile.TemporaryDirectory() as folder:
        configure(folder)
        from django.core.management import call_command

        from organisations.models import User
        from tests.test_access_matrix import MATRIX, OK, build_url

        employees = int(os.environ.get("BENCH_EMPLOYEES", "50000"))
        call_command("migrate", "--no-input", verbosity=0)
        call_command("collectstatic", "--no-input", verbosity=0)
        call_command("seed_demo", "--employees", str(employees), stdout=open(os.devnull, "w"))  # noqa: SIM115
        count_figures()
        objects = demo_objects()
        cookies = {role: session_cookie(User.objects.get(email=email)) for role, email in DEMO_ROLES.items()}
        server = start_server()
        try:
            healthz = [median_ms("/healthz")]
            results, references = {}, {}
            for role, cookie in cookies.items():
                for name, outcomes in MATRIX.items():
                    if outcomes[role] != OK or name in {"logout", "password_reset_confirm", "healthz"}:
                        continue
                    milliseconds, reference = page_and_reference_ms(build_url(name, objects), cookie)
                    if milliseconds is None:
                        # The demo's object is not this role's (the matrix's world differs): not timed.
                        print(f"# not timed: {role}__{name} (not 200 with the demo's objects)")
                        continue
                    results[(role, name)] = milliseconds
                    references[(role, name)] = reference
            healthz.append(median_ms("/healthz"))
            # What every logged-in page pays before it shows anything: the session and the person.
            print(f"healthz_with_session_ms: {median_ms('/healthz', cookies['employee']):.2f}")
        finally:
            server.terminate()
            server.wait(timeout=30)
        report(statistics.mean(healthz), results, references)


def report(healthz_ms, results, references):
    """Print every page's time and its ratio to the /healthz times around it; `healthz_ms` (the
    median before and after all pages) is printed for comparison with earlier runs."""
    over, planner_forms_within_fifteen = [], 0
    print(f"healthz_ms: {healthz_ms:.2f}")
    print(f"healthz_around_pages_median_ms: {statistics.median(references.values()):.2f}")
    for (role, name), milliseconds in results.items():
        key = f"{role}__{name.replace(':', '_')}"
        ratio = milliseconds / references[(role, name)]
        target = GROWING_TARGET if name in GROWING else FIXED_TARGET
        print(f"page_ms_{key}: {milliseconds:.1f}")
        print(f"page_cost_{key}: {ratio:.1f}")
        if ratio > target:
            over.append(f"{key} ({ratio:.1f} > {target})")
            if name.startswith(PLANNER) and ratio <= GROWING_TARGET:
                planner_forms_within_fifteen += 1
    print(f"page_cost_pages: {len(results)}")
    print(f"page_cost_over_target: {len(over)}")
    # The wider reading of "the planner views" (every page of the planner, its forms too, at 15 ×).
    print(f"page_cost_over_target_all_planner_pages_at_15x: {len(over) - planner_forms_within_fifteen}")
    for entry in over:
        print(f"#  over target: {entry}")


if __name__ == "__main__":
    main()
