import io

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse

from organisations.employee_import import employee_import_parse
from organisations.models import Team, User
from organisations.services import employees_import
from organisations.tests.factories import MunicipalityFactory, TeamFactory, UserFactory

HEADER = "email,first_name,last_name,municipality,team,is_team_leader,employee_number"


@pytest.fixture
def municipalities(db):
    return [MunicipalityFactory(name=name) for name in ("Groningen", "Assen", "Westerkwartier")]


def csv_bytes(*lines, header=HEADER, encoding="utf-8"):
    return ("\n".join([header, *lines]) + "\n").encode(encoding)


def run_import(raw):
    parsed = employee_import_parse(raw)
    summary = employees_import(parsed=parsed) if parsed.is_valid else None
    return parsed, summary


def error_lines(parsed):
    return [(error.line, error.message) for error in parsed.errors]


def test_import_creates_employees_teams_and_leaders(municipalities):
    parsed, summary = run_import(
        csv_bytes(
            "anna.jansen@groningen.nl,Anna,Jansen,Groningen,Burgerzaken,ja,G001",
            "bram.visser@groningen.nl,Bram,Visser,Groningen,Burgerzaken,nee,G002",
            "chantal.smit@assen.nl,Chantal,Smit,assen,Publiekszaken,,A001",
        )
    )
    assert parsed.errors == []
    assert (summary.created, summary.updated, summary.unchanged) == (3, 0, 0)
    assert summary.teams_created == 2 and summary.leaders_added == 1
    anna = User.objects.get(email="anna.jansen@groningen.nl")
    assert anna.team.name == "Burgerzaken" and anna.municipality.name == "Groningen"
    assert anna.employee_number == "G001"
    assert list(anna.team.leaders.all()) == [anna]
    assert not anna.has_usable_password()
    assert User.objects.get(email="chantal.smit@assen.nl").team.municipality.name == "Assen"


def test_import_accepts_semicolons_bom_any_column_order_and_extra_columns(municipalities):
    raw = (
        "\ufeffteam;Extra;last_name;first_name;email;municipality\r\n"
        "Sociaal Domein;negeren;de Vries;Daan;daan@westerkwartier.nl;Westerkwartier\r\n"
    ).encode()
    parsed, summary = run_import(raw)
    assert parsed.errors == []
    assert summary.created == 1
    daan = User.objects.get(email="daan@westerkwartier.nl")
    assert (daan.first_name, daan.last_name, daan.team.name) == ("Daan", "de Vries", "Sociaal Domein")


def test_import_is_idempotent(municipalities):
    raw = csv_bytes(
        "anna@groningen.nl,Anna,Jansen,Groningen,Burgerzaken,ja,G001",
        "bram@groningen.nl,Bram,Visser,Groningen,Financiën,nee,G002",
    )
    run_import(raw)
    before = list(User.objects.order_by("email").values())
    parsed, summary = run_import(raw)
    assert (summary.created, summary.updated, summary.unchanged) == (0, 0, 2)
    assert summary.teams_created == 0 and summary.leaders_added == 0
    assert list(User.objects.order_by("email").values()) == before
    assert Team.objects.count() == 2


def test_import_updates_changed_employees_by_email_case_insensitively(municipalities):
    UserFactory(email="anna@groningen.nl", first_name="Anna", last_name="Oud", municipality=municipalities[0])
    parsed, summary = run_import(csv_bytes("ANNA@groningen.nl,Anna,Nieuw,Groningen,ICT,nee,"))
    assert (summary.created, summary.updated) == (0, 1)
    anna = User.objects.get(email="anna@groningen.nl")
    assert anna.last_name == "Nieuw" and anna.team.name == "ICT"
    assert anna.has_usable_password(), "an import must never reset an existing password"


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("anna@groningen.nl,Anna,Jansen,Haren,Burgerzaken,nee,", "onbekende gemeente 'Haren'"),
        ("geen-email,Anna,Jansen,Groningen,Burgerzaken,nee,", "'geen-email' is geen geldig e-mailadres"),
        ("anna@groningen.nl,,Jansen,Groningen,Burgerzaken,nee,", "voornaam ontbreekt"),
        ("anna@groningen.nl,Anna,,Groningen,Burgerzaken,nee,", "achternaam ontbreekt"),
        ("anna@groningen.nl,Anna,Jansen,Groningen,,nee,", "team ontbreekt"),
        ("anna@groningen.nl,Anna,Jansen,Groningen,Burgerzaken,misschien,", "teamleider moet 'ja' of 'nee' zijn"),
        ("anna@groningen.nl," + "A" * 101 + ",Jansen,Groningen,Burgerzaken,nee,", "voornaam is langer dan 100"),
    ],
)
def test_import_rejects_a_bad_row_with_its_line_number(municipalities, line, expected):
    parsed, summary = run_import(csv_bytes("good@groningen.nl,Goed,Mens,Groningen,Burgerzaken,nee,", line))
    assert summary is None
    assert len(parsed.errors) == 1
    assert parsed.errors[0].line == 3
    assert expected in parsed.errors[0].message
    assert not User.objects.exists(), "nothing may be written when any row is bad"
    assert not Team.objects.exists()


def test_import_rejects_duplicate_email_and_employee_number_in_file(municipalities):
    parsed, _ = run_import(
        csv_bytes(
            "anna@groningen.nl,Anna,Jansen,Groningen,Burgerzaken,nee,G1",
            "anna@groningen.nl,Anna,Jansen,Groningen,Burgerzaken,nee,G2",
            "bram@groningen.nl,Bram,Visser,Groningen,Burgerzaken,nee,G1",
        )
    )
    assert error_lines(parsed) == [
        (3, "e-mailadres anna@groningen.nl staat ook op regel 2."),
        (4, "personeelsnummer G1 staat ook op regel 2."),
    ]
    assert not User.objects.exists()


def test_import_rejects_employee_number_of_another_person(municipalities):
    UserFactory(email="owner@groningen.nl", employee_number="G7", municipality=municipalities[0])
    parsed, _ = run_import(csv_bytes("anna@groningen.nl,Anna,Jansen,Groningen,Burgerzaken,nee,G7"))
    assert error_lines(parsed) == [(2, "personeelsnummer G7 hoort al bij owner@groningen.nl.")]
    assert User.objects.count() == 1


def test_import_reports_every_bad_row_not_only_the_first(municipalities):
    parsed, _ = run_import(
        csv_bytes(
            "x,Anna,Jansen,Groningen,Burgerzaken,nee,",
            "ok@groningen.nl,Ok,Mens,Groningen,Burgerzaken,nee,",
            "bram@groningen.nl,Bram,Visser,Haren,Burgerzaken,nee,",
        )
    )
    assert [line for line, _ in error_lines(parsed)] == [2, 4]


def test_import_rejects_missing_columns(municipalities):
    parsed, _ = run_import(csv_bytes("anna@groningen.nl,Anna", header="email,first_name"))
    assert error_lines(parsed) == [(1, "Kolommen ontbreken: achternaam, gemeente, team.")]


def test_import_rejects_a_file_that_is_not_utf8(municipalities):
    raw = csv_bytes("zoë@groningen.nl,Zoë,Jansen,Groningen,Burgerzaken,nee,", encoding="utf-16")
    parsed, _ = run_import(raw)
    assert len(parsed.errors) == 1 and "UTF-8" in parsed.errors[0].message


def test_import_rejects_empty_and_header_only_files(municipalities):
    assert "leeg" in employee_import_parse(b"").errors[0].message
    assert "geen medewerkers" in employee_import_parse(csv_bytes()).errors[0].message


def test_import_rejects_binary_content(municipalities):
    parsed = employee_import_parse(b"PK\x03\x04\x00\x00binary")
    assert parsed.errors and not parsed.is_valid


def test_import_refuses_to_write_an_invalid_parse(municipalities):
    parsed = employee_import_parse(b"")
    with pytest.raises(ValueError):
        employees_import(parsed=parsed)


def test_import_keeps_existing_leaders_when_a_row_says_nee(municipalities):
    team = TeamFactory(municipality=municipalities[0], name="Burgerzaken")
    leader = UserFactory(email="leider@groningen.nl", municipality=municipalities[0], team=team)
    team.leaders.add(leader)
    run_import(csv_bytes("leider@groningen.nl,Lea,Leider,Groningen,Burgerzaken,nee,"))
    assert list(team.leaders.all()) == [leader]


def test_import_command_reports_errors_and_exits_non_zero(municipalities, tmp_path):
    path = tmp_path / "hr.csv"
    path.write_bytes(csv_bytes("anna@groningen.nl,Anna,Jansen,Haren,Burgerzaken,nee,"))
    stderr = io.StringIO()
    with pytest.raises(CommandError, match="Niets opgeslagen: 1 fout"):
        call_command("import_employees", str(path), stderr=stderr)
    assert "regel 2: onbekende gemeente 'Haren'" in stderr.getvalue()
    assert not User.objects.exists()


def test_import_command_imports_a_good_file(municipalities, tmp_path):
    path = tmp_path / "hr.csv"
    path.write_bytes(csv_bytes("anna@groningen.nl,Anna,Jansen,Groningen,Burgerzaken,ja,G1"))
    stdout = io.StringIO()
    call_command("import_employees", str(path), stdout=stdout)
    assert "1 nieuw" in stdout.getvalue()
    assert User.objects.filter(email="anna@groningen.nl").exists()


def test_import_command_rejects_a_missing_file(db, tmp_path):
    with pytest.raises(CommandError, match="niet gevonden"):
        call_command("import_employees", str(tmp_path / "nope.csv"))


def test_a_team_in_other_case_or_spacing_is_the_existing_team(municipalities):
    """Fault report: team 'burgerzaken' in Groningen made a second team next to 'Burgerzaken'."""
    existing = TeamFactory(municipality=municipalities[0], name="Burgerzaken")
    parsed, summary = run_import(
        csv_bytes(
            "anna@groningen.nl,Anna,Jansen,groningen ,burgerzaken,,",
            "bram@groningen.nl,Bram,Visser,GRONINGEN,  Burger zaken ,,",
            "chantal@groningen.nl,Chantal,Smit,Groningen,BURGERZAKEN,,",
            "daan@groningen.nl,Daan,de Vries,Groningen,wijkteam  noord,,",
            "eva@groningen.nl,Eva,Bos,Groningen,Wijkteam Noord,,",
        )
    )
    assert parsed.errors == []
    assert User.objects.get(email="anna@groningen.nl").team == existing
    assert User.objects.get(email="chantal@groningen.nl").team == existing
    # 'Burger zaken' differs by a letter-space, not only case: it is new, and named in the summary.
    assert [str(team) for team in summary.new_teams] == ["Burger zaken (Groningen)", "wijkteam noord (Groningen)"]
    assert summary.new_teams[0].similar == ["Burgerzaken"]
    assert Team.objects.filter(municipality=municipalities[0], name__iexact="wijkteam noord").count() == 1


def test_the_header_is_validated_whole_on_line_one(municipalities):
    """Fault report: a file with two `email` columns imported the first one silently."""
    doubled = "email,first_name,last_name,municipality,team,email"
    parsed, _ = run_import(csv_bytes("a@g.nl,A,B,Groningen,T,b@g.nl", header=doubled))
    assert error_lines(parsed) == [(1, "De kolom email staat er meer dan één keer in; laat er één over in Excel.")]
    parsed, _ = run_import(
        csv_bytes("a@g.nl,A,B,Groningen,T,x", header="email,first_name,last_name,municipality,team,")
    )
    assert error_lines(parsed)[0][0] == 1 and "Kolom 6 heeft geen naam" in error_lines(parsed)[0][1]
    assert User.objects.count() == 0


@pytest.mark.parametrize(
    "number, hint",
    [
        ("1,23E+05", "door Excel als getal opgeslagen"),
        ("GR 0001", "zonder spaties"),
        ("GR_0001", "letters, cijfers, streepjes en punten"),
        ("=1+1", "letters, cijfers, streepjes en punten"),
    ],
)
def test_an_employee_number_as_hr_systems_write_it_or_a_hint(municipalities, number, hint):
    parsed, _ = run_import(csv_bytes(f'anna@groningen.nl,Anna,Jansen,Groningen,T,,"{number}"'))
    assert len(parsed.errors) == 1 and parsed.errors[0].line == 2 and hint in parsed.errors[0].message


@pytest.mark.parametrize("number", ["GR-000123", "A.12.3", "12345", "wk-7"])
def test_employee_numbers_with_letters_digits_dashes_and_dots_are_accepted(municipalities, number):
    parsed, _ = run_import(csv_bytes(f"anna@groningen.nl,Anna,Jansen,Groningen,T,,{number}"))
    assert parsed.errors == []


@pytest.mark.parametrize("first, last", [("Jan3", "Jansen"), ("Anna", "=HYPERLINK(1)"), ("Anna", "12"), ("-", "B")])
def test_names_that_are_no_names_are_refused_with_the_line(municipalities, first, last):
    parsed, _ = run_import(csv_bytes(f"anna@groningen.nl,{first},{last},Groningen,T,,"))
    assert parsed.errors and parsed.errors[0].line == 2 and "geen naam" in parsed.errors[0].message


@pytest.mark.parametrize("first, last", [("Anne-Marie", "van 't Hof"), ("J.P.", "d'Ancona"), ("Zoë", "Ölçer-Bakker")])
def test_real_names_are_accepted(municipalities, first, last):
    parsed, _ = run_import(csv_bytes(f"anna@groningen.nl,{first},{last},Groningen,T,,"))
    assert parsed.errors == []


def test_dutch_column_names_are_read_like_the_english_ones(municipalities):
    parsed, _ = run_import(
        csv_bytes(
            "anna@groningen.nl;Anna;Jansen;Groningen;Burgerzaken;ja;GR-1",
            header="E-mail;Voornaam;Achternaam;Gemeente;Team;Teamleider;Personeelsnummer",
        )
    )
    assert parsed.is_valid, parsed.errors
    (row,) = parsed.rows
    assert (row.email, row.first_name, row.is_team_leader, row.employee_number) == (
        "anna@groningen.nl",
        "Anna",
        True,
        "GR-1",
    )


def test_an_import_shows_at_once_on_the_cached_team_pages(client, municipalities):
    # The team page and the team leader's teams are kept in the cache until the organisation
    # changes: an import (as the admin) says so, and the next request shows the new people.
    run_import(
        csv_bytes(
            "anna.jansen@groningen.nl,Anna,Jansen,Groningen,Burgerzaken,ja,G001",
            "bram.visser@groningen.nl,Bram,Visser,Groningen,Burgerzaken,nee,G002",
        )
    )
    leader = User.objects.get(email="anna.jansen@groningen.nl")
    team = Team.objects.get(name="Burgerzaken")
    client.force_login(leader)
    page = client.get(reverse("organisations:team_detail", args=[team.pk])).content.decode()
    assert "Bram Visser" in page and "Chris de Vries" not in page
    assert "2 teamleden" in page
    run_import(csv_bytes("chris@groningen.nl,Chris,de Vries,Groningen,Burgerzaken,nee,G003"))
    page = client.get(reverse("organisations:team_detail", args=[team.pk])).content.decode()
    assert "Chris de Vries" in page and "3 teamleden" in page
    start = client.get(reverse("core:start_team_leader")).content.decode()
    assert "Burgerzaken" in start and "Publiekszaken" not in start
    run_import(csv_bytes("anna.jansen@groningen.nl,Anna,Jansen,Groningen,Publiekszaken,ja,G001"))
    assert "Publiekszaken" in client.get(reverse("core:start_team_leader")).content.decode()
