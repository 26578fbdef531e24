"""Every named URL of the project, from the resolver, so no page can escape the cross-cutting checks."""

from django.urls import URLPattern, URLResolver, get_resolver

# Django's own admin guards itself (is_staff); its hundreds of model URLs are not ours to list.
EXCLUDED_NAMESPACES = {"admin"}


def _walk(patterns, namespace=None):
    for entry in patterns:
        if isinstance(entry, URLResolver):
            if entry.namespace in EXCLUDED_NAMESPACES:
                continue
            inner = entry.namespace if entry.namespace else namespace
            if namespace and entry.namespace:
                inner = f"{namespace}:{entry.namespace}"
            yield from _walk(entry.url_patterns, inner)
        elif isinstance(entry, URLPattern) and entry.name:
            yield f"{namespace}:{entry.name}" if namespace else entry.name, entry


def project_url_names():
    return dict(_walk(get_resolver().url_patterns))


def url_parameters(pattern):
    return sorted(pattern.pattern.regex.groupindex)
