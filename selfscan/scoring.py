"""Every rule that turns zelfscan answers into levels, a persona and the busy flag.

Skill per area (0–100)
    Can-do statements are answered on DigCompSAT's 4-point scale: 1 "dit ken ik niet",
    2 "dit kan ik met hulp", 3 "dit kan ik zelfstandig", 4 "dit kan ik anderen uitleggen",
    counted as 0, 1/3, 2/3 and 1. Knowledge items count 1 when right, 0 when wrong. Because
    self-assessment alone overrates skill, the area score mixes both:
        score = 100 × (0.7 × mean(can-do) + 0.3 × mean(knowledge))
    (can-do alone when an area has no knowledge item). The overall score is the mean of the areas.

Levels (area and overall)
    score < 40: Start · 40 ≤ score < 60: Basis · 60 ≤ score < 80: Gevorderd · score ≥ 80: Expert

Attitude (5-point agreement, 1 = helemaal oneens … 5 = helemaal eens)
    interest, confidence and resistance are the means of their items.
    eager     when interest ≥ 4 and resistance ≤ 2.5
    negative  when resistance ≥ 3.5, or interest ≤ 2 and confidence ≤ 2
    neutral   otherwise (neutral or critical)

Persona (skill band × attitude): high = overall ≥ 60, modest = 40–60, low < 40
                     eager                     neutral                          negative
    high             digitale enthousiasteling digivaardige professional        digivaardige professional
    modest           digitale enthousiasteling aarzelende technologiegebruiker  analoge idealist
    low              aarzelende techn.gebruiker aarzelende technologiegebruiker analoge idealist

Busy prioritiser: the mean of the time-pressure items ≥ 3.5. It is a flag beside the persona.
"""

from dataclasses import dataclass
from statistics import mean

CAN_DO_WEIGHT = 0.7
KNOWLEDGE_WEIGHT = 0.3
LEVEL_THRESHOLDS = [(80, "expert"), (60, "gevorderd"), (40, "basis"), (0, "start")]
HIGH_SKILL, MODEST_SKILL = 60, 40
EAGER_INTEREST, EAGER_MAX_RESISTANCE = 4, 2.5
NEGATIVE_RESISTANCE, NEGATIVE_LOW_INTEREST, NEGATIVE_LOW_CONFIDENCE = 3.5, 2, 2
BUSY_THRESHOLD = 3.5

EAGER, NEUTRAL, NEGATIVE = "eager", "neutral", "negative"
ENTHUSIAST = "digitale-enthousiasteling"
PROFESSIONAL = "digivaardige-professional"
HESITANT = "aarzelende-technologiegebruiker"
ANALOGUE = "analoge-idealist"

PERSONA_TABLE = {
    ("high", EAGER): ENTHUSIAST,
    ("high", NEUTRAL): PROFESSIONAL,
    ("high", NEGATIVE): PROFESSIONAL,
    ("modest", EAGER): ENTHUSIAST,
    ("modest", NEUTRAL): HESITANT,
    ("modest", NEGATIVE): ANALOGUE,
    ("low", EAGER): HESITANT,
    ("low", NEUTRAL): HESITANT,
    ("low", NEGATIVE): ANALOGUE,
}


def can_do_fraction(value: int) -> float:
    if value not in (1, 2, 3, 4):
        raise ValueError(f"can-do answer must be 1–4, not {value}")
    return (value - 1) / 3


def area_score(can_do_values: list[int], knowledge_right: list[bool]) -> float:
    if not can_do_values:
        raise ValueError("an area needs at least one can-do answer")
    can_do = mean(can_do_fraction(value) for value in can_do_values)
    if not knowledge_right:
        return round(100 * can_do, 1)
    knowledge = mean(1.0 if right else 0.0 for right in knowledge_right)
    return round(100 * (CAN_DO_WEIGHT * can_do + KNOWLEDGE_WEIGHT * knowledge), 1)


def level_for(score: float) -> str:
    return next(level for threshold, level in LEVEL_THRESHOLDS if score >= threshold)


def skill_band(overall: float) -> str:
    if overall >= HIGH_SKILL:
        return "high"
    if overall >= MODEST_SKILL:
        return "modest"
    return "low"


def attitude(*, interest: float, confidence: float, resistance: float) -> str:
    if interest >= EAGER_INTEREST and resistance <= EAGER_MAX_RESISTANCE:
        return EAGER
    if resistance >= NEGATIVE_RESISTANCE or (
        interest <= NEGATIVE_LOW_INTEREST and confidence <= NEGATIVE_LOW_CONFIDENCE
    ):
        return NEGATIVE
    return NEUTRAL


def persona_slug(*, overall: float, attitude_category: str) -> str:
    return PERSONA_TABLE[(skill_band(overall), attitude_category)]


def is_busy(time_pressure_values: list[int]) -> bool:
    return bool(time_pressure_values) and mean(time_pressure_values) >= BUSY_THRESHOLD


@dataclass
class ScanOutcome:
    area_scores: dict  # area code -> score
    area_levels: dict  # area code -> level
    overall_score: float
    overall_level: str
    persona_slug: str
    is_busy: bool


def score_answers(questions, answers: dict) -> ScanOutcome:
    """`questions`: Question objects with their area; `answers`: question id -> value."""
    can_do, knowledge = {}, {}
    dimensions = {"interest": [], "confidence": [], "resistance": []}
    time_pressure = []
    for question in questions:
        value = answers.get(question.pk)
        if value is None:
            continue
        code = question.area.code
        if question.kind == "can_do":
            can_do.setdefault(code, []).append(value)
        elif question.kind == "knowledge":
            knowledge.setdefault(code, []).append(value == question.correct_option)
        elif question.kind == "attitude" and question.dimension in dimensions:
            dimensions[question.dimension].append(value)
        elif question.kind == "time_pressure":
            time_pressure.append(value)
    scores = {code: area_score(values, knowledge.get(code, [])) for code, values in can_do.items()}
    overall = round(mean(scores.values()), 1)
    neutral_point = 3
    category = attitude(**{name: mean(values) if values else neutral_point for name, values in dimensions.items()})
    return ScanOutcome(
        area_scores=scores,
        area_levels={code: level_for(score) for code, score in scores.items()},
        overall_score=overall,
        overall_level=level_for(overall),
        persona_slug=persona_slug(overall=overall, attitude_category=category),
        is_busy=is_busy(time_pressure),
    )
