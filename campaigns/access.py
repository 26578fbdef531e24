from django.http import Http404

from organisations.access import require_role, visible_municipalities
from organisations.roles import Role

from .models import Campaign, ContentItem

PLANNER_ROLES = (Role.ADVISOR, Role.PROGRAMME_LEAD)


def planner_municipalities(user):
    require_role(user, *PLANNER_ROLES)
    return visible_municipalities(user)


def get_campaign_for_user(user, campaign_id) -> Campaign:
    municipalities = planner_municipalities(user)
    try:
        return Campaign.objects.filter(municipalities__in=municipalities).distinct().get(pk=campaign_id)
    except (Campaign.DoesNotExist, ValueError):
        raise Http404 from None


def get_campaign_for_lead(user, campaign_id) -> Campaign:
    require_role(user, Role.PROGRAMME_LEAD)
    try:
        return Campaign.objects.get(pk=campaign_id)
    except (Campaign.DoesNotExist, ValueError):
        raise Http404 from None


def get_item_for_user(user, item_id) -> ContentItem:
    """An item of a municipality the advisor is assigned to (all for the programme lead); 404 otherwise."""
    municipalities = planner_municipalities(user)
    try:
        return ContentItem.objects.select_related("campaign", "municipality", "phase").get(
            pk=item_id, municipality__in=municipalities
        )
    except (ContentItem.DoesNotExist, ValueError):
        raise Http404 from None
