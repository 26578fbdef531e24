"""The one date rule for learning activity, whatever the route (self-logged, the platform's CSV
export, xAPI statements, a digicoach's session or attendance at an inspiration session).

A learning activity's day lies
- not after today in Europe/Amsterdam (timezone.localdate): learning that has not happened yet is
  no learning, and a future month must never show as "actief";
- within a campaign of the employee's municipality (from its kick-off to its end date): only the
  campaign's months count for the learning goal (selectors.learning_months), so a day outside
  every campaign (2019, say, or a typo) would be stored without ever counting.

Every route asks the same LearningDateRule; only the wording differs (to the employee "jouw", to
the programme lead and the platform "deze medewerker"). Loading the rule for many municipalities
at once is one query, so an import of 50,000 rows checks them without a query per row.
"""

import datetime
from dataclasses import dataclass

from django.utils import timezone
from django.utils.translation import gettext as _

from campaigns.models import Campaign
from common.dates import long_date


@dataclass(frozen=True)
class DateProblem:
    """Why a day is refused: `kind` is "future", "no_campaign" or "outside"; for "outside" the
    campaign (first, last day) the employee is pointed to."""

    kind: str
    day: datetime.date
    today: datetime.date
    first: datetime.date | None = None
    last: datetime.date | None = None

    def to_employee(self) -> str:
        """The message for the employee who logs it themselves (the form's date field)."""
        if self.kind == "future":
            return _("Deze datum ligt in de toekomst. Kies vandaag of een eerdere dag.")
        if self.kind == "no_campaign":
            return _("Voor jouw gemeente loopt nog geen campagne. Daarna kun je hier je leren bijhouden.")
        return _("Kies een datum binnen de campagne: van %(first)s tot en met %(last)s.") % {
            "first": long_date(self.first),
            "last": long_date(self.last),
        }

    def to_recorder(self) -> str:
        """The message for whoever records it for the employee (an import, a platform, a coach)."""
        if self.kind == "future":
            return _("de datum %(date)s ligt in de toekomst (vandaag is het %(today)s).") % {
                "date": long_date(self.day),
                "today": long_date(self.today),
            }
        if self.kind == "no_campaign":
            return _("de datum %(date)s ligt in geen campagne: voor de gemeente van deze medewerker is er geen.") % {
                "date": long_date(self.day)
            }
        return _("de datum %(date)s ligt buiten de campagne van deze medewerker (%(first)s tot en met %(last)s).") % {
            "date": long_date(self.day),
            "first": long_date(self.first),
            "last": long_date(self.last),
        }


def _pointed_to(periods, today):
    """The campaign to name in a message: the one running today, else the one that started most
    recently, else the next (as campaigns.selectors.current_campaign chooses)."""
    started = [period for period in periods if period[0] <= today]
    running = [period for period in started if period[1] >= today]
    if running or started:
        return max(running or started)
    return min(periods)


class LearningDateRule:
    """The rule of the module docstring for the employees of some municipalities, loaded once."""

    def __init__(self, *, periods: dict, today: datetime.date):
        self.periods = periods
        self.today = today

    @classmethod
    def for_municipalities(cls, municipality_ids, *, today: datetime.date | None = None) -> "LearningDateRule":
        """The rule for employees of these municipalities (ids; None stands for no municipality).
        One query."""
        ids = {pk for pk in municipality_ids if pk is not None}
        periods = {}
        if ids:
            rows = Campaign.objects.filter(municipalities__in=ids).values_list(
                "municipalities", "kick_off_date", "end_date"
            )
            for municipality_id, first, last in rows.order_by():
                periods.setdefault(municipality_id, set()).add((first, last))
        return cls(periods={pk: sorted(found) for pk, found in periods.items()}, today=today or timezone.localdate())

    @classmethod
    def for_employee(cls, employee, *, today: datetime.date | None = None) -> "LearningDateRule":
        return cls.for_municipalities([employee.municipality_id], today=today)

    def problem(self, day: datetime.date, municipality_id) -> DateProblem | None:
        """Why `day` is refused for an employee of `municipality_id`, or None when it is allowed."""
        if day > self.today:
            return DateProblem("future", day, self.today)
        periods = self.periods.get(municipality_id) or []
        if not periods:
            return DateProblem("no_campaign", day, self.today)
        if any(first <= day <= last for first, last in periods):
            return None
        first, last = _pointed_to(periods, self.today)
        return DateProblem("outside", day, self.today, first, last)
