"""What the result page shows: levels per area, profile, strengths, advice and change.

The employee sees their profile under its positive employee name (Persona.employee_name), never the
internal persona label, which is for the campaign team.
"""

from django.utils.translation import gettext as _

from common.charts import BarRow, bar_chart
from personas.models import Persona
from personas.selectors import messages_for_recipient

from . import scoring
from .models import Level
from .selectors import baseline_response_for, result_areas

LEVEL_ORDER = [Level.START, Level.BASIS, Level.GEVORDERD, Level.EXPERT]
NEXT_STEP = {
    Level.START: "Kies één korte training op niveau Start en plan er deze maand een uur voor.",
    Level.BASIS: "Kies een training op niveau Basis bij het onderdeel met je laagste score.",
    Level.GEVORDERD: "Verdiep je in een onderdeel naar keuze op niveau Gevorderd.",
    Level.EXPERT: "Deel wat je kunt: word digicoach of ambassadeur en help collega's op weg.",
}
# What the result page offers from the support programme (plan §5.1), by persona: the hesitant
# technology user is offered a buddy first and most prominently ("Koppel een ervaren digicoach aan een
# aarzelende technologiegebruiker"), the enthusiast to become an ambassador (the ambassadors come
# "met name" from the enthusiasts); everyone else sees the buddy as a quiet option.
SUPPORT_OFFERS = {
    Persona.Identity.HESITANT: "buddy_first",
    Persona.Identity.ENTHUSIAST: "ambassador",
}


def _signed(value):
    """A change in whole points with its sign ("+5", "-3"); no change is "0", never "+0" or "-0"."""
    if value is None:
        return None
    whole = round(value)
    return f"{whole:+d}" if whole else "0"


def result_context(*, response) -> dict:
    """The result page's context for a submitted response (the employee's own)."""
    areas = result_areas(response=response)
    baseline = baseline_response_for(response=response)
    comparison = None
    if baseline is not None:
        before = {result.area.code: result.score for result in result_areas(response=baseline)}
        comparison = scoring.compare_rounds(before=before, after={result.area.code: result.score for result in areas})
    rows = []
    for result in areas:
        code = result.area.code
        rows.append(
            {
                "area": result.area,
                "score": result.score,
                "level": result.get_level_display(),
                "advice": result.area.advice_for(result.level),
                "change": _signed(comparison.changes.get(code)) if comparison else None,
                "is_new": bool(comparison) and code in comparison.new_areas,
            }
        )
    version = response.round.questionnaire.version
    highest = sorted(rows, key=lambda row: -row["score"])[:2]
    # A strength is an area at Basis or higher; below that the page names the furthest area, not a "strength".
    strengths = [row for row in highest if row["score"] >= scoring.level_threshold(Level.BASIS, version=version)]
    municipality = response.employee.municipality
    busy_profile = None
    if response.is_busy:
        busy_profile = Persona.objects.filter(slug=Persona.Identity.BUSY_PRIORITISER).first()
    return {
        "response": response,
        "round": response.round,
        "rows": rows,
        "chart": bar_chart(
            [BarRow(row["area"].name, row["score"], f"{round(row['score'])} – {row['level']}") for row in rows],
            title=_("Staafdiagram van je score per onderdeel; dezelfde cijfers staan in de tabel eronder."),
        ),
        "level_legend": scoring.level_legend(version),
        "strengths": strengths or highest[:1],
        # Every area the same score: no area stands out, so none is named as the strongest.
        "scores_all_equal": len({round(row["score"]) for row in rows}) == 1 and len(rows) > 1,
        "strengths_are_relative": not strengths,
        "persona": response.persona,
        "busy_profile": busy_profile,
        "next_step": NEXT_STEP.get(response.overall_level, ""),
        "encouragement": messages_for_recipient(persona=response.persona, is_busy=response.is_busy)[:2],
        "learning_platform_url": municipality.learning_platform_url if municipality else "",
        "baseline": baseline,
        "new_areas": [row["area"] for row in rows if row["is_new"]],
        "questionnaire_changed": baseline is not None
        and baseline.round.questionnaire_id != response.round.questionnaire_id,
        "overall_change": _signed(comparison.overall_change) if comparison else None,
        "support_offer": SUPPORT_OFFERS.get(response.persona.slug if response.persona else None, "buddy"),
    }
