"""Round 2 keeps, per area, the change against the same person's round 1: figures of improvement
(the dashboards) are then a plain average over the people who did both."""

from selfscan.models import AreaResult
from selfscan.tests.factories import open_campaign_rounds, submitted_response


def test_round_two_results_carry_their_change_against_round_one(employee, municipality, shipped_content):
    baseline, final = open_campaign_rounds(municipalities=[municipality])
    first = submitted_response(employee, baseline, can_do=2)
    second = submitted_response(employee, final, can_do=3)
    before = {result.area.code: result.score for result in AreaResult.objects.filter(response=first)}
    results = list(AreaResult.objects.filter(response=second).select_related("area"))
    assert results and all(result.change == round(result.score - before[result.area.code], 1) for result in results)
    assert all(result.change > 0 for result in results)
    assert not AreaResult.objects.filter(response=first, change__isnull=False).exists()


def test_without_a_round_one_there_is_no_change(employee, municipality, shipped_content):
    _baseline, final = open_campaign_rounds(municipalities=[municipality])
    second = submitted_response(employee, final)
    assert not AreaResult.objects.filter(response=second, change__isnull=False).exists()
