"""Demo learning activity for the campaign months up to today, as the platform would have sent it.

Every generated employee gets a fixed eagerness (from a seed of their e-mail address) and is active
in a month with that chance, less in the summer holidays, so the months show realistic gaps. The
rows carry an id like an import's (source: platform export), so a second run adds nothing, and a run
in a later month adds that month. As the zelfscan seed does, a large organisation gets activity for
an even sample of at most MAX_DEMO_LEARNERS people, so `seed_demo --employees 50000` stays quick.
The demo employee gets a few self-logged entries with gaps and nothing yet this month, to try logging.
"""

import datetime
import random
import zlib

from django.utils import timezone

from common.dates import day_of_month, month_end, month_start, months_between
from organisations.caching import participation_changed
from organisations.demo import DEMO_DOMAIN
from organisations.models import User

from .models import LearningActivity

Kind = LearningActivity.Kind
BATCH = 2000
MAX_DEMO_LEARNERS = 10_000
# Kind -> (share of the activities, titles, typical minutes)
KINDS = {
    Kind.E_LEARNING: (
        0.55,
        [
            "E-learning Veilig mailen",
            "Outlook slim gebruiken",
            "Samenwerken in Teams",
            "Werken met OneDrive en SharePoint",
            "Phishing herkennen",
            "Online vergaderen",
            "Informatie zoeken en beoordelen",
            "Excel: de basis",
            "Wachtwoorden goed beheren",
            "Digitale dienstverlening aan inwoners",
        ],
        (15, 30, 45, 60),
    ),
    Kind.TIP: (
        0.25,
        [
            "Digidonderdagtip: sneltoetsen in Outlook",
            "Digidonderdagtip: bestanden delen met een link",
            "Digidonderdagtip: je agenda delen",
            "Digidonderdagtip: schermopname maken",
        ],
        (5, 10),
    ),
    Kind.INSPIRATION_SESSION: (
        0.1,
        ["Inspiratiesessie AI in de dienstverlening", "Inspiratiesessie digitaal samenwerken"],
        (60, 90),
    ),
    Kind.COURSE: (0.07, ["Training digitale dienstverlening", "Cursus Word voor gevorderden"], (120, 180)),
    Kind.COACHING: (0.03, ["Gesprek met mijn digicoach"], (30, 45)),
}
# The summer: people learn less in July and August.
HOLIDAY_FACTOR = {7: 0.5, 8: 0.6}
# The demo employee's own log: months after the kick-off (0 = March) with an activity.
DEMO_EMPLOYEE_MONTHS = {
    0: ("E-learning Veilig mailen", Kind.E_LEARNING, 30),
    1: ("Digidonderdagtip: sneltoetsen in Outlook", Kind.TIP, 10),
    3: ("Samenwerken in Teams", Kind.E_LEARNING, 45),
    6: ("Inspiratiesessie AI in de dienstverlening", Kind.INSPIRATION_SESSION, 60),
    7: ("Phishing herkennen", Kind.E_LEARNING, 20),
}


def _pick_kind(rng):
    roll, total = rng.random(), 0.0
    for kind, (share, _titles, _minutes) in KINDS.items():
        total += share
        if roll < total:
            return kind
    return Kind.E_LEARNING


def _activities_for(employee_id, email, months, done):
    """The employee's demo activities; `months` are (first day, last day number) pairs, months in
    `done` are skipped (the random choices stay the same, so every run makes the same rows)."""
    rng = random.Random(email)
    eagerness = rng.betavariate(2.2, 1.8)
    rows = []
    for month, last_day in months:
        if rng.random() >= eagerness * HOLIDAY_FACTOR.get(month.month, 1.0):
            continue
        count = 1 + (rng.random() < 0.35) + (rng.random() < 0.1)
        for number in range(count):
            day = month.replace(day=rng.randint(1, last_day))
            kind = _pick_kind(rng)
            _share, titles, minutes = KINDS[kind]
            title, duration = rng.choice(titles), rng.choice(minutes)
            if month in done:
                continue
            rows.append(
                LearningActivity(
                    employee_id=employee_id,
                    date=day,
                    month=month,
                    kind=kind,
                    title=title,
                    minutes=duration,
                    source=LearningActivity.Source.PLATFORM_EXPORT,
                    external_id=f"demo-{employee_id}-{month:%Y%m}-{number}",
                )
            )
    return rows


def _demo_employee_seed(months, today):
    employee = User.objects.filter(email=f"medewerker@{DEMO_DOMAIN}").first()
    if employee is None:
        return 0
    created = 0
    for index, (title, kind, minutes) in DEMO_EMPLOYEE_MONTHS.items():
        if index >= len(months) or months[index] >= today.replace(day=1):
            continue
        day = day_of_month(months[index], 12)
        _activity, new = LearningActivity.objects.get_or_create(
            employee=employee,
            date=day,
            title=title,
            source=LearningActivity.Source.SELF,
            defaults={"kind": kind, "minutes": minutes, "month": months[index]},
        )
        created += new
    return created


def learning_seed(*, campaign, today: datetime.date | None = None) -> int:
    """Activity of the generated employees of the campaign's municipalities, for the campaign months
    up to today, and a few entries of the demo employee. Returns the number of rows added now; a
    second run adds nothing."""
    today = today or timezone.localdate()
    if campaign.kick_off_date > today:
        return 0
    months = months_between(campaign.kick_off_date, min(today, campaign.end_date))
    before = LearningActivity.objects.count()
    demo_rows = LearningActivity.objects.filter(
        source=LearningActivity.Source.PLATFORM_EXPORT, external_id__startswith="demo-"
    )
    # Months seeded before are skipped; this month is offered again (its fixed ids make that harmless).
    done = set(demo_rows.order_by().values_list("month", flat=True).distinct()) - {month_start(today)}
    spans = [(month, min(month_end(month), today).day) for month in months]
    employees = list(
        User.objects.filter(email__endswith=f".{DEMO_DOMAIN}", municipality__in=campaign.municipalities.all())
        .order_by("pk")
        .values_list("pk", "email")
    )
    # An even sample: by a checksum of the e-mail address, not every n-th person (that would pick
    # the same few teams, as people are spread over the teams in turn).
    step = max(1, -(-len(employees) // MAX_DEMO_LEARNERS))
    batch = []
    for employee_id, email in employees:
        if zlib.crc32(email.encode()) % step:
            continue
        batch.extend(_activities_for(employee_id, email, spans, done))
        if len(batch) >= BATCH:
            LearningActivity.objects.bulk_create(batch, batch_size=BATCH, ignore_conflicts=True)
            batch = []
    LearningActivity.objects.bulk_create(batch, batch_size=BATCH, ignore_conflicts=True)
    _demo_employee_seed(months, today)
    # Written without the services: what is kept of these municipalities' activity is old now.
    participation_changed(municipality_ids=campaign.municipalities.values_list("pk", flat=True))
    return LearningActivity.objects.count() - before
