"""Reads for the start pages, which gather what several apps hold about one person or the programme."""

from dataclasses import dataclass

from django.db.models import Count, Q

from campaigns.models import Campaign
from organisations.caching import cached_counts
from organisations.models import Municipality, Team, User


@dataclass(frozen=True)
class EmployeeStart:
    """What the employee's start page shows: their current campaign (or None), municipality and team."""

    campaign: Campaign | None
    municipality: Municipality | None
    team: Team | None


def employee_start_context(*, user: User) -> EmployeeStart:
    """The employee's newest campaign (by kick-off), municipality and team, in two queries."""
    campaign = None
    if user.municipality_id:
        campaign = Campaign.objects.filter(municipalities=user.municipality_id).order_by("-kick_off_date").first()
    team = Team.objects.select_related("municipality").filter(pk=user.team_id).first() if user.team_id else None
    if team is not None and team.municipality_id == user.municipality_id:
        municipality = team.municipality
    else:
        municipality = user.municipality
    return EmployeeStart(campaign=campaign, municipality=municipality, team=team)


def fellow_digicoaches(*, user: User):
    """The other active digicoaches of the person's municipality (a lazy queryset of User)."""
    return User.objects.filter(is_digicoach=True, is_active=True, municipality_id=user.municipality_id).exclude(
        pk=user.pk
    )


@dataclass(frozen=True)
class ProgrammeTotals:
    """Counts for the programme lead's start page; `campaigns` with their municipalities loaded."""

    employees: int
    digicoaches: int
    without_team: int
    municipality_count: int
    team_count: int
    campaigns: list


def programme_lead_start_context() -> ProgrammeTotals:
    """Active employees, digicoaches, employees without a team, municipalities, teams (counts cached
    until the organisation changes, organisations/caching.py) and campaigns."""

    def counts():
        return {
            **User.objects.aggregate(
                employees=Count("pk", filter=Q(is_active=True)),
                digicoaches=Count("pk", filter=Q(is_active=True, is_digicoach=True)),
                without_team=Count("pk", filter=Q(is_active=True, team__isnull=True)),
            ),
            "municipality_count": Municipality.objects.count(),
            "team_count": Team.objects.count(),
        }

    return ProgrammeTotals(
        **cached_counts("programme", [], counts),
        campaigns=list(Campaign.objects.prefetch_related("municipalities")),
    )
