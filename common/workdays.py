"""Dutch working days: not Saturday or Sunday, and not a public holiday.

Public holidays come from the `holidays` library's Dutch calendar: New Year, Good Friday, Easter,
Koningsdag (26 April when the 27th is a Sunday), Bevrijdingsdag in lustrum years (2025, 2030, …),
Ascension, Whit Monday and Christmas.
"""

import datetime
from functools import lru_cache

import holidays


@lru_cache(maxsize=64)
def _dutch_holidays(year: int) -> dict:
    return dict(holidays.country_holidays("NL", years=year, language="nl"))


def holiday_name(day: datetime.date) -> str | None:
    """The Dutch name of the public holiday on `day` ('Koningsdag'), or None."""
    return _dutch_holidays(day.year).get(day)


def non_working_reason(day: datetime.date) -> str | None:
    """Why `day` is no working day ('zaterdag', 'zondag' or the holiday's name), or None."""
    if day.weekday() == 5:
        return "zaterdag"
    if day.weekday() == 6:
        return "zondag"
    return holiday_name(day)


def is_working_day(day: datetime.date) -> bool:
    return non_working_reason(day) is None


def next_working_day(day: datetime.date) -> datetime.date:
    """`day` itself when it is a working day, else the first working day after it."""
    while not is_working_day(day):
        day += datetime.timedelta(days=1)
    return day


def nth_weekday(month: datetime.date, weekday: int, n: int = 1) -> datetime.date:
    """The n-th given weekday (0 = Monday … 3 = Thursday) of the month of `month`."""
    first = month.replace(day=1)
    return first + datetime.timedelta(days=(weekday - first.weekday()) % 7 + 7 * (n - 1))
