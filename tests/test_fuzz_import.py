"""Random and hostile input to the CSV import: never an exception, never a half-written file."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from organisations.employee_import import employee_import_parse
from organisations.models import Team, User
from organisations.services import employees_import

HEADER = "email,first_name,last_name,municipality,team,is_team_leader,employee_number\n"
cell = st.text(alphabet=st.characters(blacklist_categories=["Cs"]), max_size=300)
row = st.lists(cell, min_size=0, max_size=9).map(lambda cells: ",".join(cells))


@pytest.mark.django_db
@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(raw=st.binary(max_size=4000))
def test_random_bytes_never_raise(raw, municipality):
    parsed = employee_import_parse(raw)
    assert parsed.is_valid or parsed.errors


@pytest.mark.django_db
@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(rows=st.lists(row, max_size=20), encoding=st.sampled_from(["utf-8", "utf-8-sig", "latin-1", "utf-16"]))
def test_random_rows_are_all_or_nothing(rows, encoding, municipality):
    users_before, teams_before = User.objects.count(), Team.objects.count()
    try:
        raw = (HEADER + "\n".join(rows)).encode(encoding)
    except UnicodeEncodeError:
        return
    parsed = employee_import_parse(raw)
    if parsed.is_valid:
        summary = employees_import(parsed=parsed)
        assert User.objects.count() == users_before + summary.created
    else:
        assert parsed.rows == []
        assert (User.objects.count(), Team.objects.count()) == (users_before, teams_before)


@pytest.mark.django_db
@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(raw=st.binary(max_size=2000), name=st.text(min_size=1, max_size=80))
def test_upload_page_never_answers_500(raw, name, client, programme_lead):
    client.force_login(programme_lead)
    filename = "".join(ch for ch in name if ch.isprintable() and ch not in '/\\"') or "x"
    response = client.post(
        reverse("organisations:employee_import"), {"file": SimpleUploadedFile(filename + ".csv", raw)}
    )
    assert response.status_code == 200


@pytest.mark.django_db
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(language=cell, reminders=cell)
def test_preferences_form_never_answers_500(language, reminders, client, employee):
    client.force_login(employee)
    response = client.post(reverse("organisations:my_profile"), {"language": language, "receives_reminders": reminders})
    assert response.status_code in (200, 302)
    employee.refresh_from_db()
    assert employee.language in {"nl", "en"}


LEARNING_HEADER = "email,activity_id,title,date,minutes\n"


@pytest.mark.django_db
@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(raw=st.binary(max_size=4000))
def test_random_bytes_never_break_the_learning_import(raw, employee):
    from learning.platform_import import platform_export_parse

    parsed = platform_export_parse(raw)
    assert parsed.is_valid or parsed.errors


@pytest.mark.django_db
@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(rows=st.lists(row, max_size=20), encoding=st.sampled_from(["utf-8", "utf-8-sig", "latin-1"]))
def test_random_learning_rows_are_all_or_nothing(rows, encoding, employee):
    from learning.models import LearningActivity
    from learning.platform_import import platform_export_parse
    from learning.services import platform_export_import

    before = LearningActivity.objects.count()
    try:
        raw = (LEARNING_HEADER + "\n".join([f"{employee.email},A1,Titel,2026-03-02,5", *rows])).encode(encoding)
    except UnicodeEncodeError:
        return
    parsed = platform_export_parse(raw)
    if parsed.is_valid:
        summary = platform_export_import(parsed=parsed)
        assert LearningActivity.objects.count() == before + summary.created
    else:
        assert parsed.rows == [] and LearningActivity.objects.count() == before


@pytest.mark.django_db
@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(raw=st.binary(max_size=2000), name=st.text(min_size=1, max_size=80))
def test_learning_upload_page_never_answers_500(raw, name, client, programme_lead):
    client.force_login(programme_lead)
    filename = "".join(ch for ch in name if ch.isprintable() and ch not in '/\\"') or "x"
    response = client.post(reverse("learning:import"), {"file": SimpleUploadedFile(filename + ".csv", raw)})
    assert response.status_code in (200, 302)
