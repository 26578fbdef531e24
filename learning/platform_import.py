"""Reading the learning platform's export (CSV) and checking all of it before anything is written.

Columns (any order, extra columns ignored, Dutch names accepted): email, activity_id, title, date,
minutes. A person is found by the normalised e-mail address (trimmed, lower case); the platform's
activity id makes a second import of the same rows change nothing. `services.platform_export_import`
only ever receives a file without errors.
"""

import csv
import datetime
import re
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.utils import timezone
from django.utils.translation import gettext as _

from common.csv_import import LineError as RowError
from common.csv_import import read_csv
from common.dates import is_plausible_day
from organisations.identity import normalise_email
from organisations.models import User

from .date_rule import LearningDateRule
from .models import LearningActivity

REQUIRED_COLUMNS = ("email", "activity_id", "title", "date", "minutes")
# Other names the platform (or a person with Excel) may give the columns.
COLUMN_ALIASES = {
    "e_mail": "email",
    "e_mailadres": "email",
    "emailadres": "email",
    "mail": "email",
    "activiteit_id": "activity_id",
    "activityid": "activity_id",
    "id": "activity_id",
    "titel": "title",
    "naam": "title",
    "datum": "date",
    "minuten": "minutes",
    "duur_minuten": "minutes",
}
MAX_LENGTHS = {
    "activity_id": LearningActivity._meta.get_field("external_id").max_length,
    "title": LearningActivity._meta.get_field("title").max_length,
}
DATE_FORMATS = ("%Y-%m-%d", "%d-%m-%Y", "%d/%m/%Y", "%d.%m.%Y")
LOOKUP_CHUNK = 500


@dataclass(frozen=True)
class PlatformRow:
    """One valid line: the employee's id, the platform's activity id, title, date and minutes (or None)."""

    line: int
    employee_id: int
    activity_id: str
    title: str
    date: datetime.date
    minutes: int | None


@dataclass
class ParsedPlatformExport:
    """The file's rows when it has no errors, else its errors (RowError, by line) and no rows."""

    rows: list = field(default_factory=list)
    errors: list = field(default_factory=list)

    @property
    def is_valid(self):
        return not self.errors


def _column_name(name: str) -> str:
    key = re.sub(r"[\s\-]+", "_", name.strip().lstrip("\ufeff").lower())
    return COLUMN_ALIASES.get(key, key)


def parse_date(text: str) -> datetime.date | None:
    """A date as a platform or Excel writes it: 2026-03-14, 14-03-2026, 14/03/2026, or an ISO
    date and time (2026-03-14T10:00:00Z, in the portal's time zone). None when it is none of these."""
    text = text.strip()
    if len(text) == 10 and text[4:5] == "-":
        try:
            day = datetime.date.fromisoformat(text)  # the common case, without strptime's cost
        except ValueError:
            return None
        return day if is_plausible_day(day) else None
    for pattern in DATE_FORMATS:
        try:
            day = datetime.datetime.strptime(text, pattern).date()  # noqa: DTZ007 - a calendar date
        except ValueError:
            continue
        return day if is_plausible_day(day) else None
    try:
        moment = datetime.datetime.fromisoformat(text.replace("z", "Z"))
    except ValueError:
        return None
    if not is_plausible_day(moment.date()):
        return None
    return timezone.localtime(moment).date() if timezone.is_aware(moment) else moment.date()


def _employees_by_email(emails) -> dict[str, tuple[int, int | None]]:
    """E-mail address -> (employee id, municipality id)."""
    found, emails = {}, sorted(emails)
    for start in range(0, len(emails), LOOKUP_CHUNK):
        chunk = emails[start : start + LOOKUP_CHUNK]
        for email, pk, municipality_id in User.objects.filter(email__in=chunk).values_list(
            "email", "pk", "municipality_id"
        ):
            found[email.lower()] = (pk, municipality_id)
    return found


def _file_column_names(raw: bytes, canonical: list) -> dict[str, str]:
    """Each column (its canonical name) as the file's header writes it ("Titel", "minuten"), so a
    message names the column the person sees in their file."""
    first = raw.split(b"\n", 1)[0].decode("utf-8-sig", errors="replace").strip("\r")
    delimiter = ";" if first.count(";") > first.count(",") else ","
    try:
        written = next(csv.reader([first], delimiter=delimiter))
    except (csv.Error, StopIteration):
        return {}
    names = {}
    for name, column in zip(written, canonical, strict=False):
        names.setdefault(column, name.strip().lstrip("\ufeff") or column)
    return names


def platform_export_parse(raw: bytes, *, today: datetime.date | None = None) -> ParsedPlatformExport:
    """Parse and check the whole export; every bad line is reported with its number (line 1 is the
    header) and names the column as the file does. Dates the learning date rule refuses (date_rule:
    in the future, outside the employee's campaign) are refused; unknown e-mail addresses too."""
    today = today or timezone.localdate()
    result = ParsedPlatformExport()
    canonical = []

    def column_name(name):
        canonical.append(_column_name(name))
        return canonical[-1]

    read = read_csv(raw, required=REQUIRED_COLUMNS, column_name=column_name)
    if read.errors:
        result.errors = read.errors
        return result
    names = {column: column for column in REQUIRED_COLUMNS} | _file_column_names(raw, canonical)
    records, seen_ids = [], {}
    for line, record in read.rows:
        errors = _check_record(record, line, seen_ids, names)
        result.errors.extend(errors)
        if not errors:
            records.append((line, record))

    employees = _employees_by_email({record["email"] for _line, record in records})
    rule = LearningDateRule.for_municipalities({municipality for _pk, municipality in employees.values()}, today=today)
    rows = []
    for line, record in records:
        employee = employees.get(record["email"])
        if employee is None:
            result.errors.append(
                RowError(line, _("geen medewerker met e-mailadres %(email)s.") % {"email": record["email"]})
            )
            continue
        employee_id, municipality_id = employee
        problem = rule.problem(record["date"], municipality_id)
        if problem is not None:
            result.errors.append(RowError(line, f"{names['date']}: {problem.to_recorder()}"))
            continue
        minutes = record["minutes"]
        rows.append(
            PlatformRow(
                line=line,
                employee_id=employee_id,
                activity_id=record["activity_id"],
                title=" ".join(record["title"].split()),
                date=record["date"],
                # 0 minutes is no known duration (an activity's minutes are MIN_MINUTES or more).
                minutes=int(minutes) or None if minutes else None,
            )
        )
    result.errors.sort(key=lambda error: error.line)
    if not result.errors and not rows:
        result.errors.append(RowError(2, _("Het bestand bevat geen activiteiten.")))
    result.rows = rows if not result.errors else []
    return result


def _check_record(record, line, seen_ids, names):
    """The checks of one line that need no database; `names`: each column as the file names it."""
    errors = []

    def error(message):
        errors.append(RowError(line, message))

    record["email"] = normalise_email(record["email"])
    try:
        validate_email(record["email"])
    except ValidationError:
        error(_("'%(email)s' is geen geldig e-mailadres.") % {"email": record["email"][:100]})
    for column, limit in MAX_LENGTHS.items():
        if len(record[column]) > limit:
            error(_("%(column)s is langer dan %(limit)s tekens.") % {"column": names[column], "limit": limit})
    if not record["activity_id"]:
        error(_("%(column)s ontbreekt.") % {"column": names["activity_id"]})
    elif record["activity_id"] in seen_ids:
        error(
            _("%(column)s %(id)s staat ook op regel %(other)s.")
            % {
                "column": names["activity_id"],
                "id": record["activity_id"][:100],
                "other": seen_ids[record["activity_id"]],
            }
        )
    else:
        seen_ids[record["activity_id"]] = line
    if not record["title"]:
        error(_("%(column)s ontbreekt.") % {"column": names["title"]})
    day = parse_date(record["date"])
    if day is None:
        error(
            _("%(column)s: '%(date)s' is geen datum; gebruik bijvoorbeeld 2026-03-14.")
            % {"column": names["date"], "date": record["date"][:40]}
        )
    record["date"] = day
    minutes = record["minutes"]
    if minutes and not (re.fullmatch(r"[0-9]{1,5}", minutes) and int(minutes) <= LearningActivity.MAX_MINUTES):
        error(
            _("%(column)s moet een heel aantal minuten zijn, van 0 tot en met %(max)s.")
            % {"column": names["minutes"], "max": LearningActivity.MAX_MINUTES}
        )
    return errors
