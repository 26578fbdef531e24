"""Tables of figures that a page shows, a CSV download and a workbook all read from one definition.

A Table holds typed values (int, float, Decimal, date, text, or None for a figure that is not
shown); `display` writes a value the Dutch way for the page, `table_csv` for Dutch Excel (';', a BOM,
decimal comma, no formulas), `tables_xlsx` keeps numbers numeric. So the HTML table, its CSV and
the report always say the same.
"""

import csv
import datetime
import io
from dataclasses import dataclass, field
from decimal import Decimal

from django.utils.formats import date_format
from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.cell.cell import TYPE_STRING
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

from .money import excel_amount, format_euro


@dataclass(frozen=True)
class Column:
    """A column: its heading, and the unit of its numbers ("%", "€", "" for a count or text)."""

    title: str
    unit: str = ""
    numeric: bool = True


@dataclass
class Table:
    """slug: a name for URLs and ids ([a-z-]). caption: what the table shows. columns: Column, the
    first one names the rows. rows: lists of values, one per column. note: a line under the table.
    hidden_text: what a None value reads as."""

    slug: str
    caption: str
    columns: list
    rows: list = field(default_factory=list)
    note: str = ""
    hidden_text: str = ""

    def display_rows(self):
        """The rows as the page shows them: [(text, is_numeric)] per cell."""
        for row in self.rows:
            yield [
                (display(value, column.unit, self.hidden_text), column.numeric)
                for value, column in zip(row, self.columns, strict=True)
            ]


def _number(value) -> str:
    if isinstance(value, float) and not value.is_integer():
        return f"{value:,.1f}".replace(",", " ").replace(".", ",").replace(" ", ".")
    return f"{int(value):,}".replace(",", ".")


def display(value, unit: str = "", hidden_text: str = "") -> str:
    """A value as a Dutch reader expects it: 1.250 people, 62%, 1,5 hours, € 1.250,50, 31 januari 2026."""
    if value is None:
        return hidden_text or "–"
    if isinstance(value, bool):
        return _("ja") if value else _("nee")
    if isinstance(value, Decimal) or unit == "€":
        return format_euro(Decimal(value))
    if isinstance(value, datetime.date):
        return date_format(value, "j F Y")
    if isinstance(value, int | float):
        text = _number(value)
        if unit == "%":
            return f"{text}%"
        if unit == "+":
            return f"+{text}" if value > 0 else text
        return text
    return str(value)


def _csv_value(value, unit, hidden_text):
    if value is None:
        return hidden_text
    if isinstance(value, Decimal):
        return excel_amount(value)
    if isinstance(value, datetime.date):
        return value.strftime("%d-%m-%Y")
    if isinstance(value, float):
        return f"{value:.1f}".replace(".", ",")
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@"):
        return "'" + value  # a cell starting like a formula would be run by Excel (CSV injection)
    return value


def table_csv(table: Table) -> str:
    """The table as CSV text for Dutch Excel, the column headings (with their unit) first."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";")
    writer.writerow([f"{column.title} ({column.unit})" if column.unit else column.title for column in table.columns])
    for row in table.rows:
        writer.writerow(
            [
                _csv_value(value, column.unit, table.hidden_text)
                for value, column in zip(row, table.columns, strict=True)
            ]
        )
    return "\ufeff" + buffer.getvalue()


def tables_xlsx(sections) -> bytes:
    """A workbook with one sheet per (sheet title, [Table]) in `sections`: each table under its
    caption, numbers and amounts typed (percentages as 0.62 shown as 62%), text always as text."""
    workbook = Workbook()
    workbook.remove(workbook.active)
    for title, tables in sections:
        sheet = workbook.create_sheet(title=title[:31])
        widths = {}
        for table in tables:
            sheet.append([table.caption])
            sheet.cell(row=sheet.max_row, column=1).font = Font(bold=True)
            sheet.append(
                [f"{column.title} ({column.unit})" if column.unit else column.title for column in table.columns]
            )
            for cell in sheet[sheet.max_row]:
                cell.font = Font(bold=True)
            for row in table.rows:
                sheet.append(
                    [
                        _xlsx_value(value, column, table.hidden_text)
                        for value, column in zip(row, table.columns, strict=True)
                    ]
                )
                for cell, column in zip(sheet[sheet.max_row], table.columns, strict=False):
                    if isinstance(cell.value, str):
                        cell.data_type = TYPE_STRING
                    elif column.unit == "%":
                        cell.number_format = "0%"
                    elif column.unit == "€":
                        cell.number_format = '"€" #,##0.00'
            for index, column in enumerate(table.columns, start=1):
                widths[index] = max(widths.get(index, 10), min(45, len(column.title) + 4))
            if table.note:
                sheet.append([table.note])
            sheet.append([])
        for index, width in widths.items():
            sheet.column_dimensions[get_column_letter(index)].width = width
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _xlsx_value(value, column, hidden_text):
    if value is None:
        return hidden_text
    if column.unit == "%" and isinstance(value, int | float):
        return value / 100
    return value
