"""Cached zelfscan counts, invalidated on write (organisations.caching).

The persona counts of the classification page count every submitted response of a round in the
person's municipalities. They are kept under the participation version of each of those
municipalities (bumped by every submitted scan: services.response_submit) and the organisation's
version (people moving between municipalities, renamed municipalities), so a change shows at once;
the time limit only bounds what no service sees (a row changed in the database by hand).
"""

import hashlib
import time

from django.core.cache import cache

from organisations.caching import NAMESPACE as ORGANISATION
from organisations.caching import participation_namespace

from .selectors import persona_counts

COUNTS_SECONDS = 10 * 60
HTML_SECONDS = 10 * 60


def _versions(municipality_ids) -> list:
    """The current participation versions of these municipalities and the organisation's version,
    in one cache round trip; a lost or never-set version starts a new one (never an old one)."""
    keys = [f"version:{participation_namespace(pk)}" for pk in municipality_ids] + [f"version:{ORGANISATION}"]
    versions = cache.get_many(keys)
    missing = {key: time.time_ns() for key in keys if key not in versions}
    if missing:
        cache.set_many(missing, None)
        versions.update(missing)
    return [versions[key] for key in keys]


def cached_persona_counts(*, scan_round, municipalities) -> list:
    """selectors.persona_counts of `scan_round` for those of `municipalities` that take part in its
    campaign, from the cache when nothing they count changed since. The key: the round, its
    campaign's plan version, the municipalities and their versions. Which municipalities take part
    is read only when counting: a campaign's municipalities are set when it is created
    (campaigns.services.campaign_create) and no service or admin page changes them."""
    ids = sorted(municipality.pk for municipality in municipalities)
    parts = [
        "persona_counts",
        scan_round.pk,
        scan_round.campaign.plan_version,
        ",".join(map(str, ids)),
        *_versions(ids),
    ]
    key = "selfscan:persona_counts:" + hashlib.sha256("|".join(map(str, parts)).encode()).hexdigest()[:32]
    rows = cache.get(key)
    if rows is None:
        taking_part = set(scan_round.campaign.municipalities.values_list("pk", flat=True))
        rows = persona_counts(scan_round=scan_round, municipalities=[m for m in municipalities if m.pk in taking_part])
        cache.set(key, rows, COUNTS_SECONDS)
    return rows


def cached_html(key: str, build) -> str:
    """The rendered text kept under `key` (a digest of what it shows), else `build()`'s, kept
    HTML_SECONDS (the limit only matters after a new release changed the page's code or wording)."""
    html = cache.get(key)
    if html is None:
        html = build()
        cache.set(key, html, HTML_SECONDS)
    return html
