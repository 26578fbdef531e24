import datetime

import pytest
from django.core.exceptions import ValidationError

from campaigns.models import Channel, ContentItem, Phase
from campaigns.services import (
    channels_create_defaults,
    content_item_cancel,
    content_item_copy_to_municipalities,
    content_item_create,
    content_item_duplicate,
    content_item_reschedule,
    phases_create_defaults,
    plan_template_apply,
)
from campaigns.tests.factories import CampaignFactory, ContentItemFactory
from organisations.tests.factories import MunicipalityFactory


@pytest.fixture
def plan_municipalities(db):
    return [MunicipalityFactory(name=name) for name in ("Assen", "Westerkwartier", "Groningen")]


@pytest.fixture
def campaign(plan_municipalities):
    return CampaignFactory(
        name="Digivaardig 2027",
        kick_off_date=datetime.date(2027, 3, 1),
        end_date=datetime.date(2027, 11, 30),
        municipalities=plan_municipalities,
    )


def test_phases_follow_the_plan_with_phase_two_from_its_subphases(campaign):
    phases = {phase.code: phase for phase in phases_create_defaults(campaign=campaign)}
    assert list(phases) == ["0", "1", "2", "2.1", "2.2", "3"]
    assert (phases["0"].starts_on, phases["0"].ends_on) == (datetime.date(2027, 2, 1), datetime.date(2027, 2, 28))
    assert phases["1"].starts_on == datetime.date(2027, 3, 1) and phases["2.1"].ends_on == datetime.date(2027, 3, 31)
    # Phase 2 runs on until phase 3 (the plan leaves September and October to no phase).
    assert (phases["2.2"].starts_on, phases["2.2"].ends_on) == (datetime.date(2027, 4, 1), datetime.date(2027, 10, 31))
    assert (phases["2"].starts_on, phases["2"].ends_on) == (datetime.date(2027, 3, 1), datetime.date(2027, 10, 31))
    assert phases["2.1"].parent == phases["2"] and phases["3"].starts_on == datetime.date(2027, 11, 1)
    # Phase 3 ends with the campaign: every phase lies within the campaign period (QA fault report 3).
    assert phases["3"].ends_on == campaign.end_date
    first, last = campaign.period
    assert all(first <= phase.starts_on <= phase.ends_on <= last for phase in phases.values())
    phases_create_defaults(campaign=campaign)
    assert Phase.objects.filter(campaign=campaign).count() == 6


def test_all_39_channels_of_the_plan(plan_municipalities):
    for municipality in plan_municipalities:
        assert len(channels_create_defaults(municipality=municipality)) == 13
        channels_create_defaults(municipality=municipality)
    assert Channel.objects.count() == 39
    assert Channel.objects.filter(municipality__name="Westerkwartier", name="Zeepkistsessie", kind="meeting").exists()


def test_plan_template_places_the_examples_of_every_category(campaign, plan_municipalities):
    groningen = plan_municipalities[2]
    count = plan_template_apply(campaign=campaign, municipality=groningen)
    titles = set(ContentItem.objects.values_list("title", flat=True))
    for title in [
        "Digitale kick-off",
        "Startpakket voor de teamleiders",
        "Strippenkaart digicoach",
        "Infographic en instructieflyer: zo doe je de zelfscan",
        "Digidonderdagtip",
        "Digitale bloopers",
        "Certificaat uitreiken",
        "Digitale complimentkaarten op het leerplatform",
        "Ambassadeurs en micro-influencers",
        "Inspiratiesessies over digitale vaardigheden",
        "Digicoaches en buddyprogramma",
        "Intranetpagina Digivaardig",
        "Posters op locaties: doe de zelfscan",
        "Feestelijke afsluiting: resultaten en vervolg",
    ]:
        assert title in titles
    assert set(ContentItem.objects.values_list("category", flat=True)) == {"hero", "hub", "hygiene"}
    assert plan_template_apply(campaign=campaign, municipality=groningen) == 0
    assert ContentItem.objects.count() == count
    kick_off = ContentItem.objects.get(title="Digitale kick-off")
    assert kick_off.phase.code == "1" and kick_off.publish_on == datetime.date(2027, 3, 1)
    assert all(channel.municipality == groningen for channel in kick_off.channels.all())


def test_reschedule_moves_the_deadline_along(campaign):
    item = ContentItemFactory(
        campaign=campaign, publish_on=datetime.date(2027, 4, 10), production_deadline=datetime.date(2027, 3, 27)
    )
    content_item_reschedule(item=item, publish_on=datetime.date(2027, 5, 1))
    item.refresh_from_db()
    assert (item.publish_on, item.production_deadline) == (datetime.date(2027, 5, 1), datetime.date(2027, 4, 17))


def test_copy_uses_the_same_channel_by_name_or_else_by_kind(campaign, plan_municipalities):
    assen, westerkwartier, groningen = plan_municipalities
    for municipality in plan_municipalities:
        channels_create_defaults(municipality=municipality)
    item = content_item_create(
        campaign=campaign,
        municipality=assen,
        title="Tip",
        category="hub",
        format="tip",
        audience="employees",
        publish_on=datetime.date(2027, 4, 3),
        channels=list(Channel.objects.filter(municipality=assen, name__in=["Digicoaches", "Website POINT"])),
    )
    copies = content_item_copy_to_municipalities(item=item, municipalities=[assen, westerkwartier, groningen])
    assert {copy.municipality for copy in copies} == {westerkwartier, groningen}
    groningen_copy = next(copy for copy in copies if copy.municipality == groningen)
    names = set(groningen_copy.channels.values_list("name", flat=True))
    assert "Digicoaches" in names  # same name
    assert {"Platform digivaardig", "Sociaal intranet"} <= names  # online, as Website POINT is
    assert all(copy.status == "idea" for copy in copies)


def test_channel_of_another_municipality_is_refused(campaign, plan_municipalities):
    assen, _, groningen = plan_municipalities
    channels_create_defaults(municipality=groningen)
    with pytest.raises(ValidationError):
        content_item_create(
            campaign=campaign,
            municipality=assen,
            title="X",
            category="hub",
            format="tip",
            audience="employees",
            publish_on=datetime.date(2027, 4, 3),
            channels=list(Channel.objects.filter(municipality=groningen)[:1]),
        )
    assert not ContentItem.objects.exists()


def test_duplicate_and_cancel(campaign):
    item = ContentItemFactory(campaign=campaign, status="published", actual_cost=90)
    copy = content_item_duplicate(item=item)
    assert copy.title.endswith("(kopie)") and copy.status == "idea" and copy.actual_cost is None
    content_item_cancel(item=item)
    item.refresh_from_db()
    assert item.status == "cancelled"
