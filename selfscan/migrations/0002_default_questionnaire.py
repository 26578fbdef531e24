"""Loads version 1 of the zelfscan questionnaire as shipped.

The questions are frozen in `data/questionnaire_v1.json`. A new version of the questionnaire is a
new data file and a new migration (answered rounds keep the version they were answered on).
"""

import json
from pathlib import Path

from django.db import migrations

DATA_FILE = Path(__file__).resolve().parent / "data" / "questionnaire_v1.json"


def load(apps, schema_editor):
    """Create questionnaire version 1; `apps` is the migration state (or django.apps.apps for tests)."""
    Questionnaire = apps.get_model("selfscan", "Questionnaire")
    Area = apps.get_model("selfscan", "Area")
    Question = apps.get_model("selfscan", "Question")
    data = json.loads(DATA_FILE.read_text(encoding="utf-8"))
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


def unload(apps, schema_editor):
    apps.get_model("selfscan", "Questionnaire").objects.filter(version=1, rounds__isnull=True).delete()


class Migration(migrations.Migration):
    dependencies = [("selfscan", "0001_selfscan")]

    operations = [migrations.RunPython(load, unload)]
