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
