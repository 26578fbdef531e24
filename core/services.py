"""Workflows that span apps, each one atomic service (the composing layer).

Apps below never import each other sideways to get a job done; what needs several of them at
once is composed here and used by every caller (views, the demo seed, the admin).
"""

import datetime
from decimal import Decimal

from django.db import transaction

from campaigns.models import Campaign
from campaigns.services import campaign_start
from selfscan.services import rounds_create_for_campaign


@transaction.atomic
def programme_year_start(
    *,
    name: str,
    kick_off_date: datetime.date,
    end_date: datetime.date,
    municipalities,
    budget: Decimal | None = None,
    with_plan_template: bool = False,
    owner=None,
) -> Campaign:
    """Start a programme year: the campaign, the plan's phases (§6), every municipality's channels
    (§5.2), if asked the plan's example content (§5.1) owned by `owner`, and both zelfscan rounds
    (round 1 from the kick-off, due two months later; round 2 in November).

    `budget` in euros (default € 20.000). All or nothing: raises ValidationError (a duplicate name,
    an end date not after the kick-off, a negative budget) and then nothing is created.
    """
    campaign = campaign_start(
        name=name,
        kick_off_date=kick_off_date,
        end_date=end_date,
        municipalities=municipalities,
        budget=budget,
        with_plan_template=with_plan_template,
        owner=owner,
    )
    rounds_create_for_campaign(campaign=campaign)
    return campaign
