"""Calendar arithmetic in one place, on python-dateutil's relativedelta.

Months are represented by their first day (`datetime.date(2027, 3, 1)` is March 2027). Adding
months clamps to the end of a shorter month (31 January + 1 month = 28 or 29 February), as
relativedelta does. Dates for the planner's pages: `short_date`, `long_date` and `month_label`.
"""

import datetime

from dateutil.relativedelta import relativedelta
from django.core.exceptions import ValidationError
from django.utils.formats import date_format
from django.utils.translation import get_language
from django.utils.translation import gettext as _

# Years a person can sensibly mean in this programme; anything else in a URL is a typo or an attack.
MIN_YEAR, MAX_YEAR = 2000, 2100


# The days a person may enter anywhere in the portal: those years. A day outside (year 1, year
# 9999: a typo or a probe) is refused with a message, before any date arithmetic on it overflows.
EARLIEST_DAY = datetime.date(MIN_YEAR, 1, 1)
LATEST_DAY = datetime.date(MAX_YEAR, 12, 31)


def is_plausible_day(day) -> bool:
    """Whether `day` (a date, or None) lies between EARLIEST_DAY and LATEST_DAY."""
    return day is not None and EARLIEST_DAY <= day <= LATEST_DAY


def validate_plausible_day(day) -> None:
    """A model and form field validator: raises ValidationError (Dutch) for a day outside
    EARLIEST_DAY–LATEST_DAY."""
    if day is not None and not is_plausible_day(day):
        raise ValidationError(
            _("Kies een datum tussen %(first)s en %(last)s.")
            % {"first": date_format(EARLIEST_DAY, "j F Y"), "last": date_format(LATEST_DAY, "j F Y")},
            code="implausible_day",
        )


def month_start(day: datetime.date, offset: int = 0) -> datetime.date:
    """First day of the month `offset` months after the month of `day` (negative: before)."""
    return day.replace(day=1) + relativedelta(months=offset)


def month_end(day: datetime.date, offset: int = 0) -> datetime.date:
    """Last day of the month `offset` months after the month of `day`."""
    return month_start(day, offset) + relativedelta(months=1, days=-1)


def add_months(day: datetime.date, months: int) -> datetime.date:
    """The same day `months` months later, clamped to the end of a shorter month."""
    return day + relativedelta(months=months)


def day_of_month(month: datetime.date, day: int) -> datetime.date:
    """Day number `day` of the month of `month`, clamped to its last day (31 in April is 30 April)."""
    return min(month.replace(day=1) + datetime.timedelta(days=day - 1), month_end(month))


def months_between(first: datetime.date, last: datetime.date) -> list[datetime.date]:
    """The first days of every month from the month of `first` up to and including that of `last`."""
    months, month = [], month_start(first)
    while month <= last:
        months.append(month)
        month = month_start(month, 1)
    return months


def parse_month(value, default: datetime.date) -> datetime.date:
    """A month from text like '2027-03' (as in `?maand=2027-03`); the month of `default` when the
    text is missing, malformed or outside the years MIN_YEAR–MAX_YEAR. Never raises."""
    try:
        year, month = (int(part) for part in str(value or "").split("-"))
        if MIN_YEAR <= year <= MAX_YEAR:
            return datetime.date(year, month, 1)
    except ValueError:
        pass
    return month_start(default)


# Dates as the planner shows them. Dutch writes month abbreviations in lower case ("3 mrt"); the
# year is left out only where it is obvious: the date lies in the one calendar year of `period`.
def _shows_year(day: datetime.date, period) -> bool:
    if not period:
        return True
    first, last = period
    return first.year != last.year or day.year != first.year


def _abbreviated_month() -> str:
    return "b" if (get_language() or "nl").startswith("nl") else "M"


def short_date(day: datetime.date, period=None) -> str:
    """'3 mrt', or '3 mrt 2027' when the year is not obvious from `period` ((first, last) days)."""
    fmt = f"j {_abbreviated_month()}"
    return date_format(day, f"{fmt} Y" if _shows_year(day, period) else fmt)


def long_date(day: datetime.date, period=None) -> str:
    """'3 maart', or '3 maart 2027' when the year is not obvious from `period`."""
    return date_format(day, "j F Y" if _shows_year(day, period) else "j F")


def month_label(month: datetime.date, period=None) -> str:
    """'mrt', or 'mrt 2027' when the year is not obvious from `period`: a column heading of months."""
    fmt = _abbreviated_month()
    return date_format(month, f"{fmt} Y" if _shows_year(month, period) else fmt)
