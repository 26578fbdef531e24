import pytest

from coaching.tests.factories import CoachFactory

# The running campaign of the employee's municipality, shared with the learning tests.
from learning.tests.conftest import campaign  # noqa: F401


@pytest.fixture
def coach(digicoach, municipality):
    """The digicoach with their Coach row (capacity 2, Teams and e-mail)."""
    CoachFactory(user=digicoach, municipality=municipality, capacity=2, topics=["teams", "email"])
    return digicoach
