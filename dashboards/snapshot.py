"""A campaign's counts as the dashboards read them: counted in the background, read in one step.

Counting every person, response, score and activity of a campaign (`tallies.collect`, a fixed
number of queries) takes seconds at national scale, so no request does it: the counts are stored
per campaign (models.FigureSnapshot) and kept in the cache. Each snapshot records the versions it
was counted at: the participation version of each of the campaign's municipalities (bumped by every write
of something counted here: scans, learning, team meetings, the support programme, reminders and
opt-outs; organisations.caching.participation_changed), the organisation's version (people and teams) and
the day. When they differ from the current ones, the snapshot is still shown and a recount is
queued (services.figures_for), so a change shows within a minute without anyone waiting for it.
Counts are at municipality and team level only: every person's view is cut from the same data.
"""

import dataclasses
import datetime
from collections import defaultdict
from dataclasses import dataclass, field

from django.core.cache import cache
from django.db.models import Count, Q
from django.db.models.functions import TruncMonth
from django.utils import timezone

from coaching.selectors import session_counts
from common.cache import versions_of
from organisations.caching import NAMESPACE as ORGANISATION
from organisations.caching import participation_namespace
from organisations.models import User
from personas.caching import NAMESPACE as PERSONAS
from reminders.models import ReminderLog, Status

from .figures import area_names, persona_names
from .models import FigureSnapshot
from .tallies import RoundInfo, Tallies, Tally, collect

# A decoded snapshot stays in the cache this long (it is also stored in the database).
CACHE_SECONDS = 10 * 60


@dataclass
class Snapshot:
    """tallies: tallies.Tallies of all the campaign's municipalities. areas: figures.area_names of its
    rounds; personas: figures.persona_names. reminders: {(municipality id, kind, month): [sent,
    failed]}. opt_outs: {municipality id: [people, learning off, leaders, agenda off]}. sessions:
    {municipality id or None (for everyone): [inspiration sessions held, places taken, attended]}. built_at:
    when it was counted; versions: what it was counted at; is_current: whether nothing changed since."""

    tallies: Tallies
    areas: dict
    personas: dict
    reminders: dict
    opt_outs: dict
    built_at: datetime.datetime
    versions: str = ""
    sessions: dict = field(default_factory=dict)
    is_current: bool = True


def current_versions(*, campaign, municipality_ids, today: datetime.date) -> str:
    """The versions the campaign's counts depend on now, as one text: one cache round trip
    (common.cache.versions_of)."""
    # The personas' version too: their names label the profile figures (figures.persona_names).
    namespaces = [participation_namespace(pk) for pk in sorted(municipality_ids)] + [ORGANISATION, PERSONAS]
    return "|".join([str(campaign.pk), today.isoformat(), versions_of(namespaces)])


def _reminders(municipality_ids, months):
    counts = defaultdict(lambda: [0, 0])
    if not months:
        return {}
    rows = (
        ReminderLog.objects.filter(
            recipient__municipality__in=municipality_ids,
            claimed_at__date__gte=months[0],
            status__in=[Status.SENT, Status.FAILED],
        )
        .annotate(month=TruncMonth("claimed_at"))
        .values_list("recipient__municipality_id", "kind", "month", "status")
        .annotate(n=Count("pk"))
        .order_by()
    )
    for municipality, kind, month, status, count in rows:
        day = month.date() if isinstance(month, datetime.datetime) else month
        counts[(municipality, kind, day)][0 if status == Status.SENT else 1] += count
    return dict(counts)


def _opt_outs(municipality_ids):
    people = User.objects.filter(is_active=True, municipality__in=municipality_ids)
    result = {}
    for municipality, total, off in (
        people.values_list("municipality_id")
        .annotate(total=Count("pk"), off=Count("pk", filter=Q(receives_reminders=False)))
        .order_by()
    ):
        result[municipality] = [total, off, 0, 0]
    leaders = people.filter(led_teams__isnull=False).distinct()
    for _pk, municipality, receives in leaders.values_list("pk", "municipality_id", "receives_agenda_reminders"):
        row = result.setdefault(municipality, [0, 0, 0, 0])
        row[2] += 1
        row[3] += 0 if receives else 1
    return result


def _sessions(campaign, today):
    counts = session_counts(start=campaign.kick_off_date, end=min(today, campaign.end_date))
    keys = set(counts.held) | set(counts.signed_up) | set(counts.attended)
    return {key: [counts.held.get(key, 0), counts.signed_up.get(key, 0), counts.attended.get(key, 0)] for key in keys}


def build(*, campaign, municipality_ids, months, today: datetime.date, versions: str) -> Snapshot:
    """Count everything now (about a dozen queries, whatever the numbers of people or responses)."""
    tallies = collect(campaign=campaign, municipality_ids=sorted(municipality_ids), months=months, today=today)
    return Snapshot(
        tallies=tallies,
        areas=area_names(tallies.rounds),
        personas=persona_names(),
        reminders=_reminders(sorted(municipality_ids), months),
        opt_outs=_opt_outs(sorted(municipality_ids)),
        built_at=timezone.now(),
        versions=versions,
        sessions=_sessions(campaign, today),
    )


# JSON has text keys only; these turn the snapshot into JSON and back without loss.
def _date(text):
    return datetime.date.fromisoformat(text)


def _encode_tally(tally: Tally) -> dict:
    return {
        "size": tally.size,
        "on_time": tally.on_time,
        "teams": tally.teams,
        "done": {str(k): v for k, v in tally.done.items()},
        "active": {k.isoformat(): v for k, v in tally.active.items()},
        "agenda": {k.isoformat(): v for k, v in tally.agenda.items()},
        "personas": {str(r): {slug or "": n for slug, n in counts.items()} for r, counts in tally.personas.items()},
        "busy": {str(k): v for k, v in tally.busy.items()},
        "areas": [[r, code, total, n] for (r, code), (total, n) in tally.areas.items()],
        "change": dict(tally.change),
        "time_saved": {str(k): v for k, v in tally.time_saved.items()},
        "cards_sent": {k.isoformat(): v for k, v in tally.cards_sent.items()},
        "cards_received": {k.isoformat(): v for k, v in tally.cards_received.items()},
        "buddies": tally.buddies,
        "coaching_sessions": tally.coaching_sessions,
    }


def _decode_tally(data: dict) -> Tally:
    tally = Tally(
        size=data["size"],
        on_time=data["on_time"],
        teams=data["teams"],
        buddies=data.get("buddies", 0),
        coaching_sessions=data.get("coaching_sessions", 0),
    )
    tally.cards_sent.update({_date(k): v for k, v in data.get("cards_sent", {}).items()})
    tally.cards_received.update({_date(k): v for k, v in data.get("cards_received", {}).items()})
    tally.done.update({int(k): v for k, v in data["done"].items()})
    tally.active.update({_date(k): v for k, v in data["active"].items()})
    tally.agenda.update({_date(k): v for k, v in data["agenda"].items()})
    for number, counts in data["personas"].items():
        tally.personas[int(number)].update({slug or None: n for slug, n in counts.items()})
    tally.busy.update({int(k): v for k, v in data["busy"].items()})
    tally.areas.update({(r, code): [total, n] for r, code, total, n in data["areas"]})
    tally.change.update(data["change"])
    tally.time_saved.update({int(k): v for k, v in data["time_saved"].items()})
    return tally


def encode(snapshot: Snapshot) -> dict:
    """The snapshot as JSON-ready data (FigureSnapshot.data)."""
    tallies = snapshot.tallies
    return {
        "by_team": [[m, t, _encode_tally(tally)] for (m, t), tally in tallies.by_team.items()],
        "team_names": [[pk, name] for pk, name in tallies.team_names.items()],
        "months": [month.isoformat() for month in tallies.months],
        "rounds": [
            [
                r.pk,
                r.number,
                r.label,
                r.questionnaire_id,
                r.opens_on.isoformat(),
                r.due_on.isoformat(),
                r.closes_on.isoformat(),
            ]
            for r in tallies.rounds.values()
        ],
        "areas": [[code, name, position, first] for code, (name, position, first) in snapshot.areas.items()],
        "personas": [[slug, shown, name] for slug, (shown, name) in snapshot.personas.items()],
        "reminders": [
            [m, kind, month.isoformat(), sent, failed]
            for (m, kind, month), (sent, failed) in snapshot.reminders.items()
        ],
        "opt_outs": [[m, *row] for m, row in snapshot.opt_outs.items()],
        "sessions": [[m, *row] for m, row in snapshot.sessions.items()],
    }


def decode(data: dict, *, built_at, versions) -> Snapshot:
    """The Snapshot of FigureSnapshot.data."""
    rounds = {}
    for pk, number, label, questionnaire, opens, due, closes in data["rounds"]:
        rounds[number] = RoundInfo(pk, number, label, questionnaire, _date(opens), _date(due), _date(closes))
    tallies = Tallies(
        by_team={(m, t): _decode_tally(tally) for m, t, tally in data["by_team"]},
        team_names=dict(data["team_names"]),
        months=[_date(month) for month in data["months"]],
        rounds=rounds,
    )
    return Snapshot(
        tallies=tallies,
        areas={code: (name, position, first) for code, name, position, first in data["areas"]},
        personas={slug: (shown, name) for slug, shown, name in data["personas"]},
        reminders={(m, kind, _date(month)): [sent, failed] for m, kind, month, sent, failed in data["reminders"]},
        opt_outs={m: row for m, *row in data["opt_outs"]},
        sessions={m: row for m, *row in data.get("sessions", [])},
        built_at=built_at,
        versions=versions,
    )


def _cache_key(campaign_id) -> str:
    return f"dashboards:snapshot:{campaign_id}"


def _stamp_key(campaign_id) -> str:
    return f"dashboards:snapshot-stamp:{campaign_id}"


def _stamp(snapshot: Snapshot) -> tuple:
    """What tells one counted snapshot from another: when it was counted, and at which versions."""
    return (snapshot.built_at, snapshot.versions)


# The snapshot this process read last, per campaign: a dashboard request then reads only the small
# stamp from the cache, not the whole snapshot (about 25 kB with 50,000 employees), while the stamp
# says it is still the one stored. Per process, so never a reason for one process to see old data.
_read_here: dict = {}


def remember(campaign_id, snapshot: Snapshot) -> None:
    """Keep a decoded snapshot in the cache (after counting or reading it from the database), with
    its stamp, for every process."""
    cache.set_many({_cache_key(campaign_id): snapshot, _stamp_key(campaign_id): _stamp(snapshot)}, CACHE_SECONDS)


def read(*, campaign, versions: str) -> Snapshot | None:
    """The campaign's stored snapshot, is_current telling whether it was counted at `versions`; from
    this process (the stamp in the cache says it is still the stored one), the cache (no query) or
    the database (one query); None when it was never counted. A copy: is_current is this read's."""
    stamp = cache.get(_stamp_key(campaign.pk))
    snapshot = _read_here.get(campaign.pk)
    if stamp is None or snapshot is None or _stamp(snapshot) != stamp:
        snapshot = cache.get(_cache_key(campaign.pk))
        if snapshot is None:
            stored = FigureSnapshot.objects.filter(campaign=campaign).only("data", "built_at", "versions").first()
            if stored is None:
                return None
            snapshot = decode(stored.data, built_at=stored.built_at, versions=stored.versions)
            remember(campaign.pk, snapshot)
        elif stamp is None:
            cache.set(_stamp_key(campaign.pk), _stamp(snapshot), CACHE_SECONDS)
        _read_here[campaign.pk] = snapshot
    return dataclasses.replace(snapshot, is_current=snapshot.versions == versions)
