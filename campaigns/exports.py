"""The plan as CSV, XLSX (openpyxl) and an iCalendar feed (icalendar) for Outlook.

Both read the columns from `_columns()`. CSV is written for Dutch Excel: ';' between cells, a BOM,
dates as 31-12-2026 and amounts with a decimal comma (1250,50); the names of a list (channels,
personas) are separated by ' | ', since a channel's name may hold a comma; a cell that would start
a formula is prefixed with an apostrophe (CSV injection). XLSX cells keep their types: dates
(shown dd-mm-yyyy) and amounts (shown € 1.250,50) as such, text always as text.
"""

import csv
import datetime
import io
from decimal import Decimal

from django.conf import settings
from django.utils.translation import gettext as _
from icalendar import Calendar, Event
from openpyxl import Workbook
from openpyxl.cell.cell import TYPE_STRING
from openpyxl.utils import get_column_letter

from common.money import excel_amount

from .models import ContentItem

# How a column's values are written: as text, as a date (dd-mm-yyyy) or as an amount in euros.
TEXT, DATE, MONEY = "text", "date", "money"
# Between the names of a list in one cell: a channel's name may itself hold commas ("Mail (voor
# beperkte groepen, niet hele organisatie)"), never a vertical bar.
LIST_SEPARATOR = " | "
XLSX_FORMATS = {DATE: "dd-mm-yyyy", MONEY: '"€" #,##0.00'}


def _available_until(item):
    """The last day a hygiene item is there (its 'beschikbaar tot', else the campaign's end date)."""
    return item.runs_through(item.campaign.end_date) if item.is_running else ""


def _columns():
    """The one list of exported columns, in order: (title, kind, value of an item). CSV and XLSX both read it."""
    return [
        (_("Publicatiedatum"), DATE, lambda item: item.publish_on),
        (_("Beschikbaar tot"), DATE, _available_until),
        (_("Titel"), TEXT, lambda item: item.title),
        (_("Gemeente"), TEXT, lambda item: item.municipality.name),
        (_("Categorie"), TEXT, lambda item: item.get_category_display()),
        (_("Vorm"), TEXT, lambda item: item.get_format_display()),
        (_("Doelgroep"), TEXT, lambda item: item.get_audience_display()),
        (_("Persona's"), TEXT, lambda item: LIST_SEPARATOR.join(p.name for p in item.target_personas.all())),
        (_("Kanalen"), TEXT, lambda item: LIST_SEPARATOR.join(c.name for c in item.channels.all())),
        (_("Fase"), TEXT, lambda item: str(item.phase) if item.phase else ""),
        (_("Status"), TEXT, lambda item: item.get_status_display()),
        (_("Deadline productie"), DATE, lambda item: item.production_deadline or ""),
        (_("Eigenaar"), TEXT, lambda item: item.owner.get_full_name() if item.owner else ""),
        (_("Geplande kosten"), MONEY, lambda item: item.planned_cost),
        (_("Werkelijke kosten"), MONEY, lambda item: item.actual_cost if item.actual_cost is not None else ""),
        (_("Link"), TEXT, lambda item: item.material_url),
        (_("Notities"), TEXT, lambda item: item.notes),
    ]


def _csv_cell(value):
    """A value as Dutch Excel reads it from a CSV cell."""
    if isinstance(value, Decimal):
        return excel_amount(value)
    if isinstance(value, datetime.date):
        return value.strftime("%d-%m-%Y")
    # A cell starting with = + - @ would be run as a formula by Excel (CSV injection).
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@"):
        return "'" + value
    return value


def items_csv(items) -> str:
    """The items as CSV text for Dutch Excel (see the module docstring), header first."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";")
    columns = _columns()
    writer.writerow([title for title, _kind, _getter in columns])
    for item in items:
        writer.writerow([_csv_cell(getter(item)) for _title, _kind, getter in columns])
    return "\ufeff" + buffer.getvalue()


def items_xlsx(items) -> bytes:
    """The items as an Excel workbook: dates (dd-mm-yyyy) and amounts (€ 1.250,50) typed and
    formatted, every text cell stored as text."""
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = _("Contentplanning")[:31]
    columns = _columns()
    sheet.append([title for title, _kind, _getter in columns])
    for item in items:
        sheet.append([getter(item) for _title, _kind, getter in columns])
        for cell, (_title, kind, _getter) in zip(sheet[sheet.max_row], columns, strict=True):
            # openpyxl would store '=…' as a formula; a title is text, whatever it starts with.
            if isinstance(cell.value, str):
                cell.data_type = TYPE_STRING
            elif kind in XLSX_FORMATS:
                cell.number_format = XLSX_FORMATS[kind]
    for index, (title, _kind, _getter) in enumerate(columns, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = max(12, min(50, len(title) + 6))
    sheet.freeze_panes = "A2"
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def items_ical(items, *, name: str, domain: str | None = None) -> bytes:
    """An iCalendar (RFC 5545) feed of the items, one all-day event each; cancelled items left out.
    A dated item (hero, hub) is an event of its day; a hygiene item spans its period, from its
    publication day through its 'beschikbaar tot' (else the campaign's end date), DTEND being the
    day after (exclusive, as RFC 5545 has it). Items need their campaign loaded.

    Event UIDs use the portal's own domain (settings.SITE_URL), so they stay the same whichever
    host name the feed is fetched under.
    """
    domain = domain or settings.SITE_DOMAIN
    calendar = Calendar()
    calendar.add("prodid", "-//Digivaardig portaal//NL")
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", name)
    for item in items:
        if item.status == ContentItem.Status.CANCELLED:
            continue
        event = Event()
        event.add("uid", f"contentitem-{item.pk}@{domain}")
        event.add("summary", f"[{item.get_category_display()}] {item.title}")
        event.add("dtstart", item.publish_on)
        last = max(item.runs_through(item.campaign.end_date), item.publish_on)
        event.add("dtend", last + datetime.timedelta(days=1))
        event.add("dtstamp", item.updated_at)
        channels = LIST_SEPARATOR.join(channel.name for channel in item.channels.all())
        event.add(
            "description",
            "\n".join(
                part
                for part in [
                    f"{_('Status')}: {item.get_status_display()}",
                    f"{_('Kanalen')}: {channels}" if channels else "",
                    item.notes,
                    item.material_url,
                ]
                if part
            ),
        )
        calendar.add_component(event)
    return calendar.to_ical()
