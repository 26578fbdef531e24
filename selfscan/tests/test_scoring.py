"""Every scoring rule, at its boundaries (see the table in selfscan/scoring.py)."""

import pytest

from selfscan import scoring


@pytest.mark.parametrize(("value", "fraction"), [(1, 0), (2, 1 / 3), (3, 2 / 3), (4, 1)])
def test_can_do_scale_counts_from_zero_to_one(value, fraction):
    assert scoring.can_do_fraction(value) == pytest.approx(fraction)


@pytest.mark.parametrize("value", [0, 5])
def test_can_do_scale_rejects_values_outside_it(value):
    with pytest.raises(ValueError):
        scoring.can_do_fraction(value)


def test_area_score_mixes_self_assessment_and_knowledge():
    # all "zelfstandig" (2/3) and the knowledge item wrong: 100 * (0.7 * 2/3 + 0.3 * 0)
    assert scoring.area_score([3, 3, 3], [False]) == pytest.approx(46.7)
    assert scoring.area_score([3, 3, 3], [True]) == pytest.approx(76.7)
    assert scoring.area_score([4, 4], [True]) == 100
    assert scoring.area_score([1, 1], [False]) == 0


def test_area_score_without_knowledge_items_is_self_assessment_alone():
    assert scoring.area_score([3, 3], []) == pytest.approx(66.7)


def test_area_needs_a_can_do_answer():
    with pytest.raises(ValueError):
        scoring.area_score([], [True])


@pytest.mark.parametrize(
    ("score", "level"),
    [
        (0, "start"),
        (39.9, "start"),
        (40, "basis"),
        (59.9, "basis"),
        (60, "gevorderd"),
        (79.9, "gevorderd"),
        (80, "expert"),
        (100, "expert"),
    ],
)
def test_level_thresholds(score, level):
    assert scoring.level_for(score) == level


@pytest.mark.parametrize(
    ("interest", "confidence", "resistance", "expected"),
    [
        (4, 3, 2.5, "eager"),
        (4, 3, 2.6, "neutral"),
        (3.9, 3, 1, "neutral"),
        (3, 3, 3.5, "negative"),
        (3, 3, 3.4, "neutral"),
        (2, 2, 1, "negative"),
        (2, 2.1, 1, "neutral"),
        (2.1, 2, 1, "neutral"),
        (5, 5, 3.5, "negative"),
    ],
)
def test_attitude_rules_and_boundaries(interest, confidence, resistance, expected):
    assert scoring.attitude(interest=interest, confidence=confidence, resistance=resistance) == expected


@pytest.mark.parametrize(
    ("overall", "attitude", "persona"),
    [
        (60, "eager", "digitale-enthousiasteling"),
        (60, "neutral", "digivaardige-professional"),
        (60, "negative", "digivaardige-professional"),
        (59.9, "eager", "digitale-enthousiasteling"),
        (59.9, "neutral", "aarzelende-technologiegebruiker"),
        (40, "neutral", "aarzelende-technologiegebruiker"),
        (40, "negative", "analoge-idealist"),
        (39.9, "eager", "aarzelende-technologiegebruiker"),
        (39.9, "neutral", "aarzelende-technologiegebruiker"),
        (0, "negative", "analoge-idealist"),
    ],
)
def test_persona_from_skill_and_attitude(overall, attitude, persona):
    assert scoring.persona_slug(overall=overall, attitude_category=attitude) == persona


@pytest.mark.parametrize(
    ("values", "busy"),
    [([4, 3], True), ([3, 3], False), ([5, 2], True), ([3, 4], True), ([3, 3.9], False), ([], False)],
)
def test_busy_flag_from_time_pressure(values, busy):
    assert scoring.is_busy(values) is busy
