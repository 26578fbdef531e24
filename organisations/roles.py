"""The roles a person can hold, several at once, derived from what the data says about them."""

from django.db import models
from django.db.models import Exists, OuterRef
from django.utils.translation import gettext_lazy as _

from .models import Team, User


class Role(models.TextChoices):
    EMPLOYEE = "employee", _("Medewerker")
    TEAM_LEADER = "team_leader", _("Teamleider")
    ADVISOR = "advisor", _("Communicatieadviseur")
    DIGICOACH = "digicoach", _("Digicoach")
    PROGRAMME_LEAD = "programme_lead", _("Projectleider")


# Order in which start pages are offered: the widest view first.
ROLE_PRIORITY = [Role.PROGRAMME_LEAD, Role.ADVISOR, Role.TEAM_LEADER, Role.DIGICOACH, Role.EMPLOYEE]


def roles_of(user) -> frozenset:
    """Roles of a user, computed once per user object (one small query)."""
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
    leads, advises = (
        User.objects.filter(pk=user.pk)
        .annotate(
            leads=Exists(Team.leaders.through.objects.filter(user_id=OuterRef("pk"))),
            advises=Exists(User.advised_municipalities.through.objects.filter(user_id=OuterRef("pk"))),
        )
        .values_list("leads", "advises")
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
