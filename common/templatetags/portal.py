"""Template tags shared by every page: the one-time form token and the one money format."""

from django import template
from django.utils.html import format_html

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
