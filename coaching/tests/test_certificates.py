"""The certificate (plan §5.1, "Certificaat uitdelen"): for both zelfscan rounds submitted (one rule),
a PDF made by WeasyPrint from an HTML template without the network, a public verification page that
says name and date only, unguessable codes, and revocation by the programme lead."""

import io
import re

import pytest
from django.urls import reverse
from django.utils import timezone

from coaching import codes, services
from coaching.certificates import CertificateUnavailable, certificate_html, certificate_pdf
from coaching.models import Certificate
from coaching.selectors import certificate_entries, certificate_verify
from coaching.tests.factories import CertificateFactory
from common.submissions import new_token
from conftest import service_unavailable
from organisations.tests.factories import UserFactory
from selfscan.selectors import employees_completed, scan_completions
from selfscan.tests.factories import open_campaign_rounds, submitted_response


@pytest.fixture
def rounds(shipped_content, employee):
    return open_campaign_rounds(municipalities=[employee.municipality], name="Digivaardig 2026")


@pytest.fixture
def finished(rounds, employee):
    baseline, final = rounds
    submitted_response(employee, baseline)
    submitted_response(employee, final, can_do=4)
    return baseline.campaign


def pdf_text(data: bytes) -> str:
    from pypdf import PdfReader

    return " ".join(" ".join((page.extract_text() or "").split()) for page in PdfReader(io.BytesIO(data)).pages)


def render(certificate):
    try:
        return certificate_pdf(certificate)
    except CertificateUnavailable as error:
        service_unavailable(f"WeasyPrint cannot run here: {error}")


def test_the_rule_is_both_rounds_submitted(rounds, employee):
    baseline, final = rounds
    assert scan_completions(employee=employee) == []
    submitted_response(employee, baseline)
    assert scan_completions(employee=employee) == [] and employees_completed(campaign=baseline.campaign) == {}
    draft = final.responses.create(employee=employee)
    assert scan_completions(employee=employee) == [], "a draft of round 2 is not enough"
    draft.delete()
    submitted_response(employee, final)
    [completion] = scan_completions(employee=employee)
    assert completion.campaign == baseline.campaign and completion.completed_on == timezone.localdate()
    assert employees_completed(campaign=baseline.campaign) == {employee.pk: timezone.localdate()}


def test_without_both_rounds_there_is_no_certificate(client, rounds, employee):
    baseline, _final = rounds
    submitted_response(employee, baseline)
    client.force_login(employee)
    page = client.get(reverse("coaching:certificate")).content.decode()
    assert "Doe beide rondes van de zelfscan" in page
    assert client.post(reverse("coaching:certificate_issue", args=[baseline.campaign_id])).status_code == 404
    with pytest.raises(Exception, match="beide rondes"):
        services.certificate_issue(employee=employee, campaign=baseline.campaign)
    assert not Certificate.objects.exists()


def test_a_finished_employee_downloads_the_certificate_once_issued(client, finished, employee):
    client.force_login(employee)
    start = client.get(reverse("core:start_employee")).content.decode()
    assert "Download je certificaat" in start
    token = new_token(employee)
    url = reverse("coaching:certificate_issue", args=[finished.pk])
    first = client.post(url, {"form_token": token})
    second = client.post(url, {"form_token": token})
    client.post(url)
    certificate = Certificate.objects.get()
    assert first.url == second.url == reverse("coaching:certificate_pdf", args=[certificate.pk])
    assert (certificate.full_name, certificate.municipality_name, certificate.completed_on) == (
        employee.get_full_name(),
        employee.municipality.name,
        timezone.localdate(),
    )
    try:
        response = client.get(first.url)
    except CertificateUnavailable as error:  # pragma: no cover - the view answers 503 instead
        service_unavailable(str(error))
    if response.status_code == 503:
        service_unavailable("WeasyPrint's system libraries are missing")
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith('attachment; filename="certificaat-digivaardig-')
    assert response.content.startswith(b"%PDF-")


def test_the_pdf_prints_name_municipality_date_programme_and_a_verification_url(finished, employee, settings):
    settings.SITE_URL = "https://digivaardig.example.nl"
    certificate = services.certificate_issue(employee=employee, campaign=finished)
    text = pdf_text(render(certificate))
    for printed in (
        employee.get_full_name(),
        employee.municipality.name,
        timezone.localdate().strftime("%Y"),
        "Digivaardig in de gemeente",
        "Certificaat",
        certificate.display_code,
        f"https://digivaardig.example.nl/ondersteuning/certificaat/controleren/{certificate.display_code}/",
    ):
        assert printed in text, printed


def test_the_pdf_needs_no_network_and_reads_only_static_files(finished, employee, monkeypatch):
    import socket

    def no_network(*args, **kwargs):
        raise AssertionError("the certificate tried to reach the network")

    monkeypatch.setattr(socket, "create_connection", no_network)
    monkeypatch.setattr(socket.socket, "connect", no_network)
    certificate = services.certificate_issue(employee=employee, campaign=finished)
    certificate.full_name = '<img src="http://example.com/x.png"><link rel="stylesheet" href="file:///etc/passwd">'
    html = certificate_html(certificate)
    assert '<img src="http' not in html and "&lt;img" in html, "the name is escaped in the template"
    from common.pdf import _static_only_fetcher

    try:
        fetcher = _static_only_fetcher()
    except (ImportError, OSError) as error:
        service_unavailable(f"WeasyPrint cannot run here: {error}")
    with pytest.raises(ValueError, match="Only local static files"):
        fetcher.fetch("http://example.com/x.png")
    with pytest.raises(ValueError, match="Only files under static"):
        fetcher.fetch("file:///etc/passwd")
    assert render(certificate).startswith(b"%PDF-")


def test_codes_are_random_long_and_easy_to_type_over():
    generated = {codes.new_code() for _ in range(2000)}
    assert len(generated) == 2000
    assert all(len(code) == codes.CODE_LENGTH == 16 and set(code) <= set(codes.CODE_ALPHABET) for code in generated)
    assert len(codes.CODE_ALPHABET) ** codes.CODE_LENGTH >= 2**80
    code = next(iter(generated))
    typed = "-".join(code[i : i + 4] for i in range(0, 16, 4)).lower().replace("0", "o").replace("1", "l")
    assert codes.normalise(f"  {typed} ") == code
    assert codes.normalise("DV-123") == "" and codes.normalise("U" * 16) == ""


def test_the_code_comes_from_secrets(monkeypatch):
    import secrets

    calls = []
    monkeypatch.setattr(secrets, "choice", lambda alphabet: calls.append(alphabet) or alphabet[0])
    assert codes.new_code() == "0" * 16 and len(calls) == 16


def test_verification_says_name_and_date_only(client, finished, employee):
    certificate = services.certificate_issue(employee=employee, campaign=finished)
    client.logout()
    for response in (
        client.get(reverse("coaching:verify"), {"code": certificate.display_code.lower()}),
        client.get(reverse("coaching:verify_code", args=[certificate.display_code])),
    ):
        page = response.content.decode()
        assert response.status_code == 200 and "Geldig certificaat" in page
        assert employee.get_full_name() in page and timezone.localdate().strftime("%Y") in page
        main = page.split('id="uitkomst-kop"')[1].split("</section>")[0]
        for private in (employee.email, employee.municipality.name, employee.team.name, finished.name):
            assert private not in main
    result = certificate_verify(code=certificate.code)
    assert (result.name, result.completed_on) == (employee.get_full_name(), certificate.completed_on)


def test_an_unknown_or_malformed_code_says_so(client, db):
    CertificateFactory()
    for code in ("0000-0000-0000-0000", "niet-echt", "x" * 5000, "<script>"):
        response = client.get(reverse("coaching:verify"), {"code": code})
        assert response.status_code == 200
        assert "Geldig certificaat" not in response.content.decode()
    page = client.get(reverse("coaching:verify_code", args=["0000-0000-0000-0000"])).content.decode()
    assert "hoort niet bij een certificaat" in page


def test_the_programme_lead_revokes_and_the_page_says_revoked_without_the_name(
    client, programme_lead, finished, employee
):
    certificate = services.certificate_issue(employee=employee, campaign=finished)
    client.force_login(programme_lead)
    page = client.get(reverse("coaching:certificates_manage"), {"q": certificate.display_code}).content.decode()
    assert employee.get_full_name() in page
    url = reverse("coaching:certificate_revoke", args=[certificate.pk])
    assert "Ingetrokken op" not in client.get(url).content.decode()  # the page keeps what it read
    assert "Dit veld is verplicht" in client.post(url, {"reason": " "}).content.decode()
    assert client.post(url, {"reason": "Uitgereikt aan de verkeerde persoon"}).status_code == 302
    assert "verkeerde persoon" in client.get(url).content.decode(), "the revocation shows at once"
    certificate.refresh_from_db()
    assert certificate.is_revoked and certificate.revoked_by == programme_lead
    client.logout()
    page = client.get(reverse("coaching:verify_code", args=[certificate.display_code])).content.decode()
    assert "ingetrokken" in page and employee.get_full_name() not in page
    assert "verkeerde persoon" not in page
    client.force_login(employee)
    assert client.get(reverse("coaching:certificate_pdf", args=[certificate.pk])).status_code == 302
    assert "is ingetrokken" in client.get(reverse("coaching:certificate")).content.decode()
    with pytest.raises(Exception, match="ingetrokken"):
        services.certificate_issue(employee=employee, campaign=finished)


def test_only_the_holder_downloads_and_only_the_lead_revokes(client, finished, employee, team_leader, advisor):
    certificate = services.certificate_issue(employee=employee, campaign=finished)
    for person in (team_leader, advisor):
        client.force_login(person)
        assert client.get(reverse("coaching:certificate_pdf", args=[certificate.pk])).status_code == 404
        assert (
            client.post(reverse("coaching:certificate_revoke", args=[certificate.pk]), {"reason": "x"}).status_code
            == 403
        )
    certificate.refresh_from_db()
    assert not certificate.is_revoked


def test_the_certificate_page_lists_each_finished_campaign(finished, employee, django_assert_max_num_queries):
    with django_assert_max_num_queries(3):
        [entry] = certificate_entries(employee=employee)
    assert entry.campaign == finished and entry.certificate is None
    services.certificate_issue(employee=employee, campaign=finished)
    [entry] = certificate_entries(employee=employee)
    assert re.fullmatch(r"[0-9A-Z]{4}(-[0-9A-Z]{4}){3}", entry.certificate.display_code)


def test_the_certificate_list_does_not_grow_with_more_certificates(client, programme_lead, query_count):
    client.force_login(programme_lead)
    url = reverse("coaching:certificates_manage")
    CertificateFactory()
    small = query_count(client, url, at_most=8)
    for _ in range(10):
        CertificateFactory(employee=UserFactory())
    assert query_count(client, url, at_most=8) == small


def test_a_kept_verification_shows_a_revocation_and_an_erased_person_at_once(
    client, programme_lead, finished, employee
):
    certificate = services.certificate_issue(employee=employee, campaign=finished)
    url = reverse("coaching:verify_code", args=[certificate.display_code])
    assert "Geldig certificaat" in client.get(url).content.decode()
    services.certificate_revoke(certificate=certificate, by=programme_lead, reason="Vergissing")
    assert "ingetrokken" in client.get(url).content.decode()
    employee.delete()  # the person erased, with what was theirs
    assert "hoort niet bij een certificaat" in client.get(url).content.decode()
