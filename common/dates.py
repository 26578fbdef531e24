"""Calendar arithmetic in one place, on python-dateutil's relativedelta.

Months are represented by their first day (`datetime.date(2027, 3, 1)` is March 2027). Adding
months clamps to the end of a shorter month (31 January + 1 month = 28 or 29 February), as
relativedelta does.
"""

import datetime

from dateutil.relativedelta import relativedelta

# Years a person can sensibly mean in this programme; anything else in a URL is a typo or an attack.
MIN_YEAR, MAX_YEAR = 2000, 2100


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
