"""URL path converters of the portal."""

from django.urls import register_converter


class PrintableConverter:
    """A path segment without control characters: a token or a code a person may type or paste.

    Django's `str` converter takes any character but "/"; a NUL (%00) then reached a PostgreSQL
    lookup, which refuses it with a server error. Such an address now simply matches no page (404).
    """

    regex = r"[^/\x00-\x1f\x7f]+"

    def to_python(self, value: str) -> str:
        return value

    def to_url(self, value: str) -> str:
        return value


register_converter(PrintableConverter, "printable")
