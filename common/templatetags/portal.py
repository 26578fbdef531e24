"""Template tags shared by every page: the one-time form token, the one money format, dates and the
markup every page repeats (memo_markup)."""

from django import template
from django.utils import translation
from django.utils.html import format_html

from common import dates, form_layout, fragments
from common.money import format_euro
from common.submissions import FIELD_NAME, new_token

register = template.Library()


@register.simple_tag(takes_context=True)
def form_token(context):
    """A hidden one-time token for a POST form (common.submissions): put it next to {% csrf_token %}.
    Inside {% memo_fragment %} a placeholder, filled with a fresh token on every page."""
    value = fragments.FORM_TOKEN_MARKER if context.get(fragments.MARKING) else new_token(context.get("request").user)
    return format_html('<input type="hidden" name="{}" value="{}">', FIELD_NAME, value)


@register.filter
def euro(value):
    """An amount in euros the one way the portal shows money: € 1.250,50."""
    return format_euro(value)


@register.filter
def short_date(value, period=None):
    """'3 mrt' or, where the year is not obvious from `period` ((first, last)), '3 mrt 2027'."""
    return dates.short_date(value, period) if value else ""


@register.filter
def long_date(value, period=None):
    """'3 maart' or, where the year is not obvious from `period`, '3 maart 2027'."""
    return dates.long_date(value, period) if value else ""


@register.filter
def month_label(value, period=None):
    """'mrt' or, where the year is not obvious from `period`, 'mrt 2027' (a month's column heading)."""
    return dates.month_label(value, period) if value else ""


@register.filter
def portal_form(form):
    """`{{ form|crispy }}`, written in Python (common/form_layout.py): same markup, less server time."""
    return form_layout.render_form(form)


@register.filter
def portal_field(field):
    """`{{ field|as_crispy_field }}`, written in Python (common/form_layout.py)."""
    return form_layout.render_single_field(field)


# At most this many renderings are kept per {% memo_markup %} tag: its values are a role set or the
# like, a few of each; a tag given an unbounded value (a mistake) stops keeping instead of growing.
MEMO_MARKUP_LIMIT = 64


class MemoMarkupNode(template.Node):
    """See `memo_markup`. Each node keeps its own renderings: the compiled template, and so the node,
    lives as long as the process (Django's cached template loader)."""

    def __init__(self, nodelist, vary_on):
        self.nodelist = nodelist
        self.vary_on = vary_on
        self.rendered = {}

    def render(self, context):
        key = (translation.get_language(), *(str(value.resolve(context)) for value in self.vary_on))
        markup = self.rendered.get(key)
        if markup is None:
            markup = self.nodelist.render(context)
            if len(self.rendered) < MEMO_MARKUP_LIMIT:
                self.rendered[key] = markup
        return markup


@register.tag
def memo_markup(parser, token):
    """{% memo_markup [value …] %}…{% endmemo_markup %}: markup rendered once per process for each
    active language and combination of the listed values, then repeated as it was.

    Only for markup that depends on nothing but the code (templates, URLs, the translation
    catalogue, static file names: all fixed while a process runs; a deployment starts new ones),
    the active language and the listed values: the menu of a role set, a page's head and footer.
    Never data, a person's name or a token. Every page pays for its frame; rendered again each time
    it was most of what a page without content cost (issue 16)."""
    vary_on = [parser.compile_filter(bit) for bit in token.split_contents()[1:]]
    nodelist = parser.parse(("endmemo_markup",))
    parser.delete_first_token()
    return MemoMarkupNode(nodelist, vary_on)


class MemoFragmentNode(template.Node):
    """See `memo_fragment`."""

    def __init__(self, nodelist, inputs):
        self.nodelist = nodelist
        self.inputs = inputs

    def render(self, context):
        where = f"{self.origin.template_name}:{self.token.lineno}"
        inputs = [value.resolve(context) for value in self.inputs]
        return fragments.render_kept(where, inputs, context, lambda: self.nodelist.render(context))


@register.tag
def memo_fragment(parser, token):
    """{% memo_fragment input … %}…{% endmemo_fragment %}: the markup kept in the cache for these
    inputs (common/fragments.py), with fresh CSRF and form tokens on every page.

    The inputs must be everything the markup shows (the page's data, read before rendering, and any
    value of the person it names); the markup may also depend on the code and the active language.
    A page whose data comes from the cache then skips its rendering too."""
    inputs = [parser.compile_filter(bit) for bit in token.split_contents()[1:]]
    nodelist = parser.parse(("endmemo_fragment",))
    parser.delete_first_token()
    return MemoFragmentNode(nodelist, inputs)
