"""Demo zelfscan data: round 1 answers for most demo employees, round 2 for some, on the rounds'
questionnaire (version 2 in a new database).

Each generated employee is one of the plan's four personas (hidden from the scoring) with a skill
and attitude typical of it, and answers the way people do in an employer's scan: most honestly, some
socially desirably (a bit more positive and a bit more skilled than they are), and some analogue
idealists guardedly (neutral on the open questions, honest on the kindly worded ones). Busy
prioritisers are found in all four. The classification in scoring.py then finds roughly the spread
below, which is what a municipal organisation and the plan would recognise: a minority of
enthusiasts who can be ambassadors, a large group of capable professionals, a large group that is
hesitant, and a smaller group that keeps digital work at a distance. The demo accounts keep an
empty scan to try.
"""

import datetime
import random
from dataclasses import dataclass

from django.utils import timezone

from organisations.demo import DEMO_DOMAIN
from organisations.models import User
from personas.models import Persona

from . import scoring
from .caching import questionnaire_changed
from .models import Answer, Area, AreaResult, Question, Response
from .selectors import questions_for_round

BASELINE_SHARE = 0.7
FINAL_SHARE_OF_BASELINE = 0.35
MAX_DEMO_RESPONDENTS = 3000
BATCH = 1000
BUSY_SHARE = 0.3
SOCIALLY_DESIRABLE_SHARE = 0.25
GUARDED_SHARE_OF_IDEALISTS = 0.4

Dimension = Question.Dimension


@dataclass(frozen=True)
class Archetype:
    share: float
    skill: tuple  # beta distribution (a, b) of the real skill 0–1
    attitude: dict  # Dimension value -> typical agreement 1–5


ARCHETYPES = {
    Persona.Identity.ENTHUSIAST: Archetype(
        0.17,
        (9, 2.5),
        {
            Dimension.INTEREST: 4.6,
            Dimension.PIONEERING: 4.3,
            Dimension.WAITING: 1.9,
            Dimension.CONFIDENCE: 4.4,
            Dimension.RESISTANCE: 1.5,
            Dimension.AVOIDANCE: 1.4,
        },
    ),
    Persona.Identity.PROFESSIONAL: Archetype(
        0.33,
        (7, 3),
        {
            Dimension.INTEREST: 3.3,
            Dimension.PIONEERING: 2.5,
            Dimension.WAITING: 3.9,
            Dimension.CONFIDENCE: 4.0,
            Dimension.RESISTANCE: 2.3,
            Dimension.AVOIDANCE: 1.8,
        },
    ),
    Persona.Identity.HESITANT: Archetype(
        0.32,
        (3, 5),
        {
            Dimension.INTEREST: 3.0,
            Dimension.PIONEERING: 1.8,
            Dimension.WAITING: 3.8,
            Dimension.CONFIDENCE: 3.5,
            Dimension.RESISTANCE: 2.5,
            Dimension.AVOIDANCE: 2.2,
        },
    ),
    Persona.Identity.ANALOGUE: Archetype(
        0.18,
        (2, 6),
        {
            Dimension.INTEREST: 2.0,
            Dimension.PIONEERING: 1.3,
            Dimension.WAITING: 3.8,
            Dimension.CONFIDENCE: 2.3,
            Dimension.RESISTANCE: 3.8,
            Dimension.AVOIDANCE: 3.9,
        },
    ),
}
POSITIVE = {Dimension.INTEREST, Dimension.CONFIDENCE, Dimension.PIONEERING}
NEGATIVE = {Dimension.RESISTANCE, Dimension.AVOIDANCE}


@dataclass(frozen=True)
class Profile:
    persona: str
    skill: float
    attitude: dict
    busy: bool
    overclaim: float  # how much higher than their skill someone rates themselves (0–1 scale)


def _profile(rng) -> Profile:
    draw, persona = rng.random(), None
    for persona, archetype in ARCHETYPES.items():  # noqa: B007 - the last one is the fallback
        draw -= archetype.share
        if draw < 0:
            break
    archetype = ARCHETYPES[persona]
    attitude = dict(archetype.attitude)
    overclaim = 0.0
    style = rng.random()
    if persona == Persona.Identity.ANALOGUE and style < GUARDED_SHARE_OF_IDEALISTS:
        # Guarded: nothing negative said openly; the kindly worded avoidance still shows, a little less.
        attitude |= {Dimension.RESISTANCE: 3.0, Dimension.INTEREST: 2.6, Dimension.CONFIDENCE: 2.6}
        attitude[Dimension.AVOIDANCE] -= 0.2
        overclaim = 0.1
    elif style > 1 - SOCIALLY_DESIRABLE_SHARE:
        for dimension in attitude:
            shift = 0.7 if dimension in POSITIVE else -0.7 if dimension in NEGATIVE else 0.0
            attitude[dimension] = attitude[dimension] + shift
        overclaim = 0.08
    return Profile(persona, rng.betavariate(*archetype.skill), attitude, rng.random() < BUSY_SHARE, overclaim)


def _clip(value, low, high):
    return max(low, min(high, round(value)))


def _answer(question, rng, profile: Profile, skill: float):
    if question.kind == Question.Kind.CAN_DO:
        return _clip(1 + 3 * min(1.0, skill + profile.overclaim) + rng.uniform(-0.8, 0.8), 1, 4)
    if question.kind == Question.Kind.KNOWLEDGE:
        if rng.random() < 0.3 + 0.65 * skill:
            return question.correct_option
        return rng.choice([n for n in range(1, len(question.options) + 1) if n != question.correct_option])
    if question.kind == Question.Kind.ATTITUDE:
        target = profile.attitude.get(question.dimension, scoring.NEUTRAL)
        return _clip(target + rng.uniform(-0.8, 0.8), 1, 5)
    if question.kind == Question.Kind.TIME_PRESSURE:
        return _clip((4.2 if profile.busy else 2.3) + rng.uniform(-0.8, 0.8), 1, 5)
    return rng.randint(1, len(question.options))


def _submit_many(scan_round, people, personas, areas, when, improvement=0.0, before=None):
    questions = questions_for_round(round=scan_round)
    version = scan_round.questionnaire.version
    rng = random.Random(scan_round.number * 7919)
    responses, answer_sets = [], []
    for user, profile in people:
        skill = min(1.0, profile.skill + improvement)
        answers = {q.pk: _answer(q, rng, profile, skill) for q in questions}
        outcome = scoring.score_answers(questions, answers, version=version)
        responses.append(
            Response(
                round=scan_round,
                employee=user,
                last_step=len(areas),
                submitted_at=when,
                overall_score=outcome.overall_score,
                overall_level=outcome.overall_level,
                persona=personas.get(outcome.persona),
                is_busy=outcome.is_busy,
            )
        )
        answer_sets.append((answers, outcome))
    Response.objects.bulk_create(responses, batch_size=BATCH)
    questionnaire_changed()  # its questionnaire is in use now (caching.questionnaire_known_frozen)
    saved = {r.employee_id: r for r in Response.objects.filter(round=scan_round, employee__in=[u for u, _ in people])}
    answer_rows, result_rows = [], []
    for (user, _profile), (answers, outcome) in zip(people, answer_sets, strict=True):
        response = saved[user.pk]
        answer_rows += [Answer(response=response, question_id=qid, value=value) for qid, value in answers.items()]
        earlier = (before or {}).get(user.pk, {})
        result_rows += [
            AreaResult(
                response=response,
                area=areas[code],
                score=score,
                level=outcome.area_levels[code],
                change=round(score - earlier[code], 1) if code in earlier else None,
            )
            for code, score in outcome.area_scores.items()
        ]
    Answer.objects.bulk_create(answer_rows, batch_size=BATCH)
    AreaResult.objects.bulk_create(result_rows, batch_size=BATCH)
    return len(responses)


def scan_seed(*, campaign) -> dict:
    """Responses to the campaign's rounds up to today: {"round_1": n, "round_2": n} added now.

    A second run adds nothing.
    """
    baseline, final = campaign.scan_rounds.select_related("questionnaire").order_by("number")
    today = timezone.localdate()
    counts = {"round_1": 0, "round_2": 0}
    if baseline.opens_on > today or baseline.responses.exists():
        return counts
    rng = random.Random(2026)
    generated = User.objects.filter(
        email__endswith=f".{DEMO_DOMAIN}", municipality__in=campaign.municipalities.all()
    ).order_by("pk")[:MAX_DEMO_RESPONDENTS]
    people = []
    for user in generated:
        profile = _profile(rng)
        if rng.random() < BASELINE_SHARE:
            people.append((user, profile))
    personas = {persona.slug: persona for persona in Persona.objects.all()}
    areas = {area.code: area for area in Area.objects.filter(questionnaire_id=baseline.questionnaire_id)}
    moment = timezone.make_aware(datetime.datetime.combine(min(baseline.due_on, today), datetime.time(10)))
    counts["round_1"] = _submit_many(baseline, people, personas, areas, moment)
    if final.opens_on <= today:
        again = [person for person in people if rng.random() < FINAL_SHARE_OF_BASELINE]
        final_areas = {area.code: area for area in Area.objects.filter(questionnaire_id=final.questionnaire_id)}
        final_moment = timezone.make_aware(datetime.datetime.combine(today, datetime.time(9)))
        before = {}
        rows = AreaResult.objects.filter(response__round=baseline).values_list(
            "response__employee_id", "area__code", "score"
        )
        for employee_id, code, score in rows.iterator():
            before.setdefault(employee_id, {})[code] = score
        counts["round_2"] = _submit_many(
            final, again, personas, final_areas, final_moment, improvement=0.12, before=before
        )
    return counts


def completed_scan_seed(*, campaign, employee, persona: str = Persona.Identity.ENTHUSIAST) -> bool:
    """Both rounds of the campaign submitted for one person (the demo's certificate), answered as a
    typical `persona` would, round 2 a little better. Only when round 2 has opened and the person
    has no response yet; returns whether it added them."""
    baseline, final = campaign.scan_rounds.select_related("questionnaire").order_by("number")
    today = timezone.localdate()
    if final.opens_on > today or Response.objects.filter(employee=employee, round__campaign=campaign).exists():
        return False
    archetype = ARCHETYPES[persona]
    rng = random.Random(f"completed/{employee.email}")
    profile = Profile(persona, rng.betavariate(*archetype.skill), dict(archetype.attitude), False, 0.0)
    personas = {persona.slug: persona for persona in Persona.objects.all()}
    for scan_round, day, improvement in (
        (baseline, min(baseline.due_on, today), 0.0),
        (final, max(final.opens_on, today - datetime.timedelta(days=2)), 0.1),
    ):
        areas = {area.code: area for area in Area.objects.filter(questionnaire_id=scan_round.questionnaire_id)}
        moment = timezone.make_aware(datetime.datetime.combine(day, datetime.time(11)))
        _submit_many(scan_round, [(employee, profile)], personas, areas, moment, improvement=improvement)
    return True
