"""Balance checks of plan section 5.1, as warnings on the plan (per municipality and phase).

The plan's own words: hero content "staat slechts een aantal keer op de planning"; hub "komt
regelmatig terug in de planning"; hygiene "komt altijd beschikbaar". The rules below turn those
into checks a planner can act on:

- hero: at most MAX_HEROES per municipality, and two heroes at least HERO_SPACING apart (a kick-off
  and the zelfscan infographic can share March, but not a week);
- hub: in every month from the kick-off to the end date (that has a working day in it);
- hygiene: available in every month of the campaign period;
- every persona reached in phase 2, and zelfscan content in subphase 2.1;
- production deadlines kept; items on a weekend or Dutch public holiday (the kick-off item too), and
  items outside the campaign period (Campaign.period), named; costs within the campaign budget and
  within each municipality's share.
"""

import datetime

from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from common.dates import long_date, month_end, month_start, months_between
from common.money import format_euro
from common.workdays import is_working_day, non_working_reason
from personas.models import Persona

from .models import ContentItem, Phase

NOT_STARTED = {ContentItem.Status.IDEA, ContentItem.Status.PLANNED}
MAX_HEROES = 6
HERO_SPACING = datetime.timedelta(days=14)


def _month_label(month):
    return date_format(month, "F Y")


def outside_campaign(*, campaign, items) -> list[ContentItem]:
    """The (not cancelled) items dated outside the campaign period."""
    first, last = campaign.period
    return [item for item in items if not item.is_cancelled and not first <= item.publish_on <= last]


def _running_months(item, end):
    return months_between(item.publish_on, item.runs_through(end))


def item_notices(*, item, campaign) -> list[str]:
    """What a planner should know about one item's date, without refusing it (plan §5.1, §6):
    a weekend or Dutch public holiday, or a date outside the campaign period."""
    notices = []
    reason = non_working_reason(item.publish_on)
    if reason:
        values = {"date": date_format(item.publish_on, "l j F Y"), "reason": reason}
        weekend = item.publish_on.weekday() >= 5  # the date already says 'zaterdag' or 'zondag'
        notices.append(
            (_("Let op: %(date)s is geen werkdag.") if weekend else _("Let op: %(date)s is geen werkdag (%(reason)s)."))
            % values
        )
    if outside_campaign(campaign=campaign, items=[item]):
        notices.append(
            _("Let op: %(date)s valt buiten de campagne; het item staat onder 'Buiten de campagne'.")
            % {"date": date_format(item.publish_on, "j F Y")}
        )
    return notices


def _has_working_day(first: datetime.date, last: datetime.date) -> bool:
    day = first
    while day <= last:
        if is_working_day(day):
            return True
        day += datetime.timedelta(days=1)
    return False


def balance_warnings(*, campaign, items, today: datetime.date, budget_summary=None) -> list[dict]:
    """The plan's balance rules checked on the planning, as warnings [{message, municipality or None}].

    `items`: the campaign's items of the municipalities shown, unfiltered, with phases, personas and
    municipality loaded. `budget_summary`: a budget.BudgetSummary for the same municipalities.
    The rules are in the module docstring.
    """
    active = [item for item in items if not item.is_cancelled]
    phases = list(campaign.phases.all())
    by_code = {phase.code: phase for phase in phases}
    implementation = by_code.get(Phase.Code.IMPLEMENTATION)
    scan_phase = by_code.get(Phase.Code.SCAN_FOCUS)
    first_day, last_day = campaign.period
    personas = list(Persona.objects.core())
    municipalities = {item.municipality_id: item.municipality for item in items}
    warnings = []

    def warn(message, municipality=None):
        warnings.append({"message": message, "municipality": municipality})

    for municipality_id, municipality in sorted(municipalities.items(), key=lambda pair: pair[1].name):
        own = [item for item in active if item.municipality_id == municipality_id]
        heroes = sorted(
            (item for item in own if item.category == ContentItem.Category.HERO), key=lambda i: i.publish_on
        )
        if len(heroes) > MAX_HEROES:
            warn(
                _("%(count)s hero-items: hero staat maar een paar keer op de planning (hooguit %(max)s).")
                % {"count": len(heroes), "max": MAX_HEROES},
                municipality,
            )
        for earlier, later in zip(heroes, heroes[1:], strict=False):
            if later.publish_on - earlier.publish_on < HERO_SPACING:
                warn(
                    _("Hero '%(first)s' en '%(second)s' liggen minder dan twee weken uit elkaar.")
                    % {"first": earlier.title, "second": later.title},
                    municipality,
                )
        hub_months = {month_start(item.publish_on) for item in own if item.category == ContentItem.Category.HUB}
        for month in months_between(campaign.kick_off_date, campaign.end_date):
            in_campaign = (max(month, campaign.kick_off_date), min(month_end(month), campaign.end_date))
            if month not in hub_months and _has_working_day(*in_campaign):
                warn(
                    _("Geen hub-content in %(month)s: hub komt regelmatig terug.") % {"month": _month_label(month)},
                    municipality,
                )
        hygiene_months = {month for item in own if item.is_running for month in _running_months(item, last_day)}
        missing_hygiene = [m for m in months_between(first_day, last_day) if m not in hygiene_months]
        if missing_hygiene:
            warn(
                _("Geen hygiëne-content beschikbaar in %(months)s: hygiëne is altijd beschikbaar.")
                % {"months": ", ".join(_month_label(month) for month in missing_hygiene)},
                municipality,
            )
        if implementation:
            in_phase_two = [
                item
                for item in own
                if item.phase
                and (item.phase.code == Phase.Code.IMPLEMENTATION or item.phase.parent_id == implementation.pk)
            ]
            reached = {persona.pk for item in in_phase_two for persona in item.target_personas.all()}
            missing = [persona.name for persona in personas if persona.pk not in reached]
            if missing:
                warn(_("Niet bereikt in fase 2: %(personas)s.") % {"personas": ", ".join(missing)}, municipality)
        if scan_phase and not any(item.phase_id == scan_phase.pk and item.focuses_on_scan for item in own):
            warn(_("Subfase 2.1 heeft geen content over de zelfscan."), municipality)
        for item in own:
            reason = non_working_reason(item.publish_on)
            if reason:
                warn(
                    _("'%(title)s' staat op %(date)s (%(reason)s): geen werkdag.")
                    % {"title": item.title, "date": long_date(item.publish_on, campaign.period), "reason": reason},
                    municipality,
                )
            if item.production_deadline and item.production_deadline < today and item.status in NOT_STARTED:
                warn(
                    _(
                        "Deadline productie van '%(title)s' (%(date)s) is voorbij, "
                        "maar het item is nog niet in productie."
                    )
                    % {"title": item.title, "date": long_date(item.production_deadline, campaign.period)},
                    municipality,
                )
    outside = outside_campaign(campaign=campaign, items=active)
    if outside:
        warn(
            ngettext(
                "%(count)s item buiten de campagne (%(first)s – %(last)s): zie 'Buiten de campagne'.",
                "%(count)s items buiten de campagne (%(first)s – %(last)s): zie 'Buiten de campagne'.",
                len(outside),
            )
            % {
                "count": len(outside),
                "first": date_format(first_day, "j F Y"),
                "last": date_format(last_day, "j F Y"),
            }
        )
    if budget_summary:
        warnings.extend(_budget_warnings(budget_summary))
    return warnings


def _budget_warnings(summary) -> list[dict]:
    warnings = []
    if summary.over_planned:
        warnings.append(
            {
                "message": _("De geplande kosten van de campagne (%(planned)s) zijn hoger dan het budget (%(budget)s).")
                % {"planned": format_euro(summary.planned), "budget": format_euro(summary.budget)},
                "municipality": None,
            }
        )
    if summary.over_actual:
        warnings.append(
            {
                "message": _(
                    "De werkelijke kosten van de campagne (%(actual)s) zijn hoger dan het budget (%(budget)s)."
                )
                % {"actual": format_euro(summary.actual), "budget": format_euro(summary.budget)},
                "municipality": None,
            }
        )
    for row in summary.shares:
        if row.over_planned:
            warnings.append(
                {
                    "message": _("De geplande kosten (%(planned)s) zijn hoger dan het budgetdeel (%(share)s).")
                    % {"planned": format_euro(row.planned), "share": format_euro(row.share)},
                    "municipality": row.municipality,
                }
            )
    return warnings
