"""The iCalendar invitation (RFC 5545) of an inspiration session, to add it to Outlook.

One VEVENT in Europe/Amsterdam time with the VTIMEZONE that defines it (Outlook needs it to place
the event right across daylight saving time). The UID uses the portal's own domain
(settings.SITE_DOMAIN), so it never changes with the host name a request used; SEQUENCE and STATUS
follow the session, so importing the file again after a change or a cancellation updates the event.
"""

import datetime
import zoneinfo

from django.conf import settings
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from icalendar import Calendar, Event, Timezone, TimezoneDaylight, TimezoneStandard

from common.cache import kept_by_content

from .models import InspirationSession

# A kept invitation is keyed on its content; the limit only bounds the memory of old ones.
ICS_SECONDS = 60 * 60

TIMEZONE = "Europe/Amsterdam"


def amsterdam_vtimezone() -> Timezone:
    """Europe/Amsterdam as a VTIMEZONE with the EU's yearly rules (since 1996: summer time from the
    last Sunday of March 02:00 to the last Sunday of October 03:00), the compact form Outlook itself
    writes; a test compares it with the zoneinfo database day by day."""
    zone = Timezone()
    zone.add("tzid", TIMEZONE)
    daylight = TimezoneDaylight()
    daylight.add("tzname", "CEST")
    daylight.add("tzoffsetfrom", datetime.timedelta(hours=1))
    daylight.add("tzoffsetto", datetime.timedelta(hours=2))
    daylight.add("dtstart", datetime.datetime(1981, 3, 29, 2, 0))
    daylight.add("rrule", {"freq": "yearly", "bymonth": 3, "byday": "-1su"})
    standard = TimezoneStandard()
    standard.add("tzname", "CET")
    standard.add("tzoffsetfrom", datetime.timedelta(hours=2))
    standard.add("tzoffsetto", datetime.timedelta(hours=1))
    standard.add("dtstart", datetime.datetime(1996, 10, 27, 3, 0))
    standard.add("rrule", {"freq": "yearly", "bymonth": 10, "byday": "-1su"})
    zone.add_component(daylight)
    zone.add_component(standard)
    return zone


def session_uid(session: InspirationSession, domain: str | None = None) -> str:
    return f"inspiratiesessie-{session.pk}@{domain or settings.SITE_DOMAIN}"


def session_ics(session: InspirationSession, *, domain: str | None = None) -> bytes:
    """The session as an iCalendar file (METHOD:PUBLISH, one event, VTIMEZONE Europe/Amsterdam)."""
    zone = zoneinfo.ZoneInfo(TIMEZONE)
    calendar = Calendar()
    calendar.add("prodid", "-//Digivaardig portaal//Inspiratiesessies//NL")
    calendar.add("version", "2.0")
    calendar.add("method", "PUBLISH")
    event = Event()
    event.add("uid", session_uid(session, domain))
    event.add("sequence", session.sequence)
    event.add("dtstamp", session.updated_at or timezone.now())
    event.add("dtstart", session.starts_at.astimezone(zone))
    event.add("dtend", session.ends_at.astimezone(zone))
    event.add("summary", _("Inspiratiesessie: %(title)s") % {"title": session.title})
    where = ", ".join(part for part in (session.location, session.online_url) if part)
    if where:
        event.add("location", where)
    if session.online_url:
        event.add("url", session.online_url)
    page = settings.SITE_URL + reverse("coaching:session", args=[session.pk])
    event.add("description", "\n\n".join(part for part in (session.description, page) if part))
    event.add("status", "CANCELLED" if session.is_cancelled else "CONFIRMED")
    event.add("transp", "OPAQUE")
    calendar.add_component(amsterdam_vtimezone())
    calendar.add_component(event)
    return calendar.to_ical()


def kept_session_ics(session: InspirationSession) -> bytes:
    """session_ics, kept in the cache under a digest of everything it writes (the session's fields,
    the language of its summary, the site's address): a changed session is a new entry, so nothing
    needs invalidating. The VTIMEZONE is code."""
    fields = (
        session.pk,
        session.sequence,
        session.updated_at,
        session.starts_at,
        session.ends_at,
        session.title,
        session.description,
        session.location,
        session.online_url,
        session.status,
        get_language(),
        settings.SITE_URL,
        settings.SITE_DOMAIN,
    )
    return kept_by_content("session-ics", fields, lambda: session_ics(session), seconds=ICS_SECONDS)


def ics_filename(session: InspirationSession) -> str:
    day = timezone.localtime(session.starts_at).date() if session.starts_at else datetime.date.today()
    return f"inspiratiesessie-{day.isoformat()}.ics"
