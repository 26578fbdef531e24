import datetime

import pytest
from django.core import mail

from campaigns.services import campaign_create
from organisations.tests.factories import TeamFactory, UserFactory
from selfscan.services import rounds_create_for_campaign

KICK_OFF = datetime.date(2027, 3, 1)  # a Monday


@pytest.fixture
def programme(shipped_content, municipality):
    """The 2027 programme year of one municipality with two teams of employees."""
    campaign = campaign_create(
        name="Digivaardig 2027",
        kick_off_date=KICK_OFF,
        end_date=datetime.date(2027, 11, 30),
        municipalities=[municipality],
    )
    baseline, final = rounds_create_for_campaign(campaign=campaign)
    teams = [TeamFactory(municipality=municipality, name=name) for name in ("Burgerzaken", "Belastingen")]
    people = [UserFactory(team=teams[index % 2], municipality=municipality) for index in range(6)]
    teams[0].leaders.add(people[0])
    teams[1].leaders.add(people[1])
    mail.outbox = []
    return {"campaign": campaign, "baseline": baseline, "final": final, "teams": teams, "people": people}
