"""Reads of the support programme (plan §5.1).

What each person sees: an employee their own buddy, strippenkaart, sign-ups, cards and certificate;
a digicoach their own buddies and the open requests of their municipality — name, team, topic and
contact preference only, never a persona, score or answer (this module does not read the zelfscan's
results at all; the certificate rule is selfscan's own selector); the campaign team the registers of
their municipalities. Dashboards get counts only: `compliment_counts`, `buddy_counts`,
`session_counts`; the reminders get `sessions_on`.
"""

import datetime
from collections import defaultdict
from dataclasses import dataclass, field
from functools import cached_property

from django.core.paginator import Page
from django.db.models import Count, Exists, OuterRef, Prefetch, Q, QuerySet, Subquery
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from campaigns.caching import PLANS
from campaigns.models import ContentItem
from campaigns.selectors import campaign_covers, content_to_share_kept, content_to_share_key
from common.cache import versioned_many, versions_of
from common.dates import long_date, month_start
from common.paging import KnownCountPaginator, page_key
from common.workdays import holiday_name, non_working_reason
from organisations.caching import NAMESPACE as ORGANISATION
from organisations.caching import participation_namespace
from organisations.models import User
from personas.caching import NAMESPACE as PERSONAS_NAMESPACE
from personas.models import Audience, Persona
from personas.selectors import audiences_with_texts
from selfscan.selectors import scan_completions

from . import codes
from .caching import NAMESPACE as SUPPORT
from .caching import SUPPORT_SECONDS, cached_support, cached_support_read
from .models import (
    Ambassador,
    BuddyPair,
    CardBlock,
    CardPreference,
    Certificate,
    Coach,
    CoachingSession,
    ComplimentCard,
    InspirationSession,
    PunchCard,
    SignUp,
)

IN_LIST_LIMIT = 500
# The start page shows the cards of the last weeks; the card page shows them all.
RECENT_CARD_DAYS = 60
COLLEAGUE_RESULTS = 20

# ---------------------------------------------------------------------------------------------
# Buddies and the strippenkaart


@dataclass(frozen=True)
class Strip:
    """One strip of a card: its number (from 1) and the session on it, or None while unused."""

    number: int
    session: CoachingSession | None


@dataclass(frozen=True)
class CardView:
    """A strippenkaart as it is drawn: the PunchCard, its strips in order, how many are used and
    left, and whether it is full (then it can be renewed)."""

    card: PunchCard
    strips: list
    used: int
    left: int
    is_full: bool


def card_view(card: PunchCard) -> CardView:
    """The CardView of a card whose `sessions` are loaded (prefetched) or loadable."""
    by_strip = {session.strip: session for session in card.sessions.all()}
    strips = [Strip(number=number, session=by_strip.get(number)) for number in range(1, card.strips + 1)]
    used = sum(1 for strip in strips if strip.session is not None)
    return CardView(card=card, strips=strips, used=used, left=card.strips - used, is_full=used >= card.strips)


def _cards_with_sessions():
    return PunchCard.objects.order_by("-number").prefetch_related(
        Prefetch("sessions", queryset=CoachingSession.objects.order_by("strip"))
    )


def coach_load(*, coach_user_id) -> int:
    """How many buddies the coach has now (pairs with status paired). One query."""
    return BuddyPair.objects.filter(coach_id=coach_user_id, status=BuddyPair.Status.PAIRED).count()


def current_card(*, pair: BuddyPair) -> PunchCard | None:
    """The pair's newest strippenkaart, or None before the first pairing. One query."""
    return PunchCard.objects.filter(pair=pair).order_by("-number").first()


@dataclass(frozen=True)
class BuddyOverview:
    """What an employee sees of their buddy: `pair` (their open request or pair, or None), the
    coach's Coach profile when paired (or None), `cards`: CardView per strippenkaart, newest first,
    and `current`: the newest CardView (or None)."""

    pair: BuddyPair | None
    coach: Coach | None
    cards: list
    current: CardView | None


def buddy_overview(*, employee: User) -> BuddyOverview:
    """The employee's own buddy request or pair with its strippenkaarten (BuddyOverview), kept until
    a write of the support programme or the organisation (coaching.caching). At most four queries
    when not kept. For a write, read the pair itself: open_pair_of."""
    return cached_support(person_id=employee.pk, name="buddy-overview", build=lambda: _buddy_overview(employee))


def open_pair_of(*, employee: User) -> BuddyPair | None:
    """The employee's open buddy request or pair (BuddyPair.OPEN_STATUSES), read now, or None."""
    return _open_pairs(employee).first()


def _open_pairs(employee: User):
    return BuddyPair.objects.filter(employee=employee, status__in=BuddyPair.OPEN_STATUSES)


def _buddy_overview(employee: User) -> BuddyOverview:
    pair = (
        _open_pairs(employee)
        .select_related("coach__team")
        .prefetch_related(Prefetch("cards", queryset=_cards_with_sessions()))
        .first()
    )
    if pair is None:
        return BuddyOverview(pair=None, coach=None, cards=[], current=None)
    coach = Coach.objects.filter(user_id=pair.coach_id).first() if pair.coach_id else None
    cards = [card_view(card) for card in pair.cards.all()]
    return BuddyOverview(pair=pair, coach=coach, cards=cards, current=cards[0] if cards else None)


@dataclass(frozen=True)
class BuddyRow:
    """One of a coach's buddies: the pair (with the buddy and their team) and its current CardView."""

    pair: BuddyPair
    current: CardView | None


@dataclass(frozen=True)
class CoachOverview:
    """The digicoach's own page: `profile` (Coach, or None when the role has no profile yet),
    `buddies`: BuddyRow per current buddy, `requests`: open requests (BuddyPair with the employee
    and team) of the coach's municipality, oldest first, `capacity` and `load` (current buddies),
    and `has_room`."""

    profile: Coach | None
    buddies: list
    requests: list
    capacity: int
    load: int

    @property
    def has_room(self) -> bool:
        return self.load < self.capacity


def own_coach_profile(*, user: User) -> Coach | None:
    """The user's own Coach row (capacity, topics), or None when they have none yet
    (services.coach_profile_for creates it). Kept until a write of the support programme or the
    organisation: no query when kept."""
    return cached_support_read("own-coach-profile", [user.pk], lambda: Coach.objects.filter(user=user).first())


def coach_overview(*, coach: User) -> CoachOverview:
    """The coach's buddies with their strippenkaart and the open requests they may take on
    (CoachOverview): name, team, topic and contact preference of each, nothing else. Kept in the
    cache until a write of the support programme or of the organisation (coaching.caching); five
    queries when not cached."""
    return cached_support(person_id=coach.pk, build=lambda: _coach_overview(coach), name="coach-overview")


def _coach_overview(coach: User) -> CoachOverview:
    profile = Coach.objects.filter(user=coach).first()
    municipality_id = profile.municipality_id if profile else coach.municipality_id
    buddies = list(
        BuddyPair.objects.filter(coach=coach, status=BuddyPair.Status.PAIRED)
        .select_related("employee__team")
        .prefetch_related(Prefetch("cards", queryset=_cards_with_sessions()))
        .order_by("employee__surname_sort", "employee__first_name", "pk")
    )
    rows = []
    for pair in buddies:
        cards = list(pair.cards.all())
        rows.append(BuddyRow(pair=pair, current=card_view(cards[0]) if cards else None))
    requests = list(
        BuddyPair.objects.filter(municipality_id=municipality_id, status=BuddyPair.Status.REQUESTED)
        .exclude(employee=coach)
        .select_related("employee__team")
        .order_by("requested_at", "pk")
    )
    capacity = profile.capacity if profile else Coach.DEFAULT_CAPACITY
    return CoachOverview(profile=profile, buddies=rows, requests=requests, capacity=capacity, load=len(rows))


@dataclass(frozen=True)
class PairDetail:
    """A pair as its coach (or the programme lead) sees it: the pair with buddy, team and coach,
    its cards as CardView (newest first), and the current one."""

    pair: BuddyPair
    cards: list
    current: CardView | None


def pair_detail(*, pair: BuddyPair) -> PairDetail:
    """The pair's strippenkaarten with their sessions (PairDetail); the cards kept until a write of
    the support programme or the organisation (coaching.caching). Two queries when not cached."""
    cards = cached_support_read(
        "pair-cards", [pair.pk], lambda: [card_view(card) for card in _cards_with_sessions().filter(pair=pair)]
    )
    return PairDetail(pair=pair, cards=cards, current=cards[0] if cards else None)


def coaches_for(*, municipalities) -> list[Coach]:
    """The digicoaches of `municipalities` (queryset or objects), active first, each annotated with
    `load` (current buddies), with user, team and municipality loaded. One query."""
    return list(
        Coach.objects.filter(municipality__in=municipalities)
        .select_related("user__team", "municipality")
        .annotate(
            load=Count(
                "user__coached_pairs", filter=Q(user__coached_pairs__status=BuddyPair.Status.PAIRED), distinct=True
            )
        )
        .order_by("-is_active", "municipality__name", "user__surname_sort", "user__first_name", "pk")
    )


def open_requests(*, municipalities) -> list[BuddyPair]:
    """Buddy requests waiting for a coach in `municipalities`, oldest first, with employee, team
    and municipality; kept until a write of the support programme or the organisation
    (coaching.caching). One query for the ids, one more when not cached."""
    return _pairs_kept(
        "open-requests",
        municipalities,
        BuddyPair.Status.REQUESTED,
        related=("employee__team", "municipality"),
        order=("requested_at", "pk"),
    )


def _pairs_kept(name: str, municipalities, status: str, *, related, order) -> list[BuddyPair]:
    # Pairs of one status in the municipalities, kept under the support and organisation versions.
    ids = _ids(municipalities)
    return cached_support_read(
        name,
        ids,
        lambda: list(
            BuddyPair.objects.filter(municipality__in=ids, status=status).select_related(*related).order_by(*order)
        ),
    )


def _ids(municipalities) -> list[int]:
    # Municipality objects, a queryset of them, or ids: the sorted ids (a cache key's scope).
    return sorted({getattr(municipality, "pk", municipality) for municipality in municipalities})


def coach_choices(*, pair: BuddyPair) -> list[Coach]:
    """The active digicoaches who could take this request: of its municipality, not the employee,
    those with room and a matching topic first; each annotated with `load`. The municipality's
    coaches are kept until a write of the support programme or the organisation (a pairing changes a
    load, a registration the list; services.buddy_pair checks the room again when it pairs); one
    query when not kept."""
    municipality = pair.municipality_id
    kept = cached_support_read("coaches-of", [municipality], lambda: coaches_for(municipalities=[municipality]))
    coaches = [
        coach
        for coach in kept
        if coach.is_active and coach.user.is_digicoach and coach.user.is_active and coach.user_id != pair.employee_id
    ]
    return sorted(
        coaches,
        key=lambda coach: (coach.load >= coach.capacity, pair.topic not in coach.topics, coach.load),
    )


def paired_overview(*, municipalities) -> list[BuddyPair]:
    """Current pairs of `municipalities` for the programme lead: buddy, coach and municipality, no
    session content; kept as open_requests is. One query for the ids, one more when not cached."""
    return _pairs_kept(
        "paired-overview",
        municipalities,
        BuddyPair.Status.PAIRED,
        related=("employee__team", "coach", "municipality"),
        order=("municipality__name", "coach__surname_sort", "employee__surname_sort", "pk"),
    )


@dataclass(frozen=True)
class BuddyCounts:
    """Per team (id): `requested` open requests, `paired` current buddies, `sessions` coaching
    sessions held with its members. Raw counts of people: whoever shows them to a team applies the
    privacy threshold (asking for a buddy is a personal choice)."""

    requested: dict
    paired: dict
    sessions: dict

    def of(self, team_id) -> dict:
        return {
            "requested": self.requested.get(team_id, 0),
            "paired": self.paired.get(team_id, 0),
            "sessions": self.sessions.get(team_id, 0),
        }


def _team_filter(queryset, teams, path):
    if isinstance(teams, QuerySet):
        return queryset.filter(**{f"{path}__in": teams.values("pk")}), None
    ids = {getattr(team, "pk", team) for team in teams}
    if len(ids) <= IN_LIST_LIMIT:
        return queryset.filter(**{f"{path}_id__in": ids}), None
    return queryset, ids


def buddy_counts(*, teams) -> BuddyCounts:
    """Open requests, current buddies and coaching sessions per team (the buddy's current team) for
    many teams at once (dashboards). `teams`: a queryset of Team or an iterable of teams or ids. Two
    queries whatever the numbers. Returns BuddyCounts."""
    pairs, only = _team_filter(BuddyPair.objects.filter(status__in=BuddyPair.OPEN_STATUSES), teams, "employee__team")
    requested, paired = defaultdict(int), defaultdict(int)
    for team_id, status, count in (
        pairs.order_by().values_list("employee__team_id", "status").annotate(count=Count("pk"))
    ):
        if only is not None and team_id not in only:
            continue
        (requested if status == BuddyPair.Status.REQUESTED else paired)[team_id] += count
    sessions_qs, only = _team_filter(CoachingSession.objects.all(), teams, "card__pair__employee__team")
    sessions = defaultdict(int)
    for team_id, count in (
        sessions_qs.order_by().values_list("card__pair__employee__team_id").annotate(count=Count("pk"))
    ):
        if only is None or team_id in only:
            sessions[team_id] += count
    return BuddyCounts(requested=dict(requested), paired=dict(paired), sessions=dict(sessions))


# ---------------------------------------------------------------------------------------------
# Ambassadors


def ambassador_of(*, person: User) -> Ambassador | None:
    """The person's row in the ambassador register (any status), or None. One query."""
    return Ambassador.objects.filter(person=person).first()


def ambassador_register(*, municipalities) -> list[Ambassador]:
    """The ambassador register of `municipalities`: sign-ups waiting for a decision first, then
    ambassadors, then the rest; with person, team, municipality and who decided. Kept until a write
    of the support programme or the organisation (coaching.caching): one query for the ids, one
    more when not cached."""
    ids = _ids(municipalities)
    return cached_support_read("ambassador-register", ids, lambda: _ambassador_register(ids))


def _ambassador_register(municipalities) -> list[Ambassador]:
    order = {
        Ambassador.Status.VOLUNTEERED: 0,
        Ambassador.Status.CONFIRMED: 1,
        Ambassador.Status.DECLINED: 2,
        Ambassador.Status.STOPPED: 3,
    }
    rows = list(
        Ambassador.objects.filter(municipality__in=municipalities).select_related(
            "person__team", "municipality", "decided_by"
        )
    )
    return sorted(
        rows,
        key=lambda row: (order[row.status], row.municipality.name, row.person.surname_sort, row.person.first_name),
    )


def cached_ambassador_of(*, person: User) -> Ambassador | None:
    """ambassador_of, kept until a write of the support programme (every volunteer, decision and
    stop is one) or the organisation. For showing; a write reads ambassador_of. No query when kept."""
    return cached_support_read("ambassador-of", [person.pk], lambda: ambassador_of(person=person))


@dataclass(frozen=True)
class AmbassadorPage:
    """What a confirmed ambassador sees: `items`, the month's content of their municipality to share
    (campaigns.selectors.content_to_share_kept), and `audiences`: the persona audiences (with their
    messages and attention points) that colleagues fall into, plus 'Allen'. No personal data.

    `key` says when the page changes (the content's key and the personas' version); `items` and
    `audiences` are read only when used, so a page kept for its key reads neither."""

    month: datetime.date
    key: tuple

    @cached_property
    def items(self) -> list:
        return content_to_share_kept(key=self.key[0])

    @cached_property
    def audiences(self) -> list:
        return [
            audience
            for audience in audiences_with_texts()
            if audience.slug == Audience.ALL or (audience.persona_id and audience.slug in Persona.Identity.values)
        ]


def ambassador_page(*, ambassador: Ambassador, today: datetime.date) -> AmbassadorPage:
    """The ambassador's page (plan §5.1: ambassadors share content and speak to their colleagues'
    personas): this month's content to share and the messages per persona. One query and one cache
    read for its key; two more cache reads (five queries when not kept) for its content when the
    page is not kept for that key."""
    content_key = content_to_share_key(municipality_id=ambassador.municipality_id, today=today)
    return AmbassadorPage(month=month_start(today), key=(content_key, versions_of([PERSONAS_NAMESPACE])))


# ---------------------------------------------------------------------------------------------
# Inspiration sessions


def sessions_visible_to(*, person: User):
    """Sessions `person` may see and join: their municipality's and those for everyone (lazy
    queryset, cancelled ones included)."""
    return InspirationSession.objects.filter(Q(municipality__isnull=True) | Q(municipality_id=person.municipality_id))


def _with_counts(sessions):
    return sessions.annotate(
        signed_up_count=Count("signups", filter=Q(signups__status=SignUp.Status.SIGNED_UP), distinct=True),
        waiting_count=Count("signups", filter=Q(signups__status=SignUp.Status.WAITING), distinct=True),
    )


def sessions_for_person(*, person: User, now: datetime.datetime | None = None) -> list[InspirationSession]:
    """The sessions `person` can go to that have not ended, soonest first, each annotated with
    `signed_up_count`, `waiting_count` and `own_status` (their SignUp status or None), with
    municipality and content item loaded. Kept until a write of the support programme or the
    organisation, and never past the next start or end of a listed session (coaching.caching);
    one query when not cached. `now` (for tests) reads without the cache."""
    if now is not None:
        return _sessions_for_person(person, now)
    built = timezone.now()
    return cached_support_read(
        "sessions-for-person",
        [person.pk, person.municipality_id],
        lambda: _sessions_for_person(person, built),
        expires=lambda sessions: _seconds_to_next_turn(sessions, built),
    )


def _seconds_to_next_turn(sessions, now: datetime.datetime) -> float:
    """Seconds until one of `sessions` starts or ends (then what a page shows of it changes)."""
    moments = [moment for session in sessions for moment in (session.starts_at, session.ends_at) if moment > now]
    return (min(moments) - now).total_seconds() if moments else float("inf")


def _sessions_for_person(person: User, now: datetime.datetime) -> list[InspirationSession]:
    own = SignUp.objects.filter(session=OuterRef("pk"), person=person).values("status")[:1]
    sessions = (
        _with_counts(sessions_visible_to(person=person).filter(starts_at__gte=now - datetime.timedelta(hours=8)))
        .annotate(own_status=Subquery(own))
        .select_related("municipality")
        .order_by("starts_at", "pk")
    )
    return [session for session in sessions if session.ends_at >= now]


@dataclass(frozen=True)
class SessionForPerson:
    """One session as a participant sees it: the session (with counts), their own SignUp (or None),
    their place on the waiting list (1 = next; None when not waiting), places left, and whether
    they can still sign up or cancel (not started, not cancelled)."""

    session: InspirationSession
    signup: SignUp | None
    waiting_position: int | None
    places_left: int
    is_open: bool


def session_for_person(*, session: InspirationSession, person: User, now=None) -> SessionForPerson:
    """The session page for `person` (SessionForPerson); kept until a write of the support
    programme or the organisation, and never past the session's start or end (coaching.caching).
    Three queries when not cached. `now` (for tests) reads without the cache."""
    if now is not None:
        return _session_for_person(session, person, now)
    built = timezone.now()
    return cached_support_read(
        "session-for-person",
        [session.pk, person.pk],
        lambda: _session_for_person(session, person, built),
        expires=lambda view: _seconds_to_next_turn([view.session], built),
    )


def _session_for_person(session: InspirationSession, person: User, now) -> SessionForPerson:
    # Not the content item: the planner changes it, which the support version does not see; the
    # page reads it when it shows it.
    counted = (
        _with_counts(InspirationSession.objects.filter(pk=session.pk)).select_related("municipality", "organiser").get()
    )
    signup = SignUp.objects.filter(session=session, person=person).first()
    position = None
    if signup is not None and signup.status == SignUp.Status.WAITING:
        position = (
            SignUp.objects.filter(session=session, status=SignUp.Status.WAITING)
            .filter(Q(queued_at__lt=signup.queued_at) | Q(queued_at=signup.queued_at, pk__lt=signup.pk))
            .count()
            + 1
        )
    return SessionForPerson(
        session=counted,
        signup=signup,
        waiting_position=position,
        places_left=max(0, counted.capacity - counted.signed_up_count),
        is_open=not counted.is_cancelled and counted.starts_at > now,
    )


def sessions_for_organisers(*, municipalities, now=None) -> dict:
    """Sessions of `municipalities` and those for everyone, with counts and `attended_count`:
    {"upcoming": [...] soonest first, "past": [...] newest first}. One query."""
    now = now or timezone.now()
    sessions = list(
        _with_counts(
            InspirationSession.objects.filter(Q(municipality__in=municipalities) | Q(municipality__isnull=True))
        )
        .annotate(attended_count=Count("signups", filter=Q(signups__attended=True), distinct=True))
        .select_related("municipality", "content_item")
        .order_by("starts_at", "pk")
    )
    return {
        "upcoming": [session for session in sessions if session.starts_at > now],
        "past": [session for session in reversed(sessions) if session.starts_at <= now],
    }


def session_participants(*, session: InspirationSession) -> dict:
    """Who signed up for the session, for its organiser: {"signed_up": [...], "waiting": [...],
    "cancelled": count}, each a SignUp with the person and their team, in queue order. Kept until a
    write of the support programme (every sign-up, cancellation, promotion and attendance is one)
    or the organisation; one query when not kept."""
    return cached_support_read("session-participants", [session.pk], lambda: _session_participants(session))


def _session_participants(session):
    signups = list(session.signups.select_related("person__team").order_by("queued_at", "pk"))
    return {
        "signed_up": [signup for signup in signups if signup.status == SignUp.Status.SIGNED_UP],
        "waiting": [signup for signup in signups if signup.status == SignUp.Status.WAITING],
        "cancelled": sum(1 for signup in signups if signup.status == SignUp.Status.CANCELLED),
    }


def session_content_item(*, session: InspirationSession) -> ContentItem | None:
    """The content item `session` is linked to (None without one), for its organisers' pages. Kept
    until any plan write (campaigns.caching.plans_changed: an item's every write is one; a session
    for everyone may link to any municipality's item). No query when kept, one otherwise."""
    if session.content_item_id is None:
        return None
    return versioned_many(
        [PLANS],
        ["session-content-item", session.content_item_id],
        lambda: ContentItem.objects.filter(pk=session.content_item_id).first(),
        seconds=SUPPORT_SECONDS,
    )


def session_participants_markup(*, session: InspirationSession) -> str:
    """The organiser's participant list of `session` (coaching/_participants.html, rendered from
    session_participants), kept until a write of the support programme or the organisation, per
    language: one cache read for the whole block."""

    def render():
        context = {"session": session, "participants": _session_participants(session)}
        return render_to_string("coaching/_participants.html", context)

    return cached_support_read("session-participants-markup", [session.pk, session.capacity, get_language()], render)


def session_content_choices(*, municipalities):
    """Content items a session can be linked to: events (format "Bijeenkomst of sessie") of
    `municipalities`, not cancelled, newest campaign first (a lazy queryset with municipality)."""
    return (
        ContentItem.objects.filter(municipality__in=municipalities, format=ContentItem.Format.EVENT)
        .exclude(status=ContentItem.Status.CANCELLED)
        .select_related("municipality", "campaign")
        .order_by("-campaign__kick_off_date", "municipality__name", "title", "publish_on", "pk")
    )


@dataclass(frozen=True)
class SessionReminder:
    """A session starting on the day asked for, and the ids of the people signed up for it."""

    session: InspirationSession
    person_ids: list


def sessions_on(*, day: datetime.date) -> list[SessionReminder]:
    """The planned (not cancelled) sessions that start on `day` (Europe/Amsterdam), each with the
    ids of the people signed up (not waiting, not cancelled): for a reminder the day before
    (`sessions_on(day=tomorrow)`). Two queries."""
    start = timezone.make_aware(datetime.datetime.combine(day, datetime.time.min))
    end = timezone.make_aware(datetime.datetime.combine(day + datetime.timedelta(days=1), datetime.time.min))
    sessions = list(
        InspirationSession.objects.filter(
            status=InspirationSession.Status.PLANNED, starts_at__gte=start, starts_at__lt=end
        ).order_by("starts_at", "pk")
    )
    people = defaultdict(list)
    for session_id, person_id in (
        SignUp.objects.filter(session__in=sessions, status=SignUp.Status.SIGNED_UP)
        .order_by("queued_at", "pk")
        .values_list("session_id", "person_id")
    ):
        people[session_id].append(person_id)
    return [SessionReminder(session=session, person_ids=people[session.pk]) for session in sessions]


@dataclass(frozen=True)
class SessionCounts:
    """Per municipality id (None: sessions for everyone): sessions held (`held`, started and not
    cancelled), places taken (`signed_up`) and attendances (`attended`)."""

    held: dict
    signed_up: dict
    attended: dict


def session_counts(*, start: datetime.date, end: datetime.date) -> SessionCounts:
    """Counts of the inspiration sessions that started between `start` and `end` (inclusive,
    Europe/Amsterdam), per municipality (dashboards). One query."""
    since = timezone.make_aware(datetime.datetime.combine(start, datetime.time.min))
    until = timezone.make_aware(datetime.datetime.combine(end + datetime.timedelta(days=1), datetime.time.min))
    rows = (
        InspirationSession.objects.filter(
            status=InspirationSession.Status.PLANNED, starts_at__gte=since, starts_at__lt=until
        )
        .filter(starts_at__lte=timezone.now())
        .values("municipality_id")
        .annotate(
            held=Count("pk", distinct=True),
            signed_up=Count("signups", filter=Q(signups__status=SignUp.Status.SIGNED_UP), distinct=True),
            attended=Count("signups", filter=Q(signups__attended=True), distinct=True),
        )
        .order_by()
    )
    held, signed_up, attended = {}, {}, {}
    for row in rows:
        held[row["municipality_id"]] = row["held"]
        signed_up[row["municipality_id"]] = row["signed_up"]
        attended[row["municipality_id"]] = row["attended"]
    return SessionCounts(held=held, signed_up=signed_up, attended=attended)


# ---------------------------------------------------------------------------------------------
# Compliment cards


def _not_blocked(cards, person):
    return cards.exclude(Exists(CardBlock.objects.filter(person=person, blocked=OuterRef("sender"))))


def cards_received(*, person: User, since: datetime.datetime | None = None):
    """Cards `person` received (from senders they have not blocked), newest first, with the sender
    and their team (a lazy queryset); `since` limits it to cards sent from then on."""
    cards = _not_blocked(ComplimentCard.objects.filter(recipient=person, delivered=True), person)
    if since is not None:
        cards = cards.filter(sent_at__gte=since)
    return cards.select_related("sender__team").order_by("-sent_at", "-pk")


@dataclass(frozen=True)
class CardsPage:
    """The compliment cards page: `received` (a Page of cards_received with its paginator), the
    newest `sent` (at most `per_page`), `blocks` (CardBlock list) and `email_wanted`."""

    received: Page
    sent: list
    blocks: list
    email_wanted: bool


def cards_page(*, person: User, page_number, per_page: int) -> CardsPage:
    """The person's cards page (CardsPage) with page `page_number` (as typed: Paginator.get_page's
    rules) of the cards received; kept until a write of the support programme (a card, a block, the
    e-mail preference) or the organisation (coaching.caching). Five queries when not cached."""

    def build():
        received = cards_received(person=person)
        count = received.count()
        page = KnownCountPaginator(received, per_page, count=count).get_page(page_number)
        return (
            count,
            page.number,
            list(page.object_list),
            list(cards_sent(person=person)[:per_page]),
            list(card_blocks(person=person)),
            card_email_wanted(person=person),
        )

    count, number, received, sent, blocks, wanted = cached_support_read(
        "cards-page", [person.pk, per_page, page_key(page_number)], build
    )
    page = Page(received, number, KnownCountPaginator([], per_page, count=count))
    return CardsPage(received=page, sent=sent, blocks=blocks, email_wanted=wanted)


def cards_sent(*, person: User):
    """Cards `person` sent, newest first, with the recipient and their team (a lazy queryset)."""
    return ComplimentCard.objects.filter(sender=person).select_related("recipient__team").order_by("-sent_at", "-pk")


def card_blocks(*, person: User):
    """Whom `person` blocked, with their team (a lazy queryset of CardBlock)."""
    return CardBlock.objects.filter(person=person).select_related("blocked__team").order_by("-created_at", "-pk")


def card_email_wanted(*, person: User) -> bool:
    """Whether `person` wants an e-mail when a card arrives (default yes). One query."""
    return not CardPreference.objects.filter(person=person, email_on_card=False).exists()


def colleague_search(*, person: User, query: str) -> list[User]:
    """Active colleagues of `person`'s municipality whose name or e-mail address contains every word
    of `query` (at least two characters), by surname; at most COLLEAGUE_RESULTS, with their team.
    Not `person` themselves. One query; [] for a short query."""
    words = [word for word in (query or "").split() if word][:4]
    if not person.municipality_id or len("".join(words)) < 2:
        return []
    people = User.objects.filter(municipality_id=person.municipality_id, is_active=True).exclude(pk=person.pk)
    for word in words:
        word = word[:50]
        people = people.filter(Q(first_name__icontains=word) | Q(last_name__icontains=word) | Q(email__icontains=word))
    return list(
        people.select_related("team").order_by("surname_sort", "last_name", "first_name", "pk")[:COLLEAGUE_RESULTS]
    )


@dataclass(frozen=True)
class ComplimentCounts:
    """Cards sent and received per team and month: `sent` and `received` map (team id, month first
    day) to a count. Counts only, no names (plan §5.1 cards; dashboards)."""

    months: tuple
    sent: dict
    received: dict

    def sent_by(self, team_id, month: datetime.date) -> int:
        return self.sent.get((team_id, month_start(month)), 0)

    def received_by(self, team_id, month: datetime.date) -> int:
        return self.received.get((team_id, month_start(month)), 0)

    def total_sent(self, month: datetime.date) -> int:
        month = month_start(month)
        return sum(count for (_team, when), count in self.sent.items() if when == month)

    def total_received(self, month: datetime.date) -> int:
        month = month_start(month)
        return sum(count for (_team, when), count in self.received.items() if when == month)


def compliment_counts(*, teams, months) -> ComplimentCounts:
    """Compliment cards sent and received per team and month, for many teams at once (dashboards).
    A card counts for the teams of sender and recipient at the moment it was sent. `teams`: a
    queryset of Team or an iterable of teams or ids; `months`: dates, each standing for its month.
    Two queries whatever the numbers. Returns ComplimentCounts."""
    wanted = tuple(sorted({month_start(month) for month in months}))
    if not wanted:
        return ComplimentCounts(months=(), sent={}, received={})
    cards = ComplimentCard.objects.filter(month__in=wanted)
    result = {}
    for side in ("sender_team", "recipient_team"):
        # A card that was not delivered (a block) was sent, but not received.
        rows, only = _team_filter(cards if side == "sender_team" else cards.filter(delivered=True), teams, side)
        counts = {}
        for team_id, month, count in rows.order_by().values_list(f"{side}_id", "month").annotate(count=Count("pk")):
            if only is None or team_id in only:
                counts[(team_id, month)] = count
        result[side] = counts
    return ComplimentCounts(months=wanted, sent=result["sender_team"], received=result["recipient_team"])


# ---------------------------------------------------------------------------------------------
# Certificates


@dataclass(frozen=True)
class CertificateEntry:
    """A campaign in which the employee finished both zelfscan rounds: the campaign, the day, and
    their Certificate once issued (None before)."""

    campaign: object  # campaigns.Campaign
    completed_on: datetime.date
    certificate: Certificate | None


def certificate_entries(*, employee: User) -> list[CertificateEntry]:
    """The employee's certificates, issued or still to download: one CertificateEntry per campaign
    in which they submitted both zelfscan rounds (the rule: selfscan.selectors.scan_completions).
    Kept until a certificate is issued or revoked (the support version), a scan, a round or a
    campaign of their municipality changes (its participation version) or the organisation
    changes; one to three queries when not cached."""
    if not employee.municipality_id:
        return _certificate_entries(employee)
    return versioned_many(
        [SUPPORT, ORGANISATION, participation_namespace(employee.municipality_id)],
        ["certificate-entries", employee.pk, employee.municipality_id],
        lambda: _certificate_entries(employee),
        seconds=SUPPORT_SECONDS,
    )


def _certificate_entries(employee: User) -> list[CertificateEntry]:
    completions = scan_completions(employee=employee)
    if not completions:
        return []
    issued = {
        certificate.campaign_id: certificate
        for certificate in Certificate.objects.filter(
            employee=employee, campaign_id__in=[completion.campaign.pk for completion in completions]
        )
    }
    return [
        CertificateEntry(
            campaign=completion.campaign,
            completed_on=completion.completed_on,
            certificate=issued.get(completion.campaign.pk),
        )
        for completion in completions
    ]


class VerificationStatus:
    VALID = "valid"
    REVOKED = "revoked"
    UNKNOWN = "unknown"


@dataclass(frozen=True)
class Verification:
    """What the public verification page may say about a code: its status (VerificationStatus),
    and only for a valid code the name and date on the certificate. Nothing else, ever."""

    status: str
    name: str = ""
    completed_on: datetime.date | None = None
    code: str = field(default="", repr=False)


def certificate_verify(*, code: str) -> Verification:
    """Look up a verification code as typed (codes.normalise): VALID with name and date, REVOKED
    (without either), or UNKNOWN. A found code's answer is kept until a write of the support
    programme (issuing and revoking are) or the organisation (a person deleted takes their
    certificates along); an unknown one is not kept (typed codes do not fill the cache). At most
    one query."""
    normalised = codes.normalise(code)
    if not normalised:
        return Verification(status=VerificationStatus.UNKNOWN)
    return cached_support_read(
        "certificate-verify",
        [normalised],
        lambda: _certificate_verify(normalised),
        expires=lambda found: SUPPORT_SECONDS if found.status != VerificationStatus.UNKNOWN else 0,
    )


def _certificate_verify(normalised: str) -> Verification:
    certificate = (
        Certificate.objects.filter(code=normalised).only("full_name", "completed_on", "revoked_at", "code").first()
    )
    if certificate is None:
        return Verification(status=VerificationStatus.UNKNOWN)
    if certificate.is_revoked:
        return Verification(status=VerificationStatus.REVOKED, code=certificate.display_code)
    return Verification(
        status=VerificationStatus.VALID,
        name=certificate.full_name,
        completed_on=certificate.completed_on,
        code=certificate.display_code,
    )


def certificates_for_lead(*, query: str = ""):
    """All certificates for the programme lead, newest first, with campaign and who revoked;
    `query` matches a name or a code (as typed). A lazy queryset."""
    certificates = Certificate.objects.select_related("campaign", "revoked_by").order_by("-issued_at", "-pk")
    query = (query or "").strip()[:100]
    if query:
        code = codes.normalise(query)
        condition = Q(full_name__icontains=query)
        if code:
            condition |= Q(code=code)
        certificates = certificates.filter(condition)
    return certificates


# ---------------------------------------------------------------------------------------------
# The employee's start page


@dataclass(frozen=True)
class EmployeeSupport:
    """The support programme on the employee's start page: `buddy` (their open BuddyPair with the
    coach, or None) and its current CardView, the newest `cards` received recently, the `sessions`
    they signed up for that are still to come, `certificates` (CertificateEntry list), and their
    `ambassador` row (or None)."""

    buddy: BuddyPair | None
    buddy_card: CardView | None
    cards: list
    sessions: list
    certificates: list
    ambassador: Ambassador | None


def employee_support(
    *, employee: User, now: datetime.datetime | None = None, certificates: list | None = None
) -> EmployeeSupport:
    """Everything of the support programme for the employee's start page (EmployeeSupport).

    Buddy, cards, sessions and the ambassador row come from the cache while nothing in the support
    programme or the organisation changed (coaching.caching), and while they are still true: until
    the first listed session starts or the oldest listed card is no longer recent. Then one to three
    queries (the certificates, which follow the scans; none when the caller has read them:
    `certificates`, certificate_entries' list); at most nine without the cache. `now` (for tests)
    reads without the cache."""
    if now is not None:
        parts = _support_parts(employee, now)
    else:
        parts = cached_support(
            person_id=employee.pk, build=lambda: _support_parts(employee, timezone.now()), expires=_true_for
        )
    if certificates is None:
        certificates = certificate_entries(employee=employee)
    return _employee_support(parts, certificates)


@dataclass(frozen=True)
class _SupportParts:
    built_at: datetime.datetime
    buddy: BuddyOverview
    cards: list
    sessions: list
    ambassador: Ambassador | None


def _support_parts(employee: User, now: datetime.datetime) -> _SupportParts:
    cards = list(cards_received(person=employee, since=now - datetime.timedelta(days=RECENT_CARD_DAYS))[:3])
    sessions = list(
        InspirationSession.objects.filter(
            signups__person=employee,
            signups__status__in=[SignUp.Status.SIGNED_UP, SignUp.Status.WAITING],
            starts_at__gte=now,
            status=InspirationSession.Status.PLANNED,  # a cancelled session is no longer to come
        )
        .annotate(
            own_status=Subquery(SignUp.objects.filter(session=OuterRef("pk"), person=employee).values("status")[:1])
        )
        .order_by("starts_at", "pk")[:3]
    )
    return _SupportParts(
        built_at=now,
        buddy=_buddy_overview(employee),
        cards=cards,
        sessions=sessions,
        ambassador=ambassador_of(person=employee),
    )


def _true_for(parts: _SupportParts) -> float:
    """Seconds until the parts stop being true by the clock alone: a listed session starts, or the
    oldest listed card is no longer among the recent ones."""
    moments = [session.starts_at for session in parts.sessions]
    moments += [card.sent_at + datetime.timedelta(days=RECENT_CARD_DAYS) for card in parts.cards]
    if not moments:
        return float("inf")
    return (min(moments) - parts.built_at).total_seconds()


def _employee_support(parts: _SupportParts, certificates: list) -> EmployeeSupport:
    return EmployeeSupport(
        buddy=parts.buddy.pair,
        buddy_card=parts.buddy.current,
        cards=parts.cards,
        sessions=parts.sessions,
        certificates=certificates,
        ambassador=parts.ambassador,
    )


# ---------------------------------------------------------------------------------------------
# Planning an inspiration session


def session_day_warnings(*, day: datetime.date, municipalities) -> list[str]:
    """What an organiser should know before planning a session on `day` for the employees of
    `municipalities` (Municipality objects): a weekend or a Dutch public holiday (common.workdays),
    and a day outside the campaign of one of them (attendance counts as learning only within the
    campaign: learning.date_rule). [] when there is nothing to say. One query per municipality."""
    warnings = []
    # Both when both hold: 26 December 2026 is a Saturday and Tweede kerstdag.
    reasons = [reason for reason in (non_working_reason(day), holiday_name(day)) if reason]
    if reasons:
        warnings.append(
            _("%(date)s is geen werkdag (%(reason)s).")
            % {"date": long_date(day), "reason": ", ".join(dict.fromkeys(reasons))}
        )
    outside = [
        municipality.name
        for municipality in municipalities
        if not campaign_covers(municipality_id=municipality.pk, day=day)
    ]
    if outside:
        warnings.append(
            _("%(date)s valt buiten de campagne van %(names)s: aanwezigheid telt dan niet als leeractiviteit.")
            % {"date": long_date(day), "names": ", ".join(sorted(outside))}
        )
    return warnings
