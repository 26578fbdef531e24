"""The Python form layout (common/form_layout.py) gives the elements, attributes and text that
crispy-forms' Bootstrap 5 templates give, on every form of every page.

Every page of every role is rendered, then every POST form on it is sent with its fields set to
nonsense (errors, values, `is-invalid`). Each form laid out in Python is laid out by crispy as well,
and the two element trees must be equal: same tags in the same order, same attributes (class names
as sets), same text (whitespace between elements aside, which crispy's templates vary).
"""

from html.parser import HTMLParser

import pytest
from crispy_forms.templatetags.crispy_forms_filters import as_crispy_field, as_crispy_form

from common import form_layout
from tests.form_walk import client_of, pages_and_posts
from tests.test_access_matrix import ROLES


class _Tree(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tokens = []

    def handle_starttag(self, tag, attrs):
        def value_of(name, value):
            return " ".join(sorted((value or "").split())) if name == "class" else (value or "")

        normalised = sorted((name, value_of(name, value)) for name, value in attrs)
        self.tokens.append(("start", tag, tuple(normalised)))

    def handle_endtag(self, tag):
        self.tokens.append(("end", tag))

    def handle_data(self, data):
        text = " ".join(data.split())
        if text:
            self.tokens.append(("text", text))


def tree(html) -> list:
    parser = _Tree()
    parser.feed(str(html))
    return parser.tokens


@pytest.fixture
def comparing(monkeypatch):
    record = {"compared": 0, "differences": []}
    fast_form, fast_field = form_layout.render_form, form_layout.render_single_field

    def compare(fast, slow, subject):
        if tree(fast) != tree(slow):
            record["differences"].append((subject, str(slow), str(fast)))
        record["compared"] += 1
        return fast

    def real(form):  # an empty form kept in the cache is built for crispy (form_layout.KeptForm)
        return form.built() if isinstance(form, form_layout.KeptForm) else form

    monkeypatch.setattr(
        form_layout, "render_form", lambda form: compare(fast_form(form), as_crispy_form(real(form)), form)
    )
    monkeypatch.setattr(
        form_layout, "render_single_field", lambda field: compare(fast_field(field), as_crispy_field(field), field)
    )
    return record


@pytest.mark.parametrize("role", ROLES)
def test_forms_are_laid_out_as_crispy_lays_them_out(world, comparing, role):
    for _walked in pages_and_posts(client_of(world, role), world, role, nonsense="x<&\"'"):
        pass
    differences = [f"{subject!r}\n  crispy: {old}\n  python: {new}" for subject, old, new in comparing["differences"]]
    assert differences == [], "\n".join(differences[:5])
    assert comparing["compared"] > (1 if role == "anonymous" else 10)
