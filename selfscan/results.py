"""What the result page shows: levels per area, persona profile, strengths, advice and change."""

from personas.models import Persona
from personas.selectors import messages_for_recipient

from .models import Level
from .selectors import baseline_response_for, result_areas

LEVEL_ORDER = [Level.START, Level.BASIS, Level.GEVORDERD, Level.EXPERT]
NEXT_STEP = {
    Level.START: "Kies één korte training op niveau Start en plan er deze maand een uur voor.",
    Level.BASIS: "Kies een training op niveau Basis bij het onderdeel met je laagste score.",
    Level.GEVORDERD: "Verdiep je in een onderdeel naar keuze op niveau Gevorderd.",
    Level.EXPERT: "Deel wat je kunt: word digicoach of ambassadeur en help collega's op weg.",
}
# The bar chart is drawn in SVG units; 100 points of score are this wide.
CHART_WIDTH = 300


def result_context(*, response) -> dict:
    areas = result_areas(response=response)
    baseline = baseline_response_for(response=response)
    before = {}
    if baseline is not None:
        before = {result.area.code: result.score for result in result_areas(response=baseline)}
    rows = []
    for index, result in enumerate(areas):
        previous = before.get(result.area.code)
        rows.append(
            {
                "area": result.area,
                "score": result.score,
                "level": result.get_level_display(),
                "advice": result.area.advice_for(result.level),
                "bar_width": round(result.score * CHART_WIDTH / 100),
                "bar_y": index * 36,
                "change": f"{result.score - previous:+.0f}" if previous is not None else None,
            }
        )
    strengths = sorted(rows, key=lambda row: -row["score"])[:2]
    municipality = response.employee.municipality
    busy_profile = None
    if response.is_busy:
        busy_profile = Persona.objects.filter(slug=Persona.Identity.BUSY_PRIORITISER).first()
    return {
        "response": response,
        "round": response.round,
        "rows": rows,
        "chart_height": len(rows) * 36,
        "chart_width": CHART_WIDTH,
        "strengths": [row for row in strengths if row["score"] >= 40] or strengths[:1],
        "persona": response.persona,
        "busy_profile": busy_profile,
        "next_step": NEXT_STEP.get(response.overall_level, ""),
        "encouragement": messages_for_recipient(persona=response.persona, is_busy=response.is_busy)[:2],
        "learning_platform_url": municipality.learning_platform_url if municipality else "",
        "baseline": baseline,
        "overall_change": f"{response.overall_score - baseline.overall_score:+.0f}" if baseline else None,
    }
