"""active_months and active_counts: which months people learned in, for many people at once, in one query."""

import datetime

from learning.selectors import IN_LIST_LIMIT, active_counts, active_months
from learning.tests.factories import ActivityFactory
from organisations.models import User
from organisations.tests.factories import UserFactory

MARCH, APRIL, MAY = datetime.date(2026, 3, 1), datetime.date(2026, 4, 1), datetime.date(2026, 5, 1)


def test_a_month_is_active_with_any_activity_in_it(db, django_assert_num_queries):
    anna, bram, chantal = UserFactory.create_batch(3)
    ActivityFactory(employee=anna, date=datetime.date(2026, 3, 31))
    ActivityFactory(employee=anna, date=datetime.date(2026, 3, 2))
    ActivityFactory(employee=anna, date=datetime.date(2026, 5, 1))
    ActivityFactory(employee=bram, date=datetime.date(2026, 4, 15))
    ActivityFactory(employee=chantal, date=datetime.date(2026, 6, 1))  # outside the months asked
    with django_assert_num_queries(1):
        result = active_months(employees=[anna, bram, chantal], months=[MARCH, APRIL, datetime.date(2026, 5, 20)])
    assert result.of(anna.pk) == {MARCH, MAY}
    assert result.of(bram.pk) == {APRIL}
    assert result.of(chantal.pk) == frozenset()
    assert result.is_active(anna.pk, datetime.date(2026, 3, 17)) and not result.is_active(bram.pk, MARCH)
    assert [result.count(month) for month in (MARCH, APRIL, MAY)] == [1, 1, 1]


def test_a_queryset_of_employees_is_one_query_and_leaves_others_out(db, django_assert_num_queries):
    inside, outside = UserFactory(), UserFactory()
    ActivityFactory(employee=inside, date=APRIL)
    ActivityFactory(employee=outside, date=APRIL)
    with django_assert_num_queries(1):
        result = active_months(employees=User.objects.filter(pk=inside.pk), months=[APRIL])
    assert set(result.by_employee) == {inside.pk}


def test_a_long_list_of_ids_is_still_one_query(db, django_assert_num_queries):
    people = UserFactory.create_batch(3)
    for person in people[:2]:
        ActivityFactory(employee=person, date=MAY)
    ids = [person.pk for person in people] + list(range(10**6, 10**6 + IN_LIST_LIMIT))
    with django_assert_num_queries(1):
        result = active_months(employees=ids, months=[MAY])
    assert result.count(MAY) == 2
    stranger = UserFactory()
    ActivityFactory(employee=stranger, date=MAY)
    assert stranger.pk not in active_months(employees=ids, months=[MAY]).by_employee


def test_the_number_of_queries_does_not_grow_with_people_or_months(db, django_assert_num_queries):
    people = UserFactory.create_batch(12)
    for index, person in enumerate(people):
        ActivityFactory(employee=person, date=datetime.date(2026, 1 + index % 12, 10))
    months = [datetime.date(2026, month, 1) for month in range(1, 13)]
    with django_assert_num_queries(1):
        result = active_months(employees=User.objects.all(), months=months)
    assert sum(result.count(month) for month in months) == 12


def test_active_counts_counts_people_not_activities(db, django_assert_num_queries):
    anna, bram = UserFactory.create_batch(2)
    ActivityFactory.create_batch(3, employee=anna, date=APRIL)
    ActivityFactory(employee=bram, date=APRIL)
    with django_assert_num_queries(1):
        counts = active_counts(employees=User.objects.all(), months=[MARCH, APRIL])
    assert counts == {MARCH: 0, APRIL: 2}
    assert active_counts(employees=[anna.pk] + list(range(10**6, 10**6 + IN_LIST_LIMIT)), months=[APRIL]) == {APRIL: 1}


def test_no_months_asked_is_no_query(db, django_assert_num_queries):
    with django_assert_num_queries(0):
        assert active_months(employees=[1, 2], months=[]).by_employee == {}
