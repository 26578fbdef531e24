from django.http import Http404

from organisations.access import require_role
from organisations.roles import Role

from . import selectors
from .models import Audience, Persona

# The internal persona texts (resistance, fears) are for the campaign team only.
CAMPAIGN_ROLES = (Role.ADVISOR, Role.PROGRAMME_LEAD)


def require_campaign_team(user):
    require_role(user, *CAMPAIGN_ROLES)


def get_persona_for_campaign_team(user, slug) -> Persona:
    require_campaign_team(user)
    try:
        return selectors.persona_detail(slug=slug)
    except Persona.DoesNotExist:
        raise Http404 from None


def get_audience_for_campaign_team(user, slug) -> Audience:
    require_campaign_team(user)
    try:
        return selectors.audience_list_with_texts(slug=slug).get()
    except Audience.DoesNotExist:
        raise Http404 from None
