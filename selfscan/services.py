"""Writes of the zelfscan: rounds, taking the scan, and versions of the questionnaire."""

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from campaigns.caching import plans_changed
from common.dates import add_months
from organisations.caching import participation_changed
from personas.models import Persona

from . import scoring
from .caching import questionnaire_changed
from .models import Answer, Area, AreaResult, Question, Questionnaire, Response, Round
from .selectors import answers_of, baseline_scores, missing_questions, questionnaire_is_frozen, questions_for_round

SCAN_WINDOW_MONTHS = 2


def rounds_create_for_campaign(*, campaign) -> list[Round]:
    """The campaign's two rounds on the latest questionnaire, created where missing: [round 1, round 2].

    Plan goals 1 and 3: round 1 opens at the kick-off and is due two months later, open until the
    campaign's end date; round 2 is the closing month (November; Campaign.closing_window), so the
    results and the festive closing can follow it within the campaign. Raises ValidationError when
    the campaign's dates cannot hold them.
    """
    questionnaire = Questionnaire.objects.order_by("-version").first()
    final_opens, final_closes = campaign.closing_window
    defaults = {
        Round.Number.BASELINE: (
            campaign.kick_off_date,
            add_months(campaign.kick_off_date, SCAN_WINDOW_MONTHS),
            campaign.end_date,
        ),
        Round.Number.FINAL: (final_opens, final_closes, final_closes),
    }
    rounds = []
    created = False
    for number, (opens_on, due_on, closes_on) in defaults.items():
        existing = Round.objects.filter(campaign=campaign, number=number).first()
        if existing:
            rounds.append(existing)
            continue
        scan_round = Round(
            campaign=campaign,
            number=number,
            questionnaire=questionnaire,
            opens_on=opens_on,
            due_on=min(due_on, closes_on),
            closes_on=closes_on,
        )
        scan_round.full_clean()
        scan_round.save()
        rounds.append(scan_round)
        created = True
    if created:
        # Cached figures list a campaign's rounds (dashboards, the agenda suggestion): count them again.
        participation_changed(municipality_ids=campaign.municipalities.values_list("pk", flat=True))
    return rounds


def round_update_dates(*, scan_round: Round, opens_on, due_on, closes_on) -> Round:
    """Set the round's dates. Raises ValidationError unless opens_on <= due_on <= closes_on."""
    scan_round.opens_on, scan_round.due_on, scan_round.closes_on = opens_on, due_on, closes_on
    scan_round.full_clean()
    scan_round.save(update_fields=["opens_on", "due_on", "closes_on"])
    # "Round 1 on time" on the dashboards is counted against the due date.
    participation_changed(municipality_ids=scan_round.campaign.municipalities.values_list("pk", flat=True))
    plans_changed()  # the kept round of the management pages (caching.kept_round)
    return scan_round


def response_start(*, scan_round: Round, employee) -> Response:
    """The employee's response in this round, created on first visit; a double click makes no second one.

    Raises ValidationError when the round is not open today.
    """
    if not scan_round.is_open_on(timezone.localdate()):
        raise ValidationError(_("Deze ronde van de zelfscan is nu niet open."))
    try:
        with transaction.atomic():
            response, created = Response.objects.get_or_create(round=scan_round, employee=employee)
    except IntegrityError:
        return Response.objects.get(round=scan_round, employee=employee)
    if created and not questionnaire_is_frozen(
        questionnaire_id=scan_round.questionnaire_id, excluding_response_id=response.pk
    ):
        questionnaire_changed()  # the first response freezes the questionnaire
    return response


def response_save_answers(*, response: Response, answers: dict, step: int) -> None:
    """Store the answers of one page as they are (also when incomplete), so nothing typed is lost.

    `answers` maps question id -> option number (from 1); `step` is the page number to resume on.
    Raises ValidationError for a submitted response, a question not in its round or an option out
    of range; then nothing is stored.
    """
    if response.is_submitted:
        raise ValidationError(_("Deze zelfscan is al ingediend en kan niet meer worden gewijzigd."))
    valid = {question.pk: question for question in questions_for_round(round=response.round)}
    rows = []
    for question_id, value in answers.items():
        question = valid.get(question_id)
        if question is None or not 1 <= value <= len(question.options):
            raise ValidationError(_("Ongeldig antwoord."))
        rows.append(Answer(response=response, question_id=question_id, value=value))
    with transaction.atomic():
        Answer.objects.filter(response=response, question_id__in=answers.keys()).delete()
        Answer.objects.bulk_create(rows)
        Response.objects.filter(pk=response.pk, submitted_at__isnull=True).update(
            last_step=step, updated_at=timezone.now()
        )


def response_submit(*, response: Response) -> bool:
    """Score (scoring.py) and finalise the response: levels per area, overall level, persona, busy flag.

    The levels use the bands of the round's questionnaire version (scoring.LEVEL_BANDS_BY_VERSION),
    so a round keeps one meaning of its levels.

    Returns True when this call submitted it, False when it was already submitted (a second click or
    a simultaneous request: the conditional UPDATE lets only one through). Raises ValidationError
    while questions are unanswered.
    """
    answers = answers_of(response=response)
    questions = questions_for_round(round=response.round)
    if missing_questions(questions=questions, answers=answers):
        raise ValidationError(_("Nog niet alle vragen zijn beantwoord."))
    version = Questionnaire.objects.values_list("version", flat=True).get(pk=response.round.questionnaire_id)
    outcome = scoring.score_answers(questions, answers, version=version)
    persona = Persona.objects.filter(slug=outcome.persona).first()
    areas = {area.code: area for area in Area.objects.filter(questionnaire_id=response.round.questionnaire_id)}
    with transaction.atomic():
        # The claim: only the first of two simultaneous submits changes the row; the other does nothing.
        claimed = Response.objects.filter(pk=response.pk, submitted_at__isnull=True).update(
            submitted_at=timezone.now(),
            overall_score=outcome.overall_score,
            overall_level=outcome.overall_level,
            persona=persona,
            is_busy=outcome.is_busy,
        )
        if not claimed:
            return False
        before = baseline_scores(response=response)
        AreaResult.objects.bulk_create(
            AreaResult(
                response=response,
                area=areas[code],
                score=score,
                level=outcome.area_levels[code],
                change=round(score - before[code], 1) if code in before else None,
            )
            for code, score in outcome.area_scores.items()
        )
        participation_changed(municipality_ids=[response.employee.municipality_id])
    response.refresh_from_db()
    return True


@transaction.atomic
def questionnaire_new_version(*, questionnaire: Questionnaire) -> Questionnaire:
    """Copy a frozen questionnaire as the next version; rounds without a response move to the copy.

    Returns the new Questionnaire. Answered rounds keep their version, so their results stay valid.
    """
    latest = Questionnaire.objects.select_for_update().order_by("-version").first()
    copy = Questionnaire.objects.create(version=latest.version + 1)
    for area in questionnaire.areas.prefetch_related("questions"):
        questions = list(area.questions.all())
        area.pk, area.questionnaire = None, copy
        area.save()
        for question in questions:
            question.pk, question.area = None, area
        Question.objects.bulk_create(questions)
    for scan_round in Round.objects.filter(questionnaire=questionnaire):
        if not scan_round.responses.exists():
            scan_round.questionnaire = copy
            scan_round.save(update_fields=["questionnaire"])
    questionnaire_changed()
    return copy


@transaction.atomic
def question_update(*, question: Question, text: str, options: list[str], correct_option) -> Question:
    """Edit a question; on a frozen version the edit lands in a new version and answered rounds keep theirs.

    `options`: the answer texts (ignored for the fixed scales); `correct_option`: number from 1 for a
    knowledge item. Returns the edited Question (possibly of the new version). Raises
    ValidationError for a knowledge item without a valid correct option or a text that is too long.
    """
    questionnaire = question.area.questionnaire
    if questionnaire_is_frozen(questionnaire_id=questionnaire.pk):
        copy = questionnaire_new_version(questionnaire=questionnaire)
        question = Question.objects.get(
            area__questionnaire=copy, area__code=question.area.code, position=question.position, text=question.text
        )
    if question.kind in (Question.Kind.CAN_DO, Question.Kind.ATTITUDE, Question.Kind.TIME_PRESSURE):
        options = question.options  # the scales are fixed, so answers stay comparable
        correct_option = None
    if question.kind == Question.Kind.KNOWLEDGE and not (correct_option and 1 <= correct_option <= len(options)):
        raise ValidationError({"correct_option": _("Kies welk antwoord goed is.")})
    question.text, question.options, question.correct_option = text, options, correct_option
    question.full_clean()
    question.save()
    questionnaire_changed()
    return question
