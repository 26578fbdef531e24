import datetime

from django.utils import timezone

from campaigns.services import campaign_create
from common.workdays import is_working_day
from selfscan.models import Question
from selfscan.selectors import questions_for_round
from selfscan.services import response_save_answers, response_start, response_submit, rounds_create_for_campaign


def open_campaign_rounds(*, municipalities, name="Digivaardig test"):
    """A campaign running now, so round 1 is open; round 2 dates are moved to now as well."""
    today = timezone.localdate()
    kick_off = today - datetime.timedelta(days=30)
    while not is_working_day(kick_off):  # a kick-off is on a working day
        kick_off -= datetime.timedelta(days=1)
    campaign = campaign_create(
        name=name,
        kick_off_date=kick_off,
        end_date=today + datetime.timedelta(days=60),
        municipalities=municipalities,
    )
    baseline, final = rounds_create_for_campaign(campaign=campaign)
    final.opens_on = today - datetime.timedelta(days=1)
    final.save()
    return baseline, final


# Attitude dimensions where agreeing is the negative end (distance from digital work).
NEGATIVE_DIMENSIONS = {Question.Dimension.RESISTANCE, Question.Dimension.AVOIDANCE}


def answer_everything(scan_round, *, can_do=3, knowledge_right=True, agree=3, busy=2):
    """Answers to every question of the round: one can-do value, knowledge all right or all wrong,
    `agree` on the positive attitude statements and its mirror (6 - agree) on the negative ones,
    neutral on waiting, `busy` on time pressure."""
    answers = {}
    for question in questions_for_round(round=scan_round):
        if question.kind == Question.Kind.CAN_DO:
            answers[question.pk] = can_do
        elif question.kind == Question.Kind.KNOWLEDGE:
            answers[question.pk] = question.correct_option if knowledge_right else (question.correct_option % 3) + 1
        elif question.kind == Question.Kind.TIME_PRESSURE:
            answers[question.pk] = busy
        elif question.kind == Question.Kind.TIME_SAVED or question.dimension == Question.Dimension.WAITING:
            answers[question.pk] = 3
        else:
            answers[question.pk] = 6 - agree if question.dimension in NEGATIVE_DIMENSIONS else agree
    return answers


def submitted_response(employee, scan_round, **answer_kwargs):
    response = response_start(scan_round=scan_round, employee=employee)
    response_save_answers(response=response, answers=answer_everything(scan_round, **answer_kwargs), step=7)
    response_submit(response=response)
    response.refresh_from_db()
    return response
