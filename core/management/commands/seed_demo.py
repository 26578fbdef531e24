import datetime
import time

from django.core.management.base import BaseCommand
from django.db import connection, transaction
from django.utils import timezone

from agendas.demo import meetings_seed
from campaigns.demo import planner_seed
from coaching.demo import support_seed
from core.demo import programme_year_seed
from learning.demo import learning_seed
from organisations.demo import DEMO_PASSWORD, demo_accounts_seed, employees_seed, municipalities_seed
from reminders.services import reminders_send_examples
from selfscan.demo import scan_seed


class Command(BaseCommand):
    help = "Vult de database met demogegevens: gemeenten, teams, medewerkers, demo-accounts en een campagne."

    def add_arguments(self, parser):
        parser.add_argument("--year", type=int, default=None, help="Jaar van de campagne (standaard: dit jaar).")
        parser.add_argument("--employees", type=int, default=200, help="Aantal medewerkers (standaard 200).")

    def handle(self, *args, year, employees, **options):
        started = time.perf_counter()
        year = year or timezone.localdate().year
        with transaction.atomic():
            municipalities = municipalities_seed()
            summary = employees_seed(municipalities=municipalities, count=employees)
            accounts = demo_accounts_seed(municipalities=municipalities)
            campaign, created = programme_year_seed(year=year, municipalities=municipalities.values())
            content = campaign.content_items.count() if created else 0
            planner_seed(campaign=campaign)
            scans = scan_seed(campaign=campaign)
            activities = learning_seed(campaign=campaign)
            meetings = meetings_seed(campaign=campaign)
            support = support_seed(campaign=campaign, demo_accounts=accounts)
        # One reminder of every kind to the demo employee and team leader (var/mail/ with make run).
        demo_people = [user for user in accounts if user.email.split("@")[0] in ("medewerker", "teamleider")]
        kick_off = timezone.make_aware(datetime.datetime.combine(campaign.kick_off_date, datetime.time(9)))
        reminders = reminders_send_examples(recipients=demo_people, campaign=campaign, claimed_at=kick_off)
        analyse_tables()
        elapsed = time.perf_counter() - started
        self.stdout.write(
            f"Medewerkers: {summary.created} nieuw, {summary.updated} bijgewerkt, {summary.unchanged} ongewijzigd. "
            f"Campagne: {campaign.name} ({content} nieuwe contentitems). "
            f"Zelfscans: {scans['round_1']} in ronde 1, {scans['round_2']} in ronde 2. "
            f"Leeractiviteiten: {activities} nieuw. Werkoverleggen: {meetings} nieuw. "
            f"Voorbeeldherinneringen: {reminders} verstuurd. "
            f"Ondersteuning: {support['coaches']} digicoaches, {support['buddies']} buddy's, "
            f"{support['ambassadors']} ambassadeurs, {support['sessions']} inspiratiesessies, "
            f"{support['cards']} complimentkaarten, {support['certificates']} certificaten. "
            f"Klaar in {elapsed:.1f} s."
        )
        self.stdout.write(f"\nDemo-accounts (wachtwoord voor allemaal: {DEMO_PASSWORD}):")
        for user in accounts:
            self.stdout.write(f"  {user.email}")
        if support["verification_code"]:
            self.stdout.write(f"\nCertificaat om te controleren (digicoach@): {support['verification_code']}")


def analyse_tables() -> None:
    """After a bulk load, give PostgreSQL's planner statistics at once, as a DBA would (ANALYZE):
    autovacuum would get there within minutes, but a benchmark or a demo starts now. Nothing on SQLite."""
    if connection.vendor != "postgresql":
        return
    with connection.cursor() as cursor:
        for table in connection.introspection.django_table_names(only_existing=True):
            cursor.execute(f"ANALYZE {connection.ops.quote_name(table)}")  # noqa: S608  # nosec B608
