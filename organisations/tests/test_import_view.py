from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from organisations.models import Team, User
from organisations.tests.factories import MunicipalityFactory

URL = reverse("organisations:employee_import")
GOOD = b"email,first_name,last_name,municipality,team\nanna@groningen.nl,Anna,Jansen,Groningen,Burgerzaken\n"


def upload(client, content, name="hr.csv"):
    return client.post(URL, {"file": SimpleUploadedFile(name, content, content_type="text/csv")})


def test_it_requires_programme_lead(client, employee, advisor):
    for user in (employee, advisor):
        client.force_login(user)
        assert client.get(URL).status_code == 403
        assert upload(client, GOOD).status_code == 403
    assert not User.objects.filter(email="anna@groningen.nl").exists()


def test_programme_lead_imports_a_file(client, programme_lead):
    client.force_login(programme_lead)
    response = upload(client, GOOD)
    assert response.status_code == 302  # reloading the result page never imports again
    assert "Import gelukt" in client.get(response.url).content.decode()
    assert User.objects.filter(email="anna@groningen.nl", team__name="Burgerzaken").exists()
    assert "Import gelukt" not in client.get(URL).content.decode()  # shown once


def test_a_new_team_that_looks_like_another_is_asked_about_before_anything_is_saved(client, programme_lead, team):
    client.force_login(programme_lead)
    raw = (
        b"email,first_name,last_name,municipality,team\n"
        b"anna@groningen.nl,Anna,Jansen,Groningen,Burger zaken\n"
        b"bram@groningen.nl,Bram,Visser,Groningen,Wijkteam Noord\n"
        b"cor@groningen.nl,Cor,Dijk,Groningen,Financien\n"
        b"dirk@groningen.nl,Dirk,Dam,Groningen,Financi\xc3\xabn\n"
    )
    page = upload(client, raw).content.decode()
    assert "zijn dit echt nieuwe teams?" in page
    assert "Burger zaken (Groningen) – lijkt op Burgerzaken" in page
    assert "Financien (Groningen) – lijkt op Financiën" in page
    assert "Wijkteam Noord (Groningen) –" not in page
    assert not User.objects.filter(email="anna@groningen.nl").exists()
    assert not Team.objects.filter(name="Burger zaken").exists(), "nothing is created before the answer"
    confirmed = client.post(
        URL, {"file": SimpleUploadedFile("hr.csv", raw, content_type="text/csv"), "confirm_new_teams": "on"}
    )
    body = client.get(confirmed.url).content.decode()
    assert "4 nieuwe teams" in body
    assert Team.objects.filter(name="Burger zaken").exists()


def test_the_confirmation_is_only_asked_when_a_new_team_looks_like_another(client, programme_lead, team):
    client.force_login(programme_lead)
    assert "confirm_new_teams" not in client.get(URL).content.decode()
    raw = b"email,first_name,last_name,municipality,team\nbram@groningen.nl,Bram,Visser,Groningen,Wijkteam Noord\n"
    assert upload(client, raw).status_code == 302


def test_bad_file_shows_every_error_and_saves_nothing(client, programme_lead):
    client.force_login(programme_lead)
    response = upload(
        client,
        b"email,first_name,last_name,municipality,team\nx,Anna,Jansen,Groningen,A\nb@g.nl,B,C,Haren,A\n",
    )
    body = response.content.decode()
    assert response.status_code == 200
    assert "Er is niets opgeslagen: 2 fouten in het bestand" in body
    assert "regel 2: &#x27;x&#x27; is geen geldig e-mailadres." in body
    assert "regel 3: onbekende gemeente" in body
    assert User.objects.count() == 1


def test_too_large_file_is_refused_with_a_message(client, programme_lead, settings):
    settings.IMPORT_MAX_BYTES = 100
    client.force_login(programme_lead)
    response = upload(client, GOOD + b"x" * 200)
    assert "Het bestand is te groot" in response.content.decode()
    assert not User.objects.filter(email="anna@groningen.nl").exists()


def test_non_csv_file_is_refused_with_a_message(client, programme_lead):
    client.force_login(programme_lead)
    response = upload(client, GOOD, name="hr.xlsx")
    assert "Kies een CSV-bestand" in response.content.decode()


def test_garbage_bytes_give_a_message_not_an_error_page(client, programme_lead):
    MunicipalityFactory(name="Assen")
    client.force_login(programme_lead)
    response = upload(client, bytes(range(256)) * 10)
    assert response.status_code == 200
    assert "Er is niets opgeslagen" in response.content.decode()


def test_an_import_shows_at_once_in_the_cached_counts(client, programme_lead, municipality):
    client.force_login(programme_lead)
    pages = [reverse("organisations:municipality_list"), reverse("core:start_programme_lead")]
    before = [client.get(url).context for url in pages]  # now cached
    employees_before = before[1]["employees"]
    counts_before = {m.name: m.employee_count for m in before[0]["municipalities"]}
    upload(client, GOOD)
    after = [client.get(url).context for url in pages]
    assert after[1]["employees"] == employees_before + 1
    assert {m.name: m.employee_count for m in after[0]["municipalities"]}["Groningen"] == counts_before["Groningen"] + 1
