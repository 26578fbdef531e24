"""System checks of how the portal is deployed (`manage.py check --deploy`)."""

from django.conf import settings
from django.core.checks import Info, Tags, register


@register(Tags.caches, deploy=True)
def shared_cache_check(app_configs=None, **kwargs):
    """The cache's versions (common/cache.py) invalidate what every process keeps; in local memory each
    process has its own, so with more than one server process a change would show in some and not
    in others. Information, not a warning: one process (`make run`) is right with local memory."""
    if settings.DEBUG or settings.CACHE_IS_SHARED:
        return []
    return [
        Info(
            "The cache is local memory: right for one server process only.",
            hint="With more than one process (gunicorn workers, machines) set REDIS_URL (README: Caching).",
            id="core.I001",
        )
    ]
