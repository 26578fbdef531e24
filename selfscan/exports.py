"""All zelfscan data held on one employee, for them to download (AVG/GDPR right of access)."""

import json

from django.db import connection

from personas.models import Persona
from personas.selectors import all_personas

from .caching import cached_questionnaire_texts, round_labels
from .models import Answer, AreaResult, Level, Response

ANSWER, RESULT = 0, 1


def _answers_and_results_sql(count: int) -> str:
    """Plain SQL, from the models' tables and columns, for `count` response ids (twice): the ORM
    spent four times as long building this UNION as the database spent answering it."""
    quote = connection.ops.quote_name

    def part(model, fields, level, kind):
        columns = ", ".join(quote(model._meta.get_field(name).column) for name in fields)
        marks = ", ".join(["%s"] * count)
        where = f"{quote(model._meta.get_field('response').column)} IN ({marks})"
        return f"SELECT {columns}, {level}, {kind} FROM {quote(model._meta.db_table)} WHERE {where}"  # noqa: S608  # nosec B608 (names from the models, values as parameters)

    return (
        part(Answer, ("response", "question", "value"), "''", ANSWER)
        + " UNION ALL "
        + part(AreaResult, ("response", "area", "score"), quote(AreaResult._meta.get_field("level").column), RESULT)
    )


def employee_scan_export(*, employee) -> dict:
    """Every response of `employee` with answers and results; profiles under their employee names.

    The internal persona labels are for the campaign team: the export, like the result page, names
    the profile as the employee sees it (Persona.employee_name). {"employee": {name, email},
    "responses": [{campaign, round, started_at, submitted_at (ISO 8601), overall_score (0–100),
    overall_level, profile, busy_profile, answers: [{area, question, answer, value}], areas: [{area,
    score, level}]}]}. Two queries (one for someone who has not started a scan), each on one table,
    reading values only: the rounds' labels, the questionnaires' texts and the personas' names come
    from the cache. Never the export itself: a person's answers are kept nowhere but in their own
    rows."""
    person = {"name": employee.get_full_name(), "email": employee.email}
    rows = list(
        Response.objects.filter(employee=employee).values_list(
            "pk", "round_id", "started_at", "submitted_at", "overall_score", "overall_level", "persona_id", "is_busy"
        )
    )
    labels = round_labels(round_ids={row[1] for row in rows}) if rows else {}
    # In campaign and round order; each row as (pk, campaign, number, questionnaire id, the rest).
    responses = [
        (row[0], labels[row[1]][2], labels[row[1]][1], labels[row[1]][3], *row[2:])
        for row in sorted(rows, key=lambda row: (*labels[row[1]][:2], row[0]))
    ]
    if not responses:  # nothing started yet: no answers or results to read
        return {"employee": person, "responses": []}
    response_ids = [row[0] for row in responses]
    texts = {pk: cached_questionnaire_texts(questionnaire_id=pk) for pk in {row[3] for row in responses}}
    questions = {pk: question for text in texts.values() for pk, question in text["questions"].items()}
    areas = {pk: area for text in texts.values() for pk, area in text["areas"].items()}
    by_response = {pk: {"answers": [], "areas": []} for pk in response_ids}
    # The answers and the area results in one query: (response, question or area, value or score,
    # level, ANSWER or RESULT).
    with connection.cursor() as cursor:
        cursor.execute(_answers_and_results_sql(len(response_ids)), [*response_ids, *response_ids])
        rows = cursor.fetchall()
    answers, results = [], []
    for row in rows:
        (answers if row[4] == ANSWER else results).append(row[:4])
    # In questionnaire order (area, then question), as the scan asked them.
    for response_id, question_id, value, _level in sorted(answers, key=lambda row: (*questions[row[1]][:2], row[1])):
        value = int(value)
        _area_position, _position, area_name, question, options = questions[question_id]
        option = options[value - 1] if value <= len(options) else None
        by_response[response_id]["answers"].append(
            {"area": area_name, "question": question, "answer": option, "value": value}
        )
    levels = dict(Level.choices)

    def label(level):  # as get_level_display()
        return str(levels.get(level, level))

    for response_id, area_id, score, level in sorted(results, key=lambda row: (areas[row[1]][0], row[1])):
        by_response[response_id]["areas"].append({"area": areas[area_id][1], "score": score, "level": label(level)})
    personas = {persona.pk: persona for persona in all_personas()}
    busy = next((p.employee_name for p in personas.values() if p.slug == Persona.Identity.BUSY_PRIORITISER), None)
    return {
        "employee": person,
        "responses": [
            {
                "campaign": campaign,
                "round": number,
                "started_at": started_at.isoformat(),
                "submitted_at": submitted_at.isoformat() if submitted_at else None,
                "overall_score": overall_score,
                "overall_level": label(overall_level) if overall_level else None,
                "profile": personas[persona_id].employee_name if persona_id in personas else None,
                "busy_profile": busy if is_busy else None,
                **by_response[pk],
            }
            for (
                pk,
                campaign,
                number,
                _questionnaire_id,
                started_at,
                submitted_at,
                overall_score,
                overall_level,
                persona_id,
                is_busy,
            ) in responses
        ],
    }


# The levels of the export laid out over lines; deeper values (an answer, an area's result) are one
# line each, written by the C encoder (json.dumps with indent runs in pure Python: a third of the
# download's time for two full rounds).
LAID_OUT_LEVELS = 4
# One encoder for every value (json.dumps builds a new one per call when ensure_ascii is off).
_ENCODER = json.JSONEncoder(ensure_ascii=False)


def export_json(data, *, level: int = 0) -> str:
    """`data` (employee_scan_export's dict) as readable JSON text: objects and lists down to
    LAID_OUT_LEVELS indented by two spaces, deeper ones on one line each. The same values as
    json.dumps(data); no ASCII escapes (Dutch text stays readable)."""
    pad, inner = "  " * level, "  " * (level + 1)
    if level >= LAID_OUT_LEVELS or not isinstance(data, dict | list) or not data:
        return _ENCODER.encode(data)
    if isinstance(data, dict):
        lines = [f"{inner}{_ENCODER.encode(key)}: {export_json(value, level=level + 1)}" for key, value in data.items()]
        return "{\n" + ",\n".join(lines) + f"\n{pad}}}"
    lines = [f"{inner}{export_json(value, level=level + 1)}" for value in data]
    return "[\n" + ",\n".join(lines) + f"\n{pad}]"
