"""HTML rendered to PDF by WeasyPrint, from local files only.

Everything a document needs is on this machine: its stylesheet and images from static/, the
DejaVu fonts through fontconfig (Debian's fonts-dejavu-core). The URL fetcher refuses anything that
is not a file under static/, so rendering never reaches the network. WeasyPrint needs Pango and
HarfBuzz (README, .ci/run); without them `PdfUnavailable` is raised and the page says so.
"""

from pathlib import Path
from urllib.parse import urlsplit
from urllib.request import url2pathname

from django.conf import settings

STATIC_ROOT = Path(settings.BASE_DIR) / "static"


class PdfUnavailable(Exception):
    """The PDF cannot be made on this machine (WeasyPrint or its system libraries are missing)."""


def _static_only_fetcher():
    """WeasyPrint's URL fetcher, restricted to files under static/: no network, no other files."""
    from weasyprint.urls import URLFetcher

    class StaticOnly(URLFetcher):
        def fetch(self, url, headers=None):
            parts = urlsplit(url)
            if parts.scheme != "file":
                raise ValueError(f"Only local static files are used in a PDF, not {url[:80]}")
            path = Path(url2pathname(parts.path)).resolve()
            if not path.is_relative_to(STATIC_ROOT.resolve()):
                raise ValueError("Only files under static/ are used in a PDF")
            return super().fetch(url, headers)

    return StaticOnly(allowed_protocols=["file"])


def html_to_pdf(html: str, *, stylesheets=()) -> bytes:
    """`html` as PDF bytes; relative links and `stylesheets` (paths under static/, e.g.
    "css/report.css") resolve in static/. Raises PdfUnavailable without WeasyPrint's libraries."""
    try:
        from weasyprint import CSS, HTML
    except (ImportError, OSError) as error:  # OSError: Pango or HarfBuzz missing
        raise PdfUnavailable(str(error)) from error
    fetcher = _static_only_fetcher()
    document = HTML(string=html, base_url=STATIC_ROOT.as_uri() + "/", url_fetcher=fetcher)
    sheets = [CSS(filename=str(STATIC_ROOT / sheet), url_fetcher=fetcher) for sheet in stylesheets]
    return document.write_pdf(stylesheets=sheets)


def pdf_available() -> bool:
    """Whether this machine can make PDFs (WeasyPrint and its system libraries load)."""
    try:
        import weasyprint  # noqa: F401
    except (ImportError, OSError):
        return False
    return True
