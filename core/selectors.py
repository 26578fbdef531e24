from django.db.models import Count, Q

from campaigns.models import Campaign
from organisations.models import Municipality, Team, User


def employee_start_context(*, user: User) -> dict:
    campaign = None
    if user.municipality_id:
        campaign = Campaign.objects.filter(municipalities=user.municipality_id).order_by("-kick_off_date").first()
    return {"campaign": campaign, "municipality": user.municipality, "team": user.team}


def fellow_digicoaches(*, user: User):
    return User.objects.filter(is_digicoach=True, is_active=True, municipality_id=user.municipality_id).exclude(
        pk=user.pk
    )


def programme_lead_start_context() -> dict:
    totals = User.objects.aggregate(
        employees=Count("pk", filter=Q(is_active=True)),
        digicoaches=Count("pk", filter=Q(is_active=True, is_digicoach=True)),
        without_team=Count("pk", filter=Q(is_active=True, team__isnull=True)),
    )
    return {
        "totals": totals,
        "municipality_count": Municipality.objects.count(),
        "team_count": Team.objects.count(),
        "campaigns": Campaign.objects.prefetch_related("municipalities"),
    }
