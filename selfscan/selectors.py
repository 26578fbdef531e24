"""Reads of the zelfscan. Only `rounds_for_management` and `persona_counts` count across people, and
only counts; `persona_counts` hides every group smaller than settings.PRIVACY_MIN_GROUP_SIZE."""

import datetime
from dataclasses import dataclass

from django.conf import settings
from django.db.models import Count, F, Max, Prefetch, Q, Subquery
from django.utils import timezone

from campaigns.models import Campaign
from common.privacy import hide_small_groups
from organisations.caching import cached_participation
from personas.models import Persona

from .models import Answer, Area, AreaResult, Question, Questionnaire, Response, Round


@dataclass(frozen=True)
class ResponseProgress:
    """How far a person is with their response of a round: all the overview shows of it (no scores)."""

    submitted_at: datetime.datetime | None
    last_step: int

    @property
    def is_submitted(self) -> bool:
        return self.submitted_at is not None


def scan_home_entries(*, employee, today: datetime.date) -> list[dict]:
    """The employee's zelfscan overview: one {"round", "response" (their ResponseProgress or None),
    "is_open"} per round of the campaigns their municipality takes part in, in reading order
    (rounds_in_reading_order).

    The municipality's rounds (with their campaigns) are kept in the cache until a counted write in
    the municipality or an organisation change (organisations.caching.cached_participation: round
    dates, campaign settings and names all count); the person's own responses, whose progress counts
    for no one else, are read every time. One query, two when the rounds are not cached."""
    if not employee.municipality_id:
        return []
    rounds = cached_participation(
        "selfscan:rounds-of-municipality",
        municipality_ids=[employee.municipality_id],
        parts=[employee.municipality_id],
        build=lambda: list(
            Round.objects.filter(campaign__municipalities=employee.municipality_id).select_related("campaign")
        ),
    )
    own = {
        round_id: ResponseProgress(submitted_at=submitted_at, last_step=last_step)
        for round_id, submitted_at, last_step in Response.objects.filter(
            employee=employee, round__in=[r.pk for r in rounds]
        ).values_list("round_id", "submitted_at", "last_step")
    }
    return [
        {"round": scan_round, "response": own.get(scan_round.pk), "is_open": scan_round.is_open_on(today)}
        for scan_round in rounds_in_reading_order(rounds=rounds, today=today)
    ]


def rounds_in_reading_order(*, rounds, today) -> list[Round]:
    """The rounds as an employee reads them: the running campaign's first, then those still to come
    (soonest first), then past campaigns (latest first); within a campaign by round number."""

    def key(scan_round):
        campaign = scan_round.campaign
        if campaign.contains(today):
            return (0, 0, scan_round.number)
        if campaign.starts_on > today:
            return (1, campaign.kick_off_date.toordinal(), scan_round.number)
        return (2, -campaign.kick_off_date.toordinal(), scan_round.number)

    return sorted(rounds, key=key)


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


def baseline_scores(*, response) -> dict:
    """For a round 2 response: the same person's round 1 scores of the same campaign, {area code:
    score 0–100}; empty for round 1 or when there is no submitted round 1. One query."""
    if response.round.number != Round.Number.FINAL:
        return {}
    return dict(
        AreaResult.objects.filter(
            response__employee_id=response.employee_id,
            response__round__campaign_id=response.round.campaign_id,
            response__round__number=Round.Number.BASELINE,
            response__submitted_at__isnull=False,
        ).values_list("area__code", "score")
    )


def questionnaire_is_frozen(*, questionnaire_id: int, excluding_response_id: int | None = None) -> bool:
    """Whether a round on this questionnaire version has a response (other than
    `excluding_response_id`): then its questions may no longer change. One query."""
    responses = Response.objects.filter(round__questionnaire_id=questionnaire_id)
    if excluding_response_id is not None:
        responses = responses.exclude(pk=excluding_response_id)
    return responses.exists()


def latest_questionnaire():
    """The latest Questionnaire (highest version), or None. One query."""
    return Questionnaire.objects.order_by("-version").first()


def questionnaire_areas(*, questionnaire) -> list[Area]:
    """The questionnaire's areas with their questions loaded, in order. Two queries."""
    areas = Area.objects.filter(questionnaire=questionnaire).prefetch_related(
        Prefetch("questions", queryset=Question.objects.order_by("position", "pk"))
    )
    return list(areas)


def rounds_for_management():
    """All rounds, newest campaign first, each annotated with `submitted_count` (a count, no names)."""
    return (
        Round.objects.select_related("campaign", "questionnaire")
        .annotate(submitted_count=Count("responses", filter=Q(responses__submitted_at__isnull=False)))
        .order_by("-campaign__kick_off_date", "number")
    )


def classification_rounds(*, municipalities, today):
    """The rounds open so far (opens_on <= `today`) of campaigns any of `municipalities` takes part
    in, newest first: the current round (the one that opened last) first. A list of Round with
    their campaign."""
    return list(
        Round.objects.filter(campaign__municipalities__in=municipalities, opens_on__lte=today)
        .select_related("campaign")
        .distinct()
        .order_by("-opens_on", "-number", "-pk")
    )


@dataclass
class PersonaCountRow:
    """One municipality's respondents in a round, by persona; None wherever a group is hidden."""

    municipality: object  # organisations.Municipality
    respondents: int | None  # submitted responses; None below the minimum group size
    personas: dict  # Persona.Identity of the four personas -> count or None
    busy: int | None  # busy prioritisers (a flag beside the persona) or None


def persona_counts(*, scan_round, municipalities) -> list[PersonaCountRow]:
    """Submitted responses of `scan_round` per municipality (of `municipalities`, in name order) and
    persona, only where groups are large enough: one PersonaCountRow per municipality.

    Privacy (DESIGN.md, settings.PRIVACY_MIN_GROUP_SIZE): a municipality with fewer respondents
    than the minimum shows no figure at all; within a municipality the four persona counts, and the
    busy / not busy split, pass common.privacy.hide_small_groups, so no count below the minimum is
    shown or can be worked out by subtracting shown counts from the total. Rows are separate
    municipalities and there is no total across them, so no subtraction across rows either.
    One query.
    """
    minimum = settings.PRIVACY_MIN_GROUP_SIZE
    # The four personas, and None for a response whose persona is gone: part of the partition, never shown.
    core = [identity for identity in Persona.Identity if identity != Persona.Identity.BUSY_PRIORITISER] + [None]
    rows = (
        Response.objects.filter(round=scan_round, submitted_at__isnull=False, employee__municipality__in=municipalities)
        .values_list("employee__municipality_id", "persona__slug", "is_busy")
        .annotate(count=Count("pk"))
        .order_by()
    )
    tallies = {}
    for municipality_id, slug, busy, count in rows:
        tally = tallies.setdefault(municipality_id, {"personas": dict.fromkeys(core, 0), "busy": [0, 0]})
        tally["personas"][slug if slug in tally["personas"] else None] += count
        tally["busy"][0 if busy else 1] += count
    result = []
    for municipality in sorted(municipalities, key=lambda m: m.name):
        tally = tallies.get(municipality.pk, {"personas": dict.fromkeys(core, 0), "busy": [0, 0]})
        respondents = sum(tally["busy"])
        if not tally["personas"][None]:
            del tally["personas"][None]  # no response without a persona: not a group at all
        personas = hide_small_groups(tally["personas"], minimum=minimum)
        personas.pop(None, None)
        busy = hide_small_groups({"busy": tally["busy"][0], "not_busy": tally["busy"][1]}, minimum=minimum)
        result.append(
            PersonaCountRow(
                municipality=municipality,
                respondents=respondents if respondents >= minimum else None,
                personas=personas,
                busy=busy["busy"],
            )
        )
    return result


def attitude_statements(*, questionnaire) -> dict:
    """The attitude and time statements of `questionnaire` by what they measure, in page order:
    {Question.Dimension value (or "time_pressure"): [Question]}, for the classification page."""
    return _grouped_statements(Question.objects.filter(area__questionnaire=questionnaire))


def latest_attitude_statements() -> dict:
    """attitude_statements of the latest questionnaire ({} when there is none). One query."""
    latest = Questionnaire.objects.order_by("-version").values("pk")[:1]
    return _grouped_statements(Question.objects.filter(area__questionnaire=Subquery(latest)))


def _grouped_statements(questions) -> dict:
    grouped = {}
    questions = questions.filter(kind__in=[Question.Kind.ATTITUDE, Question.Kind.TIME_PRESSURE]).order_by(
        "area__position", "position", "pk"
    )
    for question in questions:
        key = question.dimension if question.kind == Question.Kind.ATTITUDE else Question.Kind.TIME_PRESSURE
        grouped.setdefault(key, []).append(question)
    return grouped


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


def _completed_both_rounds(responses):
    """THE certificate rule (plan §5.1 "Certificaat uitdelen", after goals 1 and 3): per employee and
    campaign, both rounds of the zelfscan submitted. Rows of {employee_id, campaign_id, completed_at}
    where completed_at is the moment the later of the two was submitted. Every caller goes through here."""
    return (
        responses.filter(submitted_at__isnull=False)
        .order_by()
        .values("employee_id", campaign_id=F("round__campaign_id"))
        .annotate(rounds=Count("round__number", distinct=True), completed_at=Max("submitted_at"))
        .filter(rounds=len(Round.Number))
    )


@dataclass(frozen=True)
class ScanCompletion:
    """A campaign in which the employee submitted both rounds of the zelfscan, and the day
    (Europe/Amsterdam) the second of them was submitted."""

    campaign: Campaign
    completed_on: datetime.date


def scan_completions(*, employee) -> list[ScanCompletion]:
    """The campaigns in which `employee` submitted both zelfscan rounds (the certificate rule,
    `_completed_both_rounds`), newest completion first: a list of ScanCompletion. Two queries; an
    employee who has not finished both rounds anywhere gets []."""
    rows = list(_completed_both_rounds(Response.objects.filter(employee=employee)))
    campaigns = Campaign.objects.in_bulk([row["campaign_id"] for row in rows]) if rows else {}
    completions = [
        ScanCompletion(campaign=campaigns[row["campaign_id"]], completed_on=timezone.localdate(row["completed_at"]))
        for row in rows
        if row["campaign_id"] in campaigns
    ]
    return sorted(completions, key=lambda completion: completion.completed_on, reverse=True)


def employees_completed(*, campaign) -> dict[int, datetime.date]:
    """Everyone who submitted both zelfscan rounds of `campaign` (the certificate rule,
    `_completed_both_rounds`): {employee id: day of completion (Europe/Amsterdam)}. One query."""
    rows = _completed_both_rounds(Response.objects.filter(round__campaign=campaign))
    return {row["employee_id"]: timezone.localdate(row["completed_at"]) for row in rows}
