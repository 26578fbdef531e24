"""Who may see which dashboard; each helper returns the scope a dashboard view works in.

Team dashboard: the team's own leaders and the programme lead; another team leader gets 403 (the
team exists, it is not theirs), everyone else 403 too. Programme dashboard and results report: the
campaign team; an advisor asking for a municipality they do not advise gets 404, as if it did not
exist. Nobody sees one person's scan answers or scores here: the figures are for groups.
"""

import datetime
from dataclasses import dataclass

from django.core.exceptions import PermissionDenied
from django.db.models import Exists, OuterRef
from django.http import Http404
from django.utils.translation import gettext as _

from campaigns.caching import PLANS, campaign_municipality_ids, kept_campaigns_of
from campaigns.models import Campaign
from campaigns.selectors import current_campaign
from common.cache import versioned_many
from common.dates import parse_month
from organisations.access import (
    require_campaign_team,
    require_role,
    visible_municipality_ids,
    visible_municipality_list,
)
from organisations.caching import NAMESPACE as ORGANISATION
from organisations.models import Municipality, Team
from organisations.roles import Role, has_role


@dataclass(frozen=True)
class TeamScope:
    """team: the Team (with municipality). campaign: the campaign its figures count in, or None."""

    team: Team
    campaign: Campaign | None


# A kept team scope: the scope, None (no such team) or FORBIDDEN (a team the person does not lead).
FORBIDDEN = "forbidden"
TEAM_SCOPE_SECONDS = 10 * 60


def get_team_scope(user, team_id, *, today: datetime.date) -> TeamScope:
    """The team's dashboard scope for one of its leaders or the programme lead. 403 for other roles
    and for a team leader of another team; 404 when the team does not exist.

    Kept in the cache per team, person and day until the organisation changes (teams, their leaders
    and municipalities) or any plan does (campaigns.caching.plans_changed: a campaign's dates and
    new campaigns decide which one counts): no query when kept, two otherwise."""
    require_role(user, Role.TEAM_LEADER, Role.PROGRAMME_LEAD)
    try:
        pk = int(team_id)
    except (TypeError, ValueError):
        raise Http404 from None
    found = versioned_many(
        [ORGANISATION, PLANS],
        ["access:team-scope", pk, user.pk, today],
        lambda: _team_scope(user, pk, today),
        seconds=TEAM_SCOPE_SECONDS,
    )
    if found is None:
        raise Http404
    if found == FORBIDDEN:
        raise PermissionDenied
    return found


def _team_scope(user, pk, today):
    # Whether the person leads it comes with the team: one query for both.
    led = Team.leaders.through.objects.filter(team_id=OuterRef("pk"), user_id=user.pk)
    team = Team.objects.select_related("municipality").annotate(led_by_user=Exists(led)).filter(pk=pk).first()
    if team is None:
        return None
    if not has_role(user, Role.PROGRAMME_LEAD) and not team.led_by_user:
        return FORBIDDEN
    return TeamScope(team=team, campaign=current_campaign(municipality_id=team.municipality_id, today=today))


def led_teams(user):
    """The teams `user` leads, by name (a lazy queryset)."""
    return Team.objects.filter(leaders=user).select_related("municipality").order_by("name")


@dataclass(frozen=True)
class ProgrammeScope:
    """campaign: the Campaign shown (None when none of the person's municipalities has one).
    campaigns: the campaigns the person may choose. municipalities: the campaign's municipalities
    the person may read (a tuple, by name). municipality, team: the chosen ones or None.
    first, last: the chosen period's months (first days) or None. notices, period_notices: what in
    the link was ignored or set right, to say on the page."""

    campaign: Campaign | None
    campaigns: tuple
    municipalities: tuple
    municipality: Municipality | None = None
    team: Team | None = None
    first: datetime.date | None = None
    last: datetime.date | None = None
    notices: tuple = ()  # Dutch sentences: what in the link was ignored (campaign, municipality, team)
    period_notices: tuple = ()  # the same for the period (van, tot), which the results report does not use

    @property
    def municipality_ids(self) -> list:
        return [municipality.pk for municipality in self.municipalities]


def _id(value):
    """The id in a query parameter, or None when it is no id at all (text, a negative number, too many digits)."""
    value = (value or "").strip()
    if not value.isascii() or not value.isdigit() or len(value) > 18:
        return None
    return int(value)


def _month(value):
    if not value:
        return None
    sentinel = datetime.date(1, 1, 1)
    month = parse_month(value, sentinel)
    return None if month == sentinel else month


@dataclass(frozen=True)
class PeriodChoice:
    """The months (first days, or None) asked for by the query parameters van and tot, and what was
    set right in them (notices: Dutch sentences for the page)."""

    first: datetime.date | None
    last: datetime.date | None
    notices: tuple = ()


def period_choice(params) -> PeriodChoice:
    """The period of the query parameters van and tot ('2026-03'): a malformed month is left out (the
    period starts at the campaign's start or runs to its end) and a period the wrong way round is
    turned around, each with a notice; never an error."""
    notices = []
    first, last = _month(params.get("van")), _month(params.get("tot"))
    if (params.get("van") and first is None) or (params.get("tot") and last is None):
        notices.append(_("Onbekende maand in de link; we laten die maand weg."))
    if first is not None and last is not None and first > last:
        first, last = last, first
        notices.append(_("De periode stond andersom (van na tot); we hebben van en tot omgedraaid."))
    return PeriodChoice(first=first, last=last, notices=tuple(notices))


def period_from(params) -> tuple:
    """The months (first days, or None) of the query parameters van and tot (period_choice)."""
    choice = period_choice(params)
    return choice.first, choice.last


def get_programme_scope(user, params, *, today: datetime.date) -> ProgrammeScope:
    """The programme dashboard's scope from the query parameters `params` (campagne, gemeente, team,
    van, tot). 403 outside the campaign team; 404 for the id of a campaign, municipality or team that
    is not the person's (whether it exists or not: access control, nothing to learn from it). A value
    that is no id at all is ignored with a notice (ProgrammeScope.notices), as is a malformed month;
    a period the wrong way round is turned around (period_choice). With exactly one municipality in
    scope, that one is chosen (its teams are shown)."""
    require_campaign_team(user)
    visible = visible_municipality_ids(user)
    campaigns = kept_campaigns_of(municipality_ids=visible)
    period = period_choice(params)
    notices = []
    wanted = _id(params.get("campagne"))
    if params.get("campagne") and wanted is None:
        notices.append(_("Onbekende campagne in de link; we tonen de lopende campagne."))
    if wanted is not None:
        campaign = next((c for c in campaigns if c.pk == wanted), None)
        if campaign is None:
            raise Http404
    else:
        running = [c for c in campaigns if c.kick_off_date <= today <= c.end_date]
        started = [c for c in campaigns if c.kick_off_date <= today]
        campaign = (running or started or list(reversed(campaigns)) or [None])[0]
    if campaign is None:
        return ProgrammeScope(campaign=None, campaigns=(), municipalities=())
    # From kept reads, no query: the campaign's municipalities (under its plan_version, just read),
    # those the person may see (the organisation's version) and their names.
    municipalities = tuple(visible_municipality_list(user, among=campaign_municipality_ids(campaign=campaign)))
    municipality = team = None
    wanted = _id(params.get("gemeente"))
    if params.get("gemeente") and wanted is None:
        notices.append(_("Onbekende gemeente in de link; we tonen alle gemeenten."))
    if wanted is not None:
        municipality = next((m for m in municipalities if m.pk == wanted), None)
        if municipality is None:
            raise Http404
    wanted = _id(params.get("team"))
    if params.get("team") and wanted is None:
        notices.append(_("Onbekend team in de link; we tonen alle teams."))
    if wanted is not None:
        ids = [m.pk for m in ([municipality] if municipality else municipalities)]
        team = Team.objects.filter(pk=wanted, municipality__in=ids).select_related("municipality").first()
        if team is None:
            raise Http404
        municipality = next(m for m in municipalities if m.pk == team.municipality_id)
    if municipality is None and len(municipalities) == 1:
        # One municipality in scope: its figures are the total, and its teams belong on the page.
        municipality = municipalities[0]
    return ProgrammeScope(
        campaign=campaign,
        campaigns=campaigns,
        municipalities=municipalities,
        municipality=municipality,
        team=team,
        first=period.first,
        last=period.last,
        notices=tuple(notices),
        period_notices=period.notices,
    )
