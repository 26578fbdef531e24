"""With a real Celery worker on Redis: a scan submitted after the figures were counted shows on the
dashboard within a minute, counted in the background while the page keeps answering at once."""

import os
import signal

import pytest
from django.db import connection
from django.urls import reverse

from conftest import service_unavailable
from dashboards.models import FigureSnapshot
from organisations.tests.factories import MunicipalityFactory
from reminders.tests.test_worker_killed import start_worker, wait_for
from selfscan.tests.factories import submitted_response

from .factories import running_campaign, scan_result, team_of


@pytest.mark.services
@pytest.mark.django_db(transaction=True)
def test_a_submitted_scan_shows_within_a_minute_counted_by_the_worker(
    client, shipped_content, programme_lead, tmp_path, settings
):
    if connection.vendor != "postgresql" or not settings.REDIS_URL or settings.CELERY_TASK_ALWAYS_EAGER:
        service_unavailable("the worker test needs PostgreSQL (DATABASE_URL) and Redis (REDIS_URL)")
    settings.DASHBOARD_REFRESH_SECONDS = 0
    municipality = MunicipalityFactory()
    campaign, baseline, _final = running_campaign([municipality])
    _team, members = team_of(municipality, 8)
    for person in members[:5]:
        scan_result(person, baseline)
    client.force_login(programme_lead)
    url = reverse("dashboards:programme")

    def respondents():
        # The page's body is cached while its figures are unchanged: then there is no context to read.
        context = client.get(url).context
        return context["focus"].done[1] if context and "focus" in context else None

    assert respondents() == 5  # the first count, at once
    submitted_response(members[5], baseline)
    assert respondents() == 5, "the page answers from the stored figures and queues a recount"
    worker = start_worker(tmp_path)
    try:
        assert wait_for(lambda: respondents() == 6, 60), "the worker never recounted"
    finally:
        os.killpg(worker.pid, signal.SIGTERM)
        worker.wait(timeout=30)
    assert FigureSnapshot.objects.get(campaign=campaign).refresh_claimed_at is None
