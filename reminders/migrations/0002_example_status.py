from django.db import migrations, models
from django.db.models import Q


def mark_examples(apps, schema_editor):
    # The demo's examples were logged as sent under the period "voorbeeld" (or "<round>:voorbeeld").
    ReminderLog = apps.get_model("reminders", "ReminderLog")
    ReminderLog.objects.filter(Q(period="voorbeeld") | Q(period__endswith=":voorbeeld")).update(status="example")


class Migration(migrations.Migration):
    dependencies = [("reminders", "0001_initial")]

    operations = [
        migrations.AlterField(
            model_name="reminderlog",
            name="status",
            field=models.CharField(
                choices=[
                    ("claimed", "Wordt verstuurd"),
                    ("sent", "Verstuurd"),
                    ("failed", "Mislukt"),
                    ("example", "Voorbeeld (demo)"),
                ],
                default="claimed",
                max_length=20,
                verbose_name="status",
            ),
        ),
        migrations.RunPython(mark_examples, migrations.RunPython.noop),
    ]
