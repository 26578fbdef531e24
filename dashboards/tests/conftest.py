import pytest

from dashboards.tasks import refresh_figures


@pytest.fixture
def in_process_tasks():
    """Tasks run in the request's process, as with `make run` (no worker): a dashboard recounts its
    figures at once when they changed. The worker's way is tested with a real worker."""
    conf = refresh_figures.app.conf
    before = conf.task_always_eager
    conf.task_always_eager = True
    yield
    conf.task_always_eager = before
