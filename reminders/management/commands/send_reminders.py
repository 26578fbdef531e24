import datetime

from django.core.management.base import BaseCommand, CommandError

from reminders.kinds import due_reminders
from reminders.models import Kind
from reminders.services import reminder_batch_send, reminders_claim


class Command(BaseCommand):
    help = "Verstuurt één soort herinnering alsof het die dag is (zoals de dagelijkse planning dat doet)."

    def add_arguments(self, parser):
        parser.add_argument("--kind", required=True, choices=Kind.values)
        parser.add_argument("--date", help="Doe alsof het deze dag is (JJJJ-MM-DD); standaard vandaag.")
        parser.add_argument("--dry-run", action="store_true", help="Toon wie wat zou krijgen; verstuur niets.")

    def handle(self, *args, kind, date, dry_run, **options):
        try:
            day = datetime.date.fromisoformat(date) if date else datetime.date.today()
        except ValueError:
            raise CommandError(f"Geen geldige datum: {date} (gebruik JJJJ-MM-DD).") from None
        if dry_run:
            total = 0
            for due in due_reminders(kind=kind, day=day):
                people = list(due.recipients.values_list("email", flat=True))
                total += len(people)
                self.stdout.write(f"{kind} {due.period} (vanaf {due.send_on}): {len(people)} ontvanger(s)")
                for email in people[:50]:
                    self.stdout.write(f"  {email}")
                if len(people) > 50:
                    self.stdout.write(f"  … en {len(people) - 50} anderen")
            self.stdout.write(f"Niets verstuurd (--dry-run). Samen {total} ontvanger(s).")
            return
        sent = failed = 0
        for batch in reminders_claim(kind=kind, day=day):
            outcome = reminder_batch_send(token=batch.token)
            sent, failed = sent + outcome["sent"], failed + outcome["failed"] + outcome["retry"]
        self.stdout.write(f"{kind} op {day}: {sent} verstuurd, {failed} mislukt.")
