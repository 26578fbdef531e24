"""The Python widget renderer (common/form_renderer.py) writes exactly what Django's templates write.

Every page of every role is rendered, and then every POST form on it is sent with its fields set to
nonsense (so fields come back with values, errors and `aria-invalid`). Each widget the fast path
renders is rendered by the templates as well, and the two must be byte-identical.
"""

import pytest
from django.forms.renderers import DjangoTemplates

from common.form_renderer import PortalFormRenderer
from tests.form_walk import client_of, pages_and_posts
from tests.test_access_matrix import ROLES


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
    for _walked in pages_and_posts(client_of(world, role), world, role, nonsense="x<&\"'"):
        pass
    assert comparing.differences == []
    assert comparing.compared > (3 if role == "anonymous" else 20)


def test_the_portal_uses_the_fast_renderer():
    from django.forms.renderers import get_default_renderer

    assert isinstance(get_default_renderer(), PortalFormRenderer)
