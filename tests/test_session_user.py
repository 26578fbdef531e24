"""The logged-in person is kept in the cache (organisations.caching.kept_session_user), and every
change of their row, wherever it is written, shows on their next request."""

import pytest
from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from organisations.caching import organisation_changed


@pytest.fixture(autouse=True)
def shared_cache(settings):
    """As with Redis (CI, production): the person is kept. In local memory (make run) it is not."""
    settings.CACHE_IS_SHARED = True


def person_queries(client, url) -> int:
    """How many queries of one GET read the person's row (the session's may come from the cache or
    the database, depending on the session engine)."""
    with CaptureQueriesContext(connection) as context:
        assert client.get(url).status_code == 200
    return sum('FROM "organisations_user" u WHERE u.id' in query["sql"] for query in context.captured_queries)


def test_a_page_reads_the_kept_person_without_a_query(client, employee):
    client.force_login(employee)
    cache.clear()
    assert person_queries(client, reverse("core:privacy")) == 1
    assert person_queries(client, reverse("core:privacy")) == 0


def test_a_changed_password_ends_the_other_sessions_at_once(employee):
    employee.set_password("Een-oud-wachtwoord-42")
    employee.save()
    laptop, phone = Client(), Client()
    for device in (laptop, phone):
        device.force_login(employee)
        assert device.get(reverse("core:privacy")).context["user"].is_authenticated
    changed = laptop.post(
        reverse("password_change"),
        {
            "old_password": "Een-oud-wachtwoord-42",
            "new_password1": "Een-nieuw-wachtwoord-43",
            "new_password2": "Een-nieuw-wachtwoord-43",
        },
    )
    assert changed.status_code == 302
    assert laptop.get(reverse("core:privacy")).context["user"].is_authenticated  # the device that changed it
    assert not phone.get(reverse("core:privacy")).context["user"].is_authenticated  # Django's session hash


def test_a_deactivated_or_new_team_leader_shows_on_the_next_request(client, employee, team):
    client.force_login(employee)
    assert client.get(reverse("core:start_team_leader")).status_code == 403
    team.leaders.add(employee)  # as the admin and the import do it
    assert client.get(reverse("core:start_team_leader")).status_code == 200
    team.leaders.remove(employee)
    assert client.get(reverse("core:start_team_leader")).status_code == 403
    employee.is_active = False  # the admin saves the row
    employee.save()
    assert not client.get(reverse("core:privacy")).context["user"].is_authenticated


def test_a_bulk_update_shows_once_the_organisation_is_told(client, employee):
    client.force_login(employee)
    assert client.get(reverse("core:privacy"))["Content-Language"] == "nl"
    get_user_model().objects.filter(pk=employee.pk).update(language="en")  # bypasses save(): no signal
    organisation_changed()  # what every bulk write calls (the import, the demo seed)
    assert client.get(reverse("core:privacy"))["Content-Language"] == "en"


def test_in_the_demos_own_memory_the_person_is_read_on_every_request(client, employee, settings):
    # make run: a password changed or an account switched off from another shell (another process,
    # another memory) must still apply at once, so the person is not kept there.
    settings.CACHE_IS_SHARED = False
    client.force_login(employee)
    assert [person_queries(client, reverse("core:privacy")) for _ in range(3)] == [1, 1, 1]
    get_user_model().objects.filter(pk=employee.pk).update(is_active=False)  # no signal, no version
    assert not client.get(reverse("core:privacy")).context["user"].is_authenticated


def test_a_role_taken_away_by_a_save_closes_kept_pages_at_once(client, digicoach):
    """QA: another coach's buddy pair, seen as programme lead, stayed open after the flag was
    switched off in a shell, until its kept answer aged out; and a kept 404 outlived a new role."""
    from coaching.tests.factories import BuddyPairFactory

    pair = BuddyPairFactory()  # another coach's buddy
    url = reverse("coaching:pair", args=[pair.pk])
    client.force_login(digicoach)
    assert client.get(url).status_code == 404
    digicoach.is_programme_lead = True
    digicoach.save()
    assert client.get(url).status_code == 200, "a kept 404 does not outlive the new role"
    digicoach.is_programme_lead = False
    digicoach.save()
    assert client.get(url).status_code == 404, "a kept answer does not outlive the role"


def test_a_renamed_person_shows_on_other_peoples_kept_pages_at_once(client, employee, team_leader, team):
    client.force_login(team_leader)
    url = reverse("organisations:team_detail", args=[team.pk])
    assert employee.first_name in client.get(url).content.decode()
    employee.first_name = "Sannie"
    employee.save()
    assert "Sannie" in client.get(url).content.decode()


def test_a_login_or_a_preference_leaves_what_others_see_kept(client, employee):
    from common.cache import versions_of

    before = versions_of(["organisation"])
    client.force_login(employee)  # saves last_login (update_fields=["last_login"]), as a login does
    employee.language = "en"
    employee.save(update_fields=["language"])
    assert versions_of(["organisation"]) == before
