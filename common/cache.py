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
    digest = hashlib.sha256("|".join(str(part) for part in parts).encode()).hexdigest()[:32]
    key = f"{namespace}:{version}:{digest}"
    value = cache.get(key)
    if value is None:
        value = build()
        cache.set(key, value, seconds)
    return value
