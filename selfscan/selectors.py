"""Reads of the zelfscan. Only `rounds_for_management` counts across people, and only counts."""

from django.db.models import Count, Prefetch, Q

from .models import Answer, Area, AreaResult, Question, Questionnaire, Response, Round


def rounds_for_employee(*, employee):
    """Rounds of the campaigns the employee's municipality takes part in, each with their own response."""
    if not employee.municipality_id:
        return Round.objects.none()
    own = Response.objects.filter(employee=employee).select_related("persona")
    return (
        Round.objects.filter(campaign__municipalities=employee.municipality_id)
        .select_related("campaign")
        .prefetch_related(Prefetch("responses", queryset=own, to_attr="own_responses"))
        .order_by("-campaign__kick_off_date", "number")
    )


def questions_for_round(*, round) -> list:
    """The round's questions in page order, with their area; round 1 leaves out the round-2-only item."""
    questions = Question.objects.filter(area__questionnaire_id=round.questionnaire_id).select_related("area")
    if round.number == Round.Number.BASELINE:
        questions = questions.exclude(kind=Question.Kind.TIME_SAVED)
    return list(questions.order_by("area__position", "position", "pk"))


def scan_steps(*, round, questions=None):
    """The pages of the scan: [{area, questions}], one per area, with the questions of this round."""
    steps = {}
    for question in questions if questions is not None else questions_for_round(round=round):
        steps.setdefault(question.area, []).append(question)
    return [{"area": area, "questions": questions} for area, questions in steps.items()]


def answers_of(*, response) -> dict:
    """The response's answers: question id -> option number (from 1)."""
    return dict(Answer.objects.filter(response=response).values_list("question_id", "value"))


def missing_questions(*, questions, answers) -> list:
    """The questions (of `questions`) without an answer in `answers`, in order."""
    return [question for question in questions if question.pk not in answers]


def result_areas(*, response) -> list:
    """The submitted response's AreaResults (score 0–100, level) in page order, with their area."""
    return list(AreaResult.objects.filter(response=response).select_related("area").order_by("area__position"))


def baseline_response_for(*, response):
    """The same employee's submitted round 1 response of the same campaign, to compare with."""
    if response.round.number != Round.Number.FINAL:
        return None
    return (
        Response.objects.filter(
            employee_id=response.employee_id,
            round__campaign_id=response.round.campaign_id,
            round__number=Round.Number.BASELINE,
            submitted_at__isnull=False,
        )
        .select_related("round")
        .first()
    )


def latest_questionnaire_areas():
    """(the latest Questionnaire or None, its areas with their questions loaded)."""
    latest = Questionnaire.objects.order_by("-version").first()
    if latest is None:
        return None, []
    areas = Area.objects.filter(questionnaire=latest).prefetch_related(
        Prefetch("questions", queryset=Question.objects.order_by("position", "pk"))
    )
    return latest, list(areas)


def rounds_for_management():
    """All rounds, newest campaign first, each annotated with `submitted_count` (a count, no names)."""
    return (
        Round.objects.select_related("campaign", "questionnaire")
        .annotate(submitted_count=Count("responses", filter=Q(responses__submitted_at__isnull=False)))
        .order_by("-campaign__kick_off_date", "number")
    )


def respondent_counts(*, employees, campaign) -> dict[int, int]:
    """How many of `employees` (a queryset of User) submitted each round of the campaign:
    {round number: count}, both rounds present. A count of people, no scores; whoever shows it
    applies the privacy threshold (settings.PRIVACY_MIN_GROUP_SIZE). One query."""
    counts = dict.fromkeys(Round.Number.values, 0)
    rows = (
        Response.objects.filter(
            round__campaign=campaign, submitted_at__isnull=False, employee__in=employees.values("pk")
        )
        .order_by()
        .values_list("round__number")
        .annotate(n=Count("pk"))
    )
    counts.update(dict(rows))
    return counts
