"""The zelfscan has no URL with another person's response in it: every view works on the user's own."""

from django.http import Http404

from common.access import found_or_404
from organisations.access import require_campaign_team, require_role, visible_municipality_list
from organisations.roles import Role

from .caching import kept_question, kept_round
from .models import Question, Response, Round


def get_round_for_employee(user, round_id) -> Round:
    """A round of a campaign the user's own municipality takes part in; 404 for any other."""
    try:
        return Round.objects.select_related("campaign", "questionnaire").get(
            pk=round_id, campaign__municipalities=user.municipality_id
        )
    except (Round.DoesNotExist, ValueError):
        raise Http404 from None


def get_own_response(user, scan_round) -> Response | None:
    """The user's own response in `scan_round` (with its persona and questionnaire), or None."""
    own = Response.objects.filter(round=scan_round, employee=user)
    return own.select_related("persona", "round__questionnaire").first()


def get_round_for_management(user, round_id: int, *, kept: bool = False) -> Round:
    """A round (with its campaign), for the programme lead: 403 for other roles, 404 when there is
    none. `kept`: for a page that only shows it (a GET), from the cache (caching.kept_round)."""
    require_role(user, Role.PROGRAMME_LEAD)

    def find():
        return Round.objects.select_related("campaign").filter(pk=round_id).first()

    return found_or_404(kept_round(round_id=round_id, find=find) if kept else find())


def get_question_for_management(user, question_id: int, *, kept: bool = False) -> Question:
    """A question (with its area and questionnaire), for the programme lead: 403 for other roles,
    404 when there is none. `kept`: for a page that only shows it (a GET), from the cache until a
    question or a version changes (caching.kept_question)."""
    require_role(user, Role.PROGRAMME_LEAD)

    def find():
        return Question.objects.select_related("area__questionnaire").filter(pk=question_id).first()

    return found_or_404(kept_question(question_id=question_id, find=find) if kept else find())


def get_classification_scope(user) -> list:
    """The municipalities whose persona counts `user` may see, by name: every municipality for the
    programme lead, the advised ones for an advisor; 403 (PermissionDenied) for any other role."""
    require_campaign_team(user)
    return visible_municipality_list(user)
