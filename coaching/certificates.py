"""The certificate as a PDF: an HTML template rendered by WeasyPrint.

Everything it needs is on this machine: the stylesheet and logo from static/, the DejaVu fonts
through fontconfig (Debian's fonts-dejavu-core). The URL fetcher refuses anything that is not a
local static file, so rendering never reaches the network. WeasyPrint needs Pango and HarfBuzz
(README, .ci/run); without them `CertificateUnavailable` is raised and the page says so.
"""

from pathlib import Path
from urllib.parse import urlsplit
from urllib.request import url2pathname

from django.conf import settings
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from .models import Certificate

STATIC_ROOT = Path(settings.BASE_DIR) / "static"
STYLESHEET = STATIC_ROOT / "css" / "certificate.css"
PROGRAMME_NAME = "Digivaardig in de gemeente"


class CertificateUnavailable(Exception):
    """The PDF cannot be made on this machine (WeasyPrint or its system libraries are missing)."""


def verification_url(certificate: Certificate) -> str:
    """The public address that verifies this certificate (printed on it)."""
    return settings.SITE_URL + reverse("coaching:verify_code", args=[certificate.display_code])


def _static_only_fetcher():
    """WeasyPrint's URL fetcher, restricted to files under static/: no network, no other files."""
    from weasyprint.urls import URLFetcher

    class StaticOnly(URLFetcher):
        def fetch(self, url, headers=None):
            parts = urlsplit(url)
            if parts.scheme != "file":
                raise ValueError(f"Only local static files are used in the certificate, not {url[:80]}")
            path = Path(url2pathname(parts.path)).resolve()
            if not path.is_relative_to(STATIC_ROOT.resolve()):
                raise ValueError("Only files under static/ are used in the certificate")
            return super().fetch(url, headers)

    return StaticOnly(allowed_protocols=["file"])


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
    try:
        from weasyprint import CSS, HTML
    except (ImportError, OSError) as error:  # OSError: Pango or HarfBuzz missing
        raise CertificateUnavailable(str(error)) from error
    fetcher = _static_only_fetcher()
    document = HTML(string=certificate_html(certificate), base_url=STATIC_ROOT.as_uri() + "/", url_fetcher=fetcher)
    return document.write_pdf(stylesheets=[CSS(filename=str(STYLESHEET), url_fetcher=fetcher)])
