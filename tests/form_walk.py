"""Every page a role can open, and every POST form on it sent with nonsense: for the checks that
must see forms with values and errors (language, form layout, widget rendering)."""

from django.test import Client
from django.urls import reverse

from common.submissions import FIELD_NAME
from tests.page_text import post_forms
from tests.test_access_matrix import MATRIX, NOT_HTML, OK, build_url

KEPT = (FIELD_NAME, "csrfmiddlewaretoken")


def client_of(world, role) -> Client:
    client = Client()
    if world["users"][role] is not None:
        client.force_login(world["users"][role])
    return client


def pages_and_posts(client, world, role, *, nonsense="x", follow=False):
    """Yields (url name, action, response): each page the access matrix opens for `role` (action
    None), then the answer to each of its POST forms sent with every visible field set to
    `nonsense` (logging in or out excepted, so the walk keeps its session)."""
    skipped = {reverse("logout"), reverse("login")}
    for name, outcomes in MATRIX.items():
        if outcomes[role] != OK or name in NOT_HTML:
            continue
        url = build_url(name, world["own"])
        page = client.get(url)
        if page.status_code != 200:  # an earlier form of this walk removed or changed its object
            continue
        yield name, None, page
        for form in post_forms(page.content.decode()):
            if form["action"] in skipped:
                continue
            data = {key: value if key in KEPT else nonsense for key, value in form["fields"].items()}
            action = form["action"] or url
            yield name, action, client.post(action, data, follow=follow)
