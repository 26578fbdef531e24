"""Reads for the start pages, which gather what several apps hold about one person or the programme."""

import datetime
from dataclasses import dataclass

from django.db.models import Count, Q
from django.utils.translation import get_language

from campaigns.models import Campaign
from coaching.caching import NAMESPACE as SUPPORT
from coaching.selectors import certificate_entries
from common.cache import versioned_many
from learning.selectors import LearningSummary, learning_summary
from organisations.caching import NAMESPACE as ORGANISATION
from organisations.caching import cached_counts, cached_participation, participation_namespace
from organisations.models import Municipality, Team, User

# The versions below see every write; the time limit only bounds the memory that old versions'
# entries hold in the cache (about 2 kB per person visiting).
EMPLOYEE_START_SECONDS = 60 * 60


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


@dataclass(frozen=True)
class EmployeeStartPage:
    """The employee start page's own reads: `start` (EmployeeStart), `learning`
    (learning.selectors.LearningSummary) and `certificates` (coaching.selectors.certificate_entries)."""

    start: EmployeeStart
    learning: LearningSummary
    certificates: list


def employee_start_page(*, user: User, today: datetime.date) -> EmployeeStartPage:
    """The employee start page's reads (EmployeeStartPage), kept in the cache per person, day and
    language until something they show changes: a counted write in the person's municipality (their
    learning, their scans, a round or the campaign itself: organisations.caching.participation_changed),
    people or teams (organisation_changed), or the support programme (certificates:
    coaching.caching.support_changed). Five queries when not cached, none when cached."""

    def build():
        return EmployeeStartPage(
            start=employee_start_context(user=user),
            learning=learning_summary(employee=user, today=today),
            certificates=certificate_entries(employee=user),
        )

    namespaces = [ORGANISATION, SUPPORT]
    if user.municipality_id:
        namespaces.append(participation_namespace(user.municipality_id))
    parts = ["employee-start", user.pk, user.municipality_id, user.team_id, today, get_language()]
    return versioned_many(namespaces, parts, build, seconds=EMPLOYEE_START_SECONDS)


def fellow_digicoaches(*, user: User) -> list[User]:
    """The other active digicoaches of the person's municipality (a list of User), kept until the
    organisation changes (a digicoach registered or stopped, a person moved or deactivated: each
    bumps its version). No query when kept."""
    return cached_counts(
        "fellow-digicoaches",
        [user.pk, user.municipality_id],
        lambda: list(
            User.objects.filter(is_digicoach=True, is_active=True, municipality_id=user.municipality_id)
            .exclude(pk=user.pk)
            .order_by(*User._meta.ordering)
        ),
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
    until the organisation changes, organisations/caching.py) and campaigns. No query when kept."""

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

    # Every campaign is listed: kept until a campaign of any municipality is created or saved (each
    # bumps its municipalities' participation) or the organisation changes.
    municipality_ids = cached_counts(
        "municipality-ids", [], lambda: list(Municipality.objects.values_list("pk", flat=True))
    )
    campaigns = cached_participation(
        "programme-campaigns",
        municipality_ids=municipality_ids,
        parts=[],
        build=lambda: list(Campaign.objects.prefetch_related("municipalities")),
    )
    return ProgrammeTotals(**cached_counts("programme", [], counts), campaigns=campaigns)
