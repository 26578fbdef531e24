"""Demo zelfscan data: realistic round 1 answers for most demo employees, round 2 for some.

Employees get a hidden 'skill' and 'attitude' from a fixed seed and answer consistently with it,
so the personas spread as in a real organisation. The demo accounts keep an empty scan to try.
"""

import datetime
import random

from django.utils import timezone

from organisations.demo import DEMO_DOMAIN
from organisations.models import User
from personas.models import Persona

from . import scoring
from .models import Answer, Area, AreaResult, Response
from .selectors import questions_for_round

BASELINE_SHARE = 0.7
FINAL_SHARE_OF_BASELINE = 0.35
MAX_DEMO_RESPONDENTS = 3000
BATCH = 1000


def _answer(question, rng, skill, eagerness, busy):
    if question.kind == "can_do":
        return max(1, min(4, round(1 + 3 * skill + rng.uniform(-0.8, 0.8))))
    if question.kind == "knowledge":
        return (
            question.correct_option
            if rng.random() < 0.35 + 0.6 * skill
            else (question.correct_option % len(question.options)) + 1
        )
    if question.kind == "attitude":
        lean = eagerness if question.dimension != "resistance" else 1 - eagerness
        return max(1, min(5, round(1 + 4 * lean + rng.uniform(-0.7, 0.7))))
    if question.kind == "time_pressure":
        return max(1, min(5, round((4.3 if busy else 2.2) + rng.uniform(-0.8, 0.8))))
    return rng.randint(1, len(question.options))


def _submit_many(scan_round, people, personas, areas, when, improvement=0.0):
    questions = questions_for_round(round=scan_round)
    rng = random.Random(scan_round.number * 7919)
    responses, answer_sets = [], []
    for user, (skill, eagerness, busy) in people:
        skill = min(1.0, skill + improvement)
        answers = {q.pk: _answer(q, rng, skill, eagerness, busy) for q in questions}
        outcome = scoring.score_answers(questions, answers)
        responses.append(
            Response(
                round=scan_round,
                employee=user,
                last_step=len(areas),
                submitted_at=when,
                overall_score=outcome.overall_score,
                overall_level=outcome.overall_level,
                persona=personas.get(outcome.persona_slug),
                is_busy=outcome.is_busy,
            )
        )
        answer_sets.append((answers, outcome))
    Response.objects.bulk_create(responses, batch_size=BATCH)
    saved = {r.employee_id: r for r in Response.objects.filter(round=scan_round, employee__in=[u for u, _ in people])}
    answer_rows, result_rows = [], []
    for (user, _profile), (answers, outcome) in zip(people, answer_sets, strict=True):
        response = saved[user.pk]
        answer_rows += [Answer(response=response, question_id=qid, value=value) for qid, value in answers.items()]
        result_rows += [
            AreaResult(response=response, area=areas[code], score=score, level=outcome.area_levels[code])
            for code, score in outcome.area_scores.items()
        ]
    Answer.objects.bulk_create(answer_rows, batch_size=BATCH)
    AreaResult.objects.bulk_create(result_rows, batch_size=BATCH)
    return len(responses)


def scan_seed(*, campaign) -> dict:
    """Responses to the campaign's rounds up to today: {"round_1": n, "round_2": n} added now.

    A second run adds nothing.
    """
    baseline, final = campaign.scan_rounds.order_by("number")
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
        profile = (rng.betavariate(2.2, 2.0), rng.betavariate(2.0, 2.0), rng.random() < 0.3)
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
        counts["round_2"] = _submit_many(final, again, personas, final_areas, final_moment, improvement=0.12)
    return counts
