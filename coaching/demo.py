"""Demo support programme: digicoaches in every municipality with buddies and sessions on their
strippenkaart, open buddy requests, ambassadors (and sign-ups to confirm), inspiration sessions with
sign-ups, compliment cards and certificates for people who did both zelfscan rounds.

The demo accounts get what lets each "Done when" flow be tried: the demo employee has no buddy yet,
is no ambassador and is not signed up, and has one card from a colleague; the demo digicoach has two
buddies (one card full, to renew) and room for one more, with an open request waiting in Groningen;
the demo digicoach did both zelfscan rounds and has a certificate. Everything is keyed (a second
run adds nothing) and takes a bounded sample of people, so `--employees 50000` stays quick.
"""

import datetime
import random

from django.db import transaction
from django.utils import timezone

from campaigns.models import ContentItem
from common.dates import month_start, months_between
from common.workdays import next_working_day
from learning.models import LearningActivity
from learning.services import activity_record
from organisations.caching import organisation_changed
from organisations.demo import DEMO_DOMAIN
from organisations.models import Municipality, Team, User
from personas.models import Persona
from selfscan.demo import completed_scan_seed
from selfscan.models import Response
from selfscan.selectors import employees_completed

from . import codes
from .caching import support_changed
from .models import (
    Ambassador,
    BuddyPair,
    CardText,
    Certificate,
    Coach,
    CoachingSession,
    ComplimentCard,
    InspirationSession,
    PunchCard,
    SignUp,
    Topic,
)

COACHES_PER_MUNICIPALITY = 3
BUDDIES_PER_COACH = 2
OPEN_REQUESTS_PER_MUNICIPALITY = 2
AMBASSADORS_PER_MUNICIPALITY = 4
CARDS = 240
CERTIFICATES = 12
# Sampled candidates per municipality (never the whole organisation).
SAMPLE = 400

SESSION_TOPICS = [
    ("Slim samenwerken in Teams", "Kanalen, bestanden en vergaderen: de handigste tips van collega's."),
    ("AI-chatbots in je werk: wat kan wel en wat niet?", "Een eerlijke blik op AI, met voorbeelden uit de gemeente."),
    ("Phishing herkennen in vijf minuten", "Hoe herken je een nepmail? Oefen mee met echte voorbeelden."),
    (
        "Digitale dienstverlening: de inwoner centraal",
        "Wat inwoners van onze digitale balie vinden, en wat jij kunt doen.",
    ),
]
SESSION_TOPICS_COACHING = [
    "Een vergadering plannen in Teams",
    "Bestanden delen via OneDrive",
    "Een nepmail herkennen",
    "Outlook-agenda delen",
    "Werken met de zelfscan-uitslag",
    "Sneltoetsen die tijd schelen",
]
TOPICS_BY_COACH = [
    [Topic.TEAMS, Topic.FILES, Topic.EMAIL],
    [Topic.SECURITY, Topic.INFORMATION],
    [Topic.AI, Topic.PHONE, Topic.PLATFORM],
]


def _generated(municipality):
    return User.objects.filter(municipality=municipality, email__endswith=f".{DEMO_DOMAIN}", is_active=True).order_by(
        "pk"
    )


def _not_leading(users):
    leaders = set(Team.leaders.through.objects.filter(user__in=[u.pk for u in users]).values_list("user_id", flat=True))
    return [user for user in users if user.pk not in leaders]


def _persona_people(campaign, municipality, slug, limit):
    """Generated employees whose round-1 persona is `slug` (the demo's buddies and ambassadors); in a
    large demo organisation only a sample did the scan, so others of the municipality fill up."""
    people = _scanned_as(campaign, municipality, slug, limit)
    if len(people) < limit:
        seen = {person.pk for person in people}
        people += [
            person
            for person in _not_leading(list(_generated(municipality)[100 : 100 + limit]))
            if person.pk not in seen
        ]
    return people[:limit]


def _scanned_as(campaign, municipality, slug, limit):
    return list(
        User.objects.filter(
            pk__in=Response.objects.filter(
                round__campaign=campaign,
                round__number=1,
                submitted_at__isnull=False,
                persona__slug=slug,
                employee__municipality=municipality,
                employee__email__endswith=f".{DEMO_DOMAIN}",
            ).values("employee_id")[:limit]
        ).order_by("pk")
    )


def _aware(day, hour, minute=0):
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour, minute)))


def _coaches(municipalities, demo, rng):
    """COACHES_PER_MUNICIPALITY digicoaches per municipality (the demo digicoach first in Groningen)."""
    by_municipality = {}
    for municipality in municipalities:
        chosen = []
        if municipality.name == "Groningen":
            chosen.append(demo["digicoach"])
        candidates = _not_leading(list(_generated(municipality)[:SAMPLE]))
        for user in candidates[5:]:
            if len(chosen) >= COACHES_PER_MUNICIPALITY:
                break
            chosen.append(user)
        for index, user in enumerate(chosen):
            Coach.objects.get_or_create(
                user=user,
                defaults={"municipality": municipality, "capacity": 3, "topics": TOPICS_BY_COACH[index % 3]},
            )
        User.objects.filter(pk__in=[user.pk for user in chosen]).update(is_digicoach=True)
        by_municipality[municipality.pk] = chosen
    organisation_changed()  # a bulk update of roles: the kept rows of these people are old
    return by_municipality


def _sessions_on(pair, card, count, start_day, today, rng):
    sessions = []
    day = start_day
    for strip in range(1, count + 1):
        day = min(today, next_working_day(day + datetime.timedelta(days=rng.randint(12, 24))))
        sessions.append(
            CoachingSession(
                card=card,
                strip=strip,
                date=day,
                topic=rng.choice(SESSION_TOPICS_COACHING),
                minutes=rng.choice((30, 45, 60)),
                logged_by_id=pair.coach_id,
            )
        )
    return sessions


def _buddies(campaign, municipalities, coaches, demo, today, rng) -> int:
    """Buddies (hesitant colleagues) for every coach, with sessions on their card, and a few open
    requests. Only when there are none yet."""
    if BuddyPair.objects.exists():
        return 0
    taken = {user.pk for users in coaches.values() for user in users} | {user.pk for user in demo.values()}
    paired_since = _aware(next_working_day(campaign.kick_off_date + datetime.timedelta(days=45)), 10)
    created = 0
    for municipality in municipalities:
        hesitant = [
            user
            for user in _persona_people(campaign, municipality, Persona.Identity.HESITANT, 60)
            if user.pk not in taken
        ]
        for coach_index, coach in enumerate(coaches[municipality.pk]):
            for buddy_index in range(BUDDIES_PER_COACH):
                if not hesitant:
                    break
                buddy = hesitant.pop(0)
                taken.add(buddy.pk)
                pair = BuddyPair.objects.create(
                    employee=buddy,
                    municipality=municipality,
                    coach=coach,
                    status=BuddyPair.Status.PAIRED,
                    topic=TOPICS_BY_COACH[coach_index % 3][buddy_index % 2],
                    contact=rng.choice(BuddyPair.Contact.values),
                    paired_at=paired_since + datetime.timedelta(days=7 * buddy_index),
                    paired_by=coach,
                )
                BuddyPair.objects.filter(pk=pair.pk).update(requested_at=paired_since - datetime.timedelta(days=3))
                card = PunchCard.objects.create(pair=pair, number=1, created_by=coach)
                # The demo digicoach's first buddy has a full card (to renew); others are on their way.
                count = 5 if (coach == demo["digicoach"] and buddy_index == 0) else rng.randint(1, 4)
                sessions = CoachingSession.objects.bulk_create(
                    _sessions_on(pair, card, count, timezone.localdate(pair.paired_at), today, rng)
                )
                for session in sessions:
                    activity_record(
                        employee=buddy,
                        reference=session.learning_reference,
                        date=session.date,
                        kind=LearningActivity.Kind.COACHING,
                        title=f"Digicoach: {session.topic}",
                        minutes=session.minutes,
                        today=today,
                    )
                created += 1
        for _ in range(OPEN_REQUESTS_PER_MUNICIPALITY):
            if not hesitant:
                break
            buddy = hesitant.pop(0)
            taken.add(buddy.pk)
            request = BuddyPair.objects.create(
                employee=buddy,
                municipality=municipality,
                topic=rng.choice([Topic.TEAMS, Topic.EMAIL, Topic.SECURITY, ""]),
                topic_note=rng.choice(["", "Ik wil leren hoe ik een Teams-vergadering start."]),
                contact=rng.choice(BuddyPair.Contact.values),
            )
            asked = _aware(today - datetime.timedelta(days=rng.randint(2, 12)), rng.randint(8, 16))
            BuddyPair.objects.filter(pk=request.pk).update(requested_at=asked)
    return created


def _ambassadors(campaign, municipalities, demo, coaches) -> int:
    """Confirmed enthusiasts per municipality, one sign-up waiting for the advisor, and the demo team
    leader as ambassador (plan: team leaders and directors are ambassadors too)."""
    if Ambassador.objects.exists():
        return 0
    advisors = {municipality.pk: municipality.advisors.order_by("pk").first() for municipality in municipalities}
    coach_ids = {user.pk for users in coaches.values() for user in users}
    rows = []
    for municipality in municipalities:
        people = [
            user
            for user in _persona_people(campaign, municipality, Persona.Identity.ENTHUSIAST, 30)
            if user.pk not in coach_ids
        ][: AMBASSADORS_PER_MUNICIPALITY + 1]
        decided_at = _aware(next_working_day(campaign.kick_off_date + datetime.timedelta(days=60)), 14)
        for index, person in enumerate(people):
            waiting = index == len(people) - 1
            rows.append(
                Ambassador(
                    person=person,
                    municipality=municipality,
                    status=Ambassador.Status.VOLUNTEERED if waiting else Ambassador.Status.CONFIRMED,
                    motivation="Ik help collega's graag op weg met nieuwe digitale dingen." if waiting else "",
                    decided_at=None if waiting else decided_at,
                    decided_by=None if waiting else advisors[municipality.pk],
                )
            )
    leader = demo["teamleider"]
    rows.append(
        Ambassador(
            person=leader,
            municipality_id=leader.municipality_id,
            status=Ambassador.Status.CONFIRMED,
            function=Ambassador.Function.TEAM_LEADER,
            decided_at=timezone.now(),
            decided_by=advisors.get(leader.municipality_id),
        )
    )
    Ambassador.objects.bulk_create(rows)
    return len(rows)


def _session_item(campaign, municipality):
    return (
        ContentItem.objects.filter(campaign=campaign, municipality=municipality, title__icontains="Inspiratiesessie")
        .order_by("publish_on", "pk")
        .first()
    )


def _inspiration_sessions(campaign, municipalities, demo, today, rng) -> int:
    """Two past sessions per municipality (attendance registered, counted as learning) and upcoming
    ones, one of them full with a waiting list, plus one online session for everyone."""
    if InspirationSession.objects.exists():
        return 0
    organisers = {municipality.pk: municipality.advisors.order_by("pk").first() for municipality in municipalities}
    past_days = [
        next_working_day(month_start(today, -2) + datetime.timedelta(days=14)),
        next_working_day(month_start(today, -1) + datetime.timedelta(days=8)),
    ]
    future_days = [next_working_day(today + datetime.timedelta(days=days)) for days in (4, 10, 17)]
    plans = []
    for index, municipality in enumerate(municipalities):
        item = _session_item(campaign, municipality)
        for number, day in enumerate(past_days):
            title, description = SESSION_TOPICS[(index + number) % len(SESSION_TOPICS)]
            plans.append((municipality, item, title, description, _aware(day, 12), 20, "past"))
        title, description = SESSION_TOPICS[(index + 2) % len(SESSION_TOPICS)]
        capacity = 3 if municipality.name == "Groningen" else 25
        plans.append(
            (municipality, item, title, description, _aware(future_days[index % 2], 12, 30), capacity, "future")
        )
    plans.append((None, None, *SESSION_TOPICS[1], _aware(future_days[2], 15), 100, "future"))
    created = 0
    now = timezone.now()
    demo_ids = {user.pk for user in demo.values()}
    for municipality, item, title, description, starts_at, capacity, when in plans:
        session = InspirationSession.objects.create(
            title=title,
            description=description,
            municipality=municipality,
            starts_at=starts_at,
            duration_minutes=60,
            location=f"Stadhuis {municipality.name}, zaal 2" if municipality else "",
            online_url="https://teams.microsoft.com/l/meetup-join/digivaardig-demo"
            if municipality is None or when == "future"
            else "",
            capacity=capacity,
            content_item=item,
            organiser=organisers.get(municipality.pk) if municipality else demo["projectleider"],
        )
        created += 1
        pool = [
            user
            for user in (
                _generated(municipality)[:SAMPLE]
                if municipality
                else User.objects.filter(email__endswith=f".{DEMO_DOMAIN}").order_by("pk")[:SAMPLE]
            )
            if user.pk not in demo_ids
        ]
        people = rng.sample(pool, min(len(pool), capacity + 2 if capacity < 10 else rng.randint(8, 16)))
        # Everyone queued in the past, one minute apart in order: a colleague who signs up in the
        # demo comes after them (queued_at is now), never before.
        first_queued = min(starts_at, now) - datetime.timedelta(days=10)
        signups = []
        for position, person in enumerate(people):
            status = SignUp.Status.SIGNED_UP if position < capacity else SignUp.Status.WAITING
            signups.append(
                SignUp(
                    session=session,
                    person=person,
                    status=status,
                    queued_at=first_queued + datetime.timedelta(minutes=position),
                )
            )
        SignUp.objects.bulk_create(signups)
        if when == "past":
            _register_attendance(session, rng, today)
    return created


def _register_attendance(session, rng, today):
    day = timezone.localdate(session.starts_at)
    for signup in session.signups.filter(status=SignUp.Status.SIGNED_UP).select_related("person"):
        signup.attended = rng.random() < 0.85
        signup.attendance_by_id = session.organiser_id
        signup.save(update_fields=["attended", "attendance_by"])
        if signup.attended:
            activity_record(
                employee=signup.person,
                reference=signup.learning_reference,
                date=day,
                kind=LearningActivity.Kind.INSPIRATION_SESSION,
                title=f"Inspiratiesessie: {session.title}",
                minutes=session.duration_minutes,
                today=today,
            )


def _cards(campaign, municipalities, demo, today, rng) -> int:
    """CARDS compliment cards between colleagues over the campaign months, and one for the demo
    employee this week. E-mails count as sent (the demo sends none)."""
    if ComplimentCard.objects.exists():
        return 0
    months = months_between(campaign.kick_off_date, min(today, campaign.end_date))
    people = {
        municipality.pk: list(_generated(municipality)[:SAMPLE].select_related("team"))
        for municipality in municipalities
    }
    lines = [
        "",
        "",
        "",
        "Dank voor je hulp met Teams!",
        "Super gedaan :-)",
        "Jij bent echt een aanwinst voor ons team.",
    ]
    cards = []
    for _ in range(CARDS):
        municipality = rng.choice(municipalities)
        colleagues = people[municipality.pk]
        if len(colleagues) < 2:
            continue
        sender, recipient = rng.sample(colleagues, 2)
        month = rng.choice(months)
        last = min(today, month_start(month, 1) - datetime.timedelta(days=1))
        day = month + datetime.timedelta(days=rng.randint(0, max(0, (last - month).days)))
        sent_at = _aware(day, rng.randint(8, 16), rng.randint(0, 59))
        cards.append(
            ComplimentCard(
                sender=sender,
                recipient=recipient,
                text=rng.choice(CardText.values),
                personal_line=rng.choice(lines),
                sent_at=sent_at,
                month=month_start(day),
                sender_team_id=sender.team_id,
                recipient_team_id=recipient.team_id,
                emailed_at=sent_at,
            )
        )
    colleague = next(
        (
            user
            for user in people.get(demo["medewerker"].municipality_id, [])
            if user.team_id == demo["medewerker"].team_id
        ),
        demo["teamleider"],
    )
    sent_at = timezone.now() - datetime.timedelta(days=1)
    cards.append(
        ComplimentCard(
            sender=colleague,
            recipient=demo["medewerker"],
            text=CardText.TOGETHER,
            personal_line="Dank voor je tip over bestanden delen in Teams!",
            sent_at=sent_at,
            month=month_start(timezone.localdate(sent_at)),
            sender_team_id=colleague.team_id,
            recipient_team_id=demo["medewerker"].team_id,
            emailed_at=sent_at,
        )
    )
    ComplimentCard.objects.bulk_create(cards, batch_size=1000)
    return len(cards)


def _certificates(campaign, demo) -> tuple[list, int]:
    """Certificates for the demo digicoach (who did both rounds) and a sample of others who did:
    (the certificates, how many were added now)."""
    completed_scan_seed(campaign=campaign, employee=demo["digicoach"])
    completed = employees_completed(campaign=campaign)
    if not completed:
        return [], 0
    existing = set(Certificate.objects.filter(campaign=campaign).values_list("employee_id", flat=True))
    wanted = [demo["digicoach"].pk] if demo["digicoach"].pk in completed else []
    wanted += sorted(pk for pk in completed if pk not in wanted)[: CERTIFICATES - len(wanted)]
    people = User.objects.in_bulk([pk for pk in wanted if pk not in existing])
    names = dict(Municipality.objects.values_list("pk", "name"))
    created = Certificate.objects.bulk_create(
        Certificate(
            employee=person,
            campaign=campaign,
            code=codes.new_code(),
            full_name=person.get_full_name(),
            municipality_name=names.get(person.municipality_id, ""),
            completed_on=completed[person.pk],
        )
        for person in people.values()
    )
    return list(Certificate.objects.filter(campaign=campaign, employee_id__in=wanted).order_by("pk")), len(created)


@transaction.atomic
def support_seed(*, campaign, demo_accounts, today: datetime.date | None = None) -> dict:
    """The demo's support programme for `campaign` (see the module docstring). `demo_accounts`: the
    demo users (organisations.demo.demo_accounts_seed). Returns counts of what was added now and
    `verification_code`: a certificate code to try on the verification page."""
    today = today or timezone.localdate()
    rng = random.Random(2026)
    demo = {user.email.split("@")[0]: user for user in demo_accounts}
    municipalities = list(campaign.municipalities.order_by("name"))
    coaches = _coaches(municipalities, demo, rng)
    if campaign.kick_off_date > today:
        # The programme starts at the kick-off: coaches are ready, nothing has happened yet.
        return dict.fromkeys(("buddies", "ambassadors", "sessions", "cards", "certificates"), 0) | {
            "coaches": sum(len(users) for users in coaches.values()),
            "verification_code": "",
        }
    certificates, issued = _certificates(campaign, demo)
    demo_certificate = next((c for c in certificates if c.employee_id == demo["digicoach"].pk), None)
    written = {
        "coaches": sum(len(users) for users in coaches.values()),
        "buddies": _buddies(campaign, municipalities, coaches, demo, today, rng),
        "ambassadors": _ambassadors(campaign, municipalities, demo, coaches),
        "sessions": _inspiration_sessions(campaign, municipalities, demo, today, rng),
        "cards": _cards(campaign, municipalities, demo, today, rng),
        "certificates": issued,
        "verification_code": demo_certificate.display_code if demo_certificate else "",
    }
    support_changed()  # written here without the services: cached start pages must not keep the old
    return written
