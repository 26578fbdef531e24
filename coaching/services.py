"""Writes of the support programme (plan §5.1). Each validates first and raises ValidationError with
a Dutch message (by field where a form has the field); nothing is written then.

Repeated calls are safe where a person may click twice: asking for a buddy, volunteering, signing up
and blocking return what is already there; numbered things (cards, strips) are kept unique by the
database, so a simultaneous second request fails instead of adding one too many.
"""

import datetime
import re
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from campaigns.models import Campaign, ContentItem
from common.dates import long_date, month_start
from learning.date_rule import LearningDateRule
from learning.models import LearningActivity
from learning.services import activity_record, activity_withdraw
from organisations.caching import organisation_changed, participation_changed
from organisations.models import Municipality, User
from selfscan.selectors import scan_completions

from . import codes
from .caching import changes_support, support_changed
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
    Topic,
)
from .selectors import coach_load, current_card


def _figures_changed(*municipality_ids) -> None:
    # The dashboards count buddies, digicoach sessions, compliment cards and inspiration sessions
    # (held, sign-ups, attendance): a write that changes them has them recounted. A session for
    # every municipality (municipality None) counts in all of them.
    if None in municipality_ids:
        municipality_ids = Municipality.objects.values_list("pk", flat=True)
    participation_changed(municipality_ids=municipality_ids)


# ---------------------------------------------------------------------------------------------
# Digicoaches


def _clean_topics(topics) -> list[str]:
    return [topic for topic in Topic.values if topic in set(topics or [])]


@changes_support
def coach_register(*, person: User, capacity: int, topics, registered_by: User) -> Coach:
    """Make `person` a digicoach of their own municipality (plan §5.1, digicoaches/buddyprogramma),
    taking on at most `capacity` buddies (1 to Coach.MAX_CAPACITY) and helping with `topics`
    (Topic values). Registering someone who was a coach before makes them active again.

    Sets the role flag User.is_digicoach. Returns the Coach. Raises ValidationError for a person who
    is inactive or has no municipality, or a capacity out of range.
    """
    if not person.is_active:
        raise ValidationError(_("Deze medewerker is niet meer actief."))
    if not person.municipality_id:
        raise ValidationError(_("Van deze medewerker is de gemeente niet bekend."))
    coach = Coach.objects.filter(user=person).first() or Coach(user=person, registered_by=registered_by)
    coach.municipality_id = person.municipality_id
    coach.capacity, coach.topics, coach.is_active = capacity, _clean_topics(topics), True
    coach.full_clean(exclude=["user", "registered_by"], validate_unique=False)
    with transaction.atomic():
        coach.save()
        User.objects.filter(pk=person.pk).update(is_digicoach=True)
        organisation_changed()  # a role of a person: counted on the programme lead's start page
    person.is_digicoach = True
    return coach


@changes_support
def coach_update(*, coach: Coach, capacity: int, topics) -> Coach:
    """Change how many buddies the coach takes on and what they help with. A capacity below the
    current number of buddies is allowed: it only stops new pairings. Raises ValidationError for a
    capacity out of range."""
    coach.capacity, coach.topics = capacity, _clean_topics(topics)
    coach.full_clean(exclude=["user", "registered_by", "municipality"], validate_unique=False)
    coach.save(update_fields=["capacity", "topics"])
    return coach


@changes_support
@transaction.atomic
def coach_deactivate(*, coach: Coach) -> int:
    """Stop someone being a digicoach: the role flag goes off, and their buddies go back to the
    list of requests with their strippenkaart and history, to be paired with another coach.
    Returns how many buddies went back."""
    coach.is_active = False
    coach.save(update_fields=["is_active"])
    User.objects.filter(pk=coach.user_id).update(is_digicoach=False)
    organisation_changed()  # a role of a person: counted on the programme lead's start page
    returned = BuddyPair.objects.filter(coach_id=coach.user_id, status=BuddyPair.Status.PAIRED).update(
        coach=None, status=BuddyPair.Status.REQUESTED, paired_at=None, paired_by=None
    )
    if returned:
        _figures_changed(coach.municipality_id)
    return returned


def coach_profile_for(*, user: User) -> Coach:
    """The user's Coach row, created (with default capacity, in their municipality) when a person
    holds the digicoach role without one (a flag set in the admin). Raises ValidationError for a
    user without the role or without a municipality."""
    coach = Coach.objects.filter(user=user).first()
    if coach is not None:
        return coach
    if not user.is_digicoach or not user.municipality_id:
        raise ValidationError(_("Je bent (nog) geen digicoach van een gemeente."))
    coach, created = Coach.objects.get_or_create(user=user, defaults={"municipality_id": user.municipality_id})
    if created:
        support_changed()  # a new digicoach: the kept lists of digicoaches are old
    return coach


# ---------------------------------------------------------------------------------------------
# Buddies and the strippenkaart


@changes_support
def buddy_request(*, employee: User, topic: str = "", topic_note: str = "", contact: str = "") -> BuddyPair:
    """The employee asks for a buddy (plan §5.1: a digicoach for the hesitant technology user),
    optionally with a `topic` (Topic), a short `topic_note` (at most 200 characters) and how they
    like contact (BuddyPair.Contact; default: either).

    An employee has at most one open request or pair: asking again returns that one unchanged.
    Returns the BuddyPair (status requested or paired). Raises ValidationError for an employee
    without a municipality or bad values.
    """
    existing = BuddyPair.objects.filter(employee=employee, status__in=BuddyPair.OPEN_STATUSES).first()
    if existing is not None:
        return existing
    if not employee.municipality_id:
        raise ValidationError(_("Je gemeente is nog niet bekend, daarom kunnen we nog geen buddy zoeken."))
    pair = BuddyPair(
        employee=employee,
        municipality_id=employee.municipality_id,
        topic=topic or "",
        topic_note=" ".join((topic_note or "").split()),
        contact=contact or BuddyPair.Contact.EITHER,
    )
    pair.full_clean(exclude=["employee", "municipality", "coach", "paired_by"], validate_constraints=False)
    try:
        with transaction.atomic():
            pair.save()
    except IntegrityError:
        # A simultaneous request of the same person got there first.
        return BuddyPair.objects.get(employee=employee, status__in=BuddyPair.OPEN_STATUSES)
    return pair


@changes_support
def buddy_stop(*, pair: BuddyPair) -> BuddyPair:
    """The employee withdraws their request, or ends the pairing with their coach. Returns the pair
    (withdrawn or ended); a pair that was already closed is returned unchanged."""
    now = timezone.now()
    if pair.status == BuddyPair.Status.REQUESTED:
        BuddyPair.objects.filter(pk=pair.pk, status=BuddyPair.Status.REQUESTED).update(
            status=BuddyPair.Status.WITHDRAWN, ended_at=now
        )
    elif pair.status == BuddyPair.Status.PAIRED:
        BuddyPair.objects.filter(pk=pair.pk, status=BuddyPair.Status.PAIRED).update(
            status=BuddyPair.Status.ENDED, ended_at=now
        )
        _figures_changed(pair.municipality_id)
    pair.refresh_from_db()
    return pair


@changes_support
def buddy_pair(*, pair: BuddyPair, coach: User, by: User) -> BuddyPair:
    """Pair a requested buddy with `coach` (done by the coach themselves or the programme lead).

    The coach must be an active digicoach of the buddy's municipality with room (fewer buddies than
    their capacity), and not the buddy themselves. A first pairing gives the pair its first
    strippenkaart (PunchCard.DEFAULT_STRIPS strips); a buddy paired again keeps their card.

    Returns the pair. Raises ValidationError when the request was already paired or withdrawn
    (also when someone else paired it a moment earlier), or for a coach who does not fit.
    """
    if pair.status != BuddyPair.Status.REQUESTED:
        raise ValidationError(_("Deze aanvraag is al gekoppeld of ingetrokken."))
    if coach.pk == pair.employee_id:
        raise ValidationError({"coach": _("Iemand kan niet zijn eigen buddy zijn.")})
    if not coach.is_digicoach or not coach.is_active:
        raise ValidationError({"coach": _("Deze medewerker is geen actieve digicoach.")})
    profile = coach_profile_for(user=coach)
    if not profile.is_active:
        raise ValidationError({"coach": _("Deze medewerker is geen actieve digicoach.")})
    if profile.municipality_id != pair.municipality_id:
        raise ValidationError({"coach": _("Deze digicoach hoort bij een andere gemeente.")})
    capacity = profile.capacity
    with transaction.atomic():
        # Lock the coach's row, so two pairings at once cannot both take the last place.
        User.objects.select_for_update().filter(pk=coach.pk).first()
        if coach_load(coach_user_id=coach.pk) >= capacity:
            raise ValidationError(
                {"coach": _("Deze digicoach begeleidt al %(count)s buddy's, het maximum.") % {"count": capacity}}
            )
        claimed = BuddyPair.objects.filter(pk=pair.pk, status=BuddyPair.Status.REQUESTED).update(
            coach=coach, status=BuddyPair.Status.PAIRED, paired_at=timezone.now(), paired_by=by
        )
        if not claimed:
            raise ValidationError(_("Deze aanvraag is net door iemand anders gekoppeld."))
        if not PunchCard.objects.filter(pair=pair).exists():
            PunchCard.objects.create(pair=pair, number=1, created_by=by)
        _figures_changed(pair.municipality_id)
    pair.refresh_from_db()
    return pair


@changes_support
def pair_end(*, pair: BuddyPair) -> BuddyPair:
    """The coach or the programme lead rounds off a pairing (status ended). Returns the pair;
    one that was not paired is returned unchanged."""
    if BuddyPair.objects.filter(pk=pair.pk, status=BuddyPair.Status.PAIRED).update(
        status=BuddyPair.Status.ENDED, ended_at=timezone.now()
    ):
        _figures_changed(pair.municipality_id)
    pair.refresh_from_db()
    return pair


@changes_support
def card_renew(*, pair: BuddyPair, by: User, strips: int = PunchCard.DEFAULT_STRIPS) -> PunchCard:
    """A new strippenkaart of `strips` strips (1 to PunchCard.MAX_STRIPS) for a paired buddy whose
    card is full. Returns the new PunchCard. Raises ValidationError when the pair is not paired or
    the current card still has strips left."""
    if not pair.is_paired:
        raise ValidationError(_("Alleen een gekoppelde buddy krijgt een nieuwe strippenkaart."))
    card = current_card(pair=pair)
    if card is not None and card.sessions.count() < card.strips:
        raise ValidationError(_("De strippenkaart is nog niet vol."))
    new = PunchCard(pair=pair, number=(card.number + 1) if card else 1, strips=strips, created_by=by)
    new.full_clean(exclude=["pair", "created_by"], validate_unique=False, validate_constraints=False)
    try:
        with transaction.atomic():
            new.save()
    except IntegrityError:
        raise ValidationError(_("Er is net al een nieuwe strippenkaart gemaakt.")) from None
    return new


def _session_learning(session: CoachingSession, buddy: User, today: datetime.date) -> None:
    activity_record(
        employee=buddy,
        reference=session.learning_reference,
        date=session.date,
        kind=LearningActivity.Kind.COACHING,
        title=_("Digicoach: %(topic)s") % {"topic": session.topic},
        minutes=session.minutes,
        today=today,
    )


@changes_support
def coaching_session_log(
    *,
    pair: BuddyPair,
    coach: User,
    date: datetime.date,
    topic: str,
    minutes: int,
    today: datetime.date | None = None,
) -> CoachingSession:
    """The coach logs a session with their buddy (plan §5.1, strippenkaart digicoach): its `date`
    (not in the future, not before the pairing), `topic` and `minutes` (1 to
    CoachingSession.MAX_MINUTES). It takes the next strip of the current card and also counts as
    learning activity of the buddy (learning kind "coaching").

    Returns the CoachingSession. Raises ValidationError (by field) when `coach` is not the pair's
    coach, the pair is not paired, the card is full, or for bad values.
    """
    today = today or timezone.localdate()
    if not pair.is_paired or pair.coach_id != coach.pk:
        raise ValidationError(_("Alleen de digicoach van deze buddy legt sessies vast."))
    errors = {}
    if date and date > today:
        errors["date"] = _("Leg een sessie vast als hij is geweest: kies vandaag of een eerdere dag.")
    elif date and pair.paired_at and date < timezone.localdate(pair.paired_at):
        errors["date"] = _("Deze datum ligt vóór de koppeling (%(day)s).") % {
            "day": long_date(timezone.localdate(pair.paired_at))
        }
    topic = " ".join((topic or "").split())
    with transaction.atomic():
        # Lock the card: two sessions logged at once cannot both take its last strip.
        card = PunchCard.objects.select_for_update().filter(pair=pair).order_by("-number").first()
        if card is None:
            raise ValidationError(_("Deze buddy heeft nog geen strippenkaart."))
        used = set(card.sessions.values_list("strip", flat=True))
        free = [strip for strip in range(1, card.strips + 1) if strip not in used]
        if not free:
            raise ValidationError(_("De strippenkaart is vol. Maak eerst een nieuwe kaart aan."))
        session = CoachingSession(card=card, strip=free[0], date=date, topic=topic, minutes=minutes, logged_by=coach)
        try:
            session.full_clean(exclude=["card", "logged_by"], validate_unique=False, validate_constraints=False)
        except ValidationError as error:
            for field, messages in error.message_dict.items():
                errors.setdefault(field, messages)
        if errors:
            raise ValidationError(errors)
        session.save()
        _session_learning(session, pair.employee, today)
        _figures_changed(pair.municipality_id, pair.employee.municipality_id)
    return session


@changes_support
@transaction.atomic
def coaching_session_delete(*, session: CoachingSession) -> None:
    """Remove a session logged by mistake: its strip is free again and the buddy's learning
    activity for it is withdrawn."""
    activity_withdraw(reference=session.learning_reference)
    session.delete()
    pair = session.card.pair
    _figures_changed(pair.municipality_id, pair.employee.municipality_id)


# ---------------------------------------------------------------------------------------------
# Ambassadors


@changes_support
def ambassador_volunteer(*, person: User, motivation: str = "") -> Ambassador:
    """The employee volunteers as ambassador of their municipality (plan §5.1, ambassadors / micro
    influencers); an advisor then confirms. A short `motivation` (at most 300 characters) may go
    with it. Volunteering again while signed up or confirmed changes nothing; after a decline or
    a stop it is a new sign-up.

    Returns the Ambassador. Raises ValidationError for someone without a municipality.
    """
    if not person.municipality_id:
        raise ValidationError(_("Je gemeente is nog niet bekend, daarom kun je je nog niet aanmelden."))
    motivation = " ".join((motivation or "").split())
    existing = Ambassador.objects.filter(person=person).first()
    if existing is not None and existing.status in (Ambassador.Status.VOLUNTEERED, Ambassador.Status.CONFIRMED):
        return existing
    ambassador = existing or Ambassador(person=person)
    ambassador.municipality_id = person.municipality_id
    ambassador.status, ambassador.motivation = Ambassador.Status.VOLUNTEERED, motivation
    ambassador.decided_at = ambassador.decided_by = None
    ambassador.full_clean(exclude=["person", "municipality", "decided_by"], validate_unique=False)
    try:
        with transaction.atomic():
            ambassador.save()
    except IntegrityError:
        return Ambassador.objects.get(person=person)
    return ambassador


class Decision:
    """What an advisor decides about an ambassador."""

    CONFIRM = "confirm"
    DECLINE = "decline"
    STOP = "stop"


_DECISIONS = {
    Decision.CONFIRM: (
        (Ambassador.Status.VOLUNTEERED, Ambassador.Status.DECLINED, Ambassador.Status.STOPPED),
        Ambassador.Status.CONFIRMED,
    ),
    Decision.DECLINE: ((Ambassador.Status.VOLUNTEERED,), Ambassador.Status.DECLINED),
    Decision.STOP: ((Ambassador.Status.VOLUNTEERED, Ambassador.Status.CONFIRMED), Ambassador.Status.STOPPED),
}


@changes_support
def ambassador_decide(*, ambassador: Ambassador, decision: str, by: User) -> Ambassador:
    """An advisor confirms or declines a sign-up, or stops an ambassador (`decision`: Decision).
    Returns the Ambassador. Raises ValidationError for an unknown decision or one that does not fit
    the current status (confirming someone who is already an ambassador)."""
    if decision not in _DECISIONS:
        raise ValidationError(_("Onbekende beslissing."))
    allowed, status = _DECISIONS[decision]
    changed = Ambassador.objects.filter(pk=ambassador.pk, status__in=allowed).update(
        status=status, decided_at=timezone.now(), decided_by=by
    )
    ambassador.refresh_from_db()
    if not changed and ambassador.status != status:
        raise ValidationError(
            _("Dat kan niet bij de huidige status (%(status)s).") % {"status": ambassador.get_status_display()}
        )
    return ambassador


@changes_support
def ambassador_appoint(*, person: User, function: str, by: User) -> Ambassador:
    """An advisor marks someone as ambassador directly (plan §5.1: team leaders and directors are
    ambassadors too), with their `function` (Ambassador.Function). Returns the confirmed
    Ambassador. Raises ValidationError for an inactive person or one without a municipality."""
    if not person.is_active or not person.municipality_id:
        raise ValidationError({"email": _("Deze medewerker is niet actief of heeft geen gemeente.")})
    ambassador = Ambassador.objects.filter(person=person).first() or Ambassador(person=person)
    ambassador.municipality_id = person.municipality_id
    ambassador.function, ambassador.status = function, Ambassador.Status.CONFIRMED
    ambassador.decided_at, ambassador.decided_by = timezone.now(), by
    ambassador.full_clean(exclude=["person", "municipality", "decided_by"], validate_unique=False)
    ambassador.save()
    return ambassador


@changes_support
def ambassador_withdraw(*, ambassador: Ambassador) -> Ambassador:
    """The ambassador (or someone who signed up) stops themselves. Returns the Ambassador (stopped)."""
    Ambassador.objects.filter(
        pk=ambassador.pk, status__in=(Ambassador.Status.VOLUNTEERED, Ambassador.Status.CONFIRMED)
    ).update(status=Ambassador.Status.STOPPED, decided_at=timezone.now(), decided_by=ambassador.person)
    ambassador.refresh_from_db()
    return ambassador


# ---------------------------------------------------------------------------------------------
# Inspiration sessions

SESSION_FIELDS = InspirationSession.EDITABLE_FIELDS


def _check_session(session: InspirationSession, *, now: datetime.datetime, municipalities=None) -> None:
    errors = {}
    if session.starts_at and session.starts_at <= now:
        errors["starts_at"] = _("Kies een moment in de toekomst.")
    if municipalities is not None and session.municipality_id and session.municipality_id not in municipalities:
        errors["municipality"] = _("Voor deze gemeente plan je geen sessies.")
    item = session.content_item
    if item is not None:
        if item.status == ContentItem.Status.CANCELLED:
            errors["content_item"] = _("Dit contentitem is geannuleerd.")
        elif session.municipality_id and item.municipality_id != session.municipality_id:
            errors["content_item"] = _("Dit contentitem hoort bij een andere gemeente dan de sessie.")
        elif municipalities is not None and item.municipality_id not in municipalities:
            errors["content_item"] = _("Dit contentitem hoort bij een gemeente die je niet plant.")
    session.title = " ".join((session.title or "").split())
    session.location = " ".join((session.location or "").split())
    session.online_url = (session.online_url or "").strip()
    try:
        session.full_clean(exclude=["organiser"], validate_unique=False)
    except ValidationError as error:
        for field, messages in error.message_dict.items():
            errors.setdefault(field, messages)
    if errors:
        raise ValidationError(errors)


@changes_support
def inspiration_session_create(
    *, organiser: User, municipalities=None, now: datetime.datetime | None = None, **fields
) -> InspirationSession:
    """An advisor plans an inspiration session (plan §5.1): `fields` are InspirationSession.EDITABLE_FIELDS
    (title, description, municipality or None for all, starts_at (aware), duration_minutes,
    location and/or online_url, capacity, content_item or None). `municipalities`: the ids the
    organiser may plan for (None: any).

    Returns the saved session. Raises ValidationError by field for a start in the past, neither
    place nor link, a content item of another municipality, or values out of range.
    """
    unknown = set(fields) - set(SESSION_FIELDS)
    if unknown:
        raise TypeError(f"unknown fields: {sorted(unknown)}")
    session = InspirationSession(organiser=organiser, **fields)
    _check_session(session, now=now or timezone.now(), municipalities=municipalities)
    session.save()
    _figures_changed(session.municipality_id)
    return session


def _promote_waiting(session: InspirationSession) -> list[SignUp]:
    """Move people from the waiting list up while there are places (the caller holds the lock)."""
    signed_up = session.signups.filter(status=SignUp.Status.SIGNED_UP).count()
    room = session.capacity - signed_up
    if room <= 0:
        return []
    waiting = list(session.signups.filter(status=SignUp.Status.WAITING).order_by("queued_at", "pk")[:room])
    if waiting:
        SignUp.objects.filter(pk__in=[signup.pk for signup in waiting]).update(status=SignUp.Status.SIGNED_UP)
    for signup in waiting:
        signup.status = SignUp.Status.SIGNED_UP
    return waiting


def _lock(session: InspirationSession) -> InspirationSession:
    return InspirationSession.objects.select_for_update().get(pk=session.pk)


@dataclass(frozen=True)
class SessionChange:
    """The outcome of a change to a session: the session, and the sign-ups that moved from the
    waiting list to a place because of it (to tell them)."""

    session: InspirationSession
    promoted: list


@changes_support
def inspiration_session_update(
    *, session: InspirationSession, municipalities=None, now: datetime.datetime | None = None, **fields
) -> SessionChange:
    """Change a planned session (the same fields and rules as inspiration_session_create). The
    capacity cannot drop below the number of people signed up; a larger capacity gives the first
    people on the waiting list a place. Each change raises the session's `sequence`, so calendars
    that imported the invitation take the update.

    Returns SessionChange. Raises ValidationError for a cancelled or past session or bad values.
    """
    now = now or timezone.now()
    with transaction.atomic():
        locked = _lock(session)
        was_for = locked.municipality_id
        if locked.is_cancelled:
            raise ValidationError(_("Deze sessie is geannuleerd en kan niet meer worden gewijzigd."))
        if locked.starts_at <= now:
            raise ValidationError(_("Deze sessie is al begonnen en kan niet meer worden gewijzigd."))
        for name, value in fields.items():
            if name not in SESSION_FIELDS:
                raise TypeError(f"unknown field: {name}")
            setattr(locked, name, value)
        _check_session(locked, now=now, municipalities=municipalities)
        signed_up = locked.signups.filter(status=SignUp.Status.SIGNED_UP).count()
        if locked.capacity < signed_up:
            raise ValidationError(
                {
                    "capacity": _("Er zijn al %(count)s mensen aangemeld; kies minstens zoveel plaatsen.")
                    % {"count": signed_up}
                }
            )
        locked.sequence = F("sequence") + 1
        locked.save()
        locked.refresh_from_db()
        promoted = _promote_waiting(locked)
        _figures_changed(was_for, locked.municipality_id)
    return SessionChange(session=locked, promoted=promoted)


@changes_support
def inspiration_session_cancel(*, session: InspirationSession) -> list[SignUp]:
    """Cancel a planned session. Returns the sign-ups (signed up or waiting) to tell; a session that
    was already cancelled returns []. Calendars that imported it see it cancelled."""
    with transaction.atomic():
        locked = _lock(session)
        if locked.is_cancelled:
            return []
        locked.status = InspirationSession.Status.CANCELLED
        locked.sequence = F("sequence") + 1
        locked.save(update_fields=["status", "sequence", "updated_at"])
        _figures_changed(locked.municipality_id)
        return list(
            locked.signups.filter(status__in=[SignUp.Status.SIGNED_UP, SignUp.Status.WAITING]).select_related("person")
        )


def _check_can_join(session: InspirationSession, person: User, now: datetime.datetime) -> None:
    if session.is_cancelled:
        raise ValidationError(_("Deze sessie is geannuleerd."))
    if session.starts_at <= now:
        raise ValidationError(_("Deze sessie is al begonnen; aanmelden kan niet meer."))
    if session.municipality_id and session.municipality_id != person.municipality_id:
        raise ValidationError(_("Deze sessie is voor medewerkers van een andere gemeente."))


@changes_support
def session_sign_up(*, session: InspirationSession, person: User, now: datetime.datetime | None = None) -> SignUp:
    """`person` signs up for the session: a place when there is one, else the end of the waiting
    list. Signing up again while signed up or waiting changes nothing; after cancelling it is a new
    place in the queue.

    Returns the SignUp (signed up or waiting). Raises ValidationError for a cancelled or started
    session, or one for another municipality.
    """
    now = now or timezone.now()
    with transaction.atomic():
        locked = _lock(session)
        _check_can_join(locked, person, now)
        signup = SignUp.objects.filter(session=locked, person=person).first()
        if signup is not None and signup.status != SignUp.Status.CANCELLED:
            return signup
        full = locked.signups.filter(status=SignUp.Status.SIGNED_UP).count() >= locked.capacity
        status = SignUp.Status.WAITING if full else SignUp.Status.SIGNED_UP
        if signup is None:
            signup = SignUp.objects.create(session=locked, person=person, status=status, queued_at=now)
        else:
            signup.status, signup.queued_at, signup.attended = status, now, None
            signup.save(update_fields=["status", "queued_at", "attended", "updated_at"])
        _figures_changed(locked.municipality_id)
    return signup


@dataclass(frozen=True)
class SignUpChange:
    """The outcome of cancelling a sign-up: the person's SignUp (now cancelled) and the sign-up
    that got the freed place from the waiting list (or None)."""

    signup: SignUp | None
    promoted: SignUp | None


@changes_support
def session_cancel_sign_up(
    *, session: InspirationSession, person: User, now: datetime.datetime | None = None
) -> SignUpChange:
    """`person` cancels their place (or leaves the waiting list). A freed place goes to the first
    person on the waiting list. Cancelling twice changes nothing. Returns SignUpChange. Raises
    ValidationError once the session has started."""
    now = now or timezone.now()
    with transaction.atomic():
        locked = _lock(session)
        signup = SignUp.objects.filter(session=locked, person=person).first()
        if signup is None or signup.status == SignUp.Status.CANCELLED:
            return SignUpChange(signup=signup, promoted=None)
        if locked.starts_at <= now:
            raise ValidationError(_("Deze sessie is al begonnen; afmelden kan niet meer."))
        had_place = signup.status == SignUp.Status.SIGNED_UP
        signup.status = SignUp.Status.CANCELLED
        signup.save(update_fields=["status", "updated_at"])
        promoted = _promote_waiting(locked) if had_place and not locked.is_cancelled else []
        _figures_changed(locked.municipality_id)
    return SignUpChange(signup=signup, promoted=promoted[0] if promoted else None)


@changes_support
def session_attendance_register(
    *, session: InspirationSession, attended_ids, by: User, now: datetime.datetime | None = None
) -> int:
    """The organiser registers who attended (plan §5.1; attendance counts as learning activity):
    `attended_ids` are person ids among those signed up; everyone else signed up is marked absent.
    Attending records a learning activity (kind "inspiration_session", the session's duration, on
    its day); taking it back withdraws it. Registering again with the same ids changes nothing.

    Returns how many attended. Raises ValidationError before the session has started, for a
    cancelled session, or for ids of people who are not signed up.
    """
    now = now or timezone.now()
    if session.is_cancelled:
        raise ValidationError(_("Deze sessie is geannuleerd."))
    if session.starts_at > now:
        raise ValidationError(_("Aanwezigheid registreer je vanaf het begin van de sessie."))
    attended_ids = {int(pk) for pk in attended_ids}
    signups = list(session.signups.filter(status=SignUp.Status.SIGNED_UP).select_related("person"))
    unknown = attended_ids - {signup.person_id for signup in signups}
    if unknown:
        raise ValidationError(_("Alleen wie is aangemeld kan als aanwezig worden geregistreerd."))
    day = timezone.localdate(session.starts_at)
    today = timezone.localdate(now)
    # Attendance counts as learning only on a day the learning date rule allows for the person
    # (within their municipality's campaign); the attendance itself is registered either way.
    rule = LearningDateRule.for_municipalities({signup.person.municipality_id for signup in signups}, today=today)
    with transaction.atomic():
        for signup in signups:
            present = signup.person_id in attended_ids
            if signup.attended != present:
                signup.attended, signup.attendance_by = present, by
                signup.save(update_fields=["attended", "attendance_by", "updated_at"])
            if present and rule.problem(day, signup.person.municipality_id) is None:
                activity_record(
                    employee=signup.person,
                    reference=signup.learning_reference,
                    date=day,
                    kind=LearningActivity.Kind.INSPIRATION_SESSION,
                    title=_("Inspiratiesessie: %(title)s") % {"title": session.title},
                    minutes=session.duration_minutes,
                    today=max(today, day),
                )
            else:
                activity_withdraw(reference=signup.learning_reference)
        # Attendance counts in the session figures and, as learning, in the attendees' municipalities.
        _figures_changed(session.municipality_id, *{signup.person.municipality_id for signup in signups})
    return len(attended_ids)


# ---------------------------------------------------------------------------------------------
# Compliment cards

# Control characters and other invisible code points have no place in one line of kind words.
_INVISIBLE = re.compile(r"[\x00-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2060-\u206f\ufeff]")


def clean_personal_line(text: str) -> str:
    """The personal line as it is stored: invisible and control characters removed, whitespace
    collapsed to single spaces. (Markup stays text: every page and e-mail escapes it.)"""
    return " ".join(_INVISIBLE.sub("", text or "").split())


@changes_support
def card_send(
    *, sender: User, recipient: User, text: str, personal_line: str = "", now: datetime.datetime | None = None
) -> ComplimentCard:
    """`sender` sends `recipient` a compliment card (plan §5.1: "Digitale complimentkaarten ...
    (belonen + contact maken)"): one of the ready-made texts (CardText) and an optional personal
    line of at most ComplimentCard.PERSONAL_LINE_MAX characters, stored as plain text.

    The recipient must be an active colleague of the same municipality; a person sends at most
    ComplimentCard.DAILY_LIMIT cards a day. When the recipient blocked the sender, the card is
    stored as not delivered and everything else goes exactly as usual: the block is never revealed
    to the sender (the recipient never sees the card, no e-mail goes). Returns the card (the caller
    sends the e-mail: tasks.send_card_email). Raises ValidationError by field otherwise.
    """
    now = now or timezone.now()
    errors = {}
    if recipient.pk == sender.pk:
        errors["recipient"] = _("Een kaart stuur je aan een collega, niet aan jezelf.")
    elif not recipient.is_active or not sender.municipality_id or recipient.municipality_id != sender.municipality_id:
        errors["recipient"] = _("Je kunt alleen collega's van je eigen gemeente een kaart sturen.")
    day_start = timezone.make_aware(datetime.datetime.combine(timezone.localdate(now), datetime.time.min))
    if ComplimentCard.objects.filter(sender=sender, sent_at__gte=day_start).count() >= ComplimentCard.DAILY_LIMIT:
        errors["__all__"] = _("Je hebt vandaag al %(count)s kaarten verstuurd. Morgen kan het weer.") % {
            "count": ComplimentCard.DAILY_LIMIT
        }
    card = ComplimentCard(
        sender=sender,
        recipient=recipient,
        text=text,
        personal_line=clean_personal_line(personal_line),
        sent_at=now,
        month=month_start(timezone.localdate(now)),
        sender_team_id=sender.team_id,
        recipient_team_id=recipient.team_id,
        delivered=not CardBlock.objects.filter(person=recipient, blocked=sender).exists(),
    )
    try:
        card.full_clean(exclude=["sender", "recipient", "sender_team", "recipient_team"])
    except ValidationError as error:
        for field, messages in error.message_dict.items():
            errors.setdefault(field, messages)
    if errors:
        raise ValidationError(errors)
    card.save()
    _figures_changed(sender.municipality_id, recipient.municipality_id)
    return card


@changes_support
def card_block(*, person: User, blocked: User) -> CardBlock:
    """`person` receives no more cards from `blocked` and no longer sees earlier ones. Blocking twice
    changes nothing. Returns the CardBlock. Raises ValidationError for blocking oneself."""
    if person.pk == blocked.pk:
        raise ValidationError(_("Je kunt jezelf niet blokkeren."))
    try:
        with transaction.atomic():
            block, _created = CardBlock.objects.get_or_create(person=person, blocked=blocked)
    except IntegrityError:
        block = CardBlock.objects.get(person=person, blocked=blocked)
    return block


@changes_support
def card_unblock(*, person: User, blocked: User) -> bool:
    """Lift a block; returns whether there was one."""
    deleted, _per_model = CardBlock.objects.filter(person=person, blocked=blocked).delete()
    return bool(deleted)


@changes_support
def card_preference_set(*, person: User, email_on_card: bool) -> CardPreference:
    """Whether `person` gets an e-mail when a card arrives. Returns the CardPreference."""
    preference, _created = CardPreference.objects.update_or_create(
        person=person, defaults={"email_on_card": bool(email_on_card)}
    )
    return preference


def card_email_claim(*, card_id: int) -> ComplimentCard | None:
    """Claim the e-mail about a card, once: the card (with sender and recipient) when this call
    claimed it and the recipient wants e-mail, else None (already sent, turned off, blocked, or
    gone). `card_email_release` gives the claim back after a failed send."""
    claimed = ComplimentCard.objects.filter(pk=card_id, emailed_at__isnull=True, delivered=True).update(
        emailed_at=timezone.now()
    )
    if not claimed:
        return None
    card = ComplimentCard.objects.select_related("sender", "recipient").get(pk=card_id)
    recipient = card.recipient
    wants = CardPreference.objects.filter(person=recipient, email_on_card=False).exists() is False
    blocked = CardBlock.objects.filter(person=recipient, blocked_id=card.sender_id).exists()
    return card if wants and not blocked and recipient.is_active and recipient.email else None


def card_email_release(*, card_id: int) -> None:
    """Give back the claim of card_email_claim after the e-mail could not be sent (to retry)."""
    ComplimentCard.objects.filter(pk=card_id).update(emailed_at=None)


# ---------------------------------------------------------------------------------------------
# Certificates


@changes_support
def certificate_issue(*, employee: User, campaign: Campaign) -> Certificate:
    """The employee's certificate for `campaign` (plan §5.1, "Certificaat uitdelen"), issued the
    first time and returned as it is after that. Only for someone who submitted both zelfscan rounds
    of the campaign (the one rule: selfscan.selectors.scan_completions). Name and municipality are
    printed as they are now; the date is the day the second round was submitted.

    Returns the Certificate. Raises ValidationError when both rounds are not submitted, or when the
    certificate was revoked.
    """
    existing = Certificate.objects.filter(employee=employee, campaign=campaign).first()
    if existing is None:
        completion = next(
            (done for done in scan_completions(employee=employee) if done.campaign.pk == campaign.pk), None
        )
        if completion is None:
            raise ValidationError(_("Het certificaat krijg je als je beide rondes van de zelfscan hebt ingestuurd."))
        municipality = Municipality.objects.filter(pk=employee.municipality_id).first()
        certificate = Certificate(
            employee=employee,
            campaign=campaign,
            code=codes.new_code(),
            full_name=employee.get_full_name() or employee.email,
            municipality_name=municipality.name if municipality else "",
            completed_on=completion.completed_on,
        )
        certificate.full_clean(exclude=["employee", "campaign"], validate_unique=False, validate_constraints=False)
        try:
            with transaction.atomic():
                certificate.save()
        except IntegrityError:
            existing = Certificate.objects.get(employee=employee, campaign=campaign)
        else:
            return certificate
    if existing.is_revoked:
        raise ValidationError(_("Dit certificaat is ingetrokken. Neem contact op met de projectleider."))
    return existing


@changes_support
def certificate_revoke(*, certificate: Certificate, by: User, reason: str) -> Certificate:
    """The programme lead revokes a certificate (it was issued in error, say): the verification page
    then says it is revoked. `reason` (required, at most 200 characters) is for the programme's own
    records and never shown publicly. Revoking twice keeps the first revocation. Returns the
    Certificate. Raises ValidationError without a reason."""
    reason = " ".join((reason or "").split())
    if not reason:
        raise ValidationError({"reason": _("Vul een reden in.")})
    if len(reason) > Certificate._meta.get_field("revocation_reason").max_length:
        raise ValidationError({"reason": _("Houd de reden korter dan 200 tekens.")})
    Certificate.objects.filter(pk=certificate.pk, revoked_at__isnull=True).update(
        revoked_at=timezone.now(), revoked_by=by, revocation_reason=reason
    )
    certificate.refresh_from_db()
    return certificate
