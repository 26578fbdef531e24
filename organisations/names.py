"""Dutch surnames: sorted on the main part, so 'de Graaf' sorts under G (NEN 1772 practice), with
letters compared as the Dutch alphabet files them: 'Çelik' under C, 'Müller' beside 'Mulder'.

The database compares names with the collation DUTCH: on PostgreSQL an ICU collation for nl-NL
(created by a migration), on SQLite the same comparison in Python (registered on every connection by
OrganisationsConfig.ready). Accents and case only break ties.
"""

import functools
import unicodedata

from django.db import models
from django.db.models.functions import Collate, Lower, Substr
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


DUTCH = "dutch"


def dutch_name_order(*fields) -> list:
    """Expressions to order people by `fields` the Dutch way (the collation DUTCH)."""
    return [Collate(models.F(field), DUTCH) for field in fields]


PERSON_ORDER = [*dutch_name_order("surname_sort", "last_name", "first_name"), "pk"]


@functools.lru_cache(maxsize=4096)
def dutch_key(text: str) -> tuple:
    """How DUTCH compares two texts: the letters without accents and case first, then the accents,
    then the case ('Celik' < 'Çelik' < 'Cem')."""
    text = text or ""
    decomposed = unicodedata.normalize("NFKD", text)
    base = "".join(character for character in decomposed if not unicodedata.combining(character))
    base = base.replace("ø", "o").replace("Ø", "O").replace("ł", "l").replace("Ł", "L").replace("æ", "ae")
    return (base.casefold(), decomposed.casefold(), text)


def compare_dutch(left: str, right: str) -> int:
    """The SQLite collation DUTCH (a comparison function: -1, 0 or 1)."""
    a, b = dutch_key(left), dutch_key(right)
    return (a > b) - (a < b)
