"""The support programme's part of a person's start page, cached until the programme changes.

The employee start page (and the support page) show a person's buddy and strippenkaart, recent
compliment cards, inspiration sessions to come and their ambassador row: five to seven queries on
the most visited page. Every write service of this app bumps one version (`support_changed`); a
change of people or teams bumps the organisation's. A value also expires when it stops being true
by itself (a session that starts, a card that is no longer recent): see coaching.selectors.
"""

import functools

from common.cache import changed, prefetched_namespace, versioned_many
from organisations.caching import NAMESPACE as ORGANISATION

NAMESPACE = prefetched_namespace("support")
SUPPORT_SECONDS = 10 * 60


def support_changed() -> None:
    """Invalidate every cached support block (after any write of the support programme)."""
    changed(NAMESPACE)


def changes_support(service):
    """Decorates a write service: once it has written (and returned), the cached blocks are invalid."""

    @functools.wraps(service)
    def write(*args, **kwargs):
        result = service(*args, **kwargs)
        support_changed()
        return result

    return write


def cached_support(*, person_id: int, build, expires=None, name: str = "employee-support"):
    """`build()`'s result (`name`: which read) for the person, never older than a write of the
    support programme or the organisation, and at most SUPPORT_SECONDS or `expires(value)` seconds old."""
    return cached_support_read(name, [person_id], build, expires=expires)


def cached_support_read(name: str, parts, build, *, expires=None):
    """`build()`'s result for read `name` and its key `parts` (a scope, an object's id, a person),
    never older than a write of the support programme or the organisation, and at most
    SUPPORT_SECONDS or `expires(value)` seconds old."""
    return versioned_many([NAMESPACE, ORGANISATION], [name, *parts], build, seconds=SUPPORT_SECONDS, expires=expires)
