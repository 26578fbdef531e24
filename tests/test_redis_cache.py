"""The Redis cache backend (common.redis_cache) keeps one client per pool and still behaves as
Django's: values, versions and expiry round-trip through a real Redis."""

import os

from conftest import service_unavailable


def test_one_redis_client_serves_every_call_and_values_round_trip():
    url = os.environ.get("REDIS_URL")
    if not url:
        service_unavailable("REDIS_URL is not set")
    from common.redis_cache import PortalRedisCache

    cache = PortalRedisCache(url, {"KEY_PREFIX": "test-redis-cache"})
    cache.set("answer", {"value": 42}, 30)
    cache.set_many({"a": 1, "b": 2}, 30)
    assert cache.get("answer") == {"value": 42}
    assert cache.get_many(["a", "b", "c"]) == {"a": 1, "b": 2}
    assert cache.incr("a") == 2
    cache.delete_many(["answer", "a", "b"])
    assert cache.get("answer") is None
    client = cache._cache
    assert client.get_client("x") is client.get_client("y") is client.get_client("z", write=True)
