"""Version 2 of the shipped persona texts (issue 10), frozen in `data/plan_text_v2.json`.

- Every persona gets the positive profile name employees see instead of the internal label
  ("Verkenner", "Vakspecialist", "Stap-voor-stap", "Op eigen tempo", "Tijdsbewuste planner").
- Three texts had drifted from the plan and are restored: the professional's one-line summary
  ("onderneemt pas actie als de actualiteit daarom vraagt"), the analogue idealist's ("afkeer",
  "angst"), and the buddy offer, which the plan reserves for the hesitant technology user ("Koppel
  een ervaren digicoach aan een aarzelende technologiegebruiker"): it moves from the idealist's
  employee profile to the hesitant user's.

A text is only replaced while it is still the version 1 text: an advisor's own edit is kept. Each
change is recorded in the persona's history, without a person.
"""

import json
from pathlib import Path

from django.db import migrations

DATA_FILE = Path(__file__).resolve().parent / "data" / "plan_text_v2.json"


def load(apps, schema_editor):
    """Apply the version 2 texts (idempotent); `apps` is the migration state (or django.apps.apps)."""
    Persona = apps.get_model("personas", "Persona")
    EditRecord = apps.get_model("personas", "EditRecord")
    data = json.loads(DATA_FILE.read_text(encoding="utf-8"))
    for row in data["personas"]:
        persona = Persona.objects.filter(slug=row["slug"]).first()
        if persona is None:
            continue
        changed = []
        if not persona.employee_name:
            persona.employee_name = row["employee_name"]
            changed.append("employee_name")
        for field, text in row["texts"].items():
            if getattr(persona, field) == text["was"]:
                setattr(persona, field, text["now"])
                changed.append(field)
        if changed:
            persona.save(update_fields=changed)
            EditRecord.objects.create(persona=persona, summary=", ".join(changed) + " (portaalversie 2)")
    _forget_cached_pages()


def _forget_cached_pages():
    """Cached persona pages (personas/caching.py, up to 30 minutes) must not show the old texts.

    A cache that cannot be reached at migrate time holds nothing to forget, so that is not an error.
    """
    try:
        from common.cache import changed

        changed("personas")
    except Exception:  # noqa: BLE001, S110 - an unreachable cache has no stale pages
        pass


def unload(apps, schema_editor):
    """Put back the version 1 texts where the version 2 text is unchanged."""
    Persona = apps.get_model("personas", "Persona")
    data = json.loads(DATA_FILE.read_text(encoding="utf-8"))
    for row in data["personas"]:
        persona = Persona.objects.filter(slug=row["slug"]).first()
        if persona is None:
            continue
        for field, text in row["texts"].items():
            if getattr(persona, field) == text["now"]:
                setattr(persona, field, text["was"])
        persona.save()
    _forget_cached_pages()


class Migration(migrations.Migration):
    dependencies = [("personas", "0003_persona_employee_name")]

    operations = [migrations.RunPython(load, unload)]
