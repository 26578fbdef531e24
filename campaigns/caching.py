"""Cached planner pages, invalidated on write.

Every service that changes a campaign's plan (items, phases, settings) raises the campaign's
`plan_version` in the same transaction. Cached parts of planner pages are keyed on that version,
so a change shows at once on every server process, whichever cache (Redis or local memory) is in
use. They are kept under the organisation's version too (organisations.caching): the planner shows
municipalities' and people's names, which the admin and the import change.
"""

import hashlib

from django.db.models import F
from django.utils.translation import get_language

from common.cache import changed, kept_content, prefetched_namespace, versioned_many
from organisations.caching import NAMESPACE as ORGANISATION

from .models import Campaign

PLANNER_CACHE_SECONDS = 10 * 60


PLANS = prefetched_namespace("plans")


def plan_changed(*, campaign_id: int) -> None:
    """Invalidate the campaign's cached planner pages: call inside the transaction of every write."""
    Campaign.objects.filter(pk=campaign_id).update(plan_version=F("plan_version") + 1)
    plans_changed()


def plans_changed() -> None:
    """Invalidate the kept plan versions (kept_plan_versions): every plan write (plan_changed), a
    new campaign and a campaign deleted in the admin."""
    changed(PLANS)


def kept_campaign(*, campaign_id: int) -> Campaign | None:
    """The campaign `campaign_id` (or None), kept until a plan write anywhere (plans_changed: every
    write of a campaign is one, its plan_version too). No query when kept, one otherwise."""
    return versioned_many(
        [PLANS],
        ["campaign", campaign_id],
        lambda: Campaign.objects.filter(pk=campaign_id).first(),
        seconds=PLANNER_CACHE_SECONDS,
    )


def kept_plan_versions(*, municipality_ids) -> tuple:
    """The plan versions of the campaigns of `municipality_ids` ((campaign id, plan_version) pairs,
    by campaign id): what a read of those plans is kept under. Kept until a plan write anywhere
    (plans_changed): no query when kept, one otherwise."""
    ids = sorted(set(municipality_ids))
    return versioned_many(
        [PLANS],
        ["plan-versions", *ids],
        lambda: tuple(
            Campaign.objects.filter(municipalities__in=ids).order_by("pk").distinct().values_list("pk", "plan_version")
        ),
        seconds=PLANNER_CACHE_SECONDS,
    )


def kept_campaigns_of(*, municipality_ids) -> tuple:
    """The campaigns of `municipality_ids` (Campaign objects, newest kick-off first), kept until any
    plan write (plans_changed: a campaign's name, dates and plan_version change only with one). No
    query when kept, one otherwise."""
    ids = sorted(set(municipality_ids))
    return versioned_many(
        [PLANS],
        ["campaigns-of", *ids],
        lambda: tuple(Campaign.objects.filter(municipalities__in=ids).distinct().order_by("-kick_off_date", "pk")),
        seconds=PLANNER_CACHE_SECONDS,
    )


def campaign_municipality_ids(*, campaign: Campaign) -> list[int]:
    """The ids of `campaign`'s municipalities, in order, kept under its plan_version: they are set
    when it starts (core.services.programme_year_start) and changed only in the admin, which raises
    the version (core.admin.CampaignAdmin.save_related). No query when kept, one otherwise."""
    key = f"campaign-municipalities:{campaign.pk}:{campaign.plan_version}"
    return kept_content(
        key, lambda: sorted(campaign.municipalities.values_list("pk", flat=True)), seconds=PLANNER_CACHE_SECONDS
    )


def planner_key(view: str, *, campaign: Campaign, municipality_ids, params=(), day=None) -> str:
    """A cache key for one planner view of one campaign version, scope, query string, day and language.

    `params`: (name, value) pairs from the query string; `day`: today, for views whose warnings
    depend on the date.
    """
    parts = [
        view,
        str(campaign.pk),
        str(campaign.plan_version),
        ",".join(str(pk) for pk in sorted(municipality_ids)),
        "&".join(f"{name}={value}" for name, value in sorted(params)),
        str(day or ""),
        get_language() or "",
    ]
    digest = hashlib.sha256("|".join(parts).encode()).hexdigest()[:32]
    return f"planner:{view}:{digest}"


def cached(key: str, build):
    """The cached value for `key` (planner_key), or `build()`'s result, kept for PLANNER_CACHE_SECONDS
    and never past a change of the organisation (one cache round trip for both)."""
    return versioned_many([ORGANISATION], [key], build, seconds=PLANNER_CACHE_SECONDS)
