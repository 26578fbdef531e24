import datetime

import factory

from campaigns.models import Campaign, ContentItem
from organisations.tests.factories import MunicipalityFactory


class CampaignFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Campaign
        skip_postgeneration_save = True

    name = factory.Sequence(lambda n: f"Campagne {n}")
    kick_off_date = datetime.date(2026, 3, 2)  # a Monday: a kick-off is on a working day
    end_date = datetime.date(2026, 11, 30)

    @factory.post_generation
    def municipalities(self, create, extracted, **kwargs):
        if create:
            self.municipalities.set(extracted or [MunicipalityFactory()])


class ContentItemFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ContentItem

    campaign = factory.SubFactory(CampaignFactory)
    municipality = factory.LazyAttribute(lambda item: item.campaign.municipalities.first())
    title = factory.Sequence(lambda n: f"Item {n}")
    category = ContentItem.Category.HUB
    format = ContentItem.Format.ARTICLE
    audience = ContentItem.Audience.EMPLOYEES
    publish_on = factory.LazyAttribute(lambda item: item.campaign.kick_off_date + datetime.timedelta(days=10))
    status = ContentItem.Status.PLANNED
    planned_cost = 100
