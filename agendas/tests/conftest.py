# The running campaign of the employee's municipality, shared with the learning tests.
from learning.tests.conftest import campaign  # noqa: F401
