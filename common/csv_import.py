"""Reading a CSV file people exported from Excel or another system, before anything is written.

Handles what such files look like: UTF-8 with or without BOM (Excel's 'CSV UTF-8'), ';' or ','
as separator, columns in any order, extra columns. The header is validated whole (line 1): a
column named twice, an empty column name or a missing required column refuses the file.
Rows come back as (line number, {column: text}) so every error can name its line.
"""

import csv
import io
from dataclasses import dataclass, field

from django.utils.translation import gettext as _


@dataclass(frozen=True)
class LineError:
    """One problem in the file: the line it is on (1 = the header) and a Dutch message."""

    line: int
    message: str

    def __str__(self):
        return _("regel %(line)s: %(message)s") % {"line": self.line, "message": self.message}


@dataclass
class CsvRows:
    """The rows of a readable file as (line, record) pairs, or the errors that stop it being read."""

    rows: list = field(default_factory=list)
    errors: list = field(default_factory=list)


def _decode(raw: bytes) -> str:
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ValueError(
            _(
                "Het bestand is geen UTF-8-tekst. Sla het in Excel op als "
                "'CSV UTF-8 (gescheiden door lijstscheidingsteken)' en probeer het opnieuw."
            )
        ) from None


def _header_errors(header, required, label) -> list[str]:
    problems = []
    empty = [str(position) for position, name in enumerate(header, start=1) if not name]
    if empty:
        problems.append(
            _("Kolom %(positions)s heeft geen naam; geef elke kolom een naam of verwijder de lege kolom in Excel.")
            % {"positions": ", ".join(empty)}
        )
    doubles = sorted({name for name in header if name and header.count(name) > 1})
    if doubles:
        problems.append(
            _("De kolom %(names)s staat er meer dan één keer in; laat er één over in Excel.")
            % {"names": ", ".join(doubles)}
        )
    missing = [column for column in required if column not in header]
    if missing:
        problems.append(_("Kolommen ontbreken: %(columns)s.") % {"columns": ", ".join(label(name) for name in missing)})
    return problems


def read_csv(raw: bytes, *, required: tuple, optional: tuple = (), column_name=None, column_label=None) -> CsvRows:
    """The file's data rows, each (line number, {column: stripped text}) for the known columns.

    Column names are compared in lower case without surrounding spaces, or as `column_name(text)`
    returns them (to accept other names for a column); messages name a column as `column_label(name)`
    gives it (the name people know it by). Blank lines are skipped.
    A file that cannot be read at all (not UTF-8, binary, no header, a broken header or a row that
    is not valid CSV) gives errors and no rows; rows are validated by the caller.
    """
    result = CsvRows()
    try:
        text = _decode(raw)
    except ValueError as error:
        result.errors.append(LineError(1, str(error)))
        return result
    if "\x00" in text:
        result.errors.append(LineError(1, _("Het bestand is geen CSV-tekstbestand.")))
        return result
    lines = text.splitlines()
    if not lines or not lines[0].strip():
        result.errors.append(LineError(1, _("Het bestand is leeg of de eerste regel (de kolomnamen) ontbreekt.")))
        return result
    delimiter = ";" if lines[0].count(";") > lines[0].count(",") else ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    try:
        header = [(column_name or (lambda name: name))(name.strip().lstrip("\ufeff").lower()) for name in next(reader)]
    except csv.Error:
        result.errors.append(LineError(1, _("De kolomnamen op regel 1 zijn niet te lezen.")))
        return result
    problems = _header_errors(header, required, column_label or (lambda name: name))
    if problems:
        result.errors.extend(LineError(1, problem) for problem in problems)
        return result
    positions = {column: header.index(column) for column in (*required, *optional) if column in header}
    while True:
        line = reader.line_num + 1
        try:
            values = next(reader)
        except StopIteration:
            break
        except csv.Error as error:
            result.errors.append(LineError(line, _("deze regel is geen geldige CSV (%(error)s).") % {"error": error}))
            break
        if not any(value.strip() for value in values):
            continue
        result.rows.append(
            (line, {column: (values[pos].strip() if pos < len(values) else "") for column, pos in positions.items()})
        )
    return result
