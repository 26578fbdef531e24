"""Cached persona pages, invalidated when an advisor changes a persona's or an audience's texts."""

from django.template.loader import render_to_string
from django.utils.translation import get_language

from common.cache import changed, prefetched_namespace, versioned

NAMESPACE = prefetched_namespace("personas")
PAGE_SECONDS = 30 * 60


def personas_changed() -> None:
    """Invalidate every cached persona page (the services call it after each edit)."""
    changed(NAMESPACE)


def cached_page(request, name: str, parts, template: str, build, *, title=None):
    """The rendered `template` with `build()`'s context, cached per name, key parts and language.

    With `title` (a function of the context) the result is (title, html) instead of html.
    """

    def render():
        context = build()
        html = render_to_string(template, context, request=request)
        return (title(context), html) if title else html

    return versioned(NAMESPACE, [name, *parts, get_language()], render, seconds=PAGE_SECONDS)
