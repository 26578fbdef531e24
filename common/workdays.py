"""Dutch working days: not Saturday or Sunday, and not a public holiday.

Public holidays come from the `holidays` library's Dutch calendar: New Year, Good Friday, Easter,
Koningsdag (26 April when the 27th is a Sunday), Bevrijdingsdag in lustrum years (2025, 2030, …),
Ascension, Whit Monday and Christmas.
"""

import datetime
from functools import lru_cache

import holidays
from django.utils import formats, translation

# The holidays library's names per interface language (its Dutch calendar knows these two).
HOLIDAY_LANGUAGES = {"nl": "nl", "en": "en_US"}


@lru_cache(maxsize=64)
def _dutch_holidays(year: int, language: str = "nl") -> dict:
    return dict(holidays.country_holidays("NL", years=year, language=language))


def holiday_name(day: datetime.date) -> str | None:
    """The name of the Dutch public holiday on `day` in the active language ('Koningsdag', in
    English "King's Day"), or None."""
    language = HOLIDAY_LANGUAGES.get((translation.get_language() or "nl")[:2], "nl")
    return _dutch_holidays(day.year, language).get(day)


def non_working_reason(day: datetime.date) -> str | None:
    """Why `day` is no working day, in the active language: its weekday ('zaterdag', 'zondag') or the
    holiday's name; None on a working day."""
    if day.weekday() >= 5:
        return formats.date_format(day, "l")
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
