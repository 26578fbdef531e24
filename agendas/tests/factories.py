import factory
from django.utils import timezone

from agendas.models import TeamMeeting
from organisations.tests.factories import TeamFactory


class MeetingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = TeamMeeting

    team = factory.SubFactory(TeamFactory)
    date = factory.LazyFunction(timezone.localdate)
    digivaardig_on_agenda = True
    topic = factory.Sequence(lambda n: f"Digidonderdagtip {n}")
