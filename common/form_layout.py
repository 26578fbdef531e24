"""Forms laid out as crispy-forms' Bootstrap 5 templates lay them out, written in Python.

`{{ form|crispy }}` renders about five templates per field (wrapper, label, help text, errors,
attributes); on the planner's item form that is most of the page's server time (issue 16). This
module writes the same elements, attributes and text for the default layout (no FormHelper): the
same classes (`mb-3`, `form-label`, `form-select`, `is-invalid`, `invalid-feedback`, …), ids
(`div_id_x`, `id_x_helptext`, `error_1_id_x`) and ARIA attributes, so the portal's CSS, scripts and
accessibility are unchanged. Widgets themselves are rendered by Django (common/form_renderer.py),
after crispy's own class rules. Forms with a FormHelper, and field types not handled here, go to
crispy. `tests/test_form_layout.py` renders every form of every page both ways and compares the
element trees.

An empty form whose view gives it a `render_key` (RenderKey: what its markup depends on) is laid
out once and then read from the cache: the big planner and session forms spend most of their page
time on their fields and the choices behind them.
"""

from dataclasses import dataclass

from crispy_forms.templatetags.crispy_forms_filters import as_crispy_field, as_crispy_form, optgroups
from crispy_forms.templatetags.crispy_forms_utils import remove_spaces
from django import forms
from django.conf import settings
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

from common.cache import versioned_many
from common.form_renderer import render_attrs

ASTERISK = '<span class="asteriskField">*</span>'


def _widget(field, classes: str) -> str:
    """{% crispy_field field 'class' classes %}: the widget's own class name first (crispy's rule,
    with CRISPY_CLASS_CONVERTERS), then the Bootstrap classes, each once."""
    widget = field.field.widget
    widgets = getattr(widget, "widgets", [getattr(widget, "widget", widget)])
    converters = getattr(settings, "CRISPY_CLASS_CONVERTERS", {})
    for each in widgets:
        class_name = each.__class__.__name__.lower()
        class_name = converters.get(class_name, class_name)
        css_class = each.attrs.get("class", "")
        if css_class:
            if css_class.find(class_name) == -1:
                css_class += f" {class_name}"
        else:
            css_class = class_name
        for name in classes.split():
            if name not in css_class.split():
                css_class += f" {name}"
        each.attrs["class"] = css_class
    return str(field)


def _errors_block(field) -> str:
    if not field.errors:
        return ""
    lines = "".join(
        format_html('<p id="error_{}_{}"><strong>{}</strong></p>', number, field.auto_id, error)
        for number, error in enumerate(field.errors, start=1)
    )
    return format_html('<div id="{}_error" class="invalid-feedback">', field.errors.field_id) + lines + "</div>"


def _help_text(field) -> str:
    if not field.help_text:
        return ""
    ident = format_html('id="{}_helptext" ', field.auto_id) if field.auto_id else ""
    # crispy shows help text as written (|safe): it comes from the code, never from a person.
    return f'<div {ident}class="form-text">{field.help_text}</div>'


def _label(field) -> tuple[str, str]:
    """The label (or legend in a fieldset) before the widget, and what closes the fieldset."""
    if not field.label:
        return "", ""
    required = field.field.required
    tag = "legend" if field.use_fieldset else "label"
    for_attribute = format_html(' for="{}"', field.id_for_label) if field.id_for_label else ""
    classes = "form-label" + (" requiredField" if required else "") + (" fs-6" if field.use_fieldset else "")
    text = f"{conditional_escape(field.label)}{ASTERISK if required else ''}"
    label = f'<{tag}{for_attribute} class="{classes}">{text}</{tag}>'
    if not field.use_fieldset:
        return label, ""
    described = format_html(' aria-describedby="{}"', field.aria_describedby) if field.aria_describedby else ""
    return f"<fieldset{described}>{label}", "</fieldset>"


def _choices(field) -> str:
    """bootstrap5/layout/radio_checkbox_select.html (no inline layout): a form-check per option, the
    errors after the last one, then the help text. Options as crispy's own `optgroups` gives them."""
    invalid = " is-invalid" if field.errors else ""
    parts = ["<div >"]
    groups = list(optgroups(field))
    for group_number, (group, options, _index) in enumerate(groups, start=1):
        if group:
            parts.append(format_html("<strong>{}</strong>", group))
        for number, option in enumerate(options, start=1):
            parts.append(
                format_html(
                    '<div class="form-check"><input type="{}" class="form-check-input{}" name="{}" value="{}"',
                    option["type"],
                    invalid,
                    field.html_name,
                    str(option["value"]),
                )
                + render_attrs(option["attrs"])
                + format_html(
                    '><label for="{}" class="form-check-label">{}</label>',
                    option["attrs"].get("id", ""),
                    str(option["label"]),
                )
            )
            if field.errors and number == len(options) and group_number == len(groups):
                parts.append(_errors_block(field))
            parts.append("</div>")
    parts.append("</div>")
    return "".join(parts) + _help_text(field)


def render_field(field) -> str:
    """One field as bootstrap5/field.html lays it out (default context), or None when crispy should."""
    widget = field.field.widget
    if field.is_hidden:
        return str(field)
    if isinstance(widget, (forms.FileInput, forms.MultiWidget)):
        return None
    invalid = " is-invalid" if field.errors else ""
    css = f" {field.css_classes()}" if field.css_classes() else ""
    if isinstance(widget, forms.CheckboxInput):
        required = field.field.required
        return (
            format_html('<div class="mb-3"><div id="div_{}" class="form-check{}">', field.auto_id, css)
            + _widget(field, "form-check-input" + invalid)
            + format_html(
                '<label for="{}" class="form-check-label{}">', field.id_for_label, " requiredField" if required else ""
            )
            + f"{conditional_escape(field.label)}{ASTERISK if required else ''}</label>"
            + _errors_block(field)
            + _help_text(field)
            + "</div></div>"
        )
    label, closing = _label(field)
    if isinstance(widget, (forms.CheckboxSelectMultiple, forms.RadioSelect)):
        return (
            format_html('<div id="div_{}" class="mb-3{}">', field.auto_id, css)
            + label
            + _choices(field)
            + closing
            + "</div>"
        )
    classes = ("form-select" if isinstance(widget, forms.Select) else "form-control") + invalid
    return (
        format_html('<div id="div_{}" class="mb-3{}">', field.auto_id, css)
        + label
        + _widget(field, classes)
        + _errors_block(field)
        + _help_text(field)
        + closing
        + "</div>"
    )


@dataclass(frozen=True)
class RenderKey:
    """Everything an empty (unbound) form's markup depends on besides its class and the language:
    `namespaces`, the common.cache versions that the writes it shows bump (its choices' names,
    say); `parts`, the rest (ids, a plan version, initial values, the scope); `seconds`, how long it
    may be kept at most (a bound for changes no version sees)."""

    namespaces: tuple
    parts: tuple
    seconds: int


class KeptForm:
    """An empty form that is built only when its markup is not in the cache (RenderKey): it stands in
    for the form where a page's template reads an unbound one (not bound, no errors), and `built()`
    makes the real one. Building a ModelForm reads its instance's many-to-many values and its
    choices' scope: on the planner's item form, four of the page's seven queries."""

    is_bound = False

    def __init__(self, form_class, build, render_key: RenderKey):
        self.form_class = form_class
        self._build = build
        self.render_key = render_key
        self._form = None

    @property
    def errors(self):
        return {}

    def non_field_errors(self):
        return []

    def built(self):
        if self._form is None:
            self._form = self._build()
        return self._form


def kept_or_bound(form_class, data, build, render_key: RenderKey):
    """A view's form: `build(data)` when there is data (a POST, or typed values kept over a session
    expiry: common.preserve.submitted_data), with `render_key`; else a KeptForm that builds the empty
    form (`build(None)`) only if its markup is not in the cache."""
    if data is not None:
        form = build(data)
        form.render_key = render_key
        return form
    return KeptForm(form_class, lambda: build(None), render_key)


def render_form(form) -> str:
    """`{{ form|crispy }}` for a form without a FormHelper: the non-field errors, then every field;
    from the cache for an unbound form with a `render_key` (RenderKey), or a KeptForm."""
    key = getattr(form, "render_key", None)
    if key is None or form.is_bound:
        return _render_form(form)
    form_class = getattr(form, "form_class", type(form))
    name = f"{form_class.__module__}.{form_class.__qualname__}"
    html = versioned_many(
        list(key.namespaces),
        ["form", name, *key.parts, get_language()],
        lambda: str(_render_form(form.built() if isinstance(form, KeptForm) else form)),
        seconds=key.seconds,
    )
    return mark_safe(html)  # noqa: S308  # nosec B308, B703  (the markup _render_form made safe)


def _render_form(form) -> str:
    if getattr(form, "helper", None) is not None or isinstance(form, forms.BaseFormSet):
        return as_crispy_form(form)
    parts = []
    if form.non_field_errors():
        items = "".join(format_html("<li>{}</li>", error) for error in form.non_field_errors())
        parts.append(f'<div class="alert alert-block alert-danger"><ul class="m-0">{items}</ul></div>')
    for field in form:
        html = render_field(field)
        parts.append(as_crispy_field(field) if html is None else html)
    # Every part is escaped where it is written (format_html, conditional_escape, Django's widgets).
    return mark_safe(remove_spaces("".join(parts).strip()))  # noqa: S308  # nosec B308, B703


def render_single_field(field) -> str:
    """`{{ field|as_crispy_field }}`."""
    html = render_field(field)
    return as_crispy_field(field) if html is None else mark_safe(html)  # noqa: S308  # nosec B308, B703
