"""The certificate as a PDF: an HTML template rendered by WeasyPrint.

Rendered by common.pdf from local files only (the stylesheet and logo from static/); without
WeasyPrint's libraries `CertificateUnavailable` is raised and the page says so.
"""

from django.conf import settings
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from common.pdf import PdfUnavailable, html_to_pdf

from .models import Certificate

PROGRAMME_NAME = "Digivaardig in de gemeente"


# The certificate's name for common.pdf's error (kept: views and tests catch it by this name).
CertificateUnavailable = PdfUnavailable


def verification_url(certificate: Certificate) -> str:
    """The public address that verifies this certificate (printed on it)."""
    return settings.SITE_URL + reverse("coaching:verify_code", args=[certificate.display_code])


def certificate_html(certificate: Certificate) -> str:
    """The certificate's HTML (also used by the tests to check what is printed)."""
    with translation.override("nl"):
        return render_to_string(
            "coaching/certificate_pdf.html",
            {
                "certificate": certificate,
                "programme": PROGRAMME_NAME,
                "campaign": certificate.campaign,
                "verification_url": verification_url(certificate),
            },
        )


def certificate_pdf(certificate: Certificate) -> bytes:
    """The certificate as PDF bytes. Raises CertificateUnavailable without WeasyPrint's libraries."""
    return html_to_pdf(certificate_html(certificate), stylesheets=["css/certificate.css"])
