"""The demo's programme year, started the way a programme lead starts one."""

import datetime

from campaigns.models import Campaign
from common.workdays import next_working_day

from .services import programme_year_start


def programme_year_seed(*, year: int, municipalities) -> tuple[Campaign, bool]:
    """(the campaign 'Digivaardig YEAR', whether it was created now). The plan's year: prikkelen in
    February, the kick-off on the first working day of March, the second zelfscan in November, the
    results and the festive closing after it (plan §8), so the campaign ends on 31 January of the
    next year; with the plan's example content, all of it within the campaign."""
    existing = Campaign.objects.filter(name=f"Digivaardig {year}").first()
    if existing:
        return existing, False
    campaign = programme_year_start(
        name=f"Digivaardig {year}",
        kick_off_date=next_working_day(datetime.date(year, 3, 1)),
        end_date=datetime.date(year + 1, 1, 31),
        municipalities=list(municipalities),
        with_plan_template=True,
    )
    return campaign, True
