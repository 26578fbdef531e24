"""Every scoring rule, at its boundaries (see the docstring and tables in selfscan/scoring.py)."""

import itertools

import pytest

from personas.models import Persona
from selfscan import scoring
from selfscan.models import Level
from selfscan.scoring import Attitude

Identity = Persona.Identity
LEVEL_STEPS = ["start", "basis", "gevorderd", "expert"]


@pytest.mark.parametrize(("value", "fraction"), [(1, 0), (2, 1 / 3), (3, 2 / 3), (4, 1)])
def test_can_do_scale_counts_from_zero_to_one(value, fraction):
    assert scoring.can_do_fraction(value) == pytest.approx(fraction)


@pytest.mark.parametrize("value", [0, 5])
def test_can_do_scale_rejects_values_outside_it(value):
    with pytest.raises(ValueError):
        scoring.can_do_fraction(value)


@pytest.mark.parametrize(
    ("can_do", "knowledge", "score"),
    [
        ([3, 3, 3, 3], [True, True], 66.7),  # all "zelfstandig", knowledge confirms
        ([3, 3, 3, 3], [True, False], 58.3),  # one slip of two: an eighth off
        ([3, 3, 3, 3], [False, False], 47.0),  # all wrong: a quarter off (50), and below Gevorderd
        ([4, 4, 4], [False, False], 47.0),  # claims to explain everything, knows neither: Basis at most
        ([2, 2, 2], [False, False], 25.0),  # below the cap already: a quarter off
        ([2, 2, 2], [True, True], 33.3),  # right answers never lift a self-assessment
        ([1, 1], [False], 0.0),
        ([3, 3], [], 66.7),  # no knowledge questions: the self-assessment stands alone
    ],
)
def test_area_score_is_the_can_do_mean_checked_by_knowledge(can_do, knowledge, score):
    assert scoring.area_score(can_do, knowledge) == pytest.approx(score)


def test_area_needs_a_can_do_answer():
    with pytest.raises(ValueError):
        scoring.area_score([], [True])


def version_1_area_score(can_do, knowledge):
    """Version 1's rule, kept here only to show what changed: 70 % can-do plus 30 % knowledge."""
    can_do_mean = sum((value - 1) / 3 for value in can_do) / len(can_do)
    return round(100 * (0.7 * can_do_mean + 0.3 * sum(knowledge) / len(knowledge)), 1)


@pytest.mark.parametrize(
    ("can_do", "knowledge_v1", "knowledge_v2", "before", "after"),
    [
        # The issue's example: "met hulp" on two of three tasks, "zelfstandig" on one.
        ([2, 2, 3], [True], [True, True], (61.1, "gevorderd"), (44.4, "basis")),
        # … and a single slip on the knowledge questions.
        ([2, 2, 3], [False], [True, False], (31.1, "start"), (38.9, "basis")),
        # "Met hulp" everywhere, the modest but keen employee of the issue.
        ([2, 2, 2], [True], [True, True], (53.3, "basis"), (33.3, "basis")),
    ],
)
def test_the_issues_examples_before_and_after(can_do, knowledge_v1, knowledge_v2, before, after):
    old = version_1_area_score(can_do, knowledge_v1)
    assert (old, scoring.level_for(old, version=1)) == before
    new = scoring.area_score(can_do, knowledge_v2)
    assert (new, scoring.level_for(new)) == after


@pytest.mark.parametrize("knowledge_count", [2, 3])
def test_a_single_slip_never_costs_more_than_one_level(knowledge_count):
    for can_do in itertools.combinations_with_replacement([1, 2, 3, 4], 4):
        right = scoring.level_for(scoring.area_score(list(can_do), [True] * knowledge_count))
        slip = scoring.level_for(scoring.area_score(list(can_do), [False] + [True] * (knowledge_count - 1)))
        assert LEVEL_STEPS.index(right) - LEVEL_STEPS.index(slip) <= 1, can_do
        assert (
            scoring.area_score(list(can_do), [True] * knowledge_count)
            - scoring.area_score(list(can_do), [False] + [True] * (knowledge_count - 1))
            <= 100 * scoring.KNOWLEDGE_CHECK / knowledge_count
        )


def test_no_set_of_wrong_answers_short_of_all_crosses_two_levels():
    for can_do in itertools.combinations_with_replacement([1, 2, 3, 4], 4):
        right = scoring.level_for(scoring.area_score(list(can_do), [True, True, True]))
        wrong = scoring.level_for(scoring.area_score(list(can_do), [False, False, True]))
        assert LEVEL_STEPS.index(right) - LEVEL_STEPS.index(wrong) <= 1, can_do


def test_every_check_wrong_keeps_an_area_below_gevorderd_whatever_the_claim():
    """QA: "anderen uitleggen" everywhere and every knowledge question wrong scored Gevorderd 75."""
    for can_do in itertools.combinations_with_replacement([1, 2, 3, 4], 4):
        for count in (2, 3):
            level = scoring.level_for(scoring.area_score(list(can_do), [False] * count))
            assert level in (Level.START, Level.BASIS), can_do


@pytest.mark.parametrize(
    ("score", "level"),
    [
        (0, "start"),
        (29.9, "start"),
        (30, "basis"),
        (47.9, "basis"),
        (48, "gevorderd"),
        (80.9, "gevorderd"),
        (81, "expert"),
        (100, "expert"),
    ],
)
def test_levels_follow_the_digcompsat_bands(score, level):
    # DigCompSAT, Annex 8: Low 0–29 %, Foundation 30–47 %, Intermediate 48–80 %, Advanced 81–100 %.
    assert scoring.level_for(score) == level


@pytest.mark.parametrize(("value", "level"), [(2, "basis"), (3, "gevorderd"), (4, "expert")])
def test_each_anchor_of_the_can_do_scale_lands_in_its_digcomp_band(value, level):
    # "met hulp" = Foundation (DigComp 1–2), "zelfstandig" = Intermediate (3–4), "uitleggen" = Advanced (5–6).
    assert scoring.level_for(scoring.area_score([value] * 4, [True, True])) == level


def test_every_level_is_mapped_to_a_digcompsat_band():
    assert set(scoring.DIGCOMPSAT_BAND) == set(LEVEL_STEPS)


@pytest.mark.parametrize(("score", "level"), [(39.9, "start"), (40, "basis"), (60, "gevorderd"), (80, "expert")])
def test_version_1_results_keep_the_bands_they_were_given(score, level):
    assert scoring.level_for(score, version=1) == level


def test_the_level_legend_lists_the_bands_from_low_to_high():
    assert [(band["level"], band["low"], band["high"]) for band in scoring.level_legend()] == [
        ("start", 0, 29),
        ("basis", 30, 47),
        ("gevorderd", 48, 80),
        ("expert", 81, None),
    ]
    assert [band["low"] for band in scoring.level_legend(1)] == [0, 40, 60, 80]


EAGER = {"interest": 4, "pioneering": 4, "waiting": 2, "confidence": 4, "resistance": 2, "avoidance": 2}


@pytest.mark.parametrize(
    ("skill", "changes", "persona"),
    [
        (60, {}, Identity.ENTHUSIAST),
        (59.9, {}, Identity.PROFESSIONAL),  # eager, independent, not yet skilled enough to be the enthusiast
        (47.9, {}, Identity.HESITANT),  # eager but needs help: "Houd het simpel"
        (60, {"interest": 3.4}, Identity.PROFESSIONAL),
        (60, {"pioneering": 3.4}, Identity.PROFESSIONAL),
        (60, {"waiting": 4}, Identity.PROFESSIONAL),  # pioneering not above waiting
        (60, {"resistance": 3}, Identity.PROFESSIONAL),
        (59.9, {"resistance": 3.5}, Identity.ANALOGUE),
        (60, {"resistance": 3.5}, Identity.PROFESSIONAL),  # skilled and critical: the professional
        (59.9, {"avoidance": 3.5}, Identity.ANALOGUE),
        (59.9, {"avoidance": 3.4}, Identity.PROFESSIONAL),
        (40, {"interest": 2.5, "confidence": 2.5, "resistance": 3}, Identity.ANALOGUE),  # guarded
        (40, {"interest": 2.5, "confidence": 3, "resistance": 3}, Identity.HESITANT),  # not afraid
        (40, {"interest": 3, "confidence": 2.5, "resistance": 3}, Identity.HESITANT),
        (40, {"interest": 2.5, "confidence": 2.5, "resistance": 2.9}, Identity.HESITANT),
        (48, {"interest": 2, "pioneering": 1, "waiting": 5}, Identity.PROFESSIONAL),
        (0, {"resistance": 5}, Identity.ANALOGUE),
    ],
)
def test_persona_rules_and_their_boundaries(skill, changes, persona):
    assert scoring.persona_for(skill=skill, attitude=Attitude(**(EAGER | changes))) == persona


def test_every_persona_has_exactly_one_rule_and_the_last_one_always_holds():
    assert [rule.persona for rule in scoring.PERSONA_RULES].count(Identity.ENTHUSIAST) == 1
    assert {rule.persona for rule in scoring.PERSONA_RULES} == set(Identity) - {Identity.BUSY_PRIORITISER}
    assert scoring.PERSONA_RULES[-1].holds(0, Attitude())
    assert all(rule.when and rule.plan for rule in scoring.PERSONA_RULES)


def test_a_questionnaire_without_the_new_statements_scores_pioneering_as_interest():
    attitude = Attitude.from_answers({"interest": [5, 4], "confidence": [4], "resistance": [1, 2]})
    assert (attitude.pioneering, attitude.waiting, attitude.avoidance) == (4.5, 3, 3)
    assert Attitude.from_answers({}) == Attitude()


@pytest.mark.parametrize(
    ("values", "busy"),
    [([4, 3], True), ([3, 3], False), ([5, 2], True), ([3, 4], True), ([3, 3.9], False), ([], False)],
)
def test_busy_flag_from_time_pressure(values, busy):
    assert scoring.is_busy(values) is busy


def test_change_between_rounds_counts_only_comparable_areas():
    comparison = scoring.compare_rounds(
        before={"veilig-werken": 40, "informatie": 50, "oud": 10},
        after={"veilig-werken": 60, "informatie": 50, "digitale-content": 90},
    )
    assert comparison.changes == {"veilig-werken": 20, "informatie": 0}
    assert comparison.new_areas == ["digitale-content"]
    assert comparison.overall_change == 10, "the new area's 90 and the dropped area's 10 do not count"


def test_no_comparable_area_means_no_change():
    comparison = scoring.compare_rounds(before={"a": 10}, after={"b": 20})
    assert comparison.changes == {} and comparison.overall_change is None and comparison.new_areas == ["b"]
