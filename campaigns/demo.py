import datetime

from django.utils import timezone

from organisations.models import User

from .models import Campaign, ContentItem
from .services import campaign_create, channels_create_defaults, phases_create_defaults, plan_template_apply


def campaign_seed(*, year: int, municipalities) -> Campaign:
    """The plan's year: kick-off in March, second zelfscan and wrap-up in November."""
    existing = Campaign.objects.filter(name=f"Digivaardig {year}").first()
    if existing:
        return existing
    return campaign_create(
        name=f"Digivaardig {year}",
        kick_off_date=datetime.date(year, 3, 1),
        end_date=datetime.date(year, 11, 30),
        municipalities=municipalities,
    )


def planner_seed(*, campaign: Campaign) -> int:
    """Phases, the 39 channels and the plan's example content per municipality, with statuses up to today."""
    phases_create_defaults(campaign=campaign)
    today = timezone.localdate()
    created = 0
    for municipality in campaign.municipalities.order_by("name"):
        channels_create_defaults(municipality=municipality)
        owner = User.objects.filter(advised_municipalities=municipality).order_by("pk").first()
        added = plan_template_apply(campaign=campaign, municipality=municipality, owner=owner)
        created += added
        if not added:
            continue
        items = list(ContentItem.objects.filter(campaign=campaign, municipality=municipality))
        for item in items:
            if item.publish_on < today:
                item.status, item.actual_cost = ContentItem.Status.PUBLISHED, item.planned_cost
            elif item.publish_on <= today + datetime.timedelta(days=30):
                item.status = ContentItem.Status.IN_PRODUCTION
            elif item.publish_on <= today + datetime.timedelta(days=90):
                item.status = ContentItem.Status.PLANNED
        ContentItem.objects.bulk_update(items, ["status", "actual_cost"])
    return created
