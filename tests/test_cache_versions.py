"""common.cache: a kept value is never older than a change of its namespaces, comes with its versions
in one cache round trip, and a value of older versions is replaced rather than left behind."""

import time

import pytest
from django.core.cache import cache
from django.test import TestCase

from common.cache import changed, kept_key, versioned, versioned_many, versions_of


class Builds:
    """A build function that counts its calls and returns {"built": count}."""

    def __init__(self):
        self.count = 0

    def __call__(self):
        self.count += 1
        return {"built": self.count}


def test_a_value_is_kept_until_one_of_its_namespaces_changes():
    build = Builds()
    assert versioned_many(["a", "b"], ["x"], build, seconds=60) == {"built": 1}
    assert versioned_many(["a", "b"], ["x"], build, seconds=60) == {"built": 1}
    assert versioned_many(["a", "b"], ["y"], build, seconds=60) == {"built": 2}, "other parts: another value"
    changed("b")
    assert versioned_many(["a", "b"], ["x"], build, seconds=60) == {"built": 3}
    assert versioned("a", ["x"], build, seconds=60) == {"built": 4}, "another set of namespaces: another value"


def test_a_lost_version_starts_a_new_one_never_an_old_one():
    build = Builds()
    versioned_many(["a"], ["x"], build, seconds=60)
    before = versions_of(["a"])
    cache.delete("version:a")  # a cache restart, an eviction
    assert versioned_many(["a"], ["x"], build, seconds=60) == {"built": 2}
    assert versions_of(["a"]) != before


def test_versions_and_value_come_in_one_round_trip(cache_round_trips):
    build = Builds()
    versioned_many(["a", "b"], ["x"], build, seconds=60)
    cache_round_trips.clear()
    assert versioned_many(["a", "b"], ["x"], build, seconds=60) == {"built": 1}
    assert cache_round_trips == ["get_many"]


def test_a_value_built_again_replaces_the_old_one():
    # One key per namespaces and parts, whatever the versions: a value of old versions takes no memory.
    build = Builds()
    versioned_many(["a"], ["x"], build, seconds=60)
    key = kept_key(["a"], ["x"])
    for built in range(2, 5):
        changed("a")
        versioned_many(["a"], ["x"], build, seconds=60)
        versions, value, expires_at = cache.get(key)
        assert (versions, value) == (versions_of(["a"]), {"built": built})
        assert time.time() < expires_at <= time.time() + 60


class ChangeInsideATransaction(TestCase):
    def test_a_value_read_before_the_commit_is_not_kept_after_it(self):
        build = Builds()
        with self.captureOnCommitCallbacks(execute=True):
            changed("a")
            versioned_many(["a"], ["x"], build, seconds=60)  # a reader between the write and its commit
        assert versioned_many(["a"], ["x"], build, seconds=60) == {"built": 2}


pytestmark = pytest.mark.django_db
