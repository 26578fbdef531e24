"""Questionnaire version 2 arrives through the existing versioning: answered rounds keep version 1 and
their results; rounds nobody started move to version 2; the change between rounds is only computed
across the areas both versions share."""

import importlib

import pytest
from django.apps import apps
from django.urls import reverse

from organisations.tests.factories import UserFactory
from selfscan.models import AreaResult, Questionnaire, Response, Round
from selfscan.services import response_save_answers, response_start
from selfscan.tests.factories import answer_everything, open_campaign_rounds, submitted_response

VERSION_2 = importlib.import_module("selfscan.migrations.0004_questionnaire_v2")


def on_version_1(*rounds):
    """Put rounds back on version 1, as they were before the upgrade."""
    v1 = Questionnaire.objects.get(version=1)
    Round.objects.filter(pk__in=[r.pk for r in rounds]).update(questionnaire=v1)
    for scan_round in rounds:
        scan_round.refresh_from_db()


@pytest.fixture
def upgraded_campaign(employee, municipality, team, other_municipality):
    """A running campaign from before the upgrade: round 1 answered on version 1, round 2 not started;
    and a second campaign (of another municipality: one campaign at a time) whose round 1 has only a
    draft."""
    baseline, final = open_campaign_rounds(municipalities=[municipality])
    on_version_1(baseline, final)
    submitted_response(employee, baseline, can_do=2, knowledge_right=False)
    other_baseline, other_final = open_campaign_rounds(municipalities=[other_municipality], name="Andere campagne")
    on_version_1(other_baseline, other_final)
    colleague = UserFactory(municipality=other_municipality)
    draft = response_start(scan_round=other_baseline, employee=colleague)
    response_save_answers(response=draft, answers=dict(list(answer_everything(other_baseline).items())[:3]), step=1)
    VERSION_2.load(apps, None)
    for scan_round in (baseline, final, other_baseline, other_final):
        scan_round.refresh_from_db()
    return baseline, final, other_baseline, other_final


def test_the_upgrade_moves_only_rounds_nobody_has_started(upgraded_campaign):
    baseline, final, other_baseline, other_final = upgraded_campaign
    versions = [r.questionnaire.version for r in (baseline, final, other_baseline, other_final)]
    assert versions == [1, 2, 1, 2], "answered and drafted rounds keep version 1; the others move"


def test_the_upgrade_is_idempotent_and_keeps_stored_results(upgraded_campaign):
    baseline = upgraded_campaign[0]
    before = list(AreaResult.objects.filter(response__round=baseline).values_list("area__code", "score", "level"))
    VERSION_2.load(apps, None)
    assert Questionnaire.objects.filter(version=2).count() == 1
    after = list(AreaResult.objects.filter(response__round=baseline).values_list("area__code", "score", "level"))
    assert after == before and len(before) == 6


def test_round_two_on_the_new_version_shows_change_only_for_shared_areas(client, employee, upgraded_campaign):
    baseline, final, _other, _other_final = upgraded_campaign
    submitted_response(employee, final, can_do=3, knowledge_right=True)
    client.force_login(employee)
    body = client.get(reverse("selfscan:result", args=[final.pk])).content.decode()
    # Version 1 round 1: "met hulp" (33.3) less a quarter for its wrong knowledge answer = 25.0; now 66.7.
    assert body.count('<td class="text-end">+42</td>') == 6
    assert '<td class="text-end">nieuw</td>' in body
    assert "Nieuw in deze ronde: Documenten en presentaties maken." in body
    assert "De zelfscan is sinds ronde 1 vernieuwd" in body
    assert "Ten opzichte van ronde 1: +42 punten." in body, "the new area's score does not count in the change"
    assert "gemiddelde verschil over de onderdelen die in beide rondes voorkwamen" in body


def test_a_version_1_result_keeps_its_own_level_bands(client, employee, upgraded_campaign):
    baseline = upgraded_campaign[0]
    client.force_login(employee)
    body = client.get(reverse("selfscan:result", args=[baseline.pk])).content.decode()
    assert "Basis (40–59)" in body and "Gevorderd (60–79)" in body
    final = upgraded_campaign[1]
    submitted_response(employee, final)
    body = client.get(reverse("selfscan:result", args=[final.pk])).content.decode()
    assert "Start (onder 30), Basis (30–47), Gevorderd (48–80), Expert (81 en hoger)" in body


def test_taking_the_upgrade_back_returns_unstarted_rounds_and_refuses_once_answered(employee, municipality):
    baseline, final = open_campaign_rounds(municipalities=[municipality])
    VERSION_2.unload(apps, None)
    baseline.refresh_from_db()
    assert baseline.questionnaire.version == 1 and not Questionnaire.objects.filter(version=2).exists()
    VERSION_2.load(apps, None)
    baseline.refresh_from_db()
    assert baseline.questionnaire.version == 2
    submitted_response(employee, baseline)
    with pytest.raises(RuntimeError):
        VERSION_2.unload(apps, None)
    assert Response.objects.filter(round=baseline).exists()
