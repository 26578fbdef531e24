import datetime

import pytest
from django.urls import reverse

from campaigns.balance import balance_warnings
from campaigns.budget import budget_summary
from campaigns.models import ContentItem
from campaigns.selectors import content_items
from campaigns.services import phases_create_defaults, plan_template_apply
from campaigns.tests.factories import CampaignFactory, ContentItemFactory
from personas.models import Persona

TODAY = datetime.date(2026, 1, 15)


@pytest.fixture
def campaign(municipality):
    campaign = CampaignFactory(municipalities=[municipality])
    phases_create_defaults(campaign=campaign)
    return campaign


def warnings_for(campaign, municipality, today=TODAY):
    items = list(content_items(campaign=campaign, municipalities=[municipality]))
    summary = budget_summary(campaign=campaign, municipalities=[municipality])
    return [w["message"] for w in balance_warnings(campaign=campaign, items=items, today=today, budget_summary=summary)]


def test_the_plans_own_template_is_balanced(campaign, municipality):
    plan_template_apply(campaign=campaign, municipality=municipality)
    assert warnings_for(campaign, municipality) == []


def test_an_unbalanced_plan_warns_on_every_rule(campaign, municipality):
    phase = {p.code: p for p in campaign.phases.all()}
    for day in (2, 10):
        ContentItemFactory(
            campaign=campaign,
            municipality=municipality,
            category="hero",
            phase=phase["1"],
            publish_on=datetime.date(2026, 3, day),
        )
    ContentItemFactory(
        campaign=campaign,
        municipality=municipality,
        category="hub",
        phase=phase["2.2"],
        publish_on=datetime.date(2026, 4, 9),
        production_deadline=datetime.date(2026, 1, 10),
        status="idea",
    )
    messages = warnings_for(campaign, municipality)
    assert any(m.startswith("Hero 'Item") and "minder dan twee weken uit elkaar" in m for m in messages)
    assert "Geen hub-content in mei 2026: hub komt regelmatig terug." in messages
    assert "Geen hub-content in april 2026: hub komt regelmatig terug." not in messages
    assert any(m.startswith("Geen hygiëne-content beschikbaar in februari 2026, maart 2026") for m in messages)
    assert "Subfase 2.1 heeft geen content over de zelfscan." in messages
    assert any(m.startswith("Niet bereikt in fase 2: Digitale enthousiasteling") for m in messages)
    assert any("is voorbij, maar het item is nog niet in productie" in m for m in messages)


def test_cancelled_items_do_not_count(campaign, municipality):
    phase = campaign.phases.get(code="1")
    for status in ("planned", "cancelled"):
        ContentItemFactory(
            campaign=campaign,
            municipality=municipality,
            category="hero",
            phase=phase,
            publish_on=datetime.date(2026, 3, 5),
            status=status,
        )
    assert not any(m.startswith("Hero ") for m in warnings_for(campaign, municipality))


def test_over_budget_is_a_visible_warning(client, advisor, campaign, municipality):
    ContentItemFactory(campaign=campaign, municipality=municipality, planned_cost=20500)
    assert any("hoger dan het budget" in m for m in warnings_for(campaign, municipality))
    client.force_login(advisor)
    body = client.get(reverse("campaigns:budget", args=[campaign.pk])).content.decode()
    assert "Over budget:" in body and 'role="alert"' in body


def test_personas_reached_in_phase_two_silence_that_warning(campaign, municipality):
    phase = campaign.phases.get(code="2.2")
    item = ContentItemFactory(campaign=campaign, municipality=municipality, phase=phase)
    item.target_personas.set(Persona.objects.all())
    assert not any(m.startswith("Niet bereikt") for m in warnings_for(campaign, municipality))
    assert ContentItem.objects.count() == 1
