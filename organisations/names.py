"""Dutch surnames: sorted on the main part, so 'de Graaf' sorts under G (NEN 1772 practice)."""

from django.db import models
from django.db.models.functions import Lower, Substr
from django.db.models.lookups import Exact

# Tussenvoegsels as written before a surname, longest first so 'van der' wins over 'van'.
TUSSENVOEGSELS = (
    "van de la",
    "van der",
    "van den",
    "van het",
    "van 't",
    "in 't",
    "in het",
    "in de",
    "in den",
    "op de",
    "op den",
    "op het",
    "op 't",
    "uit de",
    "uit den",
    "uit het",
    "aan de",
    "aan den",
    "aan het",
    "bij de",
    "onder de",
    "over de",
    "van de",
    "van",
    "ter",
    "ten",
    "te",
    "den",
    "der",
    "de",
    "het",
    "'t",
    "la",
    "le",
    "du",
)


def surname_sort_expression(field: str = "last_name"):
    """A database expression: the surname in lower case without its tussenvoegsel ('de Graaf' -> 'graaf')."""
    # Compares the first letters with '=': in a generated column PostgreSQL cannot pick a collation
    # for the LIKE pattern that (i)startswith builds from a literal.
    lowered = Lower(field)
    whens = [
        models.When(Exact(Substr(lowered, 1, len(prefix) + 1), f"{prefix} "), then=Substr(lowered, len(prefix) + 2))
        for prefix in TUSSENVOEGSELS
    ]
    return models.Case(*whens, default=lowered, output_field=models.CharField(max_length=150))


def surname_sort_key(last_name: str) -> str:
    """The same key in Python, for lists sorted in memory."""
    lowered = last_name.strip().lower()
    for prefix in TUSSENVOEGSELS:
        if lowered.startswith(prefix + " "):
            return lowered[len(prefix) + 1 :]
    return lowered
