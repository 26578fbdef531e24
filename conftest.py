import os

import pytest

from organisations.tests.factories import MunicipalityFactory, TeamFactory, UserFactory

IN_CI = os.environ.get("CI", "").lower() in {"1", "true", "yes"}


def service_unavailable(reason: str):
    """A test needing a missing service is skipped on a developer's machine and fails in CI."""
    if IN_CI:
        pytest.fail(f"CI=true but {reason}")
    pytest.skip(reason)


@pytest.fixture(autouse=True)
def _fast_passwords(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def municipality(db):
    return MunicipalityFactory(name="Groningen")


@pytest.fixture
def other_municipality(db):
    return MunicipalityFactory(name="Assen")


@pytest.fixture
def team(municipality):
    return TeamFactory(municipality=municipality, name="Burgerzaken")


@pytest.fixture
def employee(team):
    return UserFactory(team=team, municipality=team.municipality)


@pytest.fixture
def team_leader(team):
    leader = UserFactory(team=team, municipality=team.municipality)
    team.leaders.add(leader)
    return leader


@pytest.fixture
def advisor(municipality):
    user = UserFactory(municipality=municipality)
    user.advised_municipalities.add(municipality)
    return user


@pytest.fixture
def other_advisor(other_municipality):
    user = UserFactory(municipality=other_municipality)
    user.advised_municipalities.add(other_municipality)
    return user


@pytest.fixture
def digicoach(team):
    return UserFactory(team=team, municipality=team.municipality, is_digicoach=True)


@pytest.fixture
def programme_lead(municipality):
    return UserFactory(municipality=municipality, is_programme_lead=True, is_staff=True, is_superuser=True)
