"""The Python widget renderer (common/form_renderer.py) writes exactly what Django's templates write.

Every page of every role is rendered, and then every POST form on it is sent with its fields set to
nonsense (so fields come back with values, errors and `aria-invalid`). Each widget the fast path
renders is rendered by the templates as well, and the two must be byte-identical.
"""

import pytest
from django.forms.renderers import DjangoTemplates
from django.test import Client
from django.urls import reverse

from common.form_renderer import PortalFormRenderer
from common.submissions import FIELD_NAME
from tests.page_text import post_forms
from tests.test_access_matrix import MATRIX, NOT_HTML, OK, ROLES, build_url


class ComparingRenderer(PortalFormRenderer):
    compared = 0
    differences = []

    def render(self, template_name, context, request=None):
        fast = super().render(template_name, context, request=request)
        slow = DjangoTemplates.render(self, template_name, context, request=request)
        if fast != slow:
            ComparingRenderer.differences.append((template_name, str(slow), str(fast)))
        ComparingRenderer.compared += 1
        return fast


@pytest.fixture
def comparing(settings):
    settings.FORM_RENDERER = "tests.test_form_renderer.ComparingRenderer"
    ComparingRenderer.compared, ComparingRenderer.differences = 0, []
    yield ComparingRenderer


@pytest.mark.parametrize("role", ROLES)
def test_fast_widgets_render_what_djangos_templates_render(world, comparing, role):
    client = Client()
    if world["users"][role] is not None:
        client.force_login(world["users"][role])
    for name, outcomes in MATRIX.items():
        if outcomes[role] != OK or name in NOT_HTML:
            continue
        url = build_url(name, world["own"])
        page = client.get(url)
        if page.status_code != 200:
            continue
        for form in post_forms(page.content.decode()):
            if form["action"] in (reverse("logout"), reverse("login")):
                continue
            data = {key: value if key == FIELD_NAME else "x<&\"'" for key, value in form["fields"].items()}
            client.post(form["action"] or url, data)
    assert comparing.differences == []
    assert comparing.compared > (3 if role == "anonymous" else 20)


def test_the_portal_uses_the_fast_renderer():
    from django.forms.renderers import get_default_renderer

    assert isinstance(get_default_renderer(), PortalFormRenderer)
