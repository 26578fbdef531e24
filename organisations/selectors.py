from django.db.models import Count, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce

from .models import Municipality, Team, User


def _count_of(queryset):
    # A correlated subquery per figure: joining teams and employees together would multiply the rows.
    return Coalesce(Subquery(queryset.values("municipality").annotate(n=Count("pk")).values("n")[:1]), 0)


def municipality_list_with_counts(*, municipalities):
    return municipalities.annotate(
        team_count=_count_of(Team.objects.filter(municipality=OuterRef("pk"))),
        employee_count=_count_of(User.objects.filter(municipality=OuterRef("pk"), is_active=True)),
    ).order_by("name")


def team_list_for_municipality(*, municipality: Municipality):
    return (
        Team.objects.filter(municipality=municipality)
        .annotate(member_count=Count("members", filter=Q(members__is_active=True)))
        .prefetch_related("leaders")
        .order_by("name")
    )


def team_members(*, team: Team):
    return team.members.filter(is_active=True).order_by("last_name", "first_name")


def employee_search(*, query: str = "", municipality_id=None):
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
    return employees.order_by("last_name", "first_name", "pk")


def led_teams(*, user: User):
    return (
        Team.objects.filter(leaders=user)
        .select_related("municipality")
        .annotate(member_count=Count("members", filter=Q(members__is_active=True)))
        .order_by("name")
    )
