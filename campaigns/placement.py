"""Where the plan template puts its examples: dates on Dutch working days inside each phase, and the
channels of each municipality that fit an example's form (plan sections 5.1, 5.2 and 6)."""

import datetime

from common.dates import day_of_month, month_start
from common.workdays import is_working_day, next_working_day, nth_weekday

from . import plan_defaults
from .models import Campaign, Channel, Phase

THURSDAY = 3


def _in_phase(day: datetime.date, phase: Phase) -> datetime.date:
    """The first working day from `day`, kept inside the phase (else its last working day before)."""
    day = next_working_day(max(day, phase.starts_on))
    if day > phase.ends_on:
        day = phase.ends_on
        while not is_working_day(day) and day > phase.starts_on:
            day -= datetime.timedelta(days=1)
    return day


def template_dates(*, campaign: Campaign, example: plan_defaults.Example, phase: Phase) -> list[datetime.date]:
    """The dates the plan template gives an example in this campaign (see plan_defaults.When):
    working days inside the example's phase, the kick-off item on the kick-off date itself."""
    when = example.when
    if when.kind == "kick_off":
        if not when.weeks:
            return [campaign.kick_off_date]
        return [_in_phase(campaign.kick_off_date + datetime.timedelta(weeks=when.weeks), phase)]
    if when.kind == "closing":
        days = [day_of_month(campaign.closing_month, when.day)]
    elif when.kind == "after_end":
        days = [campaign.end_date + datetime.timedelta(weeks=when.weeks)]
    elif when.kind == "thursday":
        days = []
        for offset in when.months:
            thursday = nth_weekday(month_start(campaign.kick_off_date, offset), THURSDAY)
            while not is_working_day(thursday):  # Ascension falls on a Thursday: the next one
                thursday += datetime.timedelta(weeks=1)
            days.append(thursday)
        return [day for day in days if phase.starts_on <= day <= phase.ends_on]
    else:
        days = [day_of_month(month_start(campaign.kick_off_date, offset), when.day) for offset in when.months]
    return [_in_phase(day, phase) for day in days]


def template_channels(*, municipality, example, channels) -> list[Channel]:
    """The municipality's channels that fit the example's purposes (plan_defaults.CHANNEL_PURPOSES)."""
    purposes = plan_defaults.CHANNEL_PURPOSES.get(municipality.name)
    if purposes is None:  # a municipality the plan does not describe: its channels of a fitting kind
        return [channel for channel in channels if channel.kind == Channel.Kind.ONLINE][:2]
    wanted = [name for purpose in example.purposes for name in purposes.get(purpose, [])]
    by_name = {channel.name: channel for channel in channels}
    return list(dict.fromkeys(by_name[name] for name in wanted if name in by_name))
