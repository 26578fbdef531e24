"""Constructed datasets whose right figures are known: scan results with chosen scores, stored as
the zelfscan's submission stores them (a Response, an AreaResult per competence area, the answer on
time saved), so the dashboards read them the way they read real ones."""

import datetime

from django.utils import timezone

from campaigns.services import campaign_create
from common.dates import add_months, month_start
from organisations.tests.factories import TeamFactory, UserFactory
from personas.models import Persona
from selfscan.models import Answer, Area, AreaResult, Level, Question, Response
from selfscan.services import rounds_create_for_campaign


def running_campaign(municipalities, *, name="Digivaardig dashboardtest"):
    """A campaign that started six months ago and runs another month: (campaign, round 1, round 2)."""
    today = timezone.localdate()
    campaign = campaign_create(
        name=name,
        kick_off_date=add_months(month_start(today), -6),
        end_date=today + datetime.timedelta(days=30),
        municipalities=municipalities,
    )
    baseline, final = rounds_create_for_campaign(campaign=campaign)
    return campaign, baseline, final


def people(count, *, team=None, municipality=None, **kwargs):
    """`count` active employees of `team` (and its municipality) or of `municipality` without a team."""
    municipality = municipality or team.municipality
    return [UserFactory(team=team, municipality=municipality, **kwargs) for _ in range(count)]


def team_of(municipality, size, **kwargs):
    """A new team of `municipality` with `size` employees: (team, [employees])."""
    team = TeamFactory(municipality=municipality, **kwargs)
    return team, people(size, team=team)


def scan_result(
    employee,
    scan_round,
    *,
    score=50.0,
    persona=Persona.Identity.PROFESSIONAL,
    busy=False,
    late=False,
    change=None,
    time_saved=None,
):
    """A submitted response of `employee` to `scan_round` with `score` in every competence area (or
    {area code: score}), the persona, submitted on the round's due date (or 5 days after: `late`),
    `change` against round 1 in every area, and the answer (1–5) on time saved if given."""
    day = scan_round.due_on + datetime.timedelta(days=5 if late else 0)
    moment = timezone.make_aware(datetime.datetime.combine(day, datetime.time(10)))
    response = Response.objects.create(
        round=scan_round,
        employee=employee,
        last_step=7,
        submitted_at=moment,
        overall_score=score if isinstance(score, float | int) else sum(score.values()) / len(score),
        overall_level=Level.BASIS,
        persona=Persona.objects.get(slug=persona) if persona else None,
        is_busy=busy,
    )
    areas = Area.objects.filter(questionnaire_id=scan_round.questionnaire_id, kind=Area.Kind.COMPETENCE)
    AreaResult.objects.bulk_create(
        AreaResult(
            response=response,
            area=area,
            score=score[area.code] if isinstance(score, dict) else score,
            level=Level.BASIS,
            change=change,
        )
        for area in areas
    )
    if time_saved is not None:
        question = Question.objects.get(
            area__questionnaire_id=scan_round.questionnaire_id, kind=Question.Kind.TIME_SAVED
        )
        Answer.objects.create(response=response, question=question, value=time_saved)
    return response


def programme_dashboard(*, campaign, **kwargs):
    """selectors.programme_dashboard on figures counted now (services.figures_refresh)."""
    from dashboards import selectors, services

    kwargs.setdefault("today", timezone.localdate())
    figures = services.figures_refresh(campaign_id=campaign.pk, today=kwargs["today"])
    return selectors.programme_dashboard(snapshot=figures, campaign=campaign, **kwargs)


def team_dashboard(*, campaign, **kwargs):
    """selectors.team_dashboard on figures counted now (services.figures_refresh)."""
    from dashboards import selectors, services

    kwargs.setdefault("today", timezone.localdate())
    figures = services.figures_refresh(campaign_id=campaign.pk, today=kwargs["today"])
    return selectors.team_dashboard(snapshot=figures, campaign=campaign, **kwargs)
