"""Loads the plan's persona texts as shipped in version 1 of the portal.

The text is frozen in `data/plan_text_v1.json` (the plan's sections 3 and 4; only the PDF
extraction's hyphenation was repaired). A later change to the shipped text is a new data file and a
new migration, so an existing database and a fresh one always hold the same text.
"""

import json
from pathlib import Path

from django.db import migrations

DATA_FILE = Path(__file__).resolve().parent / "data" / "plan_text_v1.json"


def load(apps, schema_editor):
    """Fill the empty tables; `apps` is the migration state (or django.apps.apps for tests)."""
    Persona = apps.get_model("personas", "Persona")
    ComBStatement = apps.get_model("personas", "ComBStatement")
    Audience = apps.get_model("personas", "Audience")
    AttentionPoint = apps.get_model("personas", "AttentionPoint")
    Message = apps.get_model("personas", "Message")
    data = json.loads(DATA_FILE.read_text(encoding="utf-8"))
    personas = {}
    for position, row in enumerate(data["personas"]):
        persona = Persona.objects.create(
            slug=row["slug"],
            name=row["name"],
            is_cross_cutting=row["is_cross_cutting"],
            position=position,
            essence=row["essence"],
            description=row["description"],
            analysis_note=row["analysis_note"],
            employee_profile=row["employee_profile"],
        )
        personas[persona.slug] = persona
        ComBStatement.objects.bulk_create(
            ComBStatement(persona=persona, kind=kind, text=text, position=index)
            for kind, texts in row["statements"].items()
            for index, text in enumerate(texts)
        )
    for position, row in enumerate(data["audiences"]):
        audience = Audience.objects.create(
            slug=row["slug"], name=row["name"], persona=personas.get(row["persona"]), position=position
        )
        AttentionPoint.objects.bulk_create(
            AttentionPoint(audience=audience, text=text, position=index)
            for index, text in enumerate(row["attention_points"])
        )
        Message.objects.bulk_create(
            Message(audience=audience, text=text, position=index) for index, text in enumerate(row["messages"])
        )


def unload(apps, schema_editor):
    apps.get_model("personas", "Audience").objects.all().delete()
    apps.get_model("personas", "Persona").objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [("personas", "0001_personas")]

    operations = [migrations.RunPython(load, unload)]
