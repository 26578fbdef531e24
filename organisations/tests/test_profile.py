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
