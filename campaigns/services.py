import datetime

from .models import Campaign


def campaign_create(*, name: str, kick_off_date: datetime.date, end_date: datetime.date, municipalities) -> Campaign:
    campaign = Campaign(name=name, kick_off_date=kick_off_date, end_date=end_date)
    campaign.full_clean()
    campaign.save()
    campaign.municipalities.set(municipalities)
    return campaign
