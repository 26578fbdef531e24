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
