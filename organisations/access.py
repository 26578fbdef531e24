"""Scoped access helpers: every view fetches what it shows through one of these.

An outsider gets a 404 for an object (so its existence is not disclosed); someone who may see a
page but not change it gets a 403.
"""

from django.core.exceptions import PermissionDenied
from django.http import Http404

from .models import Municipality, Team
from .roles import Role, has_role


def require_role(user, *roles):
    if not has_role(user, *roles):
        raise PermissionDenied


def visible_municipalities(user):
    """Municipalities whose programme data this user may read."""
    if has_role(user, Role.PROGRAMME_LEAD):
        return Municipality.objects.all()
    return user.advised_municipalities.all()


def get_municipality_for_user(user, municipality_id) -> Municipality:
    require_role(user, Role.PROGRAMME_LEAD, Role.ADVISOR)
    try:
        return visible_municipalities(user).get(pk=municipality_id)
    except (Municipality.DoesNotExist, ValueError):
        raise Http404 from None


def visible_teams(user):
    """Teams whose participation (never individual scores) this user may see."""
    if has_role(user, Role.PROGRAMME_LEAD):
        return Team.objects.all()
    return Team.objects.filter(leaders=user)


def get_team_for_user(user, team_id) -> Team:
    require_role(user, Role.PROGRAMME_LEAD, Role.TEAM_LEADER)
    try:
        return visible_teams(user).select_related("municipality").get(pk=team_id)
    except (Team.DoesNotExist, ValueError):
        raise Http404 from None
