import factory
from faker import Faker

from organisations.models import Municipality, Team, User

DEFAULT_PASSWORD = "correct-horse-battery"


class MunicipalityFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Municipality
        django_get_or_create = ["name"]

    name = factory.Sequence(lambda n: f"Gemeente {n}")
    slug = factory.LazyAttribute(lambda m: m.name.lower().replace(" ", "-"))
    learning_platform_url = "https://leren.example.nl/"


class TeamFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Team

    municipality = factory.SubFactory(MunicipalityFactory)
    name = factory.Sequence(lambda n: f"Team {n}")


_fake = Faker("nl_NL")


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"medewerker{n}@gemeente.example.nl")
    first_name = factory.Faker("first_name", locale="nl_NL")
    # Faker writes "van 't Erve" with a straight apostrophe, which HTML escapes to &#x27;: a test that
    # looks for the name in a page would then fail (or a "not in" pass) by chance. The typographic
    # apostrophe is as Dutch and is not escaped, so every test can look for a name as it is written.
    last_name = factory.LazyFunction(lambda: _fake.last_name().replace("'", "’"))
    municipality = factory.SubFactory(MunicipalityFactory)
    team = factory.LazyAttribute(lambda u: TeamFactory(municipality=u.municipality))
    password = factory.PostGenerationMethodCall("set_password", DEFAULT_PASSWORD)

    @factory.post_generation
    def _save_password(obj, create, extracted, **kwargs):
        if create:
            obj.save(update_fields=["password"])
