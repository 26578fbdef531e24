"""The demo's programme year, started the way a programme lead starts one."""

import datetime

from campaigns.models import Campaign

from .services import programme_year_start


def programme_year_seed(*, year: int, municipalities) -> tuple[Campaign, bool]:
    """(the campaign 'Digivaardig YEAR', whether it was created now). The plan's year: kick-off in
    March, second zelfscan and wrap-up in November, with the plan's example content."""
    existing = Campaign.objects.filter(name=f"Digivaardig {year}").first()
    if existing:
        return existing, False
    campaign = programme_year_start(
        name=f"Digivaardig {year}",
        kick_off_date=datetime.date(year, 3, 1),
        end_date=datetime.date(year, 11, 30),
        municipalities=list(municipalities),
        with_plan_template=True,
    )
    return campaign, True
