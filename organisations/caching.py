"""Cached counts of the organisation (employees per municipality and team), invalidated on write.

Counting tens of thousands of people on every overview page is the expensive part of those pages.
An import or an admin edit calls `organisation_changed()`; the time limit bounds what happens
without that call (an account deactivated in the database by hand).
"""

from common.cache import changed, is_shared, prefetched_family, prefetched_namespace, versioned, versioned_many

NAMESPACE = prefetched_namespace("organisation")
COUNTS_SECONDS = 5 * 60


def organisation_changed() -> None:
    """Invalidate every cached organisation count (after writing people, teams or municipalities)."""
    changed(NAMESPACE)


def cached_counts(name: str, parts, build):
    """`build()`'s result for these key parts, at most COUNTS_SECONDS old and never older than a write."""
    return versioned(NAMESPACE, [name, *parts], build, seconds=COUNTS_SECONDS)


PARTICIPATION = prefetched_family("participation")


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


def person_namespace(user_id: int) -> str:
    """The cache namespace of one person's own row (kept_session_user)."""
    return f"person:{user_id}"


def person_changed(*, user_ids) -> None:
    """Invalidate what is kept of these people's own rows (ids): organisations/invalidation.py calls
    it on every save and delete of a person and every change of whom they lead or advise."""
    for user_id in set(user_ids):
        changed(person_namespace(user_id))


SESSION_USER_SECONDS = 10 * 60


def kept_session_user(user_id: int, build):
    """The logged-in person of a request (`build()`: their row with role flags, or None), kept until
    their row, their teams led or municipalities advised change (person_changed, on every save:
    organisations/invalidation.py) or the organisation does (organisation_changed: imports and
    other bulk writes that bypass save). One cache round trip instead of a query on every page.

    Only where the cache is shared by every process (Redis): in local memory (`make run`) a password
    changed or an account switched off from another shell would not reach this process, so the row
    is read on every request there."""
    if not is_shared():
        return build()
    return versioned_many(
        [NAMESPACE, person_namespace(user_id)], ["session-user", user_id], build, seconds=SESSION_USER_SECONDS
    )
