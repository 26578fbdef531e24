"""Cached values that are invalidated by a write, not only by time.

A namespace (for example "organisation") has a version in the cache; `changed(namespace)` gives it
a new one, so every value cached under the old version is never read again. A lost version key (a
cache restart) starts a new version, never an old one. Shared by all processes when the cache is
Redis (REDIS_URL); the one-process demo uses local memory.
"""

import hashlib
import time

from django.core.cache import cache
from django.db import transaction


def changed(namespace: str) -> None:
    """Invalidate everything cached under `namespace`; call it inside the writing transaction.

    It invalidates at once and once more when the transaction commits, so a page built from the
    old data between the two (by a request that read before the commit) is not kept either.
    """

    def bump():
        cache.set(f"version:{namespace}", time.time_ns(), None)

    bump()
    transaction.on_commit(bump)


def versioned(namespace: str, parts, build, *, seconds: int):
    """`build()`'s result for `parts`, at most `seconds` old and never older than the last change."""
    version = cache.get_or_set(f"version:{namespace}", time.time_ns, None)
    return _cached(f"{namespace}:{version}", parts, build, seconds)


def versions_of(namespaces) -> str:
    """The current versions of `namespaces` (a list of names) as one text, in one cache round trip;
    a lost or never-set version starts a new one (never an old one)."""
    keys = [f"version:{namespace}" for namespace in namespaces]
    versions = cache.get_many(keys)
    missing = {key: time.time_ns() for key in keys if key not in versions}
    if missing:
        cache.set_many(missing, None)
        versions.update(missing)
    return ".".join(str(versions[key]) for key in keys)


def versioned_many(namespaces, parts, build, *, seconds: int, expires=None):
    """`build()`'s result for `parts`, never older than the last change of any of `namespaces` (a
    list of names) and at most `seconds` old; `expires(value)`, when given, may shorten that to the
    seconds the value itself stays true (a session that starts, a card that gets old)."""
    return _cached("many", [*namespaces, versions_of(namespaces), *parts], build, seconds, expires)


def _cached(prefix, parts, build, seconds, expires=None):
    digest = hashlib.sha256("|".join(str(part) for part in parts).encode()).hexdigest()[:32]
    key = f"{prefix}:{digest}"
    value = cache.get(key)
    if value is None:
        value = build()
        lifetime = int(min(seconds, expires(value))) if expires else seconds
        if lifetime > 0:
            cache.set(key, value, lifetime)
    return value
