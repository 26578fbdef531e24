"""The internal persona texts (resistance, fears) are for the campaign team only."""

from django.http import Http404

from organisations.access import require_campaign_team

from . import selectors
from .models import Audience, Persona


def get_persona_for_campaign_team(user, slug, *, with_texts: bool = True) -> Persona:
    """The persona for the campaign team, with its statements and audience texts loaded
    (selectors.persona_detail) or, `with_texts` False, the row alone (one query); 403 for other
    roles, 404 for an unknown slug."""
    require_campaign_team(user)
    try:
        return selectors.persona_detail(slug=slug) if with_texts else Persona.objects.get(slug=slug)
    except Persona.DoesNotExist:
        raise Http404 from None


def get_audience_for_campaign_team(user, slug) -> Audience:
    """The audience (with its persona) for the campaign team; 403 for other roles, 404 for an
    unknown slug. One query: its texts are read where they are shown."""
    require_campaign_team(user)
    try:
        return Audience.objects.select_related("persona").get(slug=slug)
    except Audience.DoesNotExist:
        raise Http404 from None
