"""Reads of the organisation: municipalities, teams and people (never scan data)."""

from django.db.models import Count, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce

from .caching import cached_counts
from .models import Municipality, Team, User


def _count_of(queryset):
    # A correlated subquery per figure: joining teams and employees together would multiply the rows.
    return Coalesce(Subquery(queryset.values("municipality").annotate(n=Count("pk")).values("n")[:1]), 0)


def municipality_list_with_counts(*, municipalities) -> list[Municipality]:
    """`municipalities` (a queryset) by name, each with `team_count` and active `employee_count`.

    The counts come from the cache while the organisation is unchanged (caching.py).
    """
    ids = sorted(municipalities.values_list("pk", flat=True))

    def build():
        return list(
            Municipality.objects.filter(pk__in=ids)
            .annotate(
                team_count=_count_of(Team.objects.filter(municipality=OuterRef("pk"))),
                employee_count=_count_of(User.objects.filter(municipality=OuterRef("pk"), is_active=True)),
            )
            .order_by("name")
        )

    return cached_counts("municipalities", ids, build)


def team_list_for_municipality(*, municipality: Municipality) -> list[Team]:
    """The municipality's teams by name, with `member_count` (active) and their leaders loaded (cached)."""

    def build():
        return list(
            Team.objects.filter(municipality=municipality)
            .annotate(member_count=Count("members", filter=Q(members__is_active=True)))
            .prefetch_related("leaders")
            .order_by("name")
        )

    return cached_counts("teams", [municipality.pk], build)


def team_members(*, team: Team):
    """The team's active members by surname (a lazy queryset of User, for a paginator)."""
    return team.members.filter(is_active=True).order_by(*User._meta.ordering)


def employee_search(*, query: str = "", municipality_id=None):
    """Active employees whose name or e-mail contains `query` (or whose employee number is it),
    optionally of one municipality; by surname, with municipality and team loaded."""
    employees = User.objects.filter(is_active=True).select_related("municipality", "team")
    if query:
        employees = employees.filter(
            Q(first_name__icontains=query)
            | Q(last_name__icontains=query)
            | Q(email__icontains=query)
            | Q(employee_number__iexact=query)
        )
    if municipality_id:
        employees = employees.filter(municipality_id=municipality_id)
    return employees.order_by(*User._meta.ordering)


def employee_search_count(*, query: str = "", municipality_id=None) -> int:
    """How many employees employee_search finds, from the cache while the organisation is unchanged."""
    return cached_counts(
        "employee-search",
        [municipality_id or "", query.casefold()],
        lambda: employee_search(query=query, municipality_id=municipality_id).count(),
    )


def led_teams(*, user: User):
    """The teams `user` leads, by name, with municipality and active `member_count`."""
    return (
        Team.objects.filter(leaders=user)
        .select_related("municipality")
        .annotate(member_count=Count("members", filter=Q(members__is_active=True)))
        .order_by("name")
    )
