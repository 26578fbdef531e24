"""The plan as CSV, XLSX (openpyxl) and an iCalendar feed (icalendar) for Outlook."""

import csv
import datetime
import io

from django.utils.translation import gettext as _
from icalendar import Calendar, Event
from openpyxl import Workbook
from openpyxl.utils import get_column_letter

from .models import ContentItem


def _columns():
    return [
        (_("Publicatiedatum"), lambda item: item.publish_on),
        (_("Titel"), lambda item: item.title),
        (_("Gemeente"), lambda item: item.municipality.name),
        (_("Categorie"), lambda item: item.get_category_display()),
        (_("Vorm"), lambda item: item.get_format_display()),
        (_("Doelgroep"), lambda item: item.get_audience_display()),
        (_("Persona's"), lambda item: ", ".join(p.name for p in item.target_personas.all())),
        (_("Kanalen"), lambda item: ", ".join(c.name for c in item.channels.all())),
        (_("Fase"), lambda item: str(item.phase) if item.phase else ""),
        (_("Status"), lambda item: item.get_status_display()),
        (_("Deadline productie"), lambda item: item.production_deadline or ""),
        (_("Eigenaar"), lambda item: item.owner.get_full_name() if item.owner else ""),
        (_("Geplande kosten"), lambda item: item.planned_cost),
        (_("Werkelijke kosten"), lambda item: item.actual_cost if item.actual_cost is not None else ""),
        (_("Link"), lambda item: item.material_url),
        (_("Notities"), lambda item: item.notes),
    ]


def _safe_cell(value):
    # A cell starting with = + - @ would be run as a formula by Excel (CSV injection).
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@"):
        return "'" + value
    return value


def items_csv(items) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";")
    columns = _columns()
    writer.writerow([title for title, _ in columns])
    for item in items:
        writer.writerow([_safe_cell(getter(item)) for _, getter in columns])
    return "\ufeff" + buffer.getvalue()


def items_xlsx(items) -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = _("Contentplanning")[:31]
    columns = _columns()
    sheet.append([title for title, _ in columns])
    for item in items:
        sheet.append([_safe_cell(getter(item)) for _, getter in columns])
    for index, (title, _getter) in enumerate(columns, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = max(12, min(50, len(title) + 6))
    sheet.freeze_panes = "A2"
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def items_ical(items, *, name: str, domain: str) -> bytes:
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
        event.add("dtend", item.publish_on + datetime.timedelta(days=1))
        event.add("dtstamp", item.updated_at)
        channels = ", ".join(channel.name for channel in item.channels.all())
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
