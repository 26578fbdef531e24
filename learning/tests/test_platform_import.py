"""The learning platform's CSV export: checked whole, matched on e-mail, idempotent on the activity id."""

import datetime
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.urls import reverse
from django.utils import timezone

from common.submissions import new_token
from learning.models import LearningActivity
from learning.platform_import import platform_export_parse
from learning.services import platform_export_import
from organisations.tests.factories import UserFactory

# The examples' dates lie in this campaign (the learning date rule).
pytestmark = pytest.mark.usefixtures("learning_campaign")


@pytest.fixture
def people(municipality):
    return [
        UserFactory(email="anna.bakker@groningen.nl", municipality=municipality),
        UserFactory(email="bram.smit@groningen.nl", municipality=municipality, employee_number="GR-7"),
    ]


GOOD = (
    "\ufeffminutes;date;title;activity_id;email;extra\n"
    "30;2026-03-14;Veilig mailen;LP-1; Anna.Bakker@Groningen.nl ;x\n"
    "45;15-04-2026;Samenwerken in Teams;LP-2;bram.smit@groningen.nl;\n"
    ";2026-05-01T09:30:00Z;Digidonderdagtip;LP-3;bram.smit@groningen.nl;\n"
)


def import_text(text):
    parsed = platform_export_parse(text.encode("utf-8"))
    assert parsed.is_valid, [str(error) for error in parsed.errors]
    return platform_export_import(parsed=parsed)


def test_a_good_file_is_imported_in_any_column_order_with_bom_and_semicolons(people):
    summary = import_text(GOOD)
    assert (summary.created, summary.updated, summary.unchanged) == (3, 0, 0)
    anna = LearningActivity.objects.get(external_id="LP-1")
    assert (anna.employee, anna.date, anna.minutes, anna.source) == (
        people[0],
        datetime.date(2026, 3, 14),
        30,
        "platform_export",
    )
    assert anna.month == datetime.date(2026, 3, 1)
    assert LearningActivity.objects.get(external_id="LP-2").date == datetime.date(2026, 4, 15)
    tip = LearningActivity.objects.get(external_id="LP-3")
    assert (tip.minutes, tip.date) == (None, datetime.date(2026, 5, 1))


def test_a_second_import_changes_nothing_and_a_changed_row_is_updated(people):
    import_text(GOOD)
    again = import_text(GOOD)
    assert (again.created, again.updated, again.unchanged) == (0, 0, 3)
    changed = import_text(GOOD.replace("30;2026-03-14", "35;2026-03-14"))
    assert (changed.created, changed.updated, changed.unchanged) == (0, 1, 2)
    assert LearningActivity.objects.get(external_id="LP-1").minutes == 35
    assert LearningActivity.objects.count() == 3


def test_dutch_column_names_and_commas_are_understood(people):
    summary = import_text("E-mail,Activiteit ID,Titel,Datum,Minuten\nanna.bakker@groningen.nl,A9,Excel,2026-03-02,20\n")
    assert summary.created == 1


def test_every_bad_row_is_reported_by_line_and_nothing_is_written(people):
    future = (timezone.localdate() + datetime.timedelta(days=2)).isoformat()
    text = (
        "email,activity_id,title,date,minutes\n"
        "anna.bakker@groningen.nl,A1,Goed,2026-03-02,20\n"
        "onbekend@groningen.nl,A2,Wie,2026-03-02,20\n"
        f"anna.bakker@groningen.nl,A3,Later,{future},20\n"
        "geen-mail,A4,Fout,2026-03-02,20\n"
        "anna.bakker@groningen.nl,A1,Dubbel,2026-03-02,20\n"
        "anna.bakker@groningen.nl,A6,Datum,32-13-2026,20\n"
        "anna.bakker@groningen.nl,A7,Duur,2026-03-02,veel\n"
        "anna.bakker@groningen.nl,A8,,2026-03-02,20\n"
        "anna.bakker@groningen.nl,A9,Lang,2026-03-02,1441\n"
    )
    parsed = platform_export_parse(text.encode())
    messages = [str(error) for error in parsed.errors]
    assert [error.line for error in parsed.errors] == [3, 4, 5, 6, 7, 8, 9, 10]
    assert "regel 3: geen medewerker met e-mailadres onbekend@groningen.nl." in messages
    assert "in de toekomst" in messages[1] and "geen geldig e-mailadres" in messages[2]
    assert "staat ook op regel 2" in messages[3] and "geen datum" in messages[4]
    assert parsed.rows == []
    with pytest.raises(ValueError):
        platform_export_import(parsed=parsed)
    assert not LearningActivity.objects.exists()


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        (b"", "leeg"),
        (b"email;title\nx@y.nl;z\n", "Kolommen ontbreken: activity_id, date, minutes"),
        (b"email,activity_id,title,date,minutes\n", "geen activiteiten"),
        ("email,activity_id,title,date,minutes\n".encode("utf-16"), "geen UTF-8"),
        (b"email,activity_id\x00", "geen CSV-tekstbestand"),
    ],
)
def test_a_broken_file_gets_one_clear_message(db, raw, message):
    parsed = platform_export_parse(raw)
    assert not parsed.is_valid and message in str(parsed.errors[0])


def test_the_command_imports_and_refuses_a_bad_file(people, tmp_path):
    good = tmp_path / "export.csv"
    good.write_text(GOOD, encoding="utf-8")
    out = io.StringIO()
    call_command("import_learning", str(good), stdout=out)
    assert "3 nieuw" in out.getvalue()
    bad = tmp_path / "kapot.csv"
    bad.write_text("email,activity_id,title,date,minutes\nwie@nergens.nl,Z,Z,2026-03-01,5\n", encoding="utf-8")
    err = io.StringIO()
    with pytest.raises(CommandError, match="Niets opgeslagen"):
        call_command("import_learning", str(bad), stderr=err)
    assert "regel 2" in err.getvalue()
    assert LearningActivity.objects.count() == 3


def test_the_programme_lead_imports_in_the_browser_once_per_form(client, programme_lead, people):
    client.force_login(programme_lead)
    url = reverse("learning:import")
    token = new_token(programme_lead)

    def upload():
        return client.post(url, {"file": SimpleUploadedFile("export.csv", GOOD.encode()), "form_token": token})

    first = upload()
    assert first.status_code == 302
    assert "Import gelukt: 3 nieuw" in client.get(url).content.decode()
    assert upload().status_code == 302
    assert LearningActivity.objects.count() == 3


def test_the_upload_shows_bad_rows_and_refuses_other_files(client, programme_lead, people, settings):
    client.force_login(programme_lead)
    url = reverse("learning:import")
    bad = b"email,activity_id,title,date,minutes\nwie@nergens.nl,Z,Z,2026-03-01,5\n"
    page = client.post(url, {"file": SimpleUploadedFile("export.csv", bad)}).content.decode()
    assert "Er is niets opgeslagen" in page and "regel 2: geen medewerker" in page
    page = client.post(url, {"file": SimpleUploadedFile("export.xlsx", b"PK")}).content.decode()
    assert "Kies een CSV-bestand" in page
    settings.LEARNING_IMPORT_MAX_BYTES = 10
    page = client.post(url, {"file": SimpleUploadedFile("export.csv", GOOD.encode())}).content.decode()
    assert "te groot" in page
    assert not LearningActivity.objects.exists()
