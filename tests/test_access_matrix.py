"""One table: every URL of the project × every role → the expected outcome.

LOGIN = redirect to the login page; OK = 200; FWD = another redirect; 403/404/405 as HTTP says.
Object URLs are checked twice: with the role's own objects (table row) and with another team's or
municipality's objects, which must never answer 200.
"""

import re

import pytest
from django.test import Client
from django.urls import reverse

from tests.url_walk import project_url_names, url_parameters

LOGIN, OK, FWD = "login", 200, "redirect"
ROLES = ["anonymous", "employee", "team_leader", "other_advisor", "advisor", "digicoach", "programme_lead"]


def row(*outcomes):
    """Outcomes in ROLES order: anonymous, employee, team_leader, other_advisor, advisor, digicoach, lead."""
    return dict(zip(ROLES, outcomes, strict=True))


def everyone(outcome):
    return row(*[outcome] * len(ROLES))


def logged_in(outcome):
    return row(LOGIN, *[outcome] * (len(ROLES) - 1))


MATRIX = {
    "healthz": everyone(OK),
    "favicon": everyone(FWD),
    "login": everyone(OK),
    "logout": everyone(405),
    "password_reset": everyone(OK),
    "password_reset_done": everyone(OK),
    "password_reset_confirm": everyone(OK),
    "password_reset_complete": everyone(OK),
    "password_change": logged_in(OK),
    "password_change_done": logged_in(OK),
    "core:home": logged_in(FWD),
    "core:accessibility": everyone(OK),
    "core:privacy": everyone(OK),
    "core:start_employee": logged_in(OK),
    "core:start_team_leader": row(LOGIN, 403, OK, 403, 403, 403, 403),
    "core:start_advisor": row(LOGIN, 403, 403, OK, OK, 403, OK),
    "core:start_digicoach": row(LOGIN, 403, 403, 403, 403, OK, 403),
    "core:start_programme_lead": row(LOGIN, 403, 403, 403, 403, 403, OK),
    "organisations:municipality_list": row(LOGIN, 403, 403, OK, OK, 403, OK),
    "organisations:municipality_detail": row(LOGIN, 403, 403, 404, OK, 403, OK),
    "organisations:team_detail": row(LOGIN, 403, OK, 403, 403, 403, OK),
    "organisations:employee_list": row(LOGIN, 403, 403, 403, 403, 403, OK),
    "organisations:employee_import": row(LOGIN, 403, 403, 403, 403, 403, OK),
    "organisations:my_profile": logged_in(OK),
    "personas:overview": row(LOGIN, 403, 403, OK, OK, 403, OK),
    "personas:messages": row(LOGIN, 403, 403, OK, OK, 403, OK),
    "personas:detail": row(LOGIN, 403, 403, OK, OK, 403, OK),
    "personas:edit": row(LOGIN, 403, 403, OK, OK, 403, OK),
    "personas:audience_edit": row(LOGIN, 403, 403, OK, OK, 403, OK),
    # Everyone takes their own zelfscan; nobody reaches anyone else's (no URL carries a response).
    "selfscan:home": logged_in(OK),
    "selfscan:export": logged_in(OK),
    "selfscan:start": logged_in(405),
    "selfscan:step": row(LOGIN, FWD, FWD, 404, FWD, FWD, FWD),
    "selfscan:review": row(LOGIN, FWD, FWD, 404, FWD, FWD, FWD),
    "selfscan:result": row(LOGIN, FWD, FWD, 404, FWD, FWD, FWD),
    # The classification rules and persona counts per municipality (own municipalities only; small groups hidden).
    "selfscan:classification": row(LOGIN, 403, 403, OK, OK, 403, OK),
    "selfscan:rounds_manage": row(LOGIN, 403, 403, 403, 403, 403, OK),
    "selfscan:round_edit": row(LOGIN, 403, 403, 403, 403, 403, OK),
    "selfscan:questions_manage": row(LOGIN, 403, 403, 403, 403, 403, OK),
    "selfscan:question_edit": row(LOGIN, 403, 403, 403, 403, 403, OK),
    "campaigns:home": row(LOGIN, 403, 403, FWD, FWD, 403, FWD),
    "campaigns:list": row(LOGIN, 403, 403, 404, OK, 403, OK),
    "campaigns:calendar": row(LOGIN, 403, 403, 404, OK, 403, OK),
    "campaigns:timeline": row(LOGIN, 403, 403, 404, OK, 403, OK),
    "campaigns:channels": row(LOGIN, 403, 403, 404, OK, 403, OK),
    "campaigns:budget": row(LOGIN, 403, 403, 404, OK, 403, OK),
    "campaigns:personas": row(LOGIN, 403, 403, 404, OK, 403, OK),
    "campaigns:export_csv": row(LOGIN, 403, 403, 404, OK, 403, OK),
    "campaigns:export_xlsx": row(LOGIN, 403, 403, 404, OK, 403, OK),
    "campaigns:feeds": row(LOGIN, 403, 403, 404, OK, 403, OK),
    "campaigns:create": row(LOGIN, 403, 403, 404, OK, 403, OK),
    "campaigns:settings": row(LOGIN, 403, 403, 403, 403, 403, OK),
    "core:campaign_new": row(LOGIN, 403, 403, 403, 403, 403, OK),
    "campaigns:plan_template": logged_in(405),
    "campaigns:edit": row(LOGIN, 403, 403, 404, OK, 403, OK),
    "campaigns:reschedule": row(LOGIN, 403, 403, 404, OK, 403, OK),
    "campaigns:copy": row(LOGIN, 403, 403, 404, OK, 403, OK),
    "campaigns:duplicate": logged_in(405),
    "campaigns:cancel": logged_in(405),
    # Learning activity is personal: only its own employee reaches an entry (the platform's import is the lead's).
    "learning:mine": logged_in(OK),
    "learning:edit": row(LOGIN, OK, 404, 404, 404, 404, 404),
    "learning:delete": row(LOGIN, OK, 404, 404, 404, 404, 404),
    "learning:import": row(LOGIN, 403, 403, 403, 403, 403, OK),
    # The xAPI endpoint takes statements (POST, PUT) from a platform's key, never a GET, from anyone.
    "xapi:statements": everyone(405),
    # A team's leaders share its meeting log; others see compliance as figures only.
    "agendas:team_log": row(LOGIN, 403, OK, 403, 403, 403, 403),
    "agendas:meeting_edit": row(LOGIN, 403, OK, 403, 403, 403, 403),
    "agendas:suggestion": row(LOGIN, 403, OK, 403, 403, 403, 403),
    "reminders:status": row(LOGIN, 403, 403, OK, OK, 403, OK),
    "reminders:preview": row(LOGIN, 403, 403, OK, OK, 403, OK),
    "reminders:preview_html": row(LOGIN, 403, 403, OK, OK, 403, OK),
    "reminders:resend": logged_in(405),
    "reminders:send_test": logged_in(405),
    # The opt-out link works without logging in; a token that is not ours is a 404.
    "reminders:opt_out": everyone(404),
    # Dashboards: a team's own leaders (and the lead) see its figures; the campaign team the programme's.
    "dashboards:team": row(LOGIN, 403, OK, 403, 403, 403, OK),
    "dashboards:team_table": row(LOGIN, 403, OK, 403, 403, 403, OK),
    "dashboards:programme": row(LOGIN, 403, 403, OK, OK, 403, OK),
    "dashboards:programme_table": row(LOGIN, 403, 403, OK, OK, 403, OK),
    "dashboards:report": row(LOGIN, 403, 403, OK, OK, 403, OK),
    "dashboards:report_xlsx": row(LOGIN, 403, 403, OK, OK, 403, OK),
    "dashboards:report_pdf": row(LOGIN, 403, 403, OK, OK, 403, OK),
    # The calendar feed is public by design: Outlook cannot log in; the secret token is the key.
    "campaigns:feed": everyone(OK),
    # The support programme (plan §5.1). Everyone: their own buddy, sessions, cards, certificate.
    "coaching:home": logged_in(OK),
    "coaching:buddy": logged_in(OK),
    "coaching:buddy_stop": logged_in(405),
    # A digicoach reaches their own buddies and the open requests of their municipality; the lead all pairs.
    "coaching:coach": row(LOGIN, 403, 403, 403, 403, OK, 403),
    "coaching:coach_profile": row(LOGIN, 403, 403, 403, 403, OK, 403),
    "coaching:request_take": logged_in(405),
    "coaching:pair": row(LOGIN, 403, 403, 403, 403, OK, OK),
    "coaching:pair_renew": logged_in(405),
    "coaching:pair_end": logged_in(405),
    "coaching:session_delete": logged_in(405),
    "coaching:ambassador": logged_in(OK),
    "coaching:ambassador_stop": logged_in(405),
    # Inspiration sessions of one's own municipality (or for all); the invitation comes with a place.
    "coaching:sessions": logged_in(OK),
    "coaching:session": row(LOGIN, OK, OK, 404, OK, OK, OK),
    "coaching:session_sign_up": logged_in(405),
    "coaching:session_cancel": logged_in(405),
    "coaching:session_ics": row(LOGIN, OK, 404, 404, OK, 404, OK),
    # Cards go to colleagues of one's own municipality.
    "coaching:cards": logged_in(OK),
    "coaching:card_new": logged_in(OK),
    "coaching:card_compose": row(LOGIN, OK, OK, 404, OK, OK, OK),
    "coaching:card_preference": logged_in(405),
    "coaching:card_block": logged_in(405),
    "coaching:card_unblock": logged_in(405),
    # The certificate is its holder's alone; its verification is public (name and date only).
    "coaching:certificate": logged_in(OK),
    "coaching:certificate_issue": logged_in(405),
    "coaching:certificate_pdf": row(LOGIN, OK, 404, 404, 404, 404, 404),
    "coaching:verify": everyone(OK),
    "coaching:verify_code": everyone(OK),
    # The campaign team manages coaches, ambassadors and sessions of their municipalities; the lead pairs and revokes.
    "coaching:coaches": row(LOGIN, 403, 403, OK, OK, 403, OK),
    "coaching:coach_edit": row(LOGIN, 403, 403, 404, OK, 403, OK),
    "coaching:requests": row(LOGIN, 403, 403, 403, 403, 403, OK),
    "coaching:request_pair": row(LOGIN, 403, 403, 403, 403, 403, OK),
    "coaching:ambassadors": row(LOGIN, 403, 403, OK, OK, 403, OK),
    "coaching:ambassador_decide": logged_in(405),
    "coaching:sessions_manage": row(LOGIN, 403, 403, OK, OK, 403, OK),
    "coaching:session_create": row(LOGIN, 403, 403, OK, OK, 403, OK),
    "coaching:session_edit": row(LOGIN, 403, 403, 404, OK, 403, OK),
    "coaching:session_attendance": row(LOGIN, 403, 403, 404, OK, 403, OK),
    "coaching:session_call_off": logged_in(405),
    "coaching:certificates_manage": row(LOGIN, 403, 403, 403, 403, 403, OK),
    "coaching:certificate_revoke": row(LOGIN, 403, 403, 403, 403, 403, OK),
}

# URLs that answer with something other than an HTML page (plain text, downloads).
NOT_HTML = {
    "healthz",
    "selfscan:export",
    "campaigns:export_csv",
    "campaigns:export_xlsx",
    "campaigns:feed",
    "xapi:statements",
    "reminders:preview_html",  # the e-mail itself, shown in a frame on reminders:preview
    "dashboards:team_table",
    "dashboards:programme_table",
    "dashboards:report_xlsx",
    "dashboards:report_pdf",
    "coaching:session_ics",
    "coaching:certificate_pdf",
}

# Personas and their audiences are shared by all municipalities: one slug serves both kinds of URL.
SAMPLE_VALUES = {"uidb64": "MQ", "token": "set-password", "slug": "analoge-idealist", "step": 1, "table": "doelen"}


def build_url(name, objects):
    pattern = project_url_names()[name]
    kwargs = {}
    for parameter in url_parameters(pattern):
        kwargs[parameter] = objects[parameter] if parameter in objects else SAMPLE_VALUES[parameter]
    return reverse(name, kwargs=kwargs)


def outcome_of(response):
    if response.status_code in (301, 302):
        return LOGIN if response.url.startswith(reverse("login")) else FWD
    return response.status_code


def client_for(user):
    client = Client()
    if user is not None:
        client.force_login(user)
    return client


def test_every_url_is_in_the_matrix():
    assert set(project_url_names()) == set(MATRIX), "add the new URL to MATRIX with an outcome per role"


@pytest.mark.parametrize("role", ROLES)
def test_each_role_gets_the_expected_outcome_on_every_url(world, role):
    client = client_for(world["users"][role])
    mismatches = {}
    for name, expected in MATRIX.items():
        actual = outcome_of(client.get(build_url(name, world["own"])))
        if actual != expected[role]:
            mismatches[name] = (expected[role], actual)
    assert mismatches == {}


ELEMENT_ID = re.compile(r"""<[a-zA-Z][^>]*?\sid=["']([^"']+)["']""")


@pytest.mark.parametrize("role", ROLES)
def test_no_page_has_an_element_id_twice(world, role):
    """QA: a phase's hidden id was on the settings page twice. An id is unique in a page (WCAG
    4.1.1 parsing; a label or a skip link finds the wrong element otherwise), on every page."""
    client = client_for(world["users"][role])
    twice = {}
    for name, expected in MATRIX.items():
        if expected[role] != OK:
            continue
        response = client.get(build_url(name, world["own"]))
        if "text/html" not in response.get("Content-Type", ""):
            continue
        ids = ELEMENT_ID.findall(response.content.decode())
        repeated = sorted({element for element in ids if ids.count(element) > 1})
        if repeated:
            twice[name] = repeated
    assert twice == {}


# The programme lead sees every municipality by design, so has no foreign objects.
@pytest.mark.parametrize("role", [role for role in ROLES if role != "programme_lead"])
def test_object_urls_of_another_team_or_municipality_never_answer_200(world, role):
    client = client_for(world["users"][role])
    # The other advisor's own municipality is Assen, so Groningen's objects are the foreign ones.
    foreign = world["own"] if role == "other_advisor" else world["other"]
    # Object ids only: secret tokens (password reset, calendar feed) are keys, not guessable ids.
    id_parameters = {name for name in foreign if name.endswith("_id")}
    object_urls = [
        name for name, pattern in project_url_names().items() if set(url_parameters(pattern)) & id_parameters
    ]
    assert object_urls, "expected object URLs to check"
    leaks = [name for name in object_urls if client.get(build_url(name, foreign)).status_code == 200]
    assert leaks == []


def test_posts_without_csrf_token_are_refused(world):
    posts = [
        ("organisations:my_profile", "employee", {"language": "en"}),
        ("organisations:employee_import", "programme_lead", {}),
        ("learning:mine", "employee", {"title": "x", "minutes": "5", "kind": "tip"}),
        ("learning:import", "programme_lead", {}),
        ("agendas:team_log", "team_leader", {"topic": "x"}),
        ("password_change", "employee", {}),
        ("logout", "employee", {}),
    ]
    for name, role, data in posts:
        client = Client(enforce_csrf_checks=True)
        client.force_login(world["users"][role])
        response = client.post(build_url(name, world["own"]), data)
        assert response.status_code == 403, name
    world["users"]["employee"].refresh_from_db()
    assert world["users"]["employee"].language == "nl"


def test_login_post_without_csrf_token_is_refused(db):
    client = Client(enforce_csrf_checks=True)
    assert client.post(reverse("login"), {"username": "a@b.nl", "password": "x"}).status_code == 403


def test_admin_is_for_staff_only(world):
    for role in ["employee", "team_leader", "advisor", "digicoach"]:
        response = client_for(world["users"][role]).get(reverse("admin:index"))
        assert response.status_code == 302 and "/beheer/login/" in response.url
    assert client_for(world["users"]["programme_lead"]).get(reverse("admin:index")).status_code == 200


def test_admin_lists_open_for_the_programme_lead(world):
    from django.contrib import admin

    client = client_for(world["users"]["programme_lead"])
    broken = []
    for model in admin.site._registry:
        url = reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_changelist")
        if client.get(url).status_code != 200:
            broken.append(url)
    assert broken == []
