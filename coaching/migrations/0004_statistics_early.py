"""PostgreSQL analyses a table after 50 changed rows by default. The support programme's tables
start empty and grow by a few rows a week (nine digicoaches in the demo), so for weeks the planner
guessed ~800 rows for them and joined them to the 50,000 users by reading every user (23 ms for
the digicoach register instead of 7). Analysed after every 5 changes, they get statistics at once.
Nothing happens on SQLite."""

from django.db import migrations

TABLES = [
    "coaching_coach",
    "coaching_buddypair",
    "coaching_punchcard",
    "coaching_coachingsession",
    "coaching_ambassador",
    "coaching_inspirationsession",
    "coaching_signup",
    "coaching_complimentcard",
    "coaching_cardblock",
    "coaching_cardpreference",
    "coaching_certificate",
]


def analyse_early(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for table in TABLES:
        schema_editor.execute(f'ALTER TABLE "{table}" SET (autovacuum_analyze_threshold = 5)')  # nosec B608


def analyse_as_default(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for table in TABLES:
        schema_editor.execute(f'ALTER TABLE "{table}" RESET (autovacuum_analyze_threshold)')  # nosec B608


class Migration(migrations.Migration):
    dependencies = [("coaching", "0003_card_delivered")]

    operations = [migrations.RunPython(analyse_early, analyse_as_default)]
