"""Demo planning: the plan's example content gets owners and statuses as if the year were under way."""

import datetime

from django.utils import timezone

from organisations.models import User

from .caching import plan_changed
from .models import Campaign, ContentItem


def planner_seed(*, campaign: Campaign) -> int:
    """Statuses up to today (published before today, in production within 30 days, planned within
    90) and the municipality's first advisor as owner, for items nobody has touched yet.

    Returns the number of items changed; a second run changes nothing.
    """
    today = timezone.localdate()
    changed = 0
    for municipality in campaign.municipalities.order_by("name"):
        owner = User.objects.filter(advised_municipalities=municipality).order_by("pk").first()
        items = list(
            ContentItem.objects.filter(
                campaign=campaign, municipality=municipality, status=ContentItem.Status.IDEA, owner__isnull=True
            )
        )
        for item in items:
            item.owner = owner
            if item.publish_on < today:
                item.status, item.actual_cost = ContentItem.Status.PUBLISHED, item.planned_cost
            elif item.publish_on <= today + datetime.timedelta(days=30):
                item.status = ContentItem.Status.IN_PRODUCTION
            elif item.publish_on <= today + datetime.timedelta(days=90):
                item.status = ContentItem.Status.PLANNED
        ContentItem.objects.bulk_update(items, ["status", "actual_cost", "owner"])
        changed += len(items)
    if changed:
        plan_changed(campaign_id=campaign.pk)
    return changed
