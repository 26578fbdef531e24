"""What a person reads on a rendered page, for the language tests (tests/test_i18n.py).

Text nodes and the attributes a browser shows or reads aloud, without scripts, styles, and without
anything inside an element marked `lang="nl"`: quotations from the plan and other Dutch content on
an English page carry that attribute (WCAG 3.1.2, language of parts), so they are not interface text.
"""

import re
from html.parser import HTMLParser

import polib
from django.apps import apps
from django.conf import settings
from django.db import models

READ_ATTRIBUTES = ("aria-label", "placeholder", "alt", "title")
SILENT = {"script", "style", "template"}
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}

# Words that occur in Dutch interface text and never in English sentences (no "of", "in", "met", "over").
_DUTCH_WORD_LIST = """
    aan alle alleen als bij dat deze dit een eerst geen gemeente hebt het hoe jouw kun kunt
    maand maar meer mijn naar niet nieuwe nog ook opslaan terug tot uit van voor waar wat
    wie wij worden wordt zijn zonder bekijken bewerken verwijderen annuleren toevoegen inloggen
    uitloggen wachtwoord medewerker medewerkers teamleider werkoverleg zelfscan ronde herinnering
    herinneringen leeractiviteit leeractiviteiten sessie sessies aanmelden afmelden gepland werkelijk
"""
DUTCH_WORDS = frozenset(_DUTCH_WORD_LIST.split())
# Names that stay as they are in every language.
PROPER_NAMES = ("Digivaardig in de gemeente",)
WORD = re.compile(r"[A-Za-zÀ-ÿ]+")


class _Reader(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack = []  # (tag, silent) per open element
        self.texts = []

    def _silent(self):
        return bool(self.stack) and self.stack[-1][1]

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        silent = self._silent() or tag in SILENT or attributes.get("lang", "").startswith("nl")
        if not silent:
            for name in READ_ATTRIBUTES:
                if attributes.get(name):
                    self.texts.append(attributes[name])
            if tag == "input" and attributes.get("type") in ("submit", "button") and attributes.get("value"):
                self.texts.append(attributes["value"])
        if tag not in VOID:
            self.stack.append((tag, silent))

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag not in VOID:
            self.stack.pop()

    def handle_endtag(self, tag):
        # Close up to the matching open tag (HTML allows omitted end tags such as </p>, </li>).
        for index in range(len(self.stack) - 1, -1, -1):
            if self.stack[index][0] == tag:
                del self.stack[index:]
                return

    def handle_data(self, data):
        if not self._silent() and data.strip():
            self.texts.append(data)


def read_texts(html: str) -> list[str]:
    """The page's readable texts, whitespace collapsed, in document order."""
    reader = _Reader()
    reader.feed(html)
    return [" ".join(text.split()) for text in reader.texts]


def catalogue(language: str = "en") -> dict[str, str]:
    """msgid -> msgstr (singular forms; plural msgid and msgid_plural both) of the portal's catalogue."""
    path = settings.BASE_DIR / "locale" / language / "LC_MESSAGES" / "django.po"
    entries = {}
    for entry in polib.pofile(str(path)):
        if entry.obsolete:
            continue
        if entry.msgid_plural:
            entries[entry.msgid] = entry.msgstr_plural.get(0, "")
            entries[entry.msgid_plural] = entry.msgstr_plural.get(1, "")
        else:
            entries[entry.msgid] = entry.msgstr
    return entries


def content_strings() -> list[str]:
    """Every text stored in the database (names, plan content, titles people typed): content, shown as
    typed in any language. Longest first, so a removal never leaves a fragment of a longer one."""
    found = set()
    for model in apps.get_models():
        fields = [
            field.attname
            for field in model._meta.concrete_fields
            if isinstance(field, (models.CharField, models.TextField, models.JSONField)) and not field.choices
        ]
        if not fields:
            continue
        for values in model._default_manager.values_list(*fields):
            for value in values:
                found.update(_texts_in(value))
    found = {text for text in found if len(text) >= 2}
    # A sentence is also quoted without its full stop ("“…” Herkennen jullie dat?").
    found |= {text.rstrip(".") for text in found if text.endswith(".")}
    return sorted(found | set(PROPER_NAMES), key=len, reverse=True)


def _texts_in(value):
    """The strings in a stored value: a text and its lines, or every string inside JSON."""
    if isinstance(value, str):
        yield " ".join(value.split())
        for line in value.splitlines():
            yield " ".join(line.split())
    elif isinstance(value, dict):
        for item in value.values():
            yield from _texts_in(item)
    elif isinstance(value, (list, tuple)):
        for item in value:
            yield from _texts_in(item)


def without_content(texts: list[str], content: list[str]) -> list[str]:
    """The texts with every stored content string taken out (only those present on the page are tried)."""
    page = "\n".join(texts)
    # Whole words only: a stored "coach" must not cut "digicoach" out of an interface sentence.
    present = [re.compile(rf"(?<!\w){re.escape(value)}(?!\w)") for value in content if value in page]
    cleaned = []
    for text in texts:
        for value in present:
            text = value.sub(" ", text)
        cleaned.append(text)
    return cleaned


def dutch_words(text: str) -> set[str]:
    """The Dutch interface words in a text: written as words are (lower case or capitalised), so a
    code such as a certificate's "PYHB-3HET-GNRC" is not read as "het"."""
    return {
        word.lower()
        for word in WORD.findall(text)
        if (word.islower() or word.istitle()) and word.lower() in DUTCH_WORDS
    }


class _Forms(HTMLParser):
    """The POST forms of a page: action and the values a browser would send as they stand."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.forms = []
        self.select = None

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "form":
            method = (attributes.get("method") or "get").lower()
            self.forms.append({"action": attributes.get("action") or "", "post": method == "post", "fields": {}})
        if not self.forms:
            return
        fields = self.forms[-1]["fields"]
        name = attributes.get("name")
        if tag == "input" and name and attributes.get("type") not in ("checkbox", "radio", "submit", "file"):
            fields[name] = attributes.get("value") or ""
        elif tag in ("textarea", "select") and name:
            fields.setdefault(name, "")


def post_forms(html: str) -> list[dict]:
    """[{"action": str, "fields": {name: value}}] for every POST form on the page."""
    reader = _Forms()
    reader.feed(html)
    return [form for form in reader.forms if form["post"]]
