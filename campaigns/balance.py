"""Balance checks of plan section 5.1, as warnings on the plan (per municipality and phase)."""

import datetime
from collections import defaultdict

from django.utils.formats import date_format
from django.utils.translation import gettext as _

from common.dates import month_start, months_between
from common.money import format_euro
from personas.models import Persona

from .models import ContentItem, Phase

NOT_STARTED = {ContentItem.Status.IDEA, ContentItem.Status.PLANNED}


def _month_label(month):
    return date_format(month, "F Y")


def balance_warnings(*, campaign, items, today: datetime.date, budget_summary=None) -> list[dict]:
    """The plan's balance rules checked on the planning, as warnings [{message, municipality or None}].

    `items`: the campaign's items of the municipalities shown, unfiltered, with phases, personas and
    municipality loaded. `budget_summary`: a selectors.BudgetSummary for the same municipalities.
    Rules: hero only a few times (at most one a month); hub every month of phase 2; every persona
    reached in phase 2; hygiene present; zelfscan content in subphase 2.1; production deadlines kept;
    costs within budget.
    """
    active = [item for item in items if not item.is_cancelled]
    phases = {phase.code: phase for phase in campaign.phases.all()}
    implementation = phases.get(Phase.Code.IMPLEMENTATION)
    scan_phase = phases.get(Phase.Code.SCAN_FOCUS)
    personas = list(Persona.objects.core())
    municipalities = {item.municipality_id: item.municipality for item in items}
    warnings = []

    def warn(message, municipality=None):
        warnings.append({"message": message, "municipality": municipality})

    for municipality_id, municipality in sorted(municipalities.items(), key=lambda pair: pair[1].name):
        own = [item for item in active if item.municipality_id == municipality_id]
        heroes = defaultdict(int)
        for item in own:
            if item.category == ContentItem.Category.HERO:
                heroes[month_start(item.publish_on)] += 1
        for month, count in sorted(heroes.items()):
            if count > 1:
                warn(
                    _("%(count)s hero-items in %(month)s: hero hoort maar een paar keer op de planning.")
                    % {"count": count, "month": _month_label(month)},
                    municipality,
                )
        if implementation:
            hub_months = {month_start(item.publish_on) for item in own if item.category == ContentItem.Category.HUB}
            for month in months_between(implementation.starts_on, implementation.ends_on):
                if month not in hub_months:
                    warn(
                        _("Geen hub-content in %(month)s (fase 2): hub komt regelmatig terug.")
                        % {"month": _month_label(month)},
                        municipality,
                    )
            in_phase_two = [
                item
                for item in own
                if item.phase
                and (item.phase.code == Phase.Code.IMPLEMENTATION or item.phase.parent_id == implementation.pk)
            ]
            reached = {persona.pk for item in in_phase_two for persona in item.target_personas.all()}
            missing = [persona.name for persona in personas if persona.pk not in reached]
            if missing:
                warn(
                    _("Niet bereikt in fase 2: %(personas)s.") % {"personas": ", ".join(missing)},
                    municipality,
                )
        if not any(item.category == ContentItem.Category.HYGIENE for item in own):
            warn(_("Geen hygiëne-content: hygiëne is altijd beschikbaar."), municipality)
        if scan_phase and not any(item.phase_id == scan_phase.pk and item.focuses_on_scan for item in own):
            warn(_("Subfase 2.1 heeft geen content over de zelfscan."), municipality)
        for item in own:
            if item.production_deadline and item.production_deadline < today and item.status in NOT_STARTED:
                warn(
                    _(
                        "Deadline productie van '%(title)s' (%(date)s) is voorbij, "
                        "maar het item is nog niet in productie."
                    )
                    % {"title": item.title, "date": date_format(item.production_deadline, "j F")},
                    municipality,
                )
    if budget_summary and budget_summary.over_planned:
        warn(
            _("De geplande kosten (%(planned)s) zijn hoger dan het budget (%(budget)s).")
            % {"planned": format_euro(budget_summary.planned), "budget": format_euro(budget_summary.budget)}
        )
    if budget_summary and budget_summary.over_actual:
        warn(
            _("De werkelijke kosten (%(actual)s) zijn hoger dan het budget (%(budget)s).")
            % {"actual": format_euro(budget_summary.actual), "budget": format_euro(budget_summary.budget)}
        )
    return warnings
