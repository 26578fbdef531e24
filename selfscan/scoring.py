"""Every rule that turns zelfscan answers into levels, a persona and the busy flag.

This module is the one place where those rules live; the advisors' page "Hoe de zelfscan indeelt"
(selfscan:classification) shows the same rules, rendered from PERSONA_RULES and LEVEL_BANDS below.

The questionnaire (version 2, `migrations/data/questionnaire_v2.json`)
    Seven competence areas, one page each, aligned with the five DigComp 2.2 areas (the area's
    `digcomp` field names the competences): 1 Informatie- en datageletterdheid ("informatie",
    files in "basis-ict"), 2 Communicatie en samenwerking ("samenwerken", "dienstverlening"),
    3 Digitale content creëren ("digitale-content", new in version 2), 4 Veiligheid
    ("veilig-werken"), 5 Problemen oplossen ("problemen-oplossen", devices in "basis-ict").
    Then two pages of attitude and time questions. Round 1 asks 57 items (27 can-do statements,
    14 knowledge questions, 16 attitude and time statements), round 2 one more (time saved).
    Reading time: about 12 minutes for a reader of 150 words a minute, 14 at 120 words a minute,
    counting every word of every question, every answer of a knowledge question, each page's scale
    once and 3 seconds to choose per item; selfscan/tests/test_questionnaire.py computes this from
    the data file and keeps it under 15 minutes.

Skill per area (0–100)
    Can-do statements use DigCompSAT's 4-point skills scale ("I don't know how to do it", "I can
    do it with help", "I can do it on my own", "I can do it with confidence and … guide others"):
    1 "Dit ken ik niet", 2 "Dit kan ik met hulp", 3 "Dit kan ik zelfstandig", 4 "Dit kan ik anderen
    uitleggen", counted as 0, 1/3, 2/3 and 1. Each statement asks one thing and counts the same:
    DigCompSAT scores an area as the plain average of its items, and no task in an area is more
    "basic" than another for every job.

    Knowledge questions (at least two per area, one right answer and plausible wrong ones) are
    scored per item, right or wrong, and check the self-assessment instead of adding to it:
        score = 100 × mean(can-do) × (1 − KNOWLEDGE_CHECK × share of knowledge answers wrong)
    Why a check and not a share of the score: a right answer on a multiple-choice question can be a
    guess (one in three or four) and says little, while a wrong answer from someone who says they
    can explain the task to others says a lot. In version 1 one easy knowledge question carried 30 %
    of the area score, so right answers lifted people who need help to "Gevorderd" and a single slip
    cost one and a half levels. With the check, right answers confirm the self-assessment and wrong
    ones take a quarter off at most: one wrong answer of two costs at most 12.5 points, less than
    the narrowest band (Basis, 18 points), so a slip moves an area at most one level and only near a
    boundary. But when every knowledge answer of an area is wrong (two or more), the self-assessment
    was contradicted on every check: the area then stays below Gevorderd (KNOWLEDGE_ALL_WRONG_CAP,
    at most Basis), however sure the person said they were. QA found "explain it to others" on
    every task with every check wrong (a phishing link clicked) scored Gevorderd in Veilig werken.
    The overall score is the mean of the competence areas: DigComp weighs its areas equally.

Levels (area and overall), aligned with DigCompSAT's bands
    DigCompSAT (JRC 2020, Annex 8) reports an area as Low 0–29 %, Foundation 30–47 %,
    Intermediate 48–80 % and Advanced 81–100 %, Foundation/Intermediate/Advanced being DigComp
    proficiency levels 1–2, 3–4 and 5–6. The portal uses the same bands under Dutch names:
        score < 30: Start (below DigComp's Foundation)  · 30 ≤ score < 48: Basis (Foundation, 1–2)
        48 ≤ score < 81: Gevorderd (Intermediate, 3–4) · score ≥ 81: Expert (Advanced, 5–6)
    "Expert" is DigCompSAT's Advanced, not DigComp's Highly specialised levels 7–8. On the scale the
    anchors fall in their bands: all "met hulp" = 33 Basis, all "zelfstandig" = 67 Gevorderd,
    all "anderen uitleggen" = 100 Expert. Results of version 1 keep the levels they were given
    under version 1's bands (40/60/80); LEVEL_BANDS_BY_VERSION holds both for the result page. A
    version 1 draft submitted after the upgrade is scored by this module with version 1's bands, so
    its levels mean what the other levels of its round mean.

Attitude (5-point agreement, 1 = helemaal oneens … 5 = helemaal eens; 3 is neutral)
    Each dimension is the mean of its statements:
        interest    nieuwsgierig, wil leren                 ("van nature nieuwsgierig")
        pioneering  probeert nieuwe middelen meteen uit, collega's vragen om hulp
                    ("maakt zich nieuwe digitale middelen snel eigen … beantwoordt graag vragen
                    van collega's")
        waiting     begint pas als het werk erom vraagt, wil eerst zien dat het beter werkt
                    ("onderneemt pas actie als de actualiteit daarom vraagt", "kritisch"); the
                    hesitant user waits too ("leert nieuwe vaardigheden alleen als dat duidelijk
                    meerwaarde heeft"), so waiting separates the professional from the
                    enthusiast, and skill separates the professional from the hesitant user
        confidence  vertrouwen, weet hoe verder bij vastlopen ("olifantenpaadjes"; the hesitant
                    user "is niet zozeer bang om nieuwe vaardigheden te leren")
        resistance  digitalisering maakt werk moeilijker, te ingewikkeld ("staan negatief",
                    "vinden het te ingewikkeld")
        avoidance   laat computerwerk aan een collega, werkt liever op papier, laat niet graag
                    merken iets niet te snappen ("vinden het moeilijk om eerlijk te vertellen over
                    hun worstelingen. Sommigen zijn bang om dom gevonden te worden")
    Interest is what social desirability pushes to "eens" in an employer's scan, so no persona
    rests on it alone: the enthusiast must also show the behaviour (pioneering, above waiting) and
    the skill; a guarded analogue idealist shows through avoidance, worded kindly, or through the
    plan's combination of no affinity and fear (low interest and low confidence, not positive).
    A questionnaire without a dimension's statements (version 1 has no pioneering, waiting or
    avoidance) scores pioneering as interest and the others as neutral (3).

Persona: the first rule of PERSONA_RULES that holds (skill = the overall score)
    1 Digitale enthousiasteling  skill ≥ 60, interest ≥ 3.5, pioneering ≥ 3.5, pioneering > waiting,
                                 resistance < 3
    2 Analoge idealist           skill < 60 and (resistance ≥ 3.5, or avoidance ≥ 3.5, or interest
                                 < 3 and confidence < 3 and resistance ≥ 3)
    3 Digivaardige professional  skill ≥ 48
    4 Aarzelende technologiegebruiker  everyone else (skill < 48, no sign of distance)
    Skill 48 is DigCompSAT's Intermediate ("on my own"): the professional "heeft de
    ICT-basisvaardigheden onder de knie", the hesitant user "heeft moeite met
    ICT-basisvaardigheden". Skill 60 is close to "zelfstandig" on every task (67 with every
    knowledge answer right, still above 60 after a few slips), the enthusiast's "ICT-basis-
    vaardigheden zijn vanzelfsprekend"; below it a self-assessment is not strong enough to
    outweigh clear signs of distance, since the idealist may hide their struggles.

Busy prioritiser: the mean of the time-pressure statements ≥ 3.5. It is a flag beside the persona:
    "In de vier verschillende doelgroepen bevinden zich ook drukke prioriteitenstellers."

Change between rounds (compare_rounds)
    Only across comparable areas: an area code present in both rounds' questionnaires. An area new
    in the later version has no change, and the overall change is the mean change of the
    comparable areas (not the difference of two overall scores over different areas).
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from statistics import mean

from django.utils.formats import number_format
from django.utils.translation import gettext_lazy as _

from personas.models import Persona

from .models import Level, Question

Identity = Persona.Identity
Dimension = Question.Dimension

KNOWLEDGE_CHECK = 0.25
# Every knowledge answer of an area wrong (at least two questions): the area scores below Gevorderd.
KNOWLEDGE_ALL_WRONG_CAP = 47.0

# (lowest score of the level, level), highest first; DigCompSAT's bands (see the module docstring).
LEVEL_BANDS = [(81, Level.EXPERT), (48, Level.GEVORDERD), (30, Level.BASIS), (0, Level.START)]
LEVEL_BANDS_V1 = [(80, Level.EXPERT), (60, Level.GEVORDERD), (40, Level.BASIS), (0, Level.START)]
LEVEL_BANDS_BY_VERSION = {1: LEVEL_BANDS_V1}
DIGCOMPSAT_BAND = {
    Level.START: _("Low (0–29 %), onder DigComp-niveau 1"),
    Level.BASIS: _("Foundation (30–47 %), DigComp-niveau 1–2"),
    Level.GEVORDERD: _("Intermediate (48–80 %), DigComp-niveau 3–4"),
    Level.EXPERT: _("Advanced (81–100 %), DigComp-niveau 5–6"),
}

INDEPENDENT_SKILL = 48  # DigCompSAT Intermediate: "on my own"
SKILLED = 60  # near "zelfstandig" on every task
EAGER_INTEREST = 3.5
PIONEERING = 3.5
ENTHUSIAST_MAX_RESISTANCE = 3  # strictly below: "zijn positief over digitalisering"
NEGATIVE_RESISTANCE = 3.5
AVOIDING = 3.5
GUARDED_BELOW = 3  # interest and confidence both below neutral …
GUARDED_RESISTANCE = 3  # … and resistance not below neutral
BUSY_THRESHOLD = 3.5
NEUTRAL = 3


def can_do_fraction(value: int) -> float:
    """A can-do answer (1–4) on the 0–1 scale; ValueError outside the scale."""
    if value not in (1, 2, 3, 4):
        raise ValueError(f"can-do answer must be 1–4, not {value}")
    return (value - 1) / 3


def area_score(can_do_values: list[int], knowledge_right: list[bool]) -> float:
    """The area's score 0–100 (one decimal): mean can-do, lowered by the knowledge check.

    `can_do_values`: answers 1–4 (at least one, else ValueError); `knowledge_right`: one bool per
    knowledge question of the area (may be empty: then the self-assessment stands alone).
    """
    if not can_do_values:
        raise ValueError("an area needs at least one can-do answer")
    can_do = mean(can_do_fraction(value) for value in can_do_values)
    wrong = knowledge_right.count(False) / len(knowledge_right) if knowledge_right else 0.0
    score = round(100 * can_do * (1 - KNOWLEDGE_CHECK * wrong), 1)
    if len(knowledge_right) >= 2 and not any(knowledge_right):
        score = min(score, KNOWLEDGE_ALL_WRONG_CAP)
    return score


def level_for(score: float, *, version: int | None = None) -> str:
    """The level (Level value) of a score 0–100 under the bands of `version` (default: current)."""
    bands = LEVEL_BANDS_BY_VERSION.get(version, LEVEL_BANDS)
    return next(level for threshold, level in bands if score >= threshold)


def level_threshold(level: str, *, version: int | None = None) -> float:
    """The lowest score of `level` under the bands of `version` (default: current)."""
    bands = LEVEL_BANDS_BY_VERSION.get(version, LEVEL_BANDS)
    return next(threshold for threshold, band_level in bands if band_level == level)


def level_legend(version: int | None = None) -> list[dict]:
    """The bands for display, lowest first: [{level, label, low, high (None for the top)}]."""
    bands = LEVEL_BANDS_BY_VERSION.get(version, LEVEL_BANDS)
    rows, upper = [], None
    for threshold, level in bands:
        rows.append({"level": level, "label": Level(level).label, "low": threshold, "high": upper})
        upper = threshold - 1
    return rows[::-1]


@dataclass(frozen=True)
class Attitude:
    """Means of the attitude statements per dimension, each on the 1–5 agreement scale."""

    interest: float = NEUTRAL
    confidence: float = NEUTRAL
    resistance: float = NEUTRAL
    pioneering: float = NEUTRAL
    waiting: float = NEUTRAL
    avoidance: float = NEUTRAL

    @classmethod
    def from_answers(cls, values: dict) -> "Attitude":
        """From {dimension value: [answers 1–5]}; a dimension without answers falls back as documented."""
        means = {name: mean(answers) for name, answers in values.items() if answers}
        interest = means.get(Dimension.INTEREST, NEUTRAL)
        return cls(
            interest=interest,
            confidence=means.get(Dimension.CONFIDENCE, NEUTRAL),
            resistance=means.get(Dimension.RESISTANCE, NEUTRAL),
            pioneering=means.get(Dimension.PIONEERING, interest),
            waiting=means.get(Dimension.WAITING, NEUTRAL),
            avoidance=means.get(Dimension.AVOIDANCE, NEUTRAL),
        )


@dataclass(frozen=True)
class PersonaRule:
    """One row of the classification table: who gets `persona`, in words, and the plan's basis."""

    persona: Identity
    condition: str  # the condition in plain words (translatable), with %(name)s for the thresholds
    plan: str  # the plan's sentences the rule rests on (section 3.1 and the tables of 3.2), in Dutch
    holds: Callable[[float, Attitude], bool]
    thresholds: dict = field(default_factory=dict)

    @property
    def when(self) -> str:
        """The condition in the active language, with its thresholds as that language writes numbers
        (3,5 in Dutch, 3.5 in English), for the advisors' page."""
        return _with_thresholds(self.condition, self.thresholds)


def _with_thresholds(condition, thresholds: dict) -> str:
    return str(condition) % {name: number_format(value) for name, value in thresholds.items()}


def _is_enthusiast(skill: float, a: Attitude) -> bool:
    return (
        skill >= SKILLED
        and a.interest >= EAGER_INTEREST
        and a.pioneering >= PIONEERING
        and a.pioneering > a.waiting
        and a.resistance < ENTHUSIAST_MAX_RESISTANCE
    )


def _keeps_distance(skill: float, a: Attitude) -> bool:
    guarded = a.interest < GUARDED_BELOW and a.confidence < GUARDED_BELOW and a.resistance >= GUARDED_RESISTANCE
    return skill < SKILLED and (a.resistance >= NEGATIVE_RESISTANCE or a.avoidance >= AVOIDING or guarded)


PERSONA_RULES = [
    PersonaRule(
        Identity.ENTHUSIAST,
        _(
            "Vaardigheid %(skilled)s of hoger, én nieuwsgierig (interesse %(interest)s of hoger), én probeert "
            "nieuwe middelen zelf uit of helpt collega's (voorlopen %(pioneering)s of hoger, en hoger dan "
            "afwachten), én niet negatief (weerstand onder %(resistance)s)."
        ),
        "“ICT-basisvaardigheden zijn voor de digitale enthousiasteling vanzelfsprekend. Hij maakt zich nieuwe "
        "digitale middelen snel eigen, snapt hoe soft- en hardware werkt, lost problemen met digitale middelen "
        "op en beantwoordt graag vragen van collega’s. De digitale enthousiasteling is van nature nieuwsgierig "
        "naar (nieuwe) digitale middelen.” Motieven: “Willen vooroplopen”, “Zijn positief over digitalisering”.",
        _is_enthusiast,
        {
            "skilled": SKILLED,
            "interest": EAGER_INTEREST,
            "pioneering": PIONEERING,
            "resistance": ENTHUSIAST_MAX_RESISTANCE,
        },
    ),
    PersonaRule(
        Identity.ANALOGUE,
        _(
            "Vaardigheid onder %(skilled)s, én open negatief (weerstand %(negative)s of hoger), of houdt digitaal "
            "werk op afstand (afstand %(avoiding)s of hoger: laat computerwerk aan een collega, werkt liever op "
            "papier, laat niet graag merken iets niet te snappen), of heeft weinig interesse én weinig vertrouwen "
            "(beide onder %(guarded)s) zonder positief te zijn (weerstand %(guarded_resistance)s of hoger)."
        ),
        "“De analoge idealist is negatief en heeft een afkeer van alles wat met digitalisering te maken heeft. "
        "[…] Ze leren de basisvaardigheden niet omdat ze geen affiniteit hebben met of zelfs angst hebben voor "
        "digitale middelen. Vaak vinden analoge idealisten het moeilijk om eerlijk te vertellen over hun "
        "worstelingen. Sommigen zijn bang om dom gevonden te worden door collega’s.” Weerstanden: “Vinden het "
        "te ingewikkeld”. Wat kunnen ze: “Ze kunnen niet zo goed omgaan met een computer, tablet of smartphone”.",
        _keeps_distance,
        {
            "skilled": SKILLED,
            "negative": NEGATIVE_RESISTANCE,
            "avoiding": AVOIDING,
            "guarded": GUARDED_BELOW,
            "guarded_resistance": GUARDED_RESISTANCE,
        },
    ),
    PersonaRule(
        Identity.PROFESSIONAL,
        _(
            "Vaardigheid %(independent)s of hoger (zelfstandig, DigCompSAT Intermediate), en geen van de regels "
            "hierboven: wie vaardig is maar afwacht of kritisch is, of bij wie het voorlopen niet blijkt."
        ),
        "“De digivaardige professionals weet zijn weg met digitale middelen prima te vinden, maar spant zich "
        "niet bovenmatig in om met de nieuwste digitale middelen te werken. […] Hij heeft de "
        "ICT-basisvaardigheden onder de knie. […] De digivaardige professional heeft een kritisch onafhankelijke "
        "houding naar digitale middelen. […] De digivaardige professional onderneemt pas actie als de "
        "actualiteit daarom vraagt.”",
        lambda skill, a: skill >= INDEPENDENT_SKILL,
        {"independent": INDEPENDENT_SKILL},
    ),
    PersonaRule(
        Identity.HESITANT,
        _(
            "Alle anderen: vaardigheid onder %(independent)s (bij veel taken hulp nodig), zonder tekenen van "
            "afstand. Ook wie graag wil leren maar nog hulp nodig heeft."
        ),
        "“De aarzelende technologie gebruiker heeft moeite met ICT-basisvaardigheden. Hij/zij is niet zozeer "
        "bang om nieuwe vaardigheden te leren, maar is wel kritisch over (nieuwe) digitale middelen. Hij/zij "
        "leert nieuwe vaardigheden alleen als dat duidelijk meerwaarde heeft voor het werk.” Motieven: “Staan "
        "neutraal tegenover digitalisering”. Wat kunnen ze: “Ze kunnen redelijk omgaan met een computer, tablet "
        "of smartphone”.",
        lambda skill, a: True,
        {"independent": INDEPENDENT_SKILL},
    ),
]

BUSY_CONDITION = _(
    "Naast het profiel: tijdsdruk %(busy)s of hoger (te druk om te leren, leren voelt als extra belasting, "
    "eerst weten wat het oplevert)."
)
BUSY_PLAN = (
    "“In de vier verschillende doelgroepen bevinden zich ook drukke prioriteitenstellers.” Weerstanden: "
    "“Hebben te weinig tijd/ te druk”, “Vinden het een extra belasting”. Motieven: “Willen snelheid”."
)


def busy_rule_when() -> str:
    """The busy-prioritiser condition in the active language (the advisors' page)."""
    return _with_thresholds(BUSY_CONDITION, {"busy": BUSY_THRESHOLD})


def persona_for(*, skill: float, attitude: Attitude) -> Identity:
    """The persona of the first rule in PERSONA_RULES that holds for this skill (0–100) and attitude."""
    return next(rule.persona for rule in PERSONA_RULES if rule.holds(skill, attitude))


def is_busy(time_pressure_values: list[int]) -> bool:
    """True when the mean of the time-pressure answers (1–5) is at least BUSY_THRESHOLD."""
    return bool(time_pressure_values) and mean(time_pressure_values) >= BUSY_THRESHOLD


@dataclass
class ScanOutcome:
    area_scores: dict  # area code -> score 0–100
    area_levels: dict  # area code -> Level value
    overall_score: float
    overall_level: str
    persona: Identity
    is_busy: bool
    attitude: Attitude


def score_answers(questions, answers: dict, *, version: int | None = None) -> ScanOutcome:
    """Score a complete set of answers.

    `questions`: Question objects with their area; `answers`: question id -> option number (from 1);
    `version`: the questionnaire version, for its level bands (default: the current bands).
    Unanswered questions are skipped; the services only score complete responses.
    """
    can_do, knowledge = {}, {}
    dimensions = {}
    time_pressure = []
    for question in questions:
        value = answers.get(question.pk)
        if value is None:
            continue
        code = question.area.code
        if question.kind == Question.Kind.CAN_DO:
            can_do.setdefault(code, []).append(value)
        elif question.kind == Question.Kind.KNOWLEDGE:
            knowledge.setdefault(code, []).append(value == question.correct_option)
        elif question.kind == Question.Kind.ATTITUDE and question.dimension:
            dimensions.setdefault(question.dimension, []).append(value)
        elif question.kind == Question.Kind.TIME_PRESSURE:
            time_pressure.append(value)
    scores = {code: area_score(values, knowledge.get(code, [])) for code, values in can_do.items()}
    overall = round(mean(scores.values()), 1)
    attitude = Attitude.from_answers(dimensions)
    return ScanOutcome(
        area_scores=scores,
        area_levels={code: level_for(score, version=version) for code, score in scores.items()},
        overall_score=overall,
        overall_level=level_for(overall, version=version),
        persona=persona_for(skill=overall, attitude=attitude),
        is_busy=is_busy(time_pressure),
        attitude=attitude,
    )


@dataclass
class Comparison:
    changes: dict  # area code -> later score minus earlier score, for the comparable areas only
    new_areas: list  # area codes of the later round without a counterpart in the earlier one
    overall_change: float | None  # mean change of the comparable areas; None when there are none


def compare_rounds(*, before: dict, after: dict) -> Comparison:
    """The change between two rounds' area scores ({area code: score}), across comparable areas only."""
    common = [code for code in after if code in before]
    changes = {code: round(after[code] - before[code], 1) for code in common}
    return Comparison(
        changes=changes,
        new_areas=[code for code in after if code not in before],
        overall_change=round(mean(changes.values()), 1) if changes else None,
    )
