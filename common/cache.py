"""Cached values that are invalidated by a write, not only by time.

A namespace (for example "organisation") has a version in the cache; `changed(namespace)` gives it
a new one, so no value built under the old version is read again: a value is kept with the versions
it was built under and compared with the current ones, read in the same cache round trip. A lost
version key (a cache restart) starts a new version, never an old one. Shared by all processes when the cache is
Redis (REDIS_URL); the one-process demo uses local memory.
"""

import hashlib
import time

from django.conf import settings
from django.core.cache import cache
from django.db import transaction


def is_shared() -> bool:
    """Whether every process of the portal reads this cache (Redis), not only this one (local memory:
    `make run`, where a command run from another shell changes data this process does not hear of).
    settings.CACHE_IS_SHARED, which follows the cache's backend."""
    return settings.CACHE_IS_SHARED


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
    return versioned_many([namespace], parts, build, seconds=seconds)


def versions_of(namespaces) -> str:
    """The current versions of `namespaces` (a list of names) as one text, in one cache round trip;
    a lost or never-set version starts a new one (never an old one)."""
    return _versions(namespaces)[0]


def versioned_many(namespaces, parts, build, *, seconds: int, expires=None):
    """`build()`'s result for `parts`, never older than the last change of any of `namespaces` (a
    list of names) and at most `seconds` old; `expires(value)`, when given, may shorten that to the
    seconds the value itself stays true (a session that starts, a card that gets old).

    The value is kept under one key per `namespaces` and `parts`, together with the versions it was
    built under; the versions and the value come in one cache round trip, and a value built under
    older versions is built again (and replaces it, so old versions take no memory)."""
    key = kept_key(namespaces, parts)
    versions, stored = _versions(namespaces, key)
    if stored is not None and stored[0] == versions:
        return stored[1]
    value = build()
    lifetime = int(min(seconds, expires(value))) if expires else seconds
    if lifetime > 0:
        cache.set(key, (versions, value), lifetime)
    return value


def kept_key(namespaces, parts) -> str:
    """The cache key of the value versioned_many keeps for `namespaces` and `parts`: one key, whatever
    the versions (they are kept inside the value)."""
    digest = hashlib.sha256("|".join(str(part) for part in [*namespaces, "|", *parts]).encode()).hexdigest()[:32]
    return f"kept:{digest}"


def _versions(namespaces, value_key: str | None = None) -> tuple:
    """(the versions of `namespaces` as one text, the value at `value_key` or None), read together."""
    keys = [f"version:{namespace}" for namespace in namespaces]
    found = cache.get_many([*keys, value_key] if value_key else keys)
    missing = {key: time.time_ns() for key in keys if key not in found}
    if missing:
        cache.set_many(missing, None)
        found.update(missing)
    return ".".join(str(found[key]) for key in keys), found.get(value_key) if value_key else None


def kept_by_content(name: str, inputs, build, *, seconds: int):
    """`build()`'s result, kept under a digest of `name` and `inputs` (a tuple of plain values:
    everything the result is made from). New inputs are a new entry, so nothing needs invalidating;
    an entry no input leads to any more ages out after `seconds`. The release is in every key
    (common/release.py), so the code that builds is part of the inputs too."""
    key = f"content:{name}:" + hashlib.sha256(repr(inputs).encode()).hexdigest()[:32]
    value = cache.get(key)
    if value is None:
        value = build()
        cache.set(key, value, seconds)
    return value
