from django.db import migrations

from personas.plan_text import load_plan_text


def load(apps, schema_editor):
    load_plan_text(
        Persona=apps.get_model("personas", "Persona"),
        ComBStatement=apps.get_model("personas", "ComBStatement"),
        Audience=apps.get_model("personas", "Audience"),
        AttentionPoint=apps.get_model("personas", "AttentionPoint"),
        Message=apps.get_model("personas", "Message"),
    )


def unload(apps, schema_editor):
    apps.get_model("personas", "Audience").objects.all().delete()
    apps.get_model("personas", "Persona").objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [("personas", "0001_personas")]

    operations = [migrations.RunPython(load, unload)]
