"""Access to team meetings: a team's leaders share its log; nobody else reaches it (programme lead
and advisors see compliance as figures, through agendas.selectors.agenda_compliance)."""

from django.http import Http404

from common.access import found_or_404
from organisations.access import require_role
from organisations.models import Team
from organisations.roles import Role

from .caching import kept_led_meeting
from .models import TeamMeeting


def get_led_team(user, team_id) -> Team:
    """The team (with its municipality) if `user` leads it. 403 for someone who leads no team, 404
    for a team led by others."""
    require_role(user, Role.TEAM_LEADER)
    try:
        return Team.objects.select_related("municipality").get(pk=team_id, leaders=user)
    except (Team.DoesNotExist, ValueError, TypeError):
        raise Http404 from None


def get_led_meeting(user, meeting_id: int, *, kept: bool = False) -> TeamMeeting:
    """The meeting (with its team and municipality) if `user` leads its team; 403/404 as get_led_team.
    `kept`: for a page that only shows it (a GET), the answer (404 included) from the cache, kept
    until a meeting is written or who leads which team changes (agendas.caching.kept_led_meeting)."""
    require_role(user, Role.TEAM_LEADER)

    def find():
        return (
            TeamMeeting.objects.select_related("team__municipality").filter(pk=meeting_id, team__leaders=user).first()
        )

    return found_or_404(kept_led_meeting(meeting_id=meeting_id, user_id=user.pk, find=find) if kept else find())
