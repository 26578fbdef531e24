"""Access to the support programme: every view fetches what it shows through one of these.

An outsider of an object gets a 404 (its existence is not disclosed); someone without the role a
page is for gets a 403. A digicoach reaches only their own buddies and the open requests of their
own municipality; the campaign team the registers and sessions of the municipalities they advise
(the programme lead: all); everyone their own buddy, sign-ups, cards and certificates.
"""

from dataclasses import dataclass

from django.core.exceptions import PermissionDenied
from django.db.models import Q, QuerySet
from django.http import Http404

from campaigns.caching import PLANS, kept_plan_versions
from common.access import found_or_404
from common.cache import versioned_many
from organisations.access import (
    require_campaign_team,
    require_role,
    visible_municipalities,
    visible_municipality_ids,
)
from organisations.caching import NAMESPACE as ORGANISATION
from organisations.caching import person_namespace
from organisations.models import User
from organisations.roles import Role, has_role

from .caching import NAMESPACE as SUPPORT
from .caching import SUPPORT_SECONDS, cached_support_read
from .models import (
    Ambassador,
    BuddyPair,
    CardBlock,
    Certificate,
    Coach,
    CoachingSession,
    ComplimentCard,
    InspirationSession,
    SignUp,
)
from .selectors import sessions_visible_to

NOT_FOUND = (ValueError, TypeError)


def _get(queryset, **lookup):
    try:
        return queryset.get(**lookup)
    except (queryset.model.DoesNotExist, *NOT_FOUND):
        raise Http404 from None


@dataclass(frozen=True)
class PairScope:
    """A buddy pair and what the person may do with it: `can_log` (its own coach: log and delete
    sessions) and `can_manage` (its coach or the programme lead: renew the card, end the pairing)."""

    pair: BuddyPair
    can_log: bool
    can_manage: bool


def get_pair_scope(user, pair_id, *, kept: bool = False) -> PairScope:
    """A pair the user coaches (any status), or any pair for the programme lead. 403 for other roles,
    404 for another coach's pair. `kept`: for a page that only shows it (a GET), the answer from the
    cache, kept until a write of the support programme (every pairing, session and card is one) or
    the organisation (the person is in the key: their roles are the organisation's): no query. A
    write reads the row itself."""
    require_role(user, Role.DIGICOACH, Role.PROGRAMME_LEAD)

    def find():
        pairs = BuddyPair.objects.select_related("employee__team", "coach", "municipality")
        lookup = {} if has_role(user, Role.PROGRAMME_LEAD) else {"coach": user}
        pair = pairs.filter(pk=_object_pk(pair_id), **lookup).first()
        if pair is None:
            return None
        own = pair.coach_id == user.pk
        return PairScope(
            pair=pair, can_log=own and pair.is_paired, can_manage=own or has_role(user, Role.PROGRAMME_LEAD)
        )

    return _found("access:pair-scope", [_object_pk(pair_id), user.pk], find, kept=kept)


def get_coaching_session(user, coaching_session_id) -> CoachingSession:
    """A session on a card of one of the user's own buddies (digicoach only); 403/404 as above."""
    require_role(user, Role.DIGICOACH)
    return _get(CoachingSession.objects.select_related("card__pair"), pk=coaching_session_id, card__pair__coach=user)


def get_request_for_coach(user, request_id) -> BuddyPair:
    """An open buddy request of the digicoach's own municipality. 403 for someone who is no coach,
    404 for another municipality's request."""
    require_role(user, Role.DIGICOACH)
    coach = Coach.objects.filter(user=user).only("municipality_id").first()
    municipality_id = coach.municipality_id if coach else user.municipality_id
    return _get(
        BuddyPair.objects.select_related("employee"),
        pk=request_id,
        municipality_id=municipality_id,
        status=BuddyPair.Status.REQUESTED,
    )


def get_request_for_lead(user, request_id, *, kept: bool = False) -> BuddyPair:
    """Any open buddy request, for the programme lead (403 for others, 404 when not open). `kept`:
    for a page that only shows it (a GET), from the cache until a write of the support programme
    (a pairing is one) or the organisation: no query. A write reads the row itself."""
    require_role(user, Role.PROGRAMME_LEAD)

    def find():
        return (
            BuddyPair.objects.select_related("employee__team", "municipality")
            .filter(pk=_object_pk(request_id), status=BuddyPair.Status.REQUESTED)
            .first()
        )

    return _found("access:request-for-lead", [_object_pk(request_id)], find, kept=kept)


def require_digicoach(user) -> None:
    """403 unless the user holds the digicoach role."""
    require_role(user, Role.DIGICOACH)


def manageable_municipalities(user):
    """The municipalities whose digicoaches, ambassadors and sessions the user manages: all for the
    programme lead, the advised ones for an advisor; 403 for anyone else. A lazy queryset."""
    require_campaign_team(user)
    return visible_municipalities(user)


def manageable_municipality_ids(user) -> list[int]:
    """The ids of manageable_municipalities(user), ascending (organisations.access
    .visible_municipality_ids: no query when kept); 403 outside the campaign team."""
    require_campaign_team(user)
    return visible_municipality_ids(user)


@dataclass(frozen=True)
class SessionOrganiserScope:
    """What the session form needs of an organiser's scope: `municipalities` (a lazy queryset, for
    the form's choices: evaluated only when the form is not kept), their ids (ascending) and
    `content_versions`, the plan versions of their campaigns (campaigns.caching.kept_plan_versions:
    what the items a session can be linked to change with)."""

    municipalities: QuerySet
    municipality_ids: list
    content_versions: tuple


def get_session_organiser_scope(user) -> SessionOrganiserScope:
    """The scope in which `user` plans sessions; 403 outside the campaign team. No query when the ids
    and the plan versions are kept."""
    ids = manageable_municipality_ids(user)
    return SessionOrganiserScope(
        municipalities=manageable_municipalities(user),
        municipality_ids=ids,
        content_versions=kept_plan_versions(municipality_ids=ids),
    )


def get_coach_for_manager(user, coach_id, *, kept: bool = False) -> Coach:
    """A digicoach of a municipality the user manages, with person, team and municipality; 403
    outside the campaign team, 404 otherwise. `kept`: for a page that only shows it (a GET), the
    answer from the cache, kept until a write of the support programme or the organisation (the
    manager is in the key): no query. A write reads the row itself."""
    ids = manageable_municipality_ids(user)

    def find():
        return (
            Coach.objects.select_related("user__team", "municipality")
            .filter(pk=_object_pk(coach_id), municipality_id__in=ids)
            .first()
        )

    return _found("access:coach-for-manager", [_object_pk(coach_id), user.pk], find, kept=kept)


def get_ambassador_for_manager(user, ambassador_id) -> Ambassador:
    """A row of the ambassador register of a municipality the user manages; 403/404 as above."""
    municipalities = manageable_municipalities(user)
    return _get(
        Ambassador.objects.select_related("person", "municipality"), pk=ambassador_id, municipality__in=municipalities
    )


def get_session_for_person(user, session_id, *, kept: bool = False) -> InspirationSession:
    """A session the user may see and join (their municipality's, or one for everyone); 404 otherwise.

    `kept`: for a page that only shows it (a GET), the answer from the cache, kept until a write of
    the support programme (every session write is one) or the organisation (the person's
    municipality is in the key): no query. A write (a POST) reads the row itself."""
    return _found(
        "access:session-for-person",
        [_object_pk(session_id), user.municipality_id],
        lambda: _session_for_person(user, session_id),
        kept=kept,
    )


def _session_for_person(user, session_id):
    return sessions_visible_to(person=user).select_related("municipality").filter(pk=_object_pk(session_id)).first()


def get_session_for_organiser(user, session_id, *, kept: bool = False) -> InspirationSession:
    """A session the user may organise: of a municipality they manage, or one for everyone (any
    advisor). 403 outside the campaign team, 404 otherwise. `kept`: as get_session_for_person (the
    person is in the key: their roles and advised municipalities are the organisation's). The
    session's content item is not loaded with it: the planner changes items, which the support
    version does not see."""
    require_campaign_team(user)
    return _found(
        "access:session-for-organiser",
        [_object_pk(session_id), user.pk],
        lambda: _session_for_organiser(user, session_id),
        kept=kept,
    )


def _session_for_organiser(user, session_id):
    municipalities = manageable_municipalities(user)
    return (
        # A filter on the session's own column (no join): no row twice, so no DISTINCT.
        InspirationSession.objects.filter(Q(municipality__in=municipalities) | Q(municipality__isnull=True))
        .select_related("municipality")
        .filter(pk=_object_pk(session_id))
        .first()
    )


def get_session_invitation(user, session_id) -> InspirationSession:
    """A session whose invitation (.ics) the user may download: one they have a place at, or one they
    organise. 404 otherwise (also on the waiting list: the invitation comes with a place). Kept
    until a write of the support programme (a sign-up, a cancellation) or the organisation: no query
    when kept."""
    return _kept_or_404(
        "access:session-invitation", [_object_pk(session_id), user.pk], lambda: _invitation(user, session_id)
    )


def _invitation(user, session_id):
    found = _session_for_person(user, session_id)
    if found is not None and found.signups.filter(person=user, status=SignUp.Status.SIGNED_UP).exists():
        return found
    if has_role(user, Role.ADVISOR, Role.PROGRAMME_LEAD):
        return _session_for_organiser(user, session_id)
    return None


def may_organise(user, session: InspirationSession) -> bool:
    """Whether the user may organise this session (without raising); no query when kept."""
    if not has_role(user, Role.ADVISOR, Role.PROGRAMME_LEAD):
        return False
    if session.municipality_id is None or has_role(user, Role.PROGRAMME_LEAD):
        return True
    return cached_support_read(
        "access:may-organise",
        [session.municipality_id, user.pk],
        lambda: visible_municipalities(user).filter(pk=session.municipality_id).exists(),
    )


def _object_pk(object_id) -> int:
    try:
        return int(object_id)
    except NOT_FOUND:
        raise Http404 from None


def _found(name, parts, find, *, kept: bool):
    """`find()`'s object, or 404 when it finds none; with `kept`, the answer (404 included) from the
    cache under the support and organisation versions (read `name` for key `parts`)."""
    return _kept_or_404(name, parts, find) if kept else found_or_404(find())


def _kept_or_404(name, parts, build):
    return found_or_404(cached_support_read(name, parts, build))


def get_colleague(user, person_id, *, kept: bool = False) -> User:
    """An active colleague of the user's own municipality (not the user), with their team; 404
    otherwise. `kept`: for a page that only shows them (a GET), from the cache until their row
    changes (organisations.caching.person_changed) or the organisation does: no query. A write reads
    the row itself."""
    pk = _object_pk(person_id)
    if not user.municipality_id or pk == user.pk:
        raise Http404

    def find():
        return (
            User.objects.select_related("team")
            .defer("password")  # a card needs a name, never a password hash in the cache
            .filter(pk=pk, municipality_id=user.municipality_id, is_active=True)
            .first()
        )

    if kept:
        found = versioned_many(
            [ORGANISATION, person_namespace(pk)],
            ["access:colleague", pk, user.municipality_id],
            find,
            seconds=SUPPORT_SECONDS,
        )
    else:
        found = find()
    return found_or_404(found)


def get_blockable(user, person_id) -> User:
    """Someone the user may block or unblock: a colleague who could send them a card (same
    municipality), someone who sent them one, or someone they blocked; 404 otherwise."""
    try:
        person_id = int(person_id)
    except NOT_FOUND:
        raise Http404 from None
    if person_id == user.pk:
        raise Http404
    known = (
        ComplimentCard.objects.filter(recipient=user, sender_id=person_id).exists()
        or CardBlock.objects.filter(person=user, blocked_id=person_id).exists()
        or (user.municipality_id and User.objects.filter(pk=person_id, municipality_id=user.municipality_id).exists())
    )
    if not known:
        raise Http404
    return _get(User.objects.all(), pk=person_id)


def get_own_certificate(user, certificate_id) -> Certificate:
    """The user's own certificate; 404 for anyone else's (the programme lead revokes, never downloads)."""
    return _get(Certificate.objects.select_related("campaign"), pk=certificate_id, employee=user)


def get_certificate_for_lead(user, certificate_id, *, kept: bool = False) -> Certificate:
    """Any certificate (with its campaign and who revoked it), for the programme lead (403 for
    others, 404 when there is none). `kept`: for a page that only shows it (a GET), the answer from
    the cache until a write of the support programme (issuing and revoking are), the organisation
    or a plan (the campaign's name)."""
    require_role(user, Role.PROGRAMME_LEAD)
    pk = _object_pk(certificate_id)

    def find():
        return Certificate.objects.select_related("campaign", "revoked_by").filter(pk=pk).first()

    if not kept:
        return found_or_404(find())
    found = versioned_many(
        [SUPPORT, ORGANISATION, PLANS], ["access:certificate-for-lead", pk], find, seconds=SUPPORT_SECONDS
    )
    return found_or_404(found)


def get_own_ambassador(user) -> Ambassador:
    """The user's own row in the ambassador register; 404 without one."""
    ambassador = Ambassador.objects.filter(person=user).first()
    if ambassador is None:
        raise Http404
    return ambassador


def require_programme_lead(user) -> None:
    """403 unless the user is the programme lead."""
    if not has_role(user, Role.PROGRAMME_LEAD):
        raise PermissionDenied
