from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("personas", "0002_plan_text"),
    ]

    operations = [
        migrations.AddField(
            model_name="persona",
            name="employee_name",
            field=models.CharField(
                default="",
                help_text="Positief en kort, zoals 'Verkenner': deze naam ziet de medewerker op de uitslag, nooit de interne naam.",
                max_length=60,
                verbose_name="profielnaam voor de medewerker",
            ),
            preserve_default=False,
        ),
    ]
