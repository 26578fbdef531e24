"""The internal persona texts (resistance, fears) are for the campaign team only."""

from django.http import Http404

from organisations.access import require_campaign_team

from . import selectors
from .models import Audience, Persona


def get_persona_for_campaign_team(user, slug) -> Persona:
    """The persona with its texts for the campaign team; 403 for other roles, 404 for an unknown slug."""
    require_campaign_team(user)
    try:
        return selectors.persona_detail(slug=slug)
    except Persona.DoesNotExist:
        raise Http404 from None


def get_audience_for_campaign_team(user, slug) -> Audience:
    """The audience with its texts for the campaign team; 403 for other roles, 404 for an unknown slug."""
    require_campaign_team(user)
    try:
        return selectors.audience_list_with_texts(slug=slug).get()
    except Audience.DoesNotExist:
        raise Http404 from None
