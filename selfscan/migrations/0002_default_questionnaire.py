from django.db import migrations

from selfscan.default_questionnaire import load_default_questionnaire


def load(apps, schema_editor):
    load_default_questionnaire(
        Questionnaire=apps.get_model("selfscan", "Questionnaire"),
        Area=apps.get_model("selfscan", "Area"),
        Question=apps.get_model("selfscan", "Question"),
    )


def unload(apps, schema_editor):
    apps.get_model("selfscan", "Questionnaire").objects.filter(version=1, rounds__isnull=True).delete()


class Migration(migrations.Migration):
    dependencies = [("selfscan", "0001_selfscan")]

    operations = [migrations.RunPython(load, unload)]
