from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from learning.platform_import import platform_export_parse
from learning.services import platform_export_import


class Command(BaseCommand):
    help = (
        "Leest de CSV-export van het leerplatform in (email, activity_id, title, date, minutes). "
        "Bij één foute regel wordt niets opgeslagen."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path)

    def handle(self, *args, file: Path, **options):
        if not file.is_file():
            raise CommandError(f"Bestand niet gevonden: {file}")
        if file.stat().st_size > settings.LEARNING_IMPORT_MAX_BYTES:
            raise CommandError(f"Bestand is groter dan {settings.LEARNING_IMPORT_MAX_BYTES} bytes.")
        parsed = platform_export_parse(file.read_bytes())
        if not parsed.is_valid:
            for error in parsed.errors:
                self.stderr.write(str(error))
            raise CommandError(f"Niets opgeslagen: {len(parsed.errors)} fout(en) in {file}.")
        summary = platform_export_import(parsed=parsed)
        self.stdout.write(f"{summary.created} nieuw, {summary.updated} bijgewerkt, {summary.unchanged} ongewijzigd.")
