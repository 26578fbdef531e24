"""Everyone who already holds the digicoach role (User.is_digicoach, set in the admin before this app
existed) gets a Coach row in their municipality with the default capacity, so they appear in the
register and can take on buddies."""

from django.db import migrations


def create_coaches(apps, schema_editor):
    User = apps.get_model("organisations", "User")
    Coach = apps.get_model("coaching", "Coach")
    existing = set(Coach.objects.values_list("user_id", flat=True))
    Coach.objects.bulk_create(
        Coach(user_id=user_id, municipality_id=municipality_id)
        for user_id, municipality_id in User.objects.filter(is_digicoach=True, municipality__isnull=False).values_list(
            "pk", "municipality_id"
        )
        if user_id not in existing
    )


class Migration(migrations.Migration):
    dependencies = [("coaching", "0001_support_programme")]

    operations = [migrations.RunPython(create_coaches, migrations.RunPython.noop)]
