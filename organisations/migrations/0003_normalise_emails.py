"""Stored e-mail addresses in the one normalised form (organisations/identity.py) the portal keys on."""

import unicodedata

from django.db import migrations


def normalise(apps, schema_editor):
    User = apps.get_model("organisations", "User")
    changed = []
    for user in User.objects.only("pk", "email").iterator():
        email = unicodedata.normalize("NFKC", user.email or "").strip().lower()
        if email != user.email:
            user.email = email
            changed.append(user)
    User.objects.bulk_update(changed, ["email"], batch_size=500)


class Migration(migrations.Migration):
    dependencies = [("organisations", "0002_dutch_name_order_and_role_indexes")]

    operations = [migrations.RunPython(normalise, migrations.RunPython.noop)]
