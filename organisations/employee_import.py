"""Reading and validating an HR export of employees (CSV) before anything is written.

The whole file is checked first; `services.employees_import` only ever receives a clean file.
"""

import csv
import io
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.utils.translation import gettext as _

from common.csv_files import RowError, decode_csv, delimiter_of

from .models import Municipality, Team, User

REQUIRED_COLUMNS = ("email", "first_name", "last_name", "municipality", "team")
OPTIONAL_COLUMNS = ("is_team_leader", "employee_number")
# Column -> the model field it lands in; the length limits are the fields' own.
COLUMN_FIELDS = {
    "email": User._meta.get_field("email"),
    "first_name": User._meta.get_field("first_name"),
    "last_name": User._meta.get_field("last_name"),
    "team": Team._meta.get_field("name"),
    "employee_number": User._meta.get_field("employee_number"),
}
MAX_LENGTHS = {column: field.max_length for column, field in COLUMN_FIELDS.items()}
TRUE_WORDS = {"1", "ja", "j", "yes", "y", "true", "waar", "x"}
FALSE_WORDS = {"", "0", "nee", "n", "no", "false", "onwaar"}
LOOKUP_CHUNK = 500


@dataclass
class EmployeeRow:
    line: int
    email: str
    first_name: str
    last_name: str
    municipality: Municipality
    team_name: str
    is_team_leader: bool
    employee_number: str


@dataclass
class ParsedImport:
    rows: list = field(default_factory=list)
    errors: list = field(default_factory=list)

    @property
    def is_valid(self):
        return not self.errors


def _municipality_index():
    index = {}
    for municipality in Municipality.objects.all():
        index[municipality.name.casefold()] = municipality
        index[municipality.slug.casefold()] = municipality
    return index


def _employee_number_owners(numbers):
    owners = {}
    numbers = list(numbers)
    for start in range(0, len(numbers), LOOKUP_CHUNK):
        chunk = numbers[start : start + LOOKUP_CHUNK]
        for number, email in User.objects.filter(employee_number__in=chunk).values_list("employee_number", "email"):
            owners[number] = email.lower()
    return owners


def employee_import_parse(raw: bytes) -> ParsedImport:
    """Parse and validate the whole file; every bad row is reported with its line number."""
    result = ParsedImport()
    try:
        text = decode_csv(raw)
    except ValueError as error:
        result.errors.append(RowError(1, str(error)))
        return result
    lines = text.splitlines()
    if not lines or not lines[0].strip():
        result.errors.append(RowError(1, _("Het bestand is leeg of de eerste regel (de kolomnamen) ontbreekt.")))
        return result

    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter_of(lines[0]), strict=True)
    try:
        header = [name.strip().lstrip("\ufeff").lower() for name in next(reader)]
    except csv.Error:
        result.errors.append(RowError(1, _("De kolomnamen op regel 1 zijn niet te lezen.")))
        return result
    missing = [column for column in REQUIRED_COLUMNS if column not in header]
    if missing:
        result.errors.append(RowError(1, _("Kolommen ontbreken: %(columns)s.") % {"columns": ", ".join(missing)}))
        return result
    positions = {column: header.index(column) for column in REQUIRED_COLUMNS + OPTIONAL_COLUMNS if column in header}

    municipalities = _municipality_index()
    seen_emails, seen_numbers = {}, {}
    pending = []
    while True:
        line = reader.line_num + 1
        try:
            values = next(reader)
        except StopIteration:
            break
        except csv.Error as error:
            result.errors.append(RowError(line, _("deze regel is geen geldige CSV (%(error)s).") % {"error": error}))
            break
        if not any(value.strip() for value in values):
            continue
        record = {column: (values[pos].strip() if pos < len(values) else "") for column, pos in positions.items()}
        row, errors = _validate_record(record, line, municipalities, seen_emails, seen_numbers)
        result.errors.extend(errors)
        if row:
            pending.append(row)

    owners = _employee_number_owners(row.employee_number for row in pending if row.employee_number)
    for row in pending:
        owner = owners.get(row.employee_number)
        if owner and owner != row.email:
            result.errors.append(
                RowError(
                    row.line,
                    _("personeelsnummer %(number)s hoort al bij %(email)s.")
                    % {"number": row.employee_number, "email": owner},
                )
            )
    result.errors.sort(key=lambda error: error.line)
    if not result.errors and not pending:
        result.errors.append(RowError(2, _("Het bestand bevat geen medewerkers.")))
    result.rows = pending if not result.errors else []
    return result


def _validate_record(record, line, municipalities, seen_emails, seen_numbers):
    errors = []

    def error(message):
        errors.append(RowError(line, message))

    for column, limit in MAX_LENGTHS.items():
        if len(record.get(column, "")) > limit:
            error(_("%(column)s is langer dan %(limit)s tekens.") % {"column": column, "limit": limit})
    email = record["email"].lower()
    try:
        validate_email(email)
    except ValidationError:
        error(_("'%(email)s' is geen geldig e-mailadres.") % {"email": record["email"]})
    else:
        if email in seen_emails:
            error(
                _("e-mailadres %(email)s staat ook op regel %(other)s.") % {"email": email, "other": seen_emails[email]}
            )
        seen_emails.setdefault(email, line)
    if not record["first_name"]:
        error(_("voornaam ontbreekt."))
    if not record["last_name"]:
        error(_("achternaam ontbreekt."))
    municipality = municipalities.get(record["municipality"].casefold())
    if municipality is None:
        known = sorted({m.name for m in municipalities.values()})
        error(
            _("onbekende gemeente '%(name)s' (bekend: %(known)s).")
            % {"name": record["municipality"], "known": ", ".join(known)}
        )
    if not record["team"]:
        error(_("team ontbreekt."))
    leader_word = record.get("is_team_leader", "").casefold()
    if leader_word not in TRUE_WORDS | FALSE_WORDS:
        error(_("is_team_leader moet 'ja' of 'nee' zijn, niet '%(value)s'.") % {"value": record["is_team_leader"]})
    number = record.get("employee_number", "")
    if number:
        if number in seen_numbers:
            error(
                _("personeelsnummer %(number)s staat ook op regel %(other)s.")
                % {"number": number, "other": seen_numbers[number]}
            )
        seen_numbers.setdefault(number, line)
    if errors:
        return None, errors
    return (
        EmployeeRow(
            line=line,
            email=email,
            first_name=record["first_name"],
            last_name=record["last_name"],
            municipality=municipality,
            team_name=record["team"],
            is_team_leader=leader_word in TRUE_WORDS,
            employee_number=number,
        ),
        errors,
    )
