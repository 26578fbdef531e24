"""The internal persona texts (resistance, fears) are for the campaign team only."""

from django.http import Http404

from common.access import found_or_404
from common.cache import versioned
from organisations.access import require_campaign_team

from . import selectors
from .caching import NAMESPACE, PAGE_SECONDS
from .models import Audience, Persona


def get_persona_for_campaign_team(user, slug, *, with_texts: bool = True, kept: bool = False) -> Persona:
    """The persona for the campaign team, with its statements and audience texts loaded
    (selectors.persona_detail) or, `with_texts` False, the row alone (one query); 403 for other
    roles, 404 for an unknown slug. `kept` (the row alone, for a page that only shows it: a GET):
    from the cache until a persona or audience text is saved (caching.personas_changed)."""
    require_campaign_team(user)
    if kept and not with_texts:
        return found_or_404(
            versioned(
                NAMESPACE,
                ["persona-row", slug],
                lambda: Persona.objects.filter(slug=slug).first(),
                seconds=PAGE_SECONDS,
            )
        )
    try:
        return selectors.persona_detail(slug=slug) if with_texts else Persona.objects.get(slug=slug)
    except Persona.DoesNotExist:
        raise Http404 from None


def get_audience_for_campaign_team(user, slug, *, kept: bool = False) -> Audience:
    """The audience (with its persona) for the campaign team; 403 for other roles, 404 for an
    unknown slug. One query: its texts are read where they are shown. `kept`: for a page that only
    shows it (a GET), from the cache until a persona or audience text is saved."""
    require_campaign_team(user)

    def find():
        return Audience.objects.select_related("persona").filter(slug=slug).first()

    return found_or_404(versioned(NAMESPACE, ["audience-row", slug], find, seconds=PAGE_SECONDS) if kept else find())
