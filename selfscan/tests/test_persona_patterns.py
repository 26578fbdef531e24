"""The plan's four personas and the busy prioritiser, written as answer patterns on the shipped
questionnaire (version 2): the classification must put each where the plan would.

Each pattern is how such a person fills in the scan: honestly, guardedly (saying nothing negative
out loud), or socially desirably (agreeing with everything that sounds good in an employer's scan).
Values are cycled over the statements of a kind: can_do over every can-do statement (1 "Dit ken ik
niet" … 4 "Dit kan ik anderen uitleggen"), knowledge over every knowledge question (right/wrong),
each attitude dimension over its statements (1 helemaal oneens … 5 helemaal eens), time over the
time-pressure statements.
"""

import itertools
from dataclasses import dataclass, field

import pytest

from personas.models import Persona
from selfscan import scoring
from selfscan.models import Question, Questionnaire
from selfscan.services import response_save_answers, response_start, response_submit
from selfscan.tests.factories import open_campaign_rounds

Identity = Persona.Identity
RIGHT, WRONG = True, False


@dataclass(frozen=True)
class Pattern:
    description: str
    can_do: tuple
    knowledge: tuple
    interest: tuple
    pioneering: tuple
    waiting: tuple
    confidence: tuple
    resistance: tuple
    avoidance: tuple
    time: tuple = (2,)
    expected: tuple = field(default=())  # (persona, busy)


def pattern(description, expected, busy=False, **answers):
    values = {name: value if isinstance(value, tuple) else (value,) for name, value in answers.items()}
    return pytest.param(Pattern(description, expected=(expected, busy), **values), id=description)


PATTERNS = [
    # Digitale enthousiasteling: "ICT-basisvaardigheden … vanzelfsprekend", "maakt zich nieuwe digitale middelen
    # snel eigen", "beantwoordt graag vragen van collega's", "van nature nieuwsgierig".
    pattern(
        "enthousiasteling zoals het plan hem beschrijft",
        Identity.ENTHUSIAST,
        can_do=(4, 4, 3),
        knowledge=RIGHT,
        interest=5,
        pioneering=(5, 4),
        waiting=2,
        confidence=(5, 4),
        resistance=1,
        avoidance=1,
    ),
    pattern(
        "enthousiasteling: overal zelfstandig, vraagbaak van het team, een paar kennisfouten",
        Identity.ENTHUSIAST,
        can_do=3,
        knowledge=(RIGHT, RIGHT, RIGHT, WRONG),
        interest=4,
        pioneering=(4, 5),
        waiting=(2, 3),
        confidence=4,
        resistance=2,
        avoidance=(1, 2, 1),
    ),
    pattern(
        "enthousiasteling die sociaal wenselijk antwoordt: helemaal eens met al het positieve",
        Identity.ENTHUSIAST,
        can_do=(4, 3),
        knowledge=RIGHT,
        interest=5,
        pioneering=5,
        waiting=2,
        confidence=5,
        resistance=1,
        avoidance=1,
    ),
    pattern(
        "enthousiasteling met een volle agenda",
        Identity.ENTHUSIAST,
        busy=True,
        can_do=(4, 3, 3),
        knowledge=RIGHT,
        interest=5,
        pioneering=4,
        waiting=2,
        confidence=4,
        resistance=1,
        avoidance=1,
        time=(4, 4, 5),
    ),
    # Digivaardige professional: "weet zijn weg … prima te vinden, maar spant zich niet bovenmatig in",
    # "kritisch onafhankelijke houding", "onderneemt pas actie als de actualiteit daarom vraagt".
    pattern(
        "professional zoals het plan hem beschrijft: vaardig, kritisch, wacht tot het werk erom vraagt",
        Identity.PROFESSIONAL,
        can_do=(3, 3, 4),
        knowledge=RIGHT,
        interest=3,
        pioneering=(2, 3),
        waiting=(4, 5),
        confidence=4,
        resistance=2,
        avoidance=(1, 2, 2),
    ),
    pattern(
        "professional die sociaal wenselijk 'nieuwsgierig' en 'wil leren' aankruist, maar pas begint als het moet",
        Identity.PROFESSIONAL,
        can_do=3,
        knowledge=RIGHT,
        interest=5,
        pioneering=3,
        waiting=4,
        confidence=4,
        resistance=1,
        avoidance=1,
    ),
    pattern(
        "professional, kritisch-onafhankelijk: vindt dat digitalisering het werk soms moeilijker maakt",
        Identity.PROFESSIONAL,
        can_do=(3, 4),
        knowledge=(RIGHT, RIGHT, RIGHT, WRONG),
        interest=2,
        pioneering=2,
        waiting=5,
        confidence=4,
        resistance=(4, 3),
        avoidance=2,
    ),
    pattern(
        "professional die met alles instemt (ook met afwachten en afstand)",
        Identity.PROFESSIONAL,
        can_do=3,
        knowledge=RIGHT,
        interest=4,
        pioneering=4,
        waiting=4,
        confidence=4,
        resistance=4,
        avoidance=4,
    ),
    pattern(
        "professional die zelfstandig is, maar niet meer dan nodig",
        Identity.PROFESSIONAL,
        can_do=(3, 3, 2),
        knowledge=RIGHT,
        interest=3,
        pioneering=2,
        waiting=4,
        confidence=3,
        resistance=3,
        avoidance=2,
    ),
    # Aarzelende technologiegebruiker: "heeft moeite met ICT-basisvaardigheden", "niet zozeer bang om nieuwe
    # vaardigheden te leren, maar wel kritisch", "leert … alleen als dat duidelijk meerwaarde heeft".
    pattern(
        "aarzelende gebruiker zoals het plan hem beschrijft",
        Identity.HESITANT,
        can_do=(2, 2, 3),
        knowledge=(RIGHT, WRONG),
        interest=(3, 2),
        pioneering=(1, 2),
        waiting=4,
        confidence=(3, 4),
        resistance=(3, 2),
        avoidance=(2, 2, 3),
    ),
    pattern(
        "het voorbeeld uit het issue: overal 'met hulp', maar graag leren",
        Identity.HESITANT,
        can_do=2,
        knowledge=RIGHT,
        interest=5,
        pioneering=(3, 4),
        waiting=2,
        confidence=4,
        resistance=1,
        avoidance=1,
    ),
    pattern(
        "aarzelende gebruiker die sociaal wenselijk antwoordt: positief, maar bij veel taken hulp nodig",
        Identity.HESITANT,
        can_do=(2, 3, 2, 2),
        knowledge=(RIGHT, WRONG),
        interest=4,
        pioneering=3,
        waiting=3,
        confidence=4,
        resistance=2,
        avoidance=(2, 1, 2),
    ),
    pattern(
        "aarzelende gebruiker zonder interesse, maar niet bang",
        Identity.HESITANT,
        can_do=(2, 2, 1, 3),
        knowledge=(WRONG, RIGHT),
        interest=2,
        pioneering=1,
        waiting=4,
        confidence=3,
        resistance=3,
        avoidance=(2, 3, 2),
    ),
    pattern(
        "aarzelende gebruiker die het druk heeft",
        Identity.HESITANT,
        busy=True,
        can_do=(2, 2, 3),
        knowledge=(RIGHT, WRONG),
        interest=3,
        pioneering=2,
        waiting=4,
        confidence=3,
        resistance=2,
        avoidance=2,
        time=(4, 3, 4),
    ),
    # Analoge idealist: "negatief en heeft een afkeer", "vinden het te ingewikkeld", "geen affiniteit met of zelfs
    # angst", "moeilijk om eerlijk te vertellen over hun worstelingen", "bang om dom gevonden te worden".
    pattern(
        "analoge idealist zoals het plan hem beschrijft: open negatief, te ingewikkeld, mijdt de computer",
        Identity.ANALOGUE,
        can_do=(1, 2),
        knowledge=(WRONG, WRONG, RIGHT),
        interest=1,
        pioneering=1,
        waiting=5,
        confidence=2,
        resistance=(5, 4),
        avoidance=(5, 4, 4),
        time=3,
    ),
    pattern(
        "het voorbeeld uit het issue: afgeschermd, weerstand 3, interesse en vertrouwen 2,5",
        Identity.ANALOGUE,
        can_do=2,
        knowledge=(RIGHT, WRONG),
        interest=(3, 2),
        pioneering=2,
        waiting=3,
        confidence=(3, 2),
        resistance=3,
        avoidance=3,
    ),
    pattern(
        "afgeschermd, maar laat bij de vriendelijk gestelde vragen zien dat hij afstand houdt",
        Identity.ANALOGUE,
        can_do=(2, 2, 3),
        knowledge=(RIGHT, WRONG),
        interest=3,
        pioneering=2,
        waiting=4,
        confidence=3,
        resistance=(2, 3),
        avoidance=(4, 4, 3),
    ),
    pattern(
        "sociaal wenselijk en overschat zichzelf: overal 'zelfstandig', maar de kennisvragen gaan mis",
        Identity.ANALOGUE,
        can_do=3,
        knowledge=WRONG,
        interest=4,
        pioneering=2,
        waiting=3,
        confidence=4,
        resistance=2,
        avoidance=(4, 4, 3),
    ),
    pattern(
        "analoge idealist die ook nog weinig tijd heeft",
        Identity.ANALOGUE,
        busy=True,
        can_do=(1, 2, 2),
        knowledge=(WRONG, RIGHT),
        interest=2,
        pioneering=1,
        waiting=4,
        confidence=2,
        resistance=4,
        avoidance=4,
        time=(5, 4, 4),
    ),
    # Drukke prioriteitensteller (binnen alle vier): "Hebben te weinig tijd/ te druk", "Vinden het een extra
    # belasting", "Willen snelheid".
    pattern(
        "drukke professional die eerst wil weten wat het oplevert",
        Identity.PROFESSIONAL,
        busy=True,
        can_do=3,
        knowledge=RIGHT,
        interest=3,
        pioneering=2,
        waiting=4,
        confidence=4,
        resistance=2,
        avoidance=1,
        time=(4, 4, 5),
    ),
    pattern(
        "drukke prioriteitensteller die het voorzichtig zegt (3, 4, 4)",
        Identity.HESITANT,
        busy=True,
        can_do=2,
        knowledge=RIGHT,
        interest=3,
        pioneering=2,
        waiting=3,
        confidence=3,
        resistance=2,
        avoidance=2,
        time=(3, 4, 4),
    ),
    pattern(
        "niet druk genoeg: af en toe krap in de tijd (3, 3, 4)",
        Identity.PROFESSIONAL,
        busy=False,
        can_do=3,
        knowledge=RIGHT,
        interest=3,
        pioneering=2,
        waiting=4,
        confidence=4,
        resistance=2,
        avoidance=1,
        time=(3, 3, 4),
    ),
]


def shipped_questions():
    questionnaire = Questionnaire.objects.order_by("-version").first()
    return list(
        Question.objects.filter(area__questionnaire=questionnaire)
        .exclude(kind=Question.Kind.TIME_SAVED)
        .select_related("area")
        .order_by("area__position", "position")
    )


def answers_for(pattern: Pattern, questions) -> dict:
    cycles = {name: itertools.cycle(getattr(pattern, name)) for name in Pattern.__dataclass_fields__}
    answers = {}
    for question in questions:
        if question.kind == Question.Kind.CAN_DO:
            answers[question.pk] = next(cycles["can_do"])
        elif question.kind == Question.Kind.KNOWLEDGE:
            right = next(cycles["knowledge"])
            answers[question.pk] = question.correct_option if right else question.correct_option % 3 + 1
        elif question.kind == Question.Kind.TIME_PRESSURE:
            answers[question.pk] = next(cycles["time"])
        else:
            answers[question.pk] = next(cycles[question.dimension])
    return answers


@pytest.mark.django_db
def test_every_persona_and_the_busy_prioritiser_have_at_least_three_patterns():
    expected = [param.values[0].expected for param in PATTERNS]
    for identity in set(Identity) - {Identity.BUSY_PRIORITISER}:
        assert sum(persona == identity for persona, _busy in expected) >= 3, identity
    assert sum(busy for _persona, busy in expected) >= 3


@pytest.mark.django_db
@pytest.mark.parametrize("pattern", PATTERNS)
def test_each_pattern_gets_the_persona_the_plan_would_give(pattern):
    questions = shipped_questions()
    outcome = scoring.score_answers(questions, answers_for(pattern, questions))
    assert (outcome.persona, outcome.is_busy) == pattern.expected, (
        f"{pattern.description}: skill {outcome.overall_score}, {outcome.attitude}"
    )


@pytest.mark.parametrize(
    "description",
    [
        "het voorbeeld uit het issue: overal 'met hulp', maar graag leren",
        "het voorbeeld uit het issue: afgeschermd, weerstand 3, interesse en vertrouwen 2,5",
        "professional die sociaal wenselijk 'nieuwsgierig' en 'wil leren' aankruist, maar pas begint als het moet",
    ],
)
def test_a_submitted_scan_stores_the_patterns_persona(employee, municipality, description):
    chosen = next(param.values[0] for param in PATTERNS if param.values[0].description == description)
    baseline, _final = open_campaign_rounds(municipalities=[municipality])
    response = response_start(scan_round=baseline, employee=employee)
    from selfscan.selectors import questions_for_round

    response_save_answers(response=response, answers=answers_for(chosen, questions_for_round(round=baseline)), step=9)
    response_submit(response=response)
    response.refresh_from_db()
    assert (response.persona.slug, response.is_busy) == chosen.expected
