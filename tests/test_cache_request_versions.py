"""common.cache within a request (RequestVersions) and common/local_tier.py: each version is read
from the shared cache once per request, kept values come from this process's copies when they are of
those versions, and still no value is older than a change made by any process."""

import time

import pytest
from django.core.cache import cache

from common.cache import RequestVersions, changed, kept_content, prefetched_namespace, versioned_many
from common.local_tier import LOCAL, MAX_BYTES, MAX_ENTRIES, MAX_ENTRY_BYTES, LocalTier
from tests.test_cache_versions import Builds


@pytest.fixture(autouse=True)
def _shared(settings):
    # What Redis gives (CACHE_IS_SHARED); the round trips are counted on the test's own cache.
    settings.CACHE_IS_SHARED = True


def in_request(read):
    """`read()`'s result, called as a view of one request is."""
    return RequestVersions(lambda request: read())(None)


def test_a_request_reads_its_versions_once_and_kept_values_from_this_process(cache_round_trips):
    build = Builds()

    def page():
        return [
            versioned_many(["a", "b"], ["y"], build, seconds=60),
            versioned_many(["a"], ["x"], build, seconds=60),
            kept_content("content:z", lambda: "markup", seconds=60),
        ]

    assert in_request(page) == [{"built": 1}, {"built": 2}, "markup"]
    cache_round_trips.clear()
    assert in_request(page) == [{"built": 1}, {"built": 2}, "markup"]
    assert cache_round_trips == ["get_many"], "the versions of a, b and the generation, in one round trip"
    assert build.count == 2


def test_a_prefetched_namespace_comes_with_the_first_versions(cache_round_trips):
    prefetched_namespace("test-prefetched")
    build = Builds()

    def page():
        versioned_many(["a"], ["x"], build, seconds=60)
        return versioned_many(["test-prefetched"], ["x"], build, seconds=60)

    in_request(page)
    cache_round_trips.clear()
    in_request(page)
    assert cache_round_trips == ["get_many"]


def test_a_change_by_another_process_shows_on_the_next_request():
    build = Builds()
    assert in_request(lambda: versioned_many(["a"], ["x"], build, seconds=60)) == {"built": 1}
    cache.set("version:a", time.time_ns(), None)  # what changed("a") in another process writes
    assert in_request(lambda: versioned_many(["a"], ["x"], build, seconds=60)) == {"built": 2}


def test_a_value_another_process_built_is_read_from_the_shared_cache():
    build = Builds()
    in_request(lambda: versioned_many(["a"], ["x"], build, seconds=60))
    changed("a")
    assert versioned_many(["a"], ["x"], lambda: "built elsewhere", seconds=60) == "built elsewhere"
    assert in_request(lambda: versioned_many(["a"], ["x"], build, seconds=60)) == "built elsewhere"
    assert build.count == 1


def test_a_change_within_a_request_shows_to_its_own_later_reads():
    build = Builds()

    def write_then_read():
        before = versioned_many(["a"], ["x"], build, seconds=60)
        changed("a")
        return before, versioned_many(["a"], ["x"], build, seconds=60)

    assert in_request(write_then_read) == ({"built": 1}, {"built": 2})


def test_a_flush_of_the_shared_cache_drops_this_processes_copies():
    # After a flush (or a reset database) the same key may name other rows: build again.
    assert in_request(lambda: kept_content("content:campaign-1", lambda: [1, 2], seconds=60)) == [1, 2]
    assert in_request(lambda: kept_content("content:campaign-1", lambda: [3], seconds=60)) == [1, 2]
    cache.clear()
    assert in_request(lambda: kept_content("content:campaign-1", lambda: [3], seconds=60)) == [3]


def test_a_copy_is_not_read_after_the_value_stops_being_true():
    build = Builds()

    def read():
        return versioned_many(["a"], ["x"], build, seconds=60, expires=lambda value: 1)

    assert in_request(read) == {"built": 1}
    assert in_request(read) == {"built": 1}
    time.sleep(1.1)
    assert in_request(read) == {"built": 2}


def test_every_reader_gets_its_own_object():
    in_request(lambda: versioned_many(["a"], ["x"], lambda: {"names": ["Anna"]}, seconds=60))
    first = in_request(lambda: versioned_many(["a"], ["x"], Builds(), seconds=60))
    first["names"].append("changed by a view")
    assert in_request(lambda: versioned_many(["a"], ["x"], Builds(), seconds=60)) == {"names": ["Anna"]}


def test_outside_a_request_every_read_asks_the_shared_cache(cache_round_trips):
    build = Builds()
    versioned_many(["a"], ["x"], build, seconds=60)
    cache_round_trips.clear()
    versioned_many(["a"], ["x"], build, seconds=60)
    versioned_many(["a"], ["x"], build, seconds=60)
    assert cache_round_trips == ["get_many", "get_many"]


def test_the_copies_are_bounded_in_number_and_size():
    tier = LocalTier()
    far = time.time() + 60
    for number in range(MAX_ENTRIES + 10):
        tier.put(f"k{number}", number, expires_at=far)
    assert len(tier) == MAX_ENTRIES
    # The least recently used went first.
    assert tier.holds(f"k{MAX_ENTRIES + 9}") and not tier.holds("k9")
    tier.put("big", "x" * (MAX_ENTRY_BYTES + 1), expires_at=far)
    assert not tier.holds("big"), "one big value would push out hundreds of small ones"
    count = MAX_BYTES // (MAX_ENTRY_BYTES // 2) + 4
    for number in range(count):
        tier.put(f"half{number}", "x" * (MAX_ENTRY_BYTES // 2), expires_at=far)
    assert tier._bytes <= MAX_BYTES
    assert not tier.holds("half0") and tier.holds(f"half{count - 1}")


def test_the_middleware_leaves_no_versions_behind_for_the_next_request():
    build = Builds()
    in_request(lambda: versioned_many(["a"], ["x"], build, seconds=60))
    assert LOCAL.generation is not None
    cache.set("version:a", time.time_ns(), None)
    # Outside a request: the shared cache's versions, not those the last request read.
    assert versioned_many(["a"], ["x"], build, seconds=60) == {"built": 2}


def test_a_family_member_once_read_comes_with_the_first_versions(cache_round_trips):
    from common.cache import prefetched_family

    prefetched_family("test-family")
    build = Builds()

    def page():
        versioned_many(["a"], ["x"], build, seconds=60)
        return versioned_many(["test-family:7"], ["x"], build, seconds=60)

    in_request(page)
    cache_round_trips.clear()
    in_request(page)
    assert cache_round_trips == ["get_many"]


pytestmark = pytest.mark.django_db
