from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from organisations.employee_import import employee_import_parse
from organisations.services import employees_import


class Command(BaseCommand):
    help = "Leest medewerkers in uit een CSV-export van HR. Bij één foute regel wordt niets opgeslagen."

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path)

    def handle(self, *args, file: Path, **options):
        if not file.is_file():
            raise CommandError(f"Bestand niet gevonden: {file}")
        if file.stat().st_size > settings.IMPORT_MAX_BYTES:
            raise CommandError(f"Bestand is groter dan {settings.IMPORT_MAX_BYTES} bytes.")
        parsed = employee_import_parse(file.read_bytes())
        if not parsed.is_valid:
            for error in parsed.errors:
                self.stderr.write(str(error))
            raise CommandError(f"Niets opgeslagen: {len(parsed.errors)} fout(en) in {file}.")
        summary = employees_import(parsed=parsed)
        self.stdout.write(
            f"{summary.created} nieuw, {summary.updated} bijgewerkt, {summary.unchanged} ongewijzigd, "
            f"{summary.teams_created} nieuwe teams, {summary.leaders_added} nieuwe teamleiders."
        )
        for team in summary.new_teams:
            similar = f" (lijkt op {', '.join(team.similar)})" if team.similar else ""
            self.stdout.write(f"Nieuw team: {team}{similar}")
