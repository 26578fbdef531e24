"""Where the plan template puts things: the phases within the campaign's own dates, the examples on
Dutch working days inside their phase and the campaign, and the channels of each municipality that
fit an example's form (plan sections 5.1, 5.2 and 6).

Every date here lies within the campaign period (Campaign.period: from the month before the
kick-off to the end date), so a freshly templated campaign has nothing 'buiten de campagne'.
"""

import datetime

from common.dates import day_of_month, month_end, month_start, months_between
from common.workdays import is_working_day, next_working_day, nth_weekday

from . import plan_defaults
from .models import Campaign, Channel, Phase

THURSDAY = 3
DAY = datetime.timedelta(days=1)


def default_phase_dates(campaign: Campaign) -> dict[str, tuple[datetime.date, datetime.date]]:
    """Phase code -> (first, last day) of the plan's phases for this campaign, all within its period:
    0 from the start of the campaign until the day before the kick-off; 1 the rest of the kick-off
    month; 2.1 the kick-off until the end of the month SCAN_FOCUS_WEEKS later; 2.2 from then until the
    closing month; 2 over both subphases; 3 the closing month (round 2) until the end date."""
    first, last = campaign.period
    kick_off = campaign.kick_off_date
    closing = max(campaign.closing_month, kick_off)
    before_closing = max(kick_off, closing - DAY)
    scan_focus_end = min(month_end(kick_off + datetime.timedelta(weeks=plan_defaults.SCAN_FOCUS_WEEKS)), before_closing)
    dates = {
        "0": (first, max(first, kick_off - DAY)),
        "1": (kick_off, min(month_end(kick_off), before_closing)),
        "2": (kick_off, before_closing),
        "2.1": (kick_off, scan_focus_end),
        "2.2": (min(scan_focus_end + DAY, before_closing), before_closing),
        "3": (closing, last),
    }
    return {code: (max(start, first), min(max(start, end), last)) for code, (start, end) in dates.items()}


def _working_day_between(day: datetime.date, first: datetime.date, last: datetime.date) -> datetime.date | None:
    """The first working day from `day` within first..last, else the last one before it; None if none."""
    day = next_working_day(max(day, first))
    if day <= last:
        return day
    day = last
    while day >= first:
        if is_working_day(day):
            return day
        day -= DAY
    return None


def _phase_for(day: datetime.date, codes: tuple, phases: dict) -> Phase:
    """The first phase of `codes` that holds `day`, else the first of `codes`."""
    for code in codes:
        phase = phases.get(code)
        if phase and phase.starts_on <= day <= phase.ends_on:
            return phase
    return phases[codes[0]]


def _raw_dates(campaign: Campaign, when: plan_defaults.When) -> list[datetime.date]:
    """The example's dates before they are moved onto working days inside a phase."""
    kick_off = campaign.kick_off_date
    first, last = campaign.period
    if when.kind == "start":
        return [first]
    if when.kind == "kick_off":
        return [kick_off + datetime.timedelta(days=when.days)]
    if when.kind == "closing":
        return [day_of_month(campaign.closing_window[0], when.day)]
    if when.kind == "after_round_two":
        return [campaign.closing_window[1] + datetime.timedelta(days=when.days)]
    if when.kind == "month":
        days = [day_of_month(month_start(kick_off, offset), when.day) for offset in when.months]
        return [day for day in days if first <= day <= last]
    if when.kind == "monthly":
        return [day_of_month(month, when.day) for month in months_between(month_start(kick_off, when.months[0]), last)]
    if when.kind == "thursday":
        days = []
        for month in months_between(month_start(kick_off, when.months[0]), campaign.closing_month - DAY):
            thursday = nth_weekday(month, THURSDAY)
            while not is_working_day(thursday):  # Ascension falls on a Thursday: the next one
                thursday += datetime.timedelta(weeks=1)
            days.append(thursday)
        return days
    raise ValueError(f"unknown placement {when.kind!r}")


def template_dates(*, campaign: Campaign, example: plan_defaults.Example, phases: dict) -> list[tuple]:
    """[(date, phase)] the plan template gives an example in this campaign (see plan_defaults.When):
    working days inside the example's phase and the campaign; the kick-off item on the kick-off date
    (itself a working day, Campaign.clean). `phases`: code -> Phase of the campaign."""
    codes = example.phase if isinstance(example.phase, tuple) else (example.phase,)
    placed = []
    for raw in _raw_dates(campaign, example.when):
        if example.when.kind == "monthly":
            # Each month keeps its own item: moved within that month (and the campaign), never out of it.
            first, last = campaign.period
            day = _working_day_between(raw, max(month_start(raw), first), min(month_end(raw), last))
        elif example.when.kind == "thursday":
            phase = _phase_for(raw, codes, phases)
            day = raw if phase.starts_on <= raw <= phase.ends_on else None
        else:
            phase = _phase_for(raw, codes, phases)
            day = _working_day_between(raw, phase.starts_on, phase.ends_on)
        if day is not None:
            placed.append((day, _phase_for(day, codes, phases)))
    if example.when.kind == "after_round_two":
        placed = [(_fit_after_round_two(campaign, day, example), phase) for day, phase in placed]
    return placed


def _fit_after_round_two(campaign: Campaign, day: datetime.date, example) -> datetime.date:
    """The results and the festive closing in order, a week apart, before the end date."""
    festive_days = 7 * plan_defaults.FESTIVE_AFTER_WEEKS
    opens, closes = campaign.closing_window
    festive = _working_day_between(closes + datetime.timedelta(days=festive_days), opens, campaign.end_date) or day
    if example.when.days >= festive_days:
        return festive
    latest = festive - datetime.timedelta(weeks=1)
    if day <= latest:
        return day
    return _working_day_between(latest, opens, latest) or day


def template_channels(*, municipality, example, channels) -> list[Channel]:
    """The municipality's channels that fit the example's purposes (plan_defaults.CHANNEL_PURPOSES)."""
    purposes = plan_defaults.CHANNEL_PURPOSES.get(municipality.name)
    if purposes is None:  # a municipality the plan does not describe: its channels of a fitting kind
        return [channel for channel in channels if channel.kind == Channel.Kind.ONLINE][:2]
    wanted = [name for purpose in example.purposes for name in purposes.get(purpose, [])]
    by_name = {channel.name: channel for channel in channels}
    return list(dict.fromkeys(by_name[name] for name in wanted if name in by_name))
