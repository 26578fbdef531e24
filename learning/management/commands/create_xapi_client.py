from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from learning.services import xapi_client_create


class Command(BaseCommand):
    help = (
        "Maakt een koppeling voor een leerplatform dat xAPI-statements stuurt en toont de sleutel en het "
        "geheim één keer (bewaard wordt alleen een hash van het geheim)."
    )

    def add_arguments(self, parser):
        parser.add_argument("name", help="Naam van het platform, bijvoorbeeld 'Leerplatform Digivaardig'.")

    def handle(self, *args, name, **options):
        try:
            client, secret = xapi_client_create(name=name)
        except ValidationError as error:
            raise CommandError(" ".join(error.messages)) from None
        self.stdout.write(f"Platform: {client.name}")
        self.stdout.write("Adres:    /api/xapi/ (statements op /api/xapi/statements)")
        self.stdout.write(f"Sleutel:  {client.key}")
        self.stdout.write(f"Geheim:   {secret}")
        self.stdout.write("Bewaar het geheim nu: het wordt niet nog eens getoond.")
