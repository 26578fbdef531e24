"""Scoped access helpers: every view fetches what it shows through one of these.

An outsider gets a 404 for an object (so its existence is not disclosed); someone who may see a
page but not change it gets a 403. The helpers return the scope a view needs, so no view computes
it again.
"""

from django.core.exceptions import PermissionDenied
from django.http import Http404

from .caching import cached_counts
from .models import Municipality, Team
from .roles import CAMPAIGN_TEAM, Role, has_role
from .selectors import all_municipalities


def require_role(user, *roles) -> None:
    """Raises PermissionDenied (403) unless `user` holds one of `roles`."""
    if not has_role(user, *roles):
        raise PermissionDenied


def require_campaign_team(user) -> None:
    """Raises PermissionDenied unless `user` is a communication advisor or the programme lead."""
    require_role(user, *CAMPAIGN_TEAM)


def visible_municipalities(user):
    """Municipalities whose programme data this user may read: all for the programme lead, the
    advised ones for an advisor, none otherwise. A lazy queryset of Municipality."""
    if has_role(user, Role.PROGRAMME_LEAD):
        return Municipality.objects.all()
    return user.advised_municipalities.all()


def visible_municipality_ids(user) -> list[int]:
    """The ids of visible_municipalities(user), ascending: for a cache key or a filter on another
    table without a join. Kept until the organisation changes (organisation_changed: roles and
    advised municipalities are edited with the person). No query when kept, one otherwise."""
    return cached_counts(
        "visible-municipality-ids",
        [user.pk, has_role(user, Role.PROGRAMME_LEAD)],
        lambda: sorted(visible_municipalities(user).values_list("pk", flat=True)),
    )


def visible_municipality_list(user, *, among=None) -> list[Municipality]:
    """visible_municipalities(user) by name as a list (of those whose ids are in `among`, when
    given: a campaign's, say), from kept reads: no query when kept (the ids and the names are the
    organisation's: organisation_changed)."""
    allowed = set(visible_municipality_ids(user))
    if among is not None:
        allowed &= set(among)
    return [municipality for municipality in all_municipalities() if municipality.pk in allowed]


def get_municipality_for_user(user, municipality_id) -> Municipality:
    """The municipality if the campaign team member may read it. 403 for other roles, 404 otherwise."""
    require_campaign_team(user)
    try:
        return visible_municipalities(user).get(pk=municipality_id)
    except (Municipality.DoesNotExist, ValueError):
        raise Http404 from None


def visible_teams(user):
    """Teams whose participation (never individual scores) this user may see: all for the programme
    lead, the led ones for a team leader. A lazy queryset of Team."""
    if has_role(user, Role.PROGRAMME_LEAD):
        return Team.objects.all()
    return Team.objects.filter(leaders=user)


def get_team_for_user(user, team_id) -> Team:
    """The team (with its municipality) if `user` leads it or is the programme lead; 403/404 otherwise."""
    require_role(user, Role.PROGRAMME_LEAD, Role.TEAM_LEADER)
    try:
        return visible_teams(user).select_related("municipality").get(pk=team_id)
    except (Team.DoesNotExist, ValueError):
        raise Http404 from None
