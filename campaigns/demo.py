import datetime

from .models import Campaign
from .services import campaign_create


def campaign_seed(*, year: int, municipalities) -> Campaign:
    """The plan's year: kick-off in March, second zelfscan and wrap-up in November."""
    existing = Campaign.objects.filter(name=f"Digivaardig {year}").first()
    if existing:
        return existing
    return campaign_create(
        name=f"Digivaardig {year}",
        kick_off_date=datetime.date(year, 3, 1),
        end_date=datetime.date(year, 11, 30),
        municipalities=municipalities,
    )
