import importlib
import os

import pytest
from django.apps import apps as django_apps
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from organisations.tests.factories import MunicipalityFactory, TeamFactory, UserFactory
from selfscan.tests.factories import open_campaign_rounds

IN_CI = os.environ.get("CI", "").lower() in {"1", "true", "yes"}


def service_unavailable(reason: str):
    """A test needing a missing service is skipped on a developer's machine and fails in CI."""
    if IN_CI:
        pytest.fail(f"CI=true but {reason}")
    pytest.skip(reason)


# The data migrations that ship content, in migration order, as (app, migration, a model that is
# empty until it ran), or (app, migration, None) for a loader that is idempotent and always re-run.
SHIPPED_DATA_MIGRATIONS = [
    ("personas", "0002_plan_text", "Persona"),
    ("personas", "0004_plan_text_v2", None),
    ("selfscan", "0002_default_questionnaire", "Questionnaire"),
    ("selfscan", "0004_questionnaire_v2", None),
]


@pytest.fixture
def shipped_content(db):
    """Transactional tests empty every table afterwards; reload what the data migrations ship,
    by running the migrations' own loaders (so tests see exactly what a fresh database gets)."""
    for app_label, migration, model_name in SHIPPED_DATA_MIGRATIONS:
        if model_name is None or not django_apps.get_model(app_label, model_name).objects.exists():
            importlib.import_module(f"{app_label}.migrations.{migration}").load(django_apps, None)


@pytest.fixture
def query_count():
    """`query_count(client, url, at_most=N, cold=True)`: the number of queries of one GET, which must
    answer 200 and make at most N queries (absolute upper bound; the failure lists the queries).

    The first request of a session writes its activity time (once a minute); the fixture makes a
    warm-up request per client first, so two counts of the same page compare like with like.
    `cold` empties the cache first: the count of a page whose data just changed.
    """
    from django.core.cache import cache

    warmed = set()

    def count(client, url, *, at_most: int, cold: bool = True) -> int:
        if id(client) not in warmed:
            client.get(reverse("core:accessibility"))
            warmed.add(id(client))
        if cold:
            cache.clear()
        with CaptureQueriesContext(connection) as context:
            response = client.get(url)
        assert response.status_code == 200, f"{url} answered {response.status_code}"
        queries = [query["sql"] for query in context.captured_queries]
        assert len(queries) <= at_most, f"{url}: {len(queries)} queries, at most {at_most}:\n" + "\n".join(queries)
        return len(queries)

    return count


class FormClient(Client):
    """A test client that posts forms as a browser does: with the one-time token the page would have
    rendered (common.submissions), unless the test passes `form_token` itself (or None for none)."""

    def post(self, path, data=None, *args, **kwargs):
        from types import SimpleNamespace

        from common.submissions import FIELD_NAME, new_token

        if data is None:
            data = {}
        if isinstance(data, dict) and FIELD_NAME not in data:
            user_id = self.session.get("_auth_user_id") if self.session else None
            data = {**data, FIELD_NAME: new_token(SimpleNamespace(pk=int(user_id)) if user_id else None)}
        elif isinstance(data, dict) and data.get(FIELD_NAME) is None:
            data = {name: value for name, value in data.items() if name != FIELD_NAME}
        return super().post(path, data, *args, **kwargs)


@pytest.fixture
def in_process_tasks():
    """Tasks run in the request's process, as with `make run` (no worker), also where REDIS_URL points
    at a broker (CI): a dashboard recounts at once, a card's e-mail goes at once. The worker's way is
    tested with a real worker."""
    from digivaardig.celery import app

    before = app.conf.task_always_eager
    app.conf.task_always_eager = True
    yield
    app.conf.task_always_eager = before


@pytest.fixture
def client():
    """The test client of pytest-django, posting forms with their one-time token (FormClient)."""
    return FormClient()


@pytest.fixture
def cache_round_trips(monkeypatch):
    """The list of cache calls the code makes from now on ("get", "get_many", "set", "set_many",
    "get_or_set"), each one round trip to Redis; not those a backend makes inside one (local memory)."""
    from django.core.cache import cache

    calls, depth = [], []

    def spy(name, real):
        def call(*args, **kwargs):
            if not depth:
                calls.append(name)
            depth.append(name)
            try:
                return real(*args, **kwargs)
            finally:
                depth.pop()

        return call

    for name in ("get", "get_many", "get_or_set", "set", "set_many"):
        monkeypatch.setattr(cache, name, spy(name, getattr(cache, name)))
    return calls


@pytest.fixture(autouse=True)
def _empty_cache():
    """Every test starts with an empty cache (cached pages are keyed on ids a rolled-back test reuses),
    and no marks of work done (reminders sent: keyed on ids too)."""
    from django.core.cache import cache, caches

    cache.clear()
    caches["marks"].clear()


@pytest.fixture(autouse=True)
def _fast_passwords(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def municipality(db):
    return MunicipalityFactory(name="Groningen")


@pytest.fixture
def other_municipality(db):
    return MunicipalityFactory(name="Assen")


@pytest.fixture
def team(municipality):
    return TeamFactory(municipality=municipality, name="Burgerzaken")


@pytest.fixture
def employee(team):
    return UserFactory(team=team, municipality=team.municipality)


@pytest.fixture
def team_leader(team):
    leader = UserFactory(team=team, municipality=team.municipality)
    team.leaders.add(leader)
    return leader


@pytest.fixture
def advisor(municipality):
    user = UserFactory(municipality=municipality)
    user.advised_municipalities.add(municipality)
    return user


@pytest.fixture
def other_advisor(other_municipality):
    user = UserFactory(municipality=other_municipality)
    user.advised_municipalities.add(other_municipality)
    return user


@pytest.fixture
def digicoach(team):
    return UserFactory(team=team, municipality=team.municipality, is_digicoach=True)


@pytest.fixture
def programme_lead(municipality):
    return UserFactory(municipality=municipality, is_programme_lead=True, is_staff=True, is_superuser=True)


def _planned_item(campaign, municipality):
    from campaigns.services import calendar_feed_for, channels_create_defaults, phases_create_defaults
    from campaigns.tests.factories import ContentItemFactory

    phases_create_defaults(campaign=campaign)
    channels_create_defaults(municipality=municipality)
    item = ContentItemFactory(campaign=campaign, municipality=municipality)
    return item, calendar_feed_for(municipality=municipality)


def _learning_and_meeting(employee, team):
    """URL parameters of the employee's own logged activity and of a werkoverleg of the team."""
    from agendas.tests.factories import MeetingFactory
    from learning.tests.factories import ActivityFactory

    return {"activity_id": ActivityFactory(employee=employee).pk, "meeting_id": MeetingFactory(team=team).pk}


def _support(*, employee, coach, sender, ambassador, municipality, campaign):
    """URL parameters of the support programme (coaching): `employee` paired with `coach` (a card
    with one session), an open buddy request, an inspiration session of the municipality the
    employee signed up for, a colleague to send a card to, a card from `sender`, `ambassador`
    confirmed, and the employee's certificate."""
    from coaching.models import CoachingSession
    from coaching.tests.factories import (
        AmbassadorFactory,
        BuddyPairFactory,
        CertificateFactory,
        CoachFactory,
        ComplimentCardFactory,
        InspirationSessionFactory,
        RequestFactory,
        SignUpFactory,
    )

    team = employee.team
    coach_row = CoachFactory(user=coach, municipality=municipality)
    pair = BuddyPairFactory(coach=coach, employee=employee, municipality=municipality)
    coaching_session = CoachingSession.objects.create(
        card=pair.cards.get(), strip=1, date=pair.paired_at.date(), topic="Teams", minutes=30, logged_by=coach
    )
    request = RequestFactory(employee=UserFactory(municipality=municipality, team=team), municipality=municipality)
    session = InspirationSessionFactory(municipality=municipality, capacity=2)
    SignUpFactory(session=session, person=employee)
    ComplimentCardFactory(sender=sender, recipient=employee, personal_line="Top!")
    ambassador_row = AmbassadorFactory(person=ambassador, municipality=municipality)
    certificate = CertificateFactory(employee=employee, campaign=campaign)
    return {
        "pair_id": pair.pk,
        "coaching_session_id": coaching_session.pk,
        "request_id": request.pk,
        "coach_id": coach_row.pk,
        "session_id": session.pk,
        "recipient_id": UserFactory(municipality=municipality, team=team).pk,
        "person_id": sender.pk,
        "ambassador_id": ambassador_row.pk,
        "certificate_id": certificate.pk,
        "code": certificate.display_code,
    }


@pytest.fixture
def world(
    shipped_content, employee, team_leader, advisor, other_advisor, digicoach, programme_lead, team, other_municipality
):
    """One person per role plus objects of their own and of another municipality."""
    other_team = TeamFactory(municipality=other_municipality)
    own_round, _final = open_campaign_rounds(municipalities=[team.municipality])
    other_round, _final = open_campaign_rounds(municipalities=[other_municipality], name="Andere campagne")
    question = own_round.questionnaire.areas.first().questions.first()
    own_item, own_feed = _planned_item(own_round.campaign, team.municipality)
    other_item, other_feed = _planned_item(other_round.campaign, other_municipality)
    own_learning = _learning_and_meeting(employee, team)
    other_employee = UserFactory(municipality=other_municipality, team=other_team)
    other_learning = _learning_and_meeting(other_employee, other_team)
    own_support = _support(
        employee=employee,
        coach=digicoach,
        sender=team_leader,
        ambassador=team_leader,
        municipality=team.municipality,
        campaign=own_round.campaign,
    )
    other_support = _support(
        employee=other_employee,
        coach=UserFactory(municipality=other_municipality, team=other_team, is_digicoach=True),
        sender=UserFactory(municipality=other_municipality, team=other_team),
        ambassador=UserFactory(municipality=other_municipality, team=other_team),
        municipality=other_municipality,
        campaign=other_round.campaign,
    )
    return {
        "users": {
            "anonymous": None,
            "employee": employee,
            "team_leader": team_leader,
            "other_advisor": other_advisor,
            "advisor": advisor,
            "digicoach": digicoach,
            "programme_lead": programme_lead,
        },
        "own": {
            "municipality_id": team.municipality_id,
            "team_id": team.pk,
            "round_id": own_round.pk,
            "question_id": question.pk,
            "campaign_id": own_round.campaign_id,
            "item_id": own_item.pk,
            "token": own_feed.token,
            **own_learning,
            **own_support,
        },
        "other": {
            "municipality_id": other_municipality.pk,
            "team_id": other_team.pk,
            "round_id": other_round.pk,
            "question_id": question.pk,
            "campaign_id": other_round.campaign_id,
            "item_id": other_item.pk,
            "token": other_feed.token,
            **other_learning,
            **other_support,
        },
    }
