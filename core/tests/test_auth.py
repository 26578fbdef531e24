import re

from django.core import mail
from django.urls import reverse

from organisations.tests.factories import DEFAULT_PASSWORD


def test_employee_logs_in_with_email_and_password(client, employee):
    response = client.post(reverse("login"), {"username": employee.email, "password": DEFAULT_PASSWORD})
    assert response.status_code == 302
    assert client.get(reverse("core:home")).status_code == 302


def test_login_is_case_insensitive_for_the_email(client, employee):
    response = client.post(reverse("login"), {"username": employee.email.upper(), "password": DEFAULT_PASSWORD})
    assert response.status_code == 302


def test_wrong_password_gets_a_dutch_message(client, employee):
    response = client.post(reverse("login"), {"username": employee.email, "password": "fout-wachtwoord"})
    assert response.status_code == 200
    assert "Dit e-mailadres en wachtwoord horen niet bij elkaar" in response.content.decode()


def test_pages_require_login(client, db):
    response = client.get(reverse("core:start_employee"))
    assert response.status_code == 302 and response.url.startswith(reverse("login"))


def test_logout_ends_the_session(client, employee):
    client.force_login(employee)
    client.post(reverse("logout"))
    assert client.get(reverse("core:start_employee")).status_code == 302


def test_imported_employee_sets_a_first_password_by_email(client, employee):
    employee.set_unusable_password()
    employee.save()
    client.post(reverse("password_reset"), {"email": employee.email})
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.subject == "Stel je wachtwoord in voor het Digivaardig portaal"
    assert f"Hallo {employee.first_name}" in message.body
    link = re.search(r"https?://[^/]+(/account/wachtwoord-herstellen/\S+)", message.body).group(1)
    form_url = client.get(link).url
    new_password = "een lange zin als wachtwoord"
    response = client.post(form_url, {"new_password1": new_password, "new_password2": new_password})
    assert response.status_code == 302
    employee.refresh_from_db()
    assert employee.check_password(new_password)


def test_short_password_is_refused(client, employee):
    client.force_login(employee)
    response = client.post(
        reverse("password_change"),
        {"old_password": DEFAULT_PASSWORD, "new_password1": "kort1234!", "new_password2": "kort1234!"},
    )
    assert response.status_code == 200
    employee.refresh_from_db()
    assert employee.check_password(DEFAULT_PASSWORD)


def test_unknown_email_gets_the_same_answer_and_no_mail(client, db):
    response = client.post(reverse("password_reset"), {"email": "onbekend@example.nl"})
    assert response.status_code == 302
    assert mail.outbox == []
