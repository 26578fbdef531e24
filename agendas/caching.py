"""Cached parts of the agenda suggestion, invalidated on write.

The team's participation figures (members, active on the learning platform, who did the zelfscan)
are kept under the participation version of the team's municipality (bumped by every logged
activity, submitted scan and round date change: organisations.caching.participation_changed) and
the organisation's version (people joining, leaving or moving teams: organisation_changed), with
the team, campaign, day and language in the key. The discussion question is kept under the
personas' version (personas.caching: every edit of a persona's or an audience's texts).
"""

import hashlib
import time

from django.core.cache import cache
from django.utils.translation import get_language

from common.cache import versioned
from organisations.caching import NAMESPACE as ORGANISATION
from organisations.caching import participation_namespace
from personas.caching import NAMESPACE as PERSONAS

FIGURES_SECONDS = 10 * 60
QUESTION_SECONDS = 30 * 60


def _versions(municipality_id) -> list:
    """The municipality's participation version and the organisation's, in one cache round trip; a
    lost or never-set version starts a new one, never an old one (as dashboards.snapshot does)."""
    keys = [f"version:{participation_namespace(municipality_id)}", f"version:{ORGANISATION}"]
    versions = cache.get_many(keys)
    missing = {key: time.time_ns() for key in keys if key not in versions}
    if missing:
        cache.set_many(missing, None)
        versions.update(missing)
    return [versions[key] for key in keys]


def cached_team_figures(*, team, campaign, today, build):
    """`build()`'s team participation figures, kept until something they count changes."""
    parts = [
        "team_participation",
        team.pk,
        campaign.pk if campaign else "",
        today.isoformat(),
        get_language() or "",
        *_versions(team.municipality_id),
    ]
    key = "agendas:team:" + hashlib.sha256("|".join(map(str, parts)).encode()).hexdigest()[:32]
    figures = cache.get(key)
    if figures is None:
        figures = build()
        cache.set(key, figures, FIGURES_SECONDS)
    return figures


def cached_question(*, month, build) -> str:
    """`build()`'s discussion question of `month`, kept until a persona or audience text changes."""
    return versioned(
        PERSONAS, ["agenda_question", month.isoformat(), get_language() or ""], build, seconds=QUESTION_SECONDS
    )
