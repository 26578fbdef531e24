"""Access to the campaign planner: each helper returns the scope a planner view works in.

A scope is computed once per request: the campaign and the municipalities of it that this person
may plan (all for the programme lead, the advised ones for an advisor). Views never compute it again.
"""

from dataclasses import dataclass, field

from django.http import Http404

from common.access import found_or_404
from common.cache import versioned_many
from organisations.access import (
    require_campaign_team,
    require_role,
    visible_municipalities,
    visible_municipality_ids,
    visible_municipality_list,
)
from organisations.caching import NAMESPACE as ORGANISATION
from organisations.models import Municipality
from organisations.roles import Role

from .caching import PLANNER_CACHE_SECONDS, campaign_municipality_ids, kept_campaign, kept_plan_versions
from .models import Campaign, ContentItem


@dataclass(frozen=True)
class PlannerScope:
    """What a planner view may show and change.

    campaign: the Campaign. municipalities: the campaign's municipalities this person may plan,
    ordered by name (a tuple, loaded once). item: the ContentItem the URL names, if any.
    """

    campaign: Campaign
    municipalities: tuple[Municipality, ...]
    item: ContentItem | None = None
    _ids: frozenset = field(init=False, repr=False, compare=False)

    def __post_init__(self):
        object.__setattr__(self, "_ids", frozenset(municipality.pk for municipality in self.municipalities))

    @property
    def municipality_ids(self) -> frozenset:
        return self._ids

    def municipality_queryset(self):
        """The same municipalities as a lazy queryset, for form choices."""
        return Municipality.objects.filter(pk__in=self._ids).order_by("name")

    @property
    def copy_targets(self) -> tuple[Municipality, ...]:
        """The municipalities of the scope other than the item's: where the item may be copied to."""
        return tuple(m for m in self.municipalities if self.item is None or m.pk != self.item.municipality_id)

    def municipality(self, value) -> Municipality | None:
        """The municipality of the scope whose id is `value` (text from a form or URL), else None."""
        try:
            wanted = int(value)
        except (TypeError, ValueError):
            return None
        return next((municipality for municipality in self.municipalities if municipality.pk == wanted), None)


def planner_municipalities(user):
    """All municipalities the campaign team member may plan, any campaign (lazy queryset); 403 otherwise."""
    require_campaign_team(user)
    return visible_municipalities(user)


def _scope(user, campaign, item=None) -> PlannerScope:
    # From kept reads, no query: the campaign's municipalities (under its plan_version, read with
    # the campaign), those the person may see (the organisation's version) and their names.
    municipalities = tuple(visible_municipality_list(user, among=campaign_municipality_ids(campaign=campaign)))
    if not municipalities:
        raise Http404
    return PlannerScope(campaign=campaign, municipalities=municipalities, item=item)


def get_planner_scope(user, campaign_id: int, *, kept: bool = False) -> PlannerScope:
    """The campaign and the municipalities of it `user` may plan. 403 outside the campaign team,
    404 when the campaign does not exist or has none of the person's municipalities. `kept`: for a
    page that only shows the plan (a GET), the campaign from the cache (caching.kept_campaign: every
    write of a campaign is a plan write); no query."""
    require_campaign_team(user)
    return _scope(user, _campaign(campaign_id, kept=kept))


def get_item_scope(user, item_id, *, kept: bool = False) -> PlannerScope:
    """The item and its campaign's scope, if the item's municipality is one `user` may plan; else 404.

    `kept`: for a page that only shows it (a GET), the answer from the cache under the plan versions
    of the campaigns of the person's municipalities (an item's every write raises its campaign's,
    caching.kept_plan_versions) and the organisation's version (names, roles): no query. A write
    reads the row itself."""
    require_campaign_team(user)
    try:
        pk = int(item_id)
    except (TypeError, ValueError):
        raise Http404 from None
    ids = visible_municipality_ids(user)
    if kept:
        versions = kept_plan_versions(municipality_ids=ids)
        scope = versioned_many(
            [ORGANISATION],
            ["access:item-scope", pk, user.pk, versions],
            lambda: _item_scope(user, pk, ids),
            seconds=PLANNER_CACHE_SECONDS,
        )
    else:
        scope = _item_scope(user, pk, ids)
    return found_or_404(scope)


def _item_scope(user, pk, municipality_ids) -> PlannerScope | None:
    item = (
        ContentItem.objects.select_related("campaign", "municipality", "phase")
        .filter(pk=pk, municipality_id__in=municipality_ids)
        .first()
    )
    return _scope(user, item.campaign, item=item) if item else None


def get_campaign_for_lead(user, campaign_id: int, *, kept: bool = False) -> Campaign:
    """Any campaign, for the programme lead only (403 for others, 404 when it does not exist).
    `kept`: for a page that only shows it (a GET), from the cache (caching.kept_campaign)."""
    require_role(user, Role.PROGRAMME_LEAD)
    return _campaign(campaign_id, kept=kept)


def _campaign(campaign_id: int, *, kept: bool) -> Campaign:
    return found_or_404(
        kept_campaign(campaign_id=campaign_id) if kept else Campaign.objects.filter(pk=campaign_id).first()
    )
