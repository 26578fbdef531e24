from django.urls import reverse
from django.utils.html import escape

URL = reverse("organisations:my_profile")


def test_employee_sees_own_data(client, employee):
    client.force_login(employee)
    body = client.get(URL).content.decode()
    assert employee.email in body and escape(employee.get_full_name()) in body


def test_employee_turns_reminders_off(client, employee):
    client.force_login(employee)
    response = client.post(URL, {"language": "nl"})
    assert response.status_code == 302
    employee.refresh_from_db()
    assert employee.receives_reminders is False


def test_bad_language_is_refused_and_changes_nothing(client, employee):
    client.force_login(employee)
    response = client.post(URL, {"language": "xx", "receives_reminders": "on"})
    assert response.status_code == 200
    assert "Controleer het formulier" in response.content.decode()
    employee.refresh_from_db()
    assert employee.language == "nl" and employee.receives_reminders is True


def test_it_requires_login(client):
    response = client.get(URL)
    assert response.status_code == 302 and response.url.startswith(reverse("login"))


def test_saving_unchanged_preferences_leaves_the_cached_figures_be(client, employee):
    # Only a changed reminder switch is counted (opt-out rates): a save that changes nothing, or
    # only the language, must not make every cached page of the municipality count again.
    from django.core.cache import cache

    from organisations.caching import participation_namespace
    from organisations.services import user_update_preferences

    key = f"version:{participation_namespace(employee.municipality_id)}"
    cache.set(key, 1, None)
    user_update_preferences(user=employee, language="nl", receives_reminders=employee.receives_reminders)
    user_update_preferences(user=employee, language="en", receives_reminders=employee.receives_reminders)
    assert cache.get(key) == 1
    employee.refresh_from_db()
    assert employee.language == "en"
    user_update_preferences(user=employee, language="en", receives_reminders=not employee.receives_reminders)
    assert cache.get(key) != 1


def test_the_profile_names_the_team_and_follows_a_rename_in_the_admin_at_once(client, employee, query_count):
    from organisations.caching import organisation_changed

    client.force_login(employee)
    url = reverse("organisations:my_profile")
    page = client.get(url).content.decode()
    assert employee.municipality.name in page and employee.team.name in page
    assert query_count(client, url, at_most=6, cold=False) < query_count(client, url, at_most=6), "kept"
    employee.team.name = "Team Nieuwe Naam"
    employee.team.save()
    organisation_changed()  # as the admin does (organisations.admin.OrganisationChangedMixin)
    assert "Team Nieuwe Naam" in client.get(url).content.decode()
