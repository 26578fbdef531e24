"""After `migrate` the database holds every statement of plan sections 3 and 4, worded as the plan words it."""

import hashlib
import importlib
import json
import re
from pathlib import Path

import pytest

from personas.models import AttentionPoint, Audience, ComBStatement, Message, Persona

PLAN = Path(__file__).resolve().parents[1] / "data" / "communicatieplan-digivaardig.txt"

# Statements per persona and COM-B part, counted in the plan's tables of section 3.2.
EXPECTED_STATEMENTS = {
    "digitale-enthousiasteling": {"motives": 5, "resistance": 0, "knowledge": 5, "skills": 1, "needs": 4},
    "digivaardige-professional": {"motives": 2, "resistance": 3, "knowledge": 5, "skills": 4, "needs": 4},
    "aarzelende-technologiegebruiker": {"motives": 3, "resistance": 4, "knowledge": 5, "skills": 1, "needs": 4},
    "analoge-idealist": {"motives": 2, "resistance": 5, "knowledge": 5, "skills": 1, "needs": 4},
    "drukke-prioriteitensteller": {"motives": 4, "resistance": 4, "knowledge": 5, "skills": 1, "needs": 4},
}
# (attention points, messages) per audience, counted in the plan's table of section 4.
EXPECTED_AUDIENCE_TEXTS = {
    "allen": (7, 9),
    "digitale-enthousiasteling": (2, 3),
    "digivaardige-professional": (2, 4),
    "aarzelende-technologiegebruiker": (3, 2),
    "analoge-idealist": (4, 5),
    "teamleiders": (7, 5),
    "drukke-prioriteitensteller": (3, 6),
}


def normalise(text):
    """Undo the PDF extraction: re-join words hyphenated at line ends, fold white space and bullets."""
    text = re.sub(r"(\w)-\s*\n\s*(\w)", r"\1\2", text)
    text = text.replace("•", " ").replace("\t", " ")
    return re.sub(r"\s+", " ", text).strip().lower()


@pytest.fixture(scope="module")
def plan():
    return normalise(PLAN.read_text(encoding="utf-8"))


@pytest.mark.django_db
def test_every_persona_is_there_with_the_busy_prioritiser_cross_cutting():
    assert list(Persona.objects.values_list("slug", "is_cross_cutting")) == [
        ("digitale-enthousiasteling", False),
        ("digivaardige-professional", False),
        ("aarzelende-technologiegebruiker", False),
        ("analoge-idealist", False),
        ("drukke-prioriteitensteller", True),
    ]


@pytest.mark.django_db
def test_com_b_statements_are_counted_per_persona_and_part():
    actual = {slug: dict.fromkeys(ComBStatement.Kind.values, 0) for slug in EXPECTED_STATEMENTS}
    for slug, kind in ComBStatement.objects.values_list("persona__slug", "kind"):
        actual[slug][kind] += 1
    assert actual == EXPECTED_STATEMENTS


@pytest.mark.django_db
def test_attention_points_and_messages_are_counted_per_audience():
    actual = {
        audience.slug: (audience.attention_points.count(), audience.messages.count())
        for audience in Audience.objects.all()
    }
    assert actual == EXPECTED_AUDIENCE_TEXTS


@pytest.mark.django_db
def test_every_shipped_text_is_worded_as_in_the_plan(plan):
    texts = [
        *ComBStatement.objects.values_list("text", flat=True),
        *AttentionPoint.objects.values_list("text", flat=True),
        *Message.objects.values_list("text", flat=True),
        *Persona.objects.values_list("description", flat=True),
    ]
    for note in Persona.objects.exclude(analysis_note="").values_list("analysis_note", flat=True):
        texts.extend(note.split("\n\n"))
    missing = [text for text in texts if normalise(text) not in plan]
    assert missing == []


@pytest.mark.django_db
def test_hyphenated_line_breaks_are_repaired():
    all_text = " ".join(
        [*Message.objects.values_list("text", flat=True), *ComBStatement.objects.values_list("text", flat=True)]
    )
    assert "laagdrempeligheid" in all_text and "laagdrempe-" not in all_text
    assert "digitalisering" in all_text and "digitali-" not in all_text


PLAN_TEXT_V2 = importlib.import_module("personas.migrations.0004_plan_text_v2")


@pytest.mark.django_db
def test_every_persona_has_a_positive_employee_name_that_is_not_its_internal_label():
    names = dict(Persona.objects.values_list("slug", "employee_name"))
    assert names == {
        Persona.Identity.ENTHUSIAST: "Verkenner",
        Persona.Identity.PROFESSIONAL: "Vakspecialist",
        Persona.Identity.HESITANT: "Stap-voor-stap",
        Persona.Identity.ANALOGUE: "Op eigen tempo",
        Persona.Identity.BUSY_PRIORITISER: "Tijdsbewuste planner",
    }
    for persona in Persona.objects.all():
        assert persona.name.lower() not in persona.employee_name.lower()
        assert persona.name.lower() not in persona.employee_profile.lower()


@pytest.mark.django_db
def test_the_one_line_summaries_keep_the_plans_words(plan):
    professional = Persona.objects.get(slug=Persona.Identity.PROFESSIONAL)
    assert "onderneemt pas actie als de actualiteit daarom vraagt" in professional.essence
    idealist = Persona.objects.get(slug=Persona.Identity.ANALOGUE)
    assert "afkeer van alles wat met digitalisering te maken heeft" in idealist.essence
    assert "angst" in idealist.essence
    plan_words = ("onderneemt pas actie als de actualiteit daarom vraagt", "afkeer van alles wat met digitalisering")
    assert all(normalise(fragment) in plan for fragment in plan_words)


@pytest.mark.django_db
def test_the_buddy_is_offered_to_the_hesitant_user_as_the_plan_says(plan):
    assert normalise("Koppel een ervaren digicoach aan een aarzelende technologiegebruiker") in plan
    profiles = dict(Persona.objects.values_list("slug", "employee_profile"))
    assert "buddy" in profiles[Persona.Identity.HESITANT]
    assert [slug for slug, text in profiles.items() if "buddy" in text] == [Persona.Identity.HESITANT]


@pytest.mark.django_db
def test_the_text_update_keeps_an_advisors_own_edit_and_updates_untouched_text():
    from django.apps import apps

    idealist = Persona.objects.get(slug=Persona.Identity.ANALOGUE)
    professional = Persona.objects.get(slug=Persona.Identity.PROFESSIONAL)
    data = json.loads(PLAN_TEXT_V2.DATA_FILE.read_text(encoding="utf-8"))
    shipped = {row["slug"]: row for row in data["personas"]}
    idealist.essence = "Door een adviseur herschreven."
    idealist.save()
    professional.essence = shipped[Persona.Identity.PROFESSIONAL]["texts"]["essence"]["was"]
    professional.employee_name = ""
    professional.save()
    PLAN_TEXT_V2.load(apps, None)
    idealist.refresh_from_db()
    professional.refresh_from_db()
    assert idealist.essence == "Door een adviseur herschreven."
    assert professional.essence == shipped[Persona.Identity.PROFESSIONAL]["texts"]["essence"]["now"]
    assert professional.employee_name == "Vakspecialist"


# Shipped text files never change; a text change is a new data file and a new migration.
FROZEN = {
    "plan_text_v1.json": "c4ade5b48389e3d37b32cd9d9a855b66bd69acd44b7115371cf979f0a59f7d04",
    "plan_text_v2.json": "17fe3a0d7e2d98f17ce5bfdeefe4cf6049b7b8b9696d29d1d281693f3bfd8587",
}


@pytest.mark.parametrize(("name", "digest"), FROZEN.items())
def test_shipped_text_files_are_frozen(name, digest):
    data = Path(__file__).resolve().parents[1] / "migrations" / "data" / name
    assert hashlib.sha256(data.read_bytes()).hexdigest() == digest, f"{name} shipped: add a new version"
