"""Pagination when the number of rows is already known (for example from a cache)."""

from django.core.paginator import Paginator
from django.utils.functional import cached_property


class KnownCountPaginator(Paginator):
    """A Paginator that takes the total instead of counting the rows again (a COUNT(*) over tens of
    thousands of rows costs more than the page itself)."""

    def __init__(self, object_list, per_page, *, count: int, **kwargs):
        super().__init__(object_list, per_page, **kwargs)
        self._known_count = count

    @cached_property
    def count(self):
        return self._known_count


# Beyond this a page number is "past the end" for any list the portal shows (50 rows a page).
LAST_PAGE_FROM = 100_000


def page_key(value) -> str:
    """What Paginator.get_page makes of a page number as typed, as a short cache key part: "1" for
    no number or nonsense, the number itself, "last" for one below 1 or past any real end."""
    try:
        number = int(value)
    except (TypeError, ValueError):
        return "1"
    return "last" if number < 1 or number >= LAST_PAGE_FROM else str(number)
