"""Reading and validating an HR export of employees (CSV) before anything is written.

The whole file is checked first; `services.employees_import` only ever receives a clean file. Every
field is checked against what it must be, and a refusal names the line and says how to fix it in
Excel. Municipalities and teams are matched ignoring case and spacing ('burgerzaken' is the team
'Burgerzaken'), so a spelling variant does not make a second team.
"""

import re
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.utils.translation import gettext as _

from common.csv_import import LineError, read_csv

from .identity import name_key, normalise_email
from .models import Municipality, Team, User

REQUIRED_COLUMNS = ("email", "first_name", "last_name", "municipality", "team")
OPTIONAL_COLUMNS = ("is_team_leader", "employee_number")
# The column names people use (Dutch, as the help text and the README give them) and the English
# names HR systems export; every message names a column by its Dutch name.
COLUMN_LABELS = {
    "email": "e-mail",
    "first_name": "voornaam",
    "last_name": "achternaam",
    "municipality": "gemeente",
    "team": "team",
    "is_team_leader": "teamleider",
    "employee_number": "personeelsnummer",
}
COLUMN_ALIASES = {
    **{label: column for column, label in COLUMN_LABELS.items()},
    "e-mailadres": "email",
    "emailadres": "email",
    "email": "email",
    "mail": "email",
    "roepnaam": "first_name",
    "personeelsnr": "employee_number",
    "personeelsnr.": "employee_number",
}


def column_key(name: str) -> str:
    """The column a header names, Dutch or English ('Voornaam' and 'first_name' are first_name)."""
    return COLUMN_ALIASES.get(name.strip().lower(), name.strip().lower())


def column_label(column: str) -> str:
    return COLUMN_LABELS.get(column, column)


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

# As HR systems write an employee number: letters and digits, groups joined by a dash or a dot.
EMPLOYEE_NUMBER = re.compile(r"^[A-Za-z0-9]+(?:[.\-][A-Za-z0-9]+)*$")
# What Excel makes of a long number it took for a figure: 1,23E+05 or 1.23E+05.
EXCEL_SCIENTIFIC = re.compile(r"^\d+([.,]\d+)?E\+?\d+$", re.IGNORECASE)
# Names: letters of any alphabet, with spaces, hyphens, apostrophes and dots between them.
NAME = re.compile(r"^[^\W\d_]+(?:[ .'’\-]+[^\W\d_]+)*\.?$")
CONTROL = re.compile(r"[\x00-\x1f\x7f]")

# Kept under its old name for the importers that build rows themselves (the demo seed).
RowError = LineError


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
    """A validated file: its rows, or the errors (with line numbers) that refuse it."""

    rows: list = field(default_factory=list)
    errors: list = field(default_factory=list)

    @property
    def is_valid(self):
        return not self.errors


def _municipality_index():
    index = {}
    for municipality in Municipality.objects.all():
        index[name_key(municipality.name)] = municipality
        index[name_key(municipality.slug)] = municipality
    return index


def _employee_number_owners(numbers):
    owners = {}
    numbers = list(numbers)
    for start in range(0, len(numbers), LOOKUP_CHUNK):
        chunk = numbers[start : start + LOOKUP_CHUNK]
        for number, email in User.objects.filter(employee_number__in=chunk).values_list("employee_number", "email"):
            owners[number] = normalise_email(email)
    return owners


def employee_import_parse(raw: bytes) -> ParsedImport:
    """Parse and validate the whole file (bytes as uploaded); every bad row is reported with its line.

    Returns a ParsedImport: rows only when there is no error at all (all or nothing).
    """
    result = ParsedImport()
    read = read_csv(
        raw, required=REQUIRED_COLUMNS, optional=OPTIONAL_COLUMNS, column_name=column_key, column_label=column_label
    )
    if read.errors:
        result.errors = read.errors
        return result
    municipalities = _municipality_index()
    seen_emails, seen_numbers = {}, {}
    pending = []
    for line, record in read.rows:
        row, errors = _validate_record(record, line, municipalities, seen_emails, seen_numbers)
        result.errors.extend(errors)
        if row:
            pending.append(row)

    owners = _employee_number_owners(row.employee_number for row in pending if row.employee_number)
    for row in pending:
        owner = owners.get(row.employee_number)
        if owner and owner != row.email:
            result.errors.append(
                LineError(
                    row.line,
                    _("personeelsnummer %(number)s hoort al bij %(email)s.")
                    % {"number": row.employee_number, "email": owner},
                )
            )
    result.errors.sort(key=lambda error: error.line)
    if not result.errors and not pending:
        result.errors.append(LineError(2, _("Het bestand bevat geen medewerkers.")))
    result.rows = pending if not result.errors else []
    return result


def _name_problem(value, label):
    if not value:
        return _("%(label)s ontbreekt.") % {"label": label}
    if not NAME.match(value):
        return _(
            "%(label)s '%(value)s' is geen naam: gebruik letters, met spaties, koppeltekens, apostrofs of "
            "punten ertussen. Staat er een formule of getal in de cel in Excel, typ dan de naam zelf."
        ) % {"label": label, "value": value}
    return None


def _employee_number_problem(number):
    if EXCEL_SCIENTIFIC.match(number):
        return _(
            "personeelsnummer '%(number)s' is door Excel als getal opgeslagen. Zet in Excel de kolom op "
            "'Tekst' (Celeigenschappen > Tekst), typ de nummers opnieuw en sla weer op als CSV UTF-8."
        ) % {"number": number}
    if not EMPLOYEE_NUMBER.match(number):
        return _(
            "personeelsnummer '%(number)s' kan niet: gebruik letters, cijfers, streepjes en punten, zonder "
            "spaties (zoals GR-000123). Controleer in Excel of er geen spatie of ander teken in de cel staat."
        ) % {"number": number}
    return None


def _validate_record(record, line, municipalities, seen_emails, seen_numbers):
    errors = []

    def error(message):
        errors.append(LineError(line, message))

    for column, limit in MAX_LENGTHS.items():
        if len(record.get(column, "")) > limit:
            error(_("%(column)s is langer dan %(limit)s tekens.") % {"column": column_label(column), "limit": limit})
    for column, value in record.items():
        if CONTROL.search(value):
            error(
                _("%(column)s bevat een onzichtbaar teken (zoals een tab of regeleinde in de cel).")
                % {"column": column_label(column)}
            )
    email = normalise_email(record["email"])
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
    for column, label in (("first_name", _("voornaam")), ("last_name", _("achternaam"))):
        problem = _name_problem(record[column], label)
        if problem:
            error(problem)
    municipality = municipalities.get(name_key(record["municipality"]))
    if municipality is None:
        known = sorted({m.name for m in municipalities.values()})
        error(
            _("onbekende gemeente '%(name)s' (bekend: %(known)s).")
            % {"name": record["municipality"], "known": ", ".join(known)}
        )
    team_name = " ".join(record["team"].split())
    if not team_name:
        error(_("team ontbreekt."))
    leader_word = record.get("is_team_leader", "").casefold()
    if leader_word not in TRUE_WORDS | FALSE_WORDS:
        error(_("teamleider moet 'ja' of 'nee' zijn, niet '%(value)s'.") % {"value": record["is_team_leader"]})
    number = record.get("employee_number", "")
    if number:
        problem = _employee_number_problem(number)
        if problem:
            error(problem)
        elif number in seen_numbers:
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
            team_name=team_name,
            is_team_leader=leader_word in TRUE_WORDS,
            employee_number=number,
        ),
        errors,
    )
