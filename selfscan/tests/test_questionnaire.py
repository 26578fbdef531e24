"""The shipped questionnaire version 2 measures what it claims to: checked on its data file, as
shipped by migration 0004 (so the check holds for every database)."""

import hashlib
import json
import re
from pathlib import Path

import pytest

from selfscan import scoring
from selfscan.models import Question

DATA = Path(__file__).resolve().parents[1] / "migrations" / "data"
V2 = json.loads((DATA / "questionnaire_v2.json").read_text(encoding="utf-8"))
COMPETENCE = [area for area in V2["areas"] if area["kind"] == "competence"]
ATTITUDE = [area for area in V2["areas"] if area["kind"] == "attitude"]

# Reading-time estimate: every word of every question, every answer of a knowledge question, each page's
# name, introduction and answer scale once, at a slow reading pace, plus a few seconds to choose per item.
SLOW_WORDS_PER_MINUTE = 120
AVERAGE_WORDS_PER_MINUTE = 150
SECONDS_TO_CHOOSE = 3


def items(kind=None, *, round_number=1):
    for area in V2["areas"]:
        for question in area["questions"]:
            if question["kind"] == "time_saved" and round_number == 1:
                continue
            if kind is None or question["kind"] == kind:
                yield area, question


def words(text):
    return len(text.split())


def estimated_minutes(words_per_minute):
    total_words, count = 0, 0
    for area in V2["areas"]:
        total_words += words(area["name"]) + words(area["intro"])
        scales = set()
        for question in area["questions"]:
            if question["kind"] == "time_saved":
                continue
            count += 1
            total_words += words(question["text"])
            if question["kind"] == "knowledge":
                total_words += sum(words(option) for option in question["options"])
            else:
                scales.add(tuple(question["options"]))
        total_words += sum(words(option) for scale in scales for option in scale)
    return total_words / words_per_minute + count * SECONDS_TO_CHOOSE / 60


def test_item_count_and_reading_time_are_as_stated_and_under_fifteen_minutes():
    counts = {kind: len(list(items(kind))) for kind in ("can_do", "knowledge", "attitude", "time_pressure")}
    assert counts == {"can_do": 27, "knowledge": 14, "attitude": 13, "time_pressure": 3}
    assert len(list(items())) == 57 and len(list(items(round_number=2))) == 58
    slow, average = estimated_minutes(SLOW_WORDS_PER_MINUTE), estimated_minutes(AVERAGE_WORDS_PER_MINUTE)
    print(f"reading time: {average:.1f} min at 150 words/min, {slow:.1f} min at 120 words/min")
    assert slow < 15
    stated = scoring.__doc__
    assert (
        "Round 1 asks 57 items (27 can-do statements,\n    14 knowledge questions, 16 attitude and time statements)"
        in stated
    )
    assert f"about {round(average)} minutes for a reader of 150 words a minute, {round(slow)} at 120" in stated


def test_every_competence_area_has_two_knowledge_questions_with_one_right_answer_and_plausible_wrong_ones():
    for area in COMPETENCE:
        knowledge = [q for q in area["questions"] if q["kind"] == "knowledge"]
        assert len(knowledge) >= 2, area["code"]
        for question in knowledge:
            options = question["options"]
            assert 3 <= len(options) <= 4 and len(set(options)) == len(options), question["text"]
            assert 1 <= question["correct_option"] <= len(options)
            # Plausible wrong answers are real actions, not "weet ik niet" or a joke, and not all shorter
            # than the right one (a give-away).
            assert not any(re.search(r"weet (ik )?niet", option, re.IGNORECASE) for option in options)
            right = options[question["correct_option"] - 1]
            assert any(len(option) >= len(right) * 0.5 for option in options if option != right)


def test_right_answers_are_spread_over_the_positions():
    positions = [question["correct_option"] for _area, question in items("knowledge")]
    assert {1, 2, 3, 4} <= set(positions)
    assert max(positions.count(position) for position in set(positions)) <= len(positions) / 2


def test_every_can_do_statement_fits_the_scale_and_asks_one_thing():
    for _area, question in items("can_do"):
        text = question["text"]
        assert text.startswith("Ik kan ") and text.endswith("."), text
        # The task itself, before any example ("zoals", "bijvoorbeeld", a comma or brackets), names one thing.
        task = re.split(r",| zoals | bijvoorbeeld | \(", text)[0]
        task = re.sub(r"\b(controleren|beoordelen|kiezen) of ", "", task)  # "of" as in "whether"
        assert " en " not in task and " of " not in task, text
        assert question["options"] == [
            "Dit ken ik niet",
            "Dit kan ik met hulp",
            "Dit kan ik zelfstandig",
            "Dit kan ik anderen uitleggen",
        ]


def test_every_competence_area_has_three_to_four_can_do_statements():
    for area in COMPETENCE:
        assert 3 <= sum(q["kind"] == "can_do" for q in area["questions"]) <= 4, area["code"]


def test_the_five_digcomp_areas_are_covered_and_content_creation_has_its_own_area():
    mapped = " ".join(area["digcomp"] for area in COMPETENCE)
    for number in "12345":
        assert f"{number}." in mapped, f"DigComp area {number}"
    content = next(area for area in COMPETENCE if area["code"] == "digitale-content")
    assert content["digcomp"].startswith("DigComp 3.1")
    assert any("toegankelijk" in q["text"] for q in content["questions"])
    assert any("presentatie" in q["text"] for q in content["questions"])
    basis = next(area for area in COMPETENCE if area["code"] == "basis-ict")
    assert not re.search(r"(?<![\d.])3\.\d", basis["digcomp"]), "basis-ict no longer carries DigComp 3's label"


@pytest.mark.parametrize(
    ("topic", "pattern"),
    [("AI tools", r"\bAI\b"), ("social media for work", r"sociale media|Facebook"), ("phone and apps", r"telefoon")],
)
def test_the_scan_asks_about_ai_social_media_and_phones(topic, pattern):
    can_do = [q["text"] for _area, q in items("can_do") if re.search(pattern, q["text"])]
    assert can_do, f"no can-do statement on {topic}"


def test_attitude_statements_cover_every_dimension_the_rules_use():
    per_dimension = {}
    for _area, question in items("attitude"):
        per_dimension.setdefault(question["dimension"], []).append(question["text"])
    assert set(per_dimension) == {value for value in Question.Dimension.values if value}
    assert all(len(texts) >= 2 for texts in per_dimension.values())
    assert len(per_dimension["avoidance"]) >= 3, "the guarded idealist needs more than one way to show"
    assert len(list(items("time_pressure"))) >= 2


def test_avoidance_is_asked_kindly_and_every_attitude_page_says_there_are_no_wrong_answers():
    unkind = re.compile(r"\b(dom|bang|angst|afkeer|hekel|slecht|negatief)\b", re.IGNORECASE)
    for _area, question in items("attitude"):
        assert not unkind.search(question["text"]), question["text"]
    assert all("goed" in area["intro"] for area in ATTITUDE)


def test_wording_is_plain_short_and_explains_its_jargon():
    for _area, question in items(round_number=2):
        # B1: short sentences (at most 20 words each) and short answers.
        assert all(words(sentence) <= 20 for sentence in re.split(r"[.?!:]", question["text"])), question["text"]
        assert all(words(option) <= 14 for option in question["options"]), question["text"]
    explained = {
        "phishing": "nepmail",
        "tweestapsverificatie": "extra code",
        "toegankelijk": "voorlezen",
        "ai-chatbot": "zoals",
    }
    texts = [question["text"] for _area, question in items()]
    for term, explanation in explained.items():
        first = next(text for text in texts if term in text.lower())
        assert explanation in first.lower(), f"{term} first appears without '{explanation}': {first}"


def test_comparable_areas_keep_their_code_and_the_new_area_has_a_new_one():
    v1 = json.loads((DATA / "questionnaire_v1.json").read_text(encoding="utf-8"))
    old = {area["code"] for area in v1["areas"] if area["kind"] == "competence"}
    new = {area["code"] for area in COMPETENCE}
    assert old <= new and new - old == {"digitale-content"}


# A shipped questionnaire never changes: answered rounds point at its questions. Change = a new version.
FROZEN = {
    "questionnaire_v1.json": "e20d41ccc4facd5da770261d8692ec217aae9e2bebe4cabab5dc0ce50ca38590",
    "questionnaire_v2.json": "02117969835c86136cfc6a5fc7a9bb35ececb08c40685dea83592d9a9a6946df",
}


@pytest.mark.parametrize(("name", "digest"), FROZEN.items())
def test_shipped_questionnaire_files_are_frozen(name, digest):
    assert hashlib.sha256((DATA / name).read_bytes()).hexdigest() == digest, f"{name} shipped: add a new version"
