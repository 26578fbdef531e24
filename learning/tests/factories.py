import datetime

import factory
from django.utils import timezone

from learning.models import LearningActivity
from organisations.tests.factories import UserFactory


class ActivityFactory(factory.django.DjangoModelFactory):
    """A self-logged activity (not through the service: tests of other apps need one quickly)."""

    class Meta:
        model = LearningActivity

    employee = factory.SubFactory(UserFactory)
    date = factory.LazyFunction(timezone.localdate)
    month = factory.LazyAttribute(lambda activity: LearningActivity.month_of(activity.date))
    kind = LearningActivity.Kind.E_LEARNING
    title = factory.Sequence(lambda n: f"E-learning {n}")
    minutes = 30
    source = LearningActivity.Source.SELF


def days_ago(days: int) -> datetime.date:
    return timezone.localdate() - datetime.timedelta(days=days)
