"""All zelfscan data held on one employee, for them to download (AVG/GDPR right of access)."""

from personas.models import Persona

from .models import Answer, AreaResult, Response


def employee_scan_export(*, employee) -> dict:
    """Every response of `employee` with answers and results; profiles under their employee names.

    The internal persona labels are for the campaign team: the export, like the result page, names
    the profile as the employee sees it (Persona.employee_name).
    """
    responses = Response.objects.filter(employee=employee).select_related("round__campaign", "persona")
    answers = Answer.objects.filter(response__employee=employee).select_related("question__area")
    results = AreaResult.objects.filter(response__employee=employee).select_related("area")
    by_response = {response.pk: {"answers": [], "areas": []} for response in responses}
    for answer in answers.order_by("question__area__position", "question__position"):
        question = answer.question
        option = question.options[answer.value - 1] if answer.value <= len(question.options) else None
        by_response[answer.response_id]["answers"].append(
            {"area": question.area.name, "question": question.text, "answer": option, "value": answer.value}
        )
    busy_name = (
        Persona.objects.filter(slug=Persona.Identity.BUSY_PRIORITISER).values_list("employee_name", flat=True).first()
    )
    for result in results.order_by("area__position"):
        by_response[result.response_id]["areas"].append(
            {"area": result.area.name, "score": result.score, "level": result.get_level_display()}
        )
    return {
        "employee": {"name": employee.get_full_name(), "email": employee.email},
        "responses": [
            {
                "campaign": response.round.campaign.name,
                "round": response.round.number,
                "started_at": response.started_at.isoformat(),
                "submitted_at": response.submitted_at.isoformat() if response.submitted_at else None,
                "overall_score": response.overall_score,
                "overall_level": response.get_overall_level_display() if response.overall_level else None,
                "profile": response.persona.employee_name if response.persona else None,
                "busy_profile": busy_name if response.is_busy else None,
                **by_response[response.pk],
            }
            for response in responses.order_by("round__campaign__kick_off_date", "round__number")
        ],
    }
