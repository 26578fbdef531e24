"""All zelfscan data held on one employee, for them to download (AVG/GDPR right of access)."""

from django.db.models import Subquery

from personas.models import Persona

from .models import Answer, AreaResult, Level, Response


def employee_scan_export(*, employee) -> dict:
    """Every response of `employee` with answers and results; profiles under their employee names.

    The internal persona labels are for the campaign team: the export, like the result page, names
    the profile as the employee sees it (Persona.employee_name). Three queries (one for someone who
    has not started a scan), reading values only.
    """
    busy_name = Persona.objects.filter(slug=Persona.Identity.BUSY_PRIORITISER).order_by("position")
    responses = list(
        Response.objects.filter(employee=employee)
        .annotate(busy_name=Subquery(busy_name.values("employee_name")[:1]))
        .order_by("round__campaign__kick_off_date", "round__number")
        .values_list(
            "pk",
            "round__campaign__name",
            "round__number",
            "started_at",
            "submitted_at",
            "overall_score",
            "overall_level",
            "persona__employee_name",
            "is_busy",
            "busy_name",
        )
    )
    by_response = {row[0]: {"answers": [], "areas": []} for row in responses}
    if not responses:  # nothing started yet: no answers or results to read
        return {"employee": {"name": employee.get_full_name(), "email": employee.email}, "responses": []}
    answers = (
        Answer.objects.filter(response__employee=employee)
        .order_by("question__area__position", "question__position")
        .values_list("response_id", "question__area__name", "question__text", "question__options", "value")
    )
    for response_id, area, question, options, value in answers:
        option = options[value - 1] if value <= len(options) else None
        by_response[response_id]["answers"].append(
            {"area": area, "question": question, "answer": option, "value": value}
        )
    results = (
        AreaResult.objects.filter(response__employee=employee)
        .order_by("area__position")
        .values_list("response_id", "area__name", "score", "level")
    )
    levels = dict(Level.choices)

    def label(level):  # as get_level_display()
        return str(levels.get(level, level))

    for response_id, area, score, level in results:
        by_response[response_id]["areas"].append({"area": area, "score": score, "level": label(level)})
    return {
        "employee": {"name": employee.get_full_name(), "email": employee.email},
        "responses": [
            {
                "campaign": campaign,
                "round": number,
                "started_at": started_at.isoformat(),
                "submitted_at": submitted_at.isoformat() if submitted_at else None,
                "overall_score": overall_score,
                "overall_level": label(overall_level) if overall_level else None,
                "profile": profile,
                "busy_profile": busy if is_busy else None,
                **by_response[pk],
            }
            for (
                pk,
                campaign,
                number,
                started_at,
                submitted_at,
                overall_score,
                overall_level,
                profile,
                is_busy,
                busy,
            ) in (responses)
        ],
    }
