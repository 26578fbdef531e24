"""Loads version 2 of the zelfscan questionnaire (issue 10) and moves rounds nobody has started to it.

The questions are frozen in `data/questionnaire_v2.json`: a seventh competence area (documents and
presentations, DigComp 3), at least two knowledge questions per area, can-do statements that ask one
thing each, items on AI tools, social media and working on a phone, and attitude statements that
let the plan's personas show (selfscan/scoring.py documents the rules).

Which rounds move: every round without a single response, draft or submitted, the same rule as
editing a questionnaire that is in use (services.questionnaire_new_version). A round nobody has
started loses nothing and gets the better scan; a round with even one response keeps version 1, so
every stored answer stays on the question it answered and every result keeps its meaning. In a
running campaign whose round 1 was answered on version 1, round 2 moves to version 2 and the result
page compares the areas both versions share (scoring.compare_rounds).
"""

import json
from pathlib import Path

from django.db import migrations

DATA_FILE = Path(__file__).resolve().parent / "data" / "questionnaire_v2.json"


def load(apps, schema_editor):
    """Create version 2 unless it exists and move the rounds without responses to it (idempotent).

    `apps` is the migration state (or django.apps.apps for tests).
    """
    Questionnaire = apps.get_model("selfscan", "Questionnaire")
    Area = apps.get_model("selfscan", "Area")
    Question = apps.get_model("selfscan", "Question")
    Round = apps.get_model("selfscan", "Round")
    data = json.loads(DATA_FILE.read_text(encoding="utf-8"))
    questionnaire = Questionnaire.objects.filter(version=data["version"]).first()
    if questionnaire is None:
        questionnaire = Questionnaire.objects.create(version=data["version"])
        for position, row in enumerate(data["areas"]):
            area = Area.objects.create(
                questionnaire=questionnaire,
                code=row["code"],
                kind=row["kind"],
                name=row["name"],
                digcomp=row["digcomp"],
                intro=row["intro"],
                position=position,
                **{f"advice_{level}": text for level, text in row["advice"].items()},
            )
            Question.objects.bulk_create(
                Question(area=area, position=index, **question) for index, question in enumerate(row["questions"])
            )
    unanswered = Round.objects.filter(questionnaire__version__lt=data["version"], responses__isnull=True)
    Round.objects.filter(pk__in=list(unanswered.values_list("pk", flat=True))).update(questionnaire=questionnaire)


def unload(apps, schema_editor):
    """Move unanswered rounds back to version 1 and remove version 2; refuse once it has responses."""
    Questionnaire = apps.get_model("selfscan", "Questionnaire")
    Round = apps.get_model("selfscan", "Round")
    questionnaire = Questionnaire.objects.filter(version=2).first()
    if questionnaire is None:
        return
    if Round.objects.filter(questionnaire=questionnaire, responses__isnull=False).exists():
        raise RuntimeError("Questionnaire version 2 has responses; it cannot be taken back.")
    Round.objects.filter(questionnaire=questionnaire).update(questionnaire=Questionnaire.objects.get(version=1))
    questionnaire.delete()


class Migration(migrations.Migration):
    dependencies = [("selfscan", "0003_question_dimensions")]

    operations = [migrations.RunPython(load, unload)]
