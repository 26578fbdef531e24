"""Kept markup belongs to the release that rendered it (common/release.py)."""

import os
from pathlib import Path

from django.conf import settings
from django.core.cache import cache

from common.release import code_digest


def _portal(root: Path) -> Path:
    (root / "app" / "templates").mkdir(parents=True)
    (root / "app" / "templates" / "page.html").write_text("<p>{{ name }}</p>")
    (root / "app" / "forms.py").write_text("FIELDS = ['name']\n")
    (root / ".venv").mkdir()
    (root / ".venv" / "lib.py").write_text("x = 1\n")
    (root / "app" / "tests").mkdir()
    (root / "app" / "tests" / "test_page.py").write_text("def test(): pass\n")
    return root


def test_a_changed_template_or_form_is_another_release(tmp_path):
    root = _portal(tmp_path)
    before = code_digest(root)
    (root / "app" / "templates" / "page.html").write_text("<p>{{ name }}!</p>")
    after_template = code_digest(root)
    (root / "app" / "forms.py").write_text("FIELDS = ['name', 'email']\n")
    after_form = code_digest(root)
    assert len({before, after_template, after_form}) == 3


def test_the_release_depends_on_contents_not_on_dates_or_tests(tmp_path):
    # Two machines with their own checkout (other file dates) must share one cache.
    root = _portal(tmp_path)
    before = code_digest(root)
    os.utime(root / "app" / "forms.py", (1, 1))
    (root / ".venv" / "lib.py").write_text("x = 2\n")
    (root / "app" / "tests" / "test_page.py").write_text("def test(): assert True\n")
    assert code_digest(root) == before


def test_every_cache_key_carries_the_release():
    assert settings.RELEASE
    assert settings.RELEASE in cache.make_key("fragment:abc")


def test_two_installations_on_one_redis_never_share_keys_but_one_installations_processes_do():
    from common.release import database_identity

    production = {"ENGINE": "postgresql", "HOST": "db", "PORT": 5432, "NAME": "digivaardig", "PASSWORD": "a"}
    same_with_other_password = {**production, "PASSWORD": "b"}
    test_instance = {**production, "NAME": "digivaardig_test"}
    assert database_identity(production) == database_identity(same_with_other_password)
    assert database_identity(production) != database_identity(test_instance)
    assert settings.INSTALLATION_ID in cache.make_key("fragment:abc")


def test_each_installation_has_its_own_task_queue():
    from digivaardig.celery import app

    assert app.conf.task_default_queue == f"digivaardig-{settings.INSTALLATION_ID}"


def test_marks_of_work_done_outlive_a_release():
    # A reminder's "sent" mark must reach the worker of the next release, which takes over a batch a
    # deployment stopped halfway; a kept page must not.
    from django.core.cache import caches

    assert settings.RELEASE not in caches["marks"].make_key("reminders:sent:1")
    assert settings.INSTALLATION_ID in caches["marks"].make_key("reminders:sent:1")
