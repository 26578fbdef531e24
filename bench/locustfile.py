"""Load mix for bench/load.py: employees, team leaders and advisors using the portal.

Each simulated person logs in once with a real form post, then works with 1–3 s think time, or
none with LOAD_THINK=0 (the saturated run that measures what the server can do with the mix).
"""

import os
import random
import re

import gevent.event
from locust import HttpUser, between, task

PASSWORD = os.environ.get("LOAD_PASSWORD", "digivaardig-demo")
EMPLOYEE_EMAILS = os.environ.get("LOAD_EMPLOYEES", "medewerker@digivaardig.test").split(",")
FALLBACK_EMAILS = list(EMPLOYEE_EMAILS)
THINK_SECONDS = (1, 3) if os.environ.get("LOAD_THINK", "1") != "0" else (0, 0)
# The saturated run measures the mix of people already logged in: a login hashes the password on
# purpose (about 0.25 s of a core), and 20 of them in a 45-second window took a tenth of the server.
# With LOAD_MEASURE_AFTER_LOGINS=N the statistics start again once N people have logged in; the
# employees take their zelfscan after that, so the scans stay in the measured window.
MEASURE_AFTER_LOGINS = int(os.environ.get("LOAD_MEASURE_AFTER_LOGINS", "0"))
ALL_LOGGED_IN = gevent.event.Event()
logins = 0
if not MEASURE_AFTER_LOGINS:
    ALL_LOGGED_IN.set()
CSRF = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
# Every form that writes carries a one-time token (common/submissions.py); any unused one of the page will do.
FORM_TOKEN = re.compile(r'name="form_token" value="([^"]+)"')


def tokens(text):
    """The CSRF token and, when the page has one, a one-time form token, as POST fields."""
    fields = {"csrfmiddlewaretoken": CSRF.search(text).group(1)}
    form_token = FORM_TOKEN.search(text)
    if form_token:
        fields["form_token"] = form_token.group(1)
    return fields


class PortalUser(HttpUser):
    abstract = True
    wait_time = between(*THINK_SECONDS)
    email = "medewerker@digivaardig.test"

    def on_start(self):
        try:
            page = self.client.get("/account/inloggen/", name="login form")
            token = CSRF.search(page.text).group(1)
            with self.client.post(
                "/account/inloggen/",
                {"username": self.pick_email(), "password": PASSWORD, "csrfmiddlewaretoken": token},
                name="login",
                catch_response=True,
            ) as answer:
                if "/account/inloggen/" in answer.url:
                    answer.failure("not logged in")  # counted: a failed login must show in the figures
        finally:
            self.login_done()  # also after a failure, so the measured window still starts

    def login_done(self):
        global logins
        logins += 1
        if MEASURE_AFTER_LOGINS and logins == MEASURE_AFTER_LOGINS:
            self.environment.stats.reset_all()
            ALL_LOGGED_IN.set()

    def pick_email(self):
        return self.email

    def post_form(self, url, data, name):
        page = self.client.get(url, name=name)
        self.client.post(url, {**data, **tokens(page.text)}, name=f"{name} (post)")


START_FORM = re.compile(r'action="(/zelfscan/ronde/\d+/starten/)"')
QUESTION = re.compile(r'name="(vraag_\d+)" id="[^"]+" value="(\d+)"')


class Employee(PortalUser):
    weight = 6

    def pick_email(self):
        # Each simulated employee is a different person, so every scan is a separate submission.
        return EMPLOYEE_EMAILS.pop() if EMPLOYEE_EMAILS else random.choice(FALLBACK_EMAILS)

    def on_start(self):
        super().on_start()
        ALL_LOGGED_IN.wait(timeout=120)
        self.take_scan()

    def take_scan(self):
        home = self.client.get("/zelfscan/", name="scan home")
        match = START_FORM.search(home.text)
        if not match:
            return
        page = self.client.post(match.group(1), tokens(home.text), name="scan start")
        for _ in range(10):
            if "/controleren/" in page.url:
                break
            answers = {}
            for field, value in QUESTION.findall(page.text):
                answers.setdefault(field, []).append(value)
            data = {field: random.choice(values) for field, values in answers.items()}
            data.update({"actie": "volgende", **tokens(page.text)})
            self.wait()
            page = self.client.post(page.url, data, name="scan step")
        with self.client.post(page.url, tokens(page.text), name="scan submit", catch_response=True) as submitted:
            if "/uitslag/" not in submitted.url:
                submitted.failure(f"submit ended on {submitted.url}")

    @task(5)
    def start_page(self):
        self.client.get("/start/medewerker/", name="employee start")

    @task(2)
    def preferences(self):
        self.post_form("/organisatie/mijn-gegevens/", {"language": "nl", "receives_reminders": "on"}, "my profile")


class TeamLeader(PortalUser):
    weight = 2
    email = "teamleider@digivaardig.test"

    @task
    def team(self):
        page = self.client.get("/start/teamleider/", name="team leader start")
        match = re.search(r'href="(/organisatie/teams/\d+/)"', page.text)
        if match:
            self.client.get(match.group(1), name="team page")


class Advisor(PortalUser):
    weight = 2
    email = "adviseur@digivaardig.test"

    @task(3)
    def calendar(self):
        planner = self.client.get("/campagne/", name="planner list")
        self.client.get(f"{planner.url}kalender/?maand=2026-05", name="planner calendar")

    @task
    def municipalities(self):
        page = self.client.get("/start/adviseur/", name="advisor start")
        match = re.search(r'href="(/organisatie/gemeenten/\d+/)"', page.text)
        if match:
            self.client.get(match.group(1), name="municipality page")


class Healthz(HttpUser):
    """Baseline: the trivial page, no think time, run on its own after the mix."""

    wait_time = between(0, 0)

    @task
    def healthz(self):
        self.client.get("/healthz", name="healthz")
