"""The roles a person can hold, several at once, derived from what the data says about them."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from .models import User


class Role(models.TextChoices):
    EMPLOYEE = "employee", _("Medewerker")
    TEAM_LEADER = "team_leader", _("Teamleider")
    ADVISOR = "advisor", _("Communicatieadviseur")
    DIGICOACH = "digicoach", _("Digicoach")
    PROGRAMME_LEAD = "programme_lead", _("Projectleider")


# The campaign team: plans the campaign and reads the persona analysis and programme figures.
CAMPAIGN_TEAM = (Role.ADVISOR, Role.PROGRAMME_LEAD)

# Order in which start pages are offered: the widest view first.
ROLE_PRIORITY = [Role.PROGRAMME_LEAD, Role.ADVISOR, Role.TEAM_LEADER, Role.DIGICOACH, Role.EMPLOYEE]


def roles_of(user) -> frozenset:
    """Roles of a user (a frozenset of Role), computed once per user object.

    The session's user is loaded with its role flags (backends.EmailBackend), so this costs no
    query on a page; any other User object costs one small query the first time.
    """
    if not getattr(user, "is_authenticated", False):
        return frozenset()
    cached = getattr(user, "_roles_cache", None)
    if cached is not None:
        return cached
    roles = {Role.EMPLOYEE}
    if user.is_programme_lead:
        roles.add(Role.PROGRAMME_LEAD)
    if user.is_digicoach:
        roles.add(Role.DIGICOACH)
    if hasattr(user, "leads_a_team"):
        leads, advises = user.leads_a_team, user.advises_a_municipality
    else:
        leads, advises = (
            User.objects.with_role_flags()
            .filter(pk=user.pk)
            .values_list("leads_a_team", "advises_a_municipality")
            .get()
        )
    if leads:
        roles.add(Role.TEAM_LEADER)
    if advises:
        roles.add(Role.ADVISOR)
    user._roles_cache = frozenset(roles)
    return user._roles_cache


def has_role(user, *roles) -> bool:
    return bool(roles_of(user) & set(roles))


def primary_role(user):
    held = roles_of(user)
    return next((role for role in ROLE_PRIORITY if role in held), None)
