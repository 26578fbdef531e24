import datetime

import pytest
from django.utils import timezone

from campaigns.tests.factories import CampaignFactory


@pytest.fixture
def campaign(municipality):
    """A campaign of the employee's municipality running today: from the first day of the month two
    months ago to the end of next month."""
    today = timezone.localdate()
    kick_off = (today.replace(day=1) - datetime.timedelta(days=40)).replace(day=1)
    end = (today.replace(day=28) + datetime.timedelta(days=35)).replace(day=28)
    return CampaignFactory(name="Digivaardig test", kick_off_date=kick_off, end_date=end, municipalities=[municipality])


@pytest.fixture
def learning_campaign(request, municipality):
    """A campaign of the municipality from 1 January 2026 to two months from today: the fixed
    2026 dates of the platform's examples lie in it (the learning date rule, date_rule.py), and a
    day after today is still refused as future. Not with `world`, which brings its own campaigns
    (a municipality takes part in one campaign at a time)."""
    if "world" in request.fixturenames:
        return None
    end = timezone.localdate() + datetime.timedelta(days=60)
    return CampaignFactory(
        name="Digivaardig 2026", kick_off_date=datetime.date(2026, 1, 1), end_date=end, municipalities=[municipality]
    )
