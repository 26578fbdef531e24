"""Two submits of the same scan at the same moment give one result and no error page."""

import threading

import pytest
from django.db import connection

from conftest import service_unavailable
from selfscan.models import AreaResult, Response
from selfscan.services import response_save_answers, response_start, response_submit
from selfscan.tests.factories import answer_everything, open_campaign_rounds


@pytest.mark.services
@pytest.mark.django_db(transaction=True)
def test_simultaneous_submits_make_one_result(employee, municipality, shipped_content):
    if connection.vendor != "postgresql":
        # Test SQLite is one in-memory connection shared by threads; the race needs real connections.
        service_unavailable("the race needs PostgreSQL (DATABASE_URL)")
    baseline, _ = open_campaign_rounds(municipalities=[municipality])
    response = response_start(scan_round=baseline, employee=employee)
    response_save_answers(response=response, answers=answer_everything(baseline), step=7)
    barrier = threading.Barrier(2)
    outcomes, errors = [], []

    def submit():
        try:
            copy = Response.objects.get(pk=response.pk)
            barrier.wait()
            outcomes.append(response_submit(response=copy))
        except Exception as error:  # noqa: BLE001 - collected and asserted below
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=submit) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert errors == []
    assert sorted(outcomes) == [False, True]
    assert AreaResult.objects.filter(response=response).count() == 7
