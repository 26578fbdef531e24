"""Django's form widgets, rendered in Python where the output is simple.

Django renders every widget through templates: an <input> is two templates, a <select> one per
option plus one per option's attributes. On the planner's item form (18 fields, 39 channels) that
is about a thousand template renders and most of the page's server time (issue 16). This renderer
writes exactly the same HTML as Django's own templates for the plain input, select and textarea
widgets, in Python, and hands everything else (and any widget with a template of its own) to the
templates. `tests/test_form_renderer.py` renders every form of every page both ways and requires
byte-identical output, so the templates stay the specification.
"""

from django.forms.renderers import DjangoTemplates
from django.utils.formats import localize
from django.utils.html import conditional_escape
from django.utils.safestring import mark_safe

WIDGETS = "django/forms/widgets/"
INPUT_TEMPLATES = {
    WIDGETS + name
    for name in (
        "input.html",
        "text.html",
        "email.html",
        "password.html",
        "number.html",
        "url.html",
        "date.html",
        "datetime.html",
        "time.html",
        "hidden.html",
        "checkbox.html",
        "search.html",
        "tel.html",
        "color.html",
    )
}
SELECT_TEMPLATE = WIDGETS + "select.html"
OPTION_TEMPLATE = WIDGETS + "select_option.html"
TEXTAREA_TEMPLATE = WIDGETS + "textarea.html"


def _text(value) -> str:
    """`{{ value|stringformat:'s' }}`: the value as text, escaped unless already safe."""
    return conditional_escape(value if isinstance(value, str) else str(value))


def _shown(value) -> str:
    """`{{ value }}` in a template: localised, then escaped."""
    return conditional_escape(localize(value))


def render_attrs(attrs) -> str:
    """django/forms/widgets/attrs.html (crispy's bootstrap5/layout/attrs.html is the same)."""
    parts = []
    for name, value in attrs.items():
        if value is False:
            continue
        name = conditional_escape(name)
        parts.append(f" {name}" if value is True else f' {name}="{_text(value)}"')
    return "".join(parts)


def _input(widget) -> str:
    value = "" if widget["value"] is None else f' value="{_text(widget["value"])}"'
    return (
        f'<input type="{_shown(widget["type"])}" name="{_shown(widget["name"])}"{value}{render_attrs(widget["attrs"])}>'
    )


def _select(widget):
    """django/forms/widgets/select.html with select_option.html; None when an option has a template
    of its own (then the templates render it)."""
    parts = [f'<select name="{_shown(widget["name"])}"{render_attrs(widget["attrs"])}>']
    for group_name, group_choices, _group_index in widget["optgroups"]:
        if group_name:
            parts.append(f'\n  <optgroup label="{_shown(group_name)}">')
        for option in group_choices:
            if option["template_name"] != OPTION_TEMPLATE:
                return None
            value, label = _text(option["value"]), _shown(option["label"])
            # The option template ends with a newline, which Django's output keeps.
            parts.append(f'\n  <option value="{value}"{render_attrs(option["attrs"])}>{label}</option>\n')
        if group_name:
            parts.append("\n  </optgroup>")
    parts.append("\n</select>")
    return "".join(parts)


def _textarea(widget) -> str:
    value = _shown(widget["value"]) if widget["value"] else ""
    return f'<textarea name="{_shown(widget["name"])}"{render_attrs(widget["attrs"])}>\n{value}</textarea>'


class PortalFormRenderer(DjangoTemplates):
    """FORM_RENDERER: the simple widgets in Python (identical output), all else through templates."""

    def render(self, template_name, context, request=None):
        # Every value written by _input, _select and _textarea is escaped there: the result is safe.
        widget = context.get("widget") if isinstance(context, dict) else None
        if widget is not None and widget.get("template_name") == template_name:
            if template_name in INPUT_TEMPLATES:
                return mark_safe(_input(widget))  # noqa: S308  # nosec B308, B703
            if template_name == SELECT_TEMPLATE:
                html = _select(widget)
                if html is not None:
                    return mark_safe(html)  # noqa: S308  # nosec B308, B703
            if template_name == TEXTAREA_TEMPLATE:
                return mark_safe(_textarea(widget))  # noqa: S308  # nosec B308, B703
        return super().render(template_name, context, request=request)
