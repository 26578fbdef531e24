"""The page number as a cache key (common.paging.page_key): what the paginator shows for it."""


def test_a_page_number_becomes_the_key_of_the_page_the_paginator_shows():
    from django.core.paginator import Paginator

    from common.paging import page_key

    paginator = Paginator(list(range(120)), 50)  # pages 1, 2, 3
    for typed, key in [
        (None, "1"),
        ("abc", "1"),
        ("1e3", "1"),
        ("2", "2"),
        ("002", "2"),
        ("-1", "last"),
        ("0", "last"),
    ]:
        assert page_key(typed) == key
        expected = paginator.num_pages if key == "last" else int(key)
        assert paginator.get_page(typed).number == expected
    assert page_key("9" * 30) == "last" and paginator.get_page("9" * 30).number == 3
