"""Load mix for bench/load.py: employees, team leaders and advisors using the portal.

Each simulated person logs in once with a real form post, then works with 1–3 s think time.
"""

import os
import random
import re

from locust import HttpUser, between, task

PASSWORD = os.environ.get("LOAD_PASSWORD", "digivaardig-demo")
EMPLOYEE_EMAILS = os.environ.get("LOAD_EMPLOYEES", "medewerker@digivaardig.test").split(",")
CSRF = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


class PortalUser(HttpUser):
    abstract = True
    wait_time = between(1, 3)
    email = "medewerker@digivaardig.test"

    def on_start(self):
        page = self.client.get("/account/inloggen/", name="login form")
        token = CSRF.search(page.text).group(1)
        self.client.post(
            "/account/inloggen/",
            {"username": self.pick_email(), "password": PASSWORD, "csrfmiddlewaretoken": token},
            name="login",
        )

    def pick_email(self):
        return self.email

    def post_form(self, url, data, name):
        page = self.client.get(url, name=name)
        token = CSRF.search(page.text).group(1)
        self.client.post(url, {**data, "csrfmiddlewaretoken": token}, name=f"{name} (post)")


class Employee(PortalUser):
    weight = 6

    def pick_email(self):
        return random.choice(EMPLOYEE_EMAILS)

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
