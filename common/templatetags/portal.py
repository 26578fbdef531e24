"""Template tags shared by every page: the one-time form token, the one money format and dates."""

from django import template
from django.utils.html import format_html

from common import dates, form_layout
from common.money import format_euro
from common.submissions import FIELD_NAME, new_token

register = template.Library()


@register.simple_tag(takes_context=True)
def form_token(context):
    """A hidden one-time token for a POST form (common.submissions): put it next to {% csrf_token %}."""
    request = context.get("request")
    return format_html('<input type="hidden" name="{}" value="{}">', FIELD_NAME, new_token(request.user))


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
