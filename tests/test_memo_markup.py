"""{% memo_markup %} (common/templatetags/portal.py): a page's frame rendered once per process for each
language and listed value, with the person's own name and a fresh token every time."""

import itertools
import re

import pytest
from django.template import engines
from django.urls import reverse
from django.utils import translation

from common.templatetags.portal import MEMO_MARKUP_LIMIT
from organisations.tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def _template(tag="memo_markup"):
    return engines["django"].from_string(
        "{% load i18n portal %}{% "
        + tag
        + " value %}{% translate 'Uitloggen' %} {{ value }} {{ counter }}{% end"
        + tag
        + " %}"
    )


@pytest.mark.parametrize("tag", ["memo_markup", "memo_fragment"])
def test_markup_is_kept_per_language_and_value_and_rendered_anew_for_new_ones(tag):
    counter = itertools.count(1)
    template = _template(tag)

    def render(value, language="nl"):
        with translation.override(language):
            return template.render({"value": value, "counter": lambda: next(counter)})

    assert render("employee") == "Uitloggen employee 1"
    assert render("employee") == "Uitloggen employee 1", "the same language and value: the kept markup"
    assert render("advisor") == "Uitloggen advisor 2", "another value: rendered for it"
    assert render("employee", "en") == "Log out employee 3", "another language: rendered in it"
    assert render("employee") == "Uitloggen employee 1"


def test_markup_stops_being_kept_past_the_limit_instead_of_growing():
    counter = itertools.count(1)
    template = _template()
    for value in range(MEMO_MARKUP_LIMIT):
        template.render({"value": value, "counter": lambda: next(counter)})
    past_limit = [template.render({"value": "x", "counter": lambda: next(counter)}) for _ in range(2)]
    assert past_limit == [f"Uitloggen x {MEMO_MARKUP_LIMIT + 1}", f"Uitloggen x {MEMO_MARKUP_LIMIT + 2}"]


def test_menu_shows_each_person_their_own_name_and_role_menu(client):
    leader_menu = reverse("core:start_team_leader")
    first, second = UserFactory(first_name="Anna", last_name="Bakker"), UserFactory(first_name="Bram", last_name="Smit")
    client.force_login(first)
    page = client.get(reverse("core:privacy")).content.decode()
    assert "Anna Bakker" in page and leader_menu not in page
    client.force_login(second)
    page = client.get(reverse("core:privacy")).content.decode()
    assert "Bram Smit" in page and "Anna Bakker" not in page
    client.logout()
    page = client.get(reverse("core:privacy")).content.decode()
    assert "Bram Smit" not in page and reverse("logout") not in page, "no menu for someone not logged in"


def test_logout_form_in_the_kept_menu_carries_a_working_token(client):
    client_with_checks = client.__class__(enforce_csrf_checks=True)
    client_with_checks.force_login(UserFactory())
    tokens = []
    for _ in range(2):
        page = client_with_checks.get(reverse("core:privacy")).content.decode()
        tokens.append(re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1))
    assert tokens[0] != tokens[1], "a fresh (masked) token on every page, not the kept one"
    response = client_with_checks.post(reverse("logout"), {"csrfmiddlewaretoken": tokens[1]})
    assert response.status_code == 302
    assert client_with_checks.get(reverse("core:start_employee")).status_code == 302, "logged out"


def test_a_fragment_with_inputs_that_cannot_be_kept_is_rendered_every_time():
    counter = itertools.count(1)
    template = _template("memo_fragment")

    class Unpicklable:
        def __reduce__(self):
            raise TypeError("not picklable")

        def __str__(self):
            return "x"

    unpicklable = Unpicklable()
    assert [template.render({"value": unpicklable, "counter": lambda: next(counter)}) for _ in range(2)] == [
        "Uitloggen x 1",
        "Uitloggen x 2",
    ]
