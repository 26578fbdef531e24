"""Cached values that are invalidated by a write, not only by time.

A namespace (for example "organisation") has a version in the cache; `changed(namespace)` gives it
a new one, so no value built under the old version is read again: a value is kept with the versions
it was built under and compared with the current ones, read in the same cache round trip. A lost
version key (a cache restart) starts a new version, never an old one. Shared by all processes when
the cache is Redis (REDIS_URL); the one-process demo uses local memory.

Within a request (RequestVersions, a middleware) each version is read from Redis once, together
with every namespace registered by `prefetched_namespace`, and kept values come from this process's
copies (common/local_tier.py) when they are of the versions the request read: a page pays about two
round trips (its session and the versions), not one per kept value.
"""

import hashlib
import time
from contextvars import ContextVar

from django.conf import settings
from django.core.cache import cache
from django.db import transaction

from common.local_tier import LOCAL, MISSING

GENERATION_KEY = "version:cache-generation"
_PREFETCHED: list[str] = []
_FAMILIES: dict[str, int] = {}  # "<prefix>:" -> how many of its namespaces are in _PREFETCHED
FAMILY_LIMIT = 64
# The versions a request has read ({"version:<namespace>": value}), None outside a request (a task,
# a command) or where the cache is this process's memory: then every read asks the cache.
_request_versions: ContextVar[dict | None] = ContextVar("common_cache_request_versions", default=None)


def is_shared() -> bool:
    """Whether every process of the portal reads this cache (Redis), not only this one (local memory:
    `make run`, where a command run from another shell changes data this process does not hear of).
    settings.CACHE_IS_SHARED, which follows the cache's backend."""
    return settings.CACHE_IS_SHARED


def prefetched_namespace(namespace: str) -> str:
    """Register `namespace` (a fixed name) to be read with a request's first versions, in the same
    round trip; returns it, so a caching module names its namespace with this call."""
    if namespace not in _PREFETCHED:
        _PREFETCHED.append(namespace)
    return namespace


def prefetched_family(prefix: str) -> str:
    """Register a family of namespaces (`<prefix>:<id>`, one per municipality, say): once this
    process has read one of them, it is prefetched as `prefetched_namespace` is (FAMILY_LIMIT of
    them at most per family: a family of one per person would not be worth it). Returns `prefix`."""
    _FAMILIES.setdefault(f"{prefix}:", 0)
    return prefix


def RequestVersions(get_response):  # noqa: N802  (a middleware, named as Django's are)
    """Middleware: a request reads each version once (common.cache's module text)."""

    def middleware(request):
        token = _request_versions.set({} if is_shared() else None)
        try:
            return get_response(request)
        finally:
            _request_versions.reset(token)

    return middleware


def changed(namespace: str) -> None:
    """Invalidate everything cached under `namespace`; call it inside the writing transaction.

    It invalidates at once and once more when the transaction commits, so a page built from the
    old data between the two (by a request that read before the commit) is not kept either.
    """

    def bump():
        version = time.time_ns()
        cache.set(f"version:{namespace}", version, None)
        seen = _request_versions.get()
        if seen is not None:
            seen[f"version:{namespace}"] = version

    bump()
    transaction.on_commit(bump)


def versioned(namespace: str, parts, build, *, seconds: int):
    """`build()`'s result for `parts`, at most `seconds` old and never older than the last change."""
    return versioned_many([namespace], parts, build, seconds=seconds)


def versions_of(namespaces) -> str:
    """The current versions of `namespaces` (a list of names) as one text, in one cache round trip
    (none when this request read them already); a lost or never-set version starts a new one."""
    seen = _request_versions.get()
    if seen is None:
        return _versions(namespaces)[0]
    _read_versions(seen, namespaces, [])
    return _joined(seen, namespaces)


def versioned_many(namespaces, parts, build, *, seconds: int, expires=None):
    """`build()`'s result for `parts`, never older than the last change of any of `namespaces` (a
    list of names) and at most `seconds` old; `expires(value)`, when given, may shorten that to the
    seconds the value itself stays true (a session that starts, a card that gets old).

    The value is kept under one key per `namespaces` and `parts`, together with the versions it was
    built under and the time (time.time(), seconds) it stops being true; the versions and the value
    come in one cache round trip, and a value built under older versions is built again (and
    replaces it, so old versions take no memory)."""
    key = kept_key(namespaces, parts)
    seen = _request_versions.get()
    if seen is None:
        versions, stored = _versions(namespaces, key)
    else:
        versions, stored = _kept_in_request(seen, namespaces, key)
    if stored is not None and stored[0] == versions and stored[2] > time.time():
        return stored[1]
    value = build()
    lifetime = int(min(seconds, expires(value))) if expires else seconds
    if lifetime > 0:
        expires_at = time.time() + lifetime
        cache.set(key, (versions, value, expires_at), lifetime)
        if seen is not None:
            LOCAL.put(key, value, versions=versions, expires_at=expires_at)
    return value


def kept_key(namespaces, parts) -> str:
    """The cache key of the value versioned_many keeps for `namespaces` and `parts`: one key, whatever
    the versions (they are kept inside the value)."""
    digest = hashlib.sha256("|".join(str(part) for part in [*namespaces, "|", *parts]).encode()).hexdigest()[:32]
    return f"kept:{digest}"


def kept_content(key: str, build, *, seconds: int):
    """The value kept at `key`, a key that names everything the value is made from (a digest of
    its inputs: new inputs are a new key, so nothing needs invalidating), else `build()`'s, kept
    `seconds` (an entry no input leads to any more ages out)."""
    seen = _request_versions.get()
    if seen is not None:
        fetched = _read_versions(seen, [], [] if LOCAL.holds(key) else [key])
        value = LOCAL.get(key)
        if value is not MISSING:
            return value
        value = fetched[key] if key in fetched else cache.get(key)
    else:
        value = cache.get(key)
    if value is None:
        value = build()
        cache.set(key, value, seconds)
    if seen is not None:
        LOCAL.put(key, value, expires_at=time.time() + seconds)
    return value


def kept_by_content(name: str, inputs, build, *, seconds: int):
    """`build()`'s result, kept under a digest of `name` and `inputs` (a tuple of plain values:
    everything the result is made from). New inputs are a new entry, so nothing needs invalidating;
    an entry no input leads to any more ages out after `seconds`. The release is in every key
    (common/release.py), so the code that builds is part of the inputs too."""
    key = f"content:{name}:" + hashlib.sha256(repr(inputs).encode()).hexdigest()[:32]
    return kept_content(key, build, seconds=seconds)


def _versions(namespaces, value_key: str | None = None) -> tuple:
    """(the versions of `namespaces` as one text, the value at `value_key` or None), read together."""
    keys = [f"version:{namespace}" for namespace in namespaces]
    found = cache.get_many([*keys, value_key] if value_key else keys)
    missing = {key: time.time_ns() for key in keys if key not in found}
    if missing:
        cache.set_many(missing, None)
        found.update(missing)
    return ".".join(str(found[key]) for key in keys), found.get(value_key) if value_key else None


def _kept_in_request(seen: dict, namespaces, key: str) -> tuple:
    """(the versions of `namespaces`, the stored (versions, value, expires_at) or None) for a
    request: the versions it has not read yet and the value, if this process holds no copy, in one
    round trip; a copy of other versions costs one more."""
    fetched = _read_versions(seen, namespaces, [] if LOCAL.holds(key) else [key])
    versions = _joined(seen, namespaces)
    value = LOCAL.get(key, versions)
    if value is not MISSING:
        return versions, (versions, value, float("inf"))
    stored = fetched[key] if key in fetched else cache.get(key)
    if stored is not None and stored[0] == versions:
        LOCAL.put(key, stored[1], versions=versions, expires_at=stored[2])
    return versions, stored


def _read_versions(seen: dict, namespaces, value_keys: list) -> dict:
    """Read into `seen` the versions of `namespaces` this request has not read, on its first read
    also the cache's generation and every prefetched namespace, with `value_keys`, in one round trip
    (none when there is nothing to read); returns the values found at `value_keys`."""
    keys = [f"version:{namespace}" for namespace in namespaces if f"version:{namespace}" not in seen]
    first = GENERATION_KEY not in seen
    if first:
        keys += [GENERATION_KEY] + [f"version:{name}" for name in _PREFETCHED if f"version:{name}" not in seen]
    keys = list(dict.fromkeys(keys))
    if not keys and not value_keys:
        return {}
    found = cache.get_many(keys + value_keys)
    missing = {key: time.time_ns() for key in keys if key not in found}
    if missing:
        cache.set_many(missing, None)
        found.update(missing)
    seen.update({key: found[key] for key in keys})
    if _FAMILIES:
        _learn_family_members(namespaces)
    if first:
        LOCAL.adopt_generation(seen[GENERATION_KEY])
    return {key: found[key] for key in value_keys if key in found}


def _joined(seen: dict, namespaces) -> str:
    return ".".join(str(seen[f"version:{namespace}"]) for namespace in namespaces)


def _learn_family_members(namespaces) -> None:
    for namespace in namespaces:
        prefix = namespace[: namespace.find(":") + 1]
        if prefix in _FAMILIES and _FAMILIES[prefix] < FAMILY_LIMIT and namespace not in _PREFETCHED:
            _PREFETCHED.append(namespace)
            _FAMILIES[prefix] += 1
