import datetime

import factory
from django.utils import timezone

from campaigns.tests.factories import CampaignFactory
from coaching import codes
from coaching.models import (
    Ambassador,
    BuddyPair,
    CardText,
    Certificate,
    Coach,
    CoachingSession,
    ComplimentCard,
    InspirationSession,
    PunchCard,
    SignUp,
)
from common.dates import month_start
from organisations.tests.factories import UserFactory


class CoachFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Coach

    user = factory.SubFactory(UserFactory, is_digicoach=True)
    municipality = factory.LazyAttribute(lambda coach: coach.user.municipality)
    capacity = 3
    topics = factory.LazyFunction(lambda: ["teams"])


class BuddyPairFactory(factory.django.DjangoModelFactory):
    """A paired buddy (with the coach's municipality) and its first strippenkaart."""

    class Meta:
        model = BuddyPair
        skip_postgeneration_save = True

    coach = factory.SubFactory(UserFactory, is_digicoach=True)
    employee = factory.LazyAttribute(lambda pair: UserFactory(municipality=pair.coach.municipality))
    municipality = factory.LazyAttribute(lambda pair: pair.employee.municipality)
    status = BuddyPair.Status.PAIRED
    topic = "teams"
    contact = BuddyPair.Contact.TEAMS
    paired_at = factory.LazyFunction(lambda: timezone.now() - datetime.timedelta(days=60))

    @factory.post_generation
    def card(self, create, extracted, **kwargs):
        if create and self.status == BuddyPair.Status.PAIRED and extracted is not False:
            PunchCard.objects.create(pair=self, number=1, strips=kwargs.get("strips", PunchCard.DEFAULT_STRIPS))


class RequestFactory(BuddyPairFactory):
    """An open request (no coach yet)."""

    coach = None
    employee = factory.SubFactory(UserFactory)
    status = BuddyPair.Status.REQUESTED
    paired_at = None


class CoachingSessionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CoachingSession

    card = factory.LazyAttribute(lambda session: BuddyPairFactory().cards.get())
    strip = factory.Sequence(lambda n: n % 5 + 1)
    date = factory.LazyFunction(lambda: timezone.localdate() - datetime.timedelta(days=3))
    topic = "Vergaderen in Teams"
    minutes = 45
    logged_by = factory.LazyAttribute(lambda session: session.card.pair.coach)


class AmbassadorFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Ambassador

    person = factory.SubFactory(UserFactory)
    municipality = factory.LazyAttribute(lambda row: row.person.municipality)
    status = Ambassador.Status.CONFIRMED


class InspirationSessionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = InspirationSession

    title = factory.Sequence(lambda n: f"Inspiratiesessie {n}")
    description = "Tips van collega's."
    starts_at = factory.LazyFunction(lambda: timezone.now() + datetime.timedelta(days=7))
    duration_minutes = 60
    location = "Stadhuis, zaal 2"
    capacity = 10


class SignUpFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = SignUp

    session = factory.SubFactory(InspirationSessionFactory)
    person = factory.SubFactory(UserFactory)
    status = SignUp.Status.SIGNED_UP
    queued_at = factory.LazyFunction(timezone.now)


class ComplimentCardFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ComplimentCard

    sender = factory.SubFactory(UserFactory)
    recipient = factory.LazyAttribute(lambda card: UserFactory(municipality=card.sender.municipality))
    text = CardText.THANKS_HELP
    sent_at = factory.LazyFunction(timezone.now)
    month = factory.LazyAttribute(lambda card: month_start(timezone.localdate(card.sent_at)))
    sender_team = factory.LazyAttribute(lambda card: card.sender.team)
    recipient_team = factory.LazyAttribute(lambda card: card.recipient.team)
    emailed_at = factory.LazyAttribute(lambda card: card.sent_at)


class CertificateFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Certificate

    employee = factory.SubFactory(UserFactory)
    campaign = factory.SubFactory(CampaignFactory)
    code = factory.LazyFunction(codes.new_code)
    full_name = factory.LazyAttribute(lambda certificate: certificate.employee.get_full_name())
    municipality_name = factory.LazyAttribute(lambda certificate: certificate.employee.municipality.name)
    completed_on = factory.LazyFunction(timezone.localdate)
