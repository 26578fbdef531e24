"""Cached counts of the organisation (employees per municipality and team), invalidated on write.

Counting tens of thousands of people on every overview page is the expensive part of those pages.
An import or an admin edit calls `organisation_changed()`; the time limit bounds what happens
without that call (an account deactivated in the database by hand).
"""

from common.cache import changed, versioned, versioned_many

NAMESPACE = "organisation"
COUNTS_SECONDS = 5 * 60


def organisation_changed() -> None:
    """Invalidate every cached organisation count (after writing people, teams or municipalities)."""
    changed(NAMESPACE)


def cached_counts(name: str, parts, build):
    """`build()`'s result for these key parts, at most COUNTS_SECONDS old and never older than a write."""
    return versioned(NAMESPACE, [name, *parts], build, seconds=COUNTS_SECONDS)


PARTICIPATION = "participation"


def participation_namespace(municipality_id) -> str:
    """The cache namespace of a municipality's participation figures (dashboards)."""
    return f"{PARTICIPATION}:{municipality_id}"


def participation_changed(*, municipality_ids) -> None:
    """Invalidate the cached dashboard figures of these municipalities (ids; None is skipped). Every
    write of something the dashboards count calls it: a submitted scan or a round's dates, learning
    activity (logged, imported, or recorded for a digicoach session or attendance), a team meeting,
    buddies and digicoach sessions, compliment cards, inspiration sessions (held, sign-ups,
    attendance), reminders sent or failed and opt-outs (dashboards/tallies.py, snapshot.py)."""
    for municipality_id in set(municipality_ids):
        if municipality_id is not None:
            changed(participation_namespace(municipality_id))


def cached_participation(name: str, *, municipality_ids, parts, build, seconds: int = COUNTS_SECONDS, expires=None):
    """`build()`'s result for these key parts, never older than a counted write in any of
    `municipality_ids` (participation_changed) or a change of the organisation (organisation_changed),
    and at most `seconds` old (common.cache.versioned_many, which also explains `expires`)."""
    namespaces = [participation_namespace(pk) for pk in sorted(set(municipality_ids))] + [NAMESPACE]
    return versioned_many(namespaces, [name, *parts], build, seconds=seconds, expires=expires)
