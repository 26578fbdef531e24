"""Every form that creates or changes something counts once per rendering (fault report: two clicks
120 ms apart on "Opslaan" made two identical content items and doubled the planned cost)."""

import re
import threading

import pytest
from django.db import connection
from django.test import Client
from django.urls import resolve, reverse

from campaigns.models import Campaign, Channel, ContentItem
from common.submissions import FIELD_NAME, new_token
from conftest import FormClient, service_unavailable
from organisations.tests.factories import MunicipalityFactory
from personas.models import Persona
from tests.test_access_matrix import MATRIX, OK, ROLES, build_url, client_for

POST_FORM = re.compile(r"<form\b[^>]*\bmethod=\"post\"[^>]*>(.*?)</form>", re.S | re.I)
ACTION = re.compile(r"\baction=\"([^\"]+)\"")
# Django's own account forms (login, password) and logging out create nothing in this portal.
ACCOUNT_URLS = {"login", "logout", "password_reset", "password_reset_confirm", "password_change"}


def post_forms(html):
    for match in POST_FORM.finditer(html):
        tag = html[match.start() : html.index(">", match.start()) + 1]
        action = ACTION.search(tag)
        yield (action.group(1) if action else None), match.group(1)


@pytest.mark.parametrize("role", [role for role in ROLES if role != "anonymous"])
def test_every_post_form_carries_a_token_and_its_view_checks_it(world, role):
    client = client_for(world["users"][role])
    missing, unchecked, seen = [], [], 0
    for name, outcomes in MATRIX.items():
        if outcomes[role] != OK or name in {"healthz", "campaigns:feed"}:
            continue
        url = build_url(name, world["own"])
        response = client.get(url)
        if "text/html" not in response.get("Content-Type", ""):
            continue
        for action, body in post_forms(response.content.decode()):
            target = resolve((action or url).split("?")[0])
            if target.url_name in ACCOUNT_URLS:
                continue
            seen += 1
            if f'name="{FIELD_NAME}"' not in body:
                missing.append(f"{name}: form to {action or 'itself'}")
            if not getattr(target.func, "once_per_form", False):
                unchecked.append(target.view_name)
    assert seen > 0
    assert missing == []
    assert unchecked == []


@pytest.fixture
def planner(world):
    campaign = Campaign.objects.get(pk=world["own"]["campaign_id"])
    municipality = campaign.municipalities.get()
    return campaign, municipality


def item_data(municipality, token):
    return {
        "title": "Dubbel geklikt",
        "municipality": municipality.pk,
        "category": "hub",
        "format": "video",
        "audience": "employees",
        "target_personas": [Persona.objects.get(slug=Persona.Identity.HESITANT).pk],
        "channels": [Channel.objects.filter(municipality=municipality).first().pk],
        "publish_on": "2026-05-14",
        "status": "planned",
        "planned_cost": "250,50",
        FIELD_NAME: token,
    }


def test_saving_a_new_item_twice_creates_it_once_and_sends_both_to_the_same_place(world, planner):
    campaign, municipality = planner
    advisor = world["users"]["advisor"]
    client = FormClient()
    client.force_login(advisor)
    data = item_data(municipality, new_token(advisor))
    url = reverse("campaigns:create", args=[campaign.pk])
    first, second = client.post(url, data), client.post(url, data)
    assert first.status_code == second.status_code == 302 and first.url == second.url
    assert ContentItem.objects.filter(title="Dubbel geklikt").count() == 1
    assert "was al verstuurd" in client.get(second.url).content.decode()


def test_a_form_with_errors_can_be_corrected_and_sent_with_the_same_token(world, planner):
    campaign, municipality = planner
    advisor = world["users"]["advisor"]
    client = FormClient()
    client.force_login(advisor)
    token = new_token(advisor)
    url = reverse("campaigns:create", args=[campaign.pk])
    assert client.post(url, {**item_data(municipality, token), "title": ""}).status_code == 200
    assert client.post(url, item_data(municipality, token)).status_code == 302
    assert ContentItem.objects.filter(title="Dubbel geklikt").count() == 1


def test_duplicating_copying_and_starting_a_year_twice_each_count_once(world, planner, other_municipality):
    campaign, municipality = planner
    lead = world["users"]["programme_lead"]
    campaign.municipalities.add(other_municipality)
    item = ContentItem.objects.get(pk=world["own"]["item_id"])
    client = FormClient()
    client.force_login(lead)
    for url, data in [
        (reverse("campaigns:duplicate", args=[item.pk]), {}),
        (reverse("campaigns:copy", args=[item.pk]), {"municipalities": [other_municipality.pk]}),
        (
            reverse("core:campaign_new"),
            {
                "name": "Twee keer",
                # A municipality of its own: the world's campaign runs around today (no overlap).
                "municipalities": [MunicipalityFactory(name="Tynaarlo").pk],
                "kick_off_date": "2027-03-01",
                "end_date": "2027-11-30",
                "budget": "20.000",
            },
        ),
    ]:
        data = {**data, FIELD_NAME: new_token(lead)}
        client.post(url, data)
        client.post(url, data)
    assert ContentItem.objects.filter(title=f"{item.title} (kopie)").count() == 1
    assert ContentItem.objects.filter(title=item.title, municipality=other_municipality).count() == 1
    assert Campaign.objects.filter(name="Twee keer").count() == 1


def test_a_missing_or_someone_elses_token_is_refused_and_saves_nothing(world, planner):
    campaign, municipality = planner
    advisor = world["users"]["advisor"]
    client = FormClient()
    client.force_login(advisor)
    url = reverse("campaigns:create", args=[campaign.pk])
    assert client.post(url, item_data(municipality, None)).status_code == 400
    stolen = new_token(world["users"]["programme_lead"])
    assert client.post(url, item_data(municipality, stolen)).status_code == 400
    assert client.post(url, item_data(municipality, "geknoeid")).status_code == 400
    assert not ContentItem.objects.filter(title="Dubbel geklikt").exists()


@pytest.mark.services
@pytest.mark.django_db(transaction=True)
def test_two_clicks_at_the_same_moment_create_one_item(world, planner):
    if connection.vendor != "postgresql":
        service_unavailable("the race needs PostgreSQL (DATABASE_URL)")
    campaign, municipality = planner
    advisor = world["users"]["advisor"]
    data = item_data(municipality, new_token(advisor))
    url = reverse("campaigns:create", args=[campaign.pk])
    barrier = threading.Barrier(2)
    statuses, errors = [], []

    def click():
        try:
            client = Client()
            client.force_login(advisor)
            barrier.wait()
            statuses.append(client.post(url, data).status_code)
        except Exception as error:  # noqa: BLE001 - collected and asserted below
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=click) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert errors == [] and statuses == [302, 302]
    assert ContentItem.objects.filter(title="Dubbel geklikt").count() == 1
