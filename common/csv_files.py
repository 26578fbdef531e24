"""Reading uploaded CSV files the way Dutch offices write them: UTF-8 with or without BOM (Excel's
"CSV UTF-8"), comma or semicolon, and every problem reported with its line number."""

from dataclasses import dataclass

from django.utils.translation import gettext as _


@dataclass
class RowError:
    """A problem with one line of a file (line 1 is the header)."""

    line: int
    message: str

    def __str__(self):
        return _("regel %(line)s: %(message)s") % {"line": self.line, "message": self.message}


def decode_csv(raw: bytes) -> str:
    """The text of an uploaded CSV file; ValueError with a Dutch explanation when it is not UTF-8 text."""
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ValueError(
            _(
                "Het bestand is geen UTF-8-tekst. Sla het in Excel op als "
                "'CSV UTF-8 (gescheiden door lijstscheidingsteken)' en probeer het opnieuw."
            )
        ) from None
    if "\x00" in text:
        raise ValueError(_("Het bestand is geen CSV-tekstbestand."))
    return text


def delimiter_of(header_line: str) -> str:
    """';' when the header line has more semicolons than commas (Dutch Excel), else ','."""
    return ";" if header_line.count(";") > header_line.count(",") else ","
