"""A campaign's counts as the dashboards read them, cached until the data changes (or a minute).

The expensive part of a dashboard is counting every person, response, score and activity; that is
done once per campaign by `tallies.collect` (a fixed number of queries) and cached. The cache key
holds the participation version of each municipality of the campaign (bumped by a submitted scan,
logged or imported learning, a logged team meeting: organisations.caching.participation_changed)
and the organisation's version (people and teams), so a change is seen at the next request; the
minute's time limit covers what does not bump a version (a reminder sent, a round's dates moved).
Counts are at municipality and team level only, so every person's view is cut from the same data.
"""

import datetime
import hashlib
import time
from collections import defaultdict
from dataclasses import dataclass

from django.core.cache import cache
from django.db.models import Count, Q
from django.db.models.functions import TruncMonth
from django.utils import timezone

from organisations.caching import NAMESPACE as ORGANISATION
from organisations.caching import participation_namespace
from organisations.models import User
from reminders.models import ReminderLog, Status

from .figures import area_names, persona_names
from .tallies import Tallies, collect

CACHE_SECONDS = 60


@dataclass
class Snapshot:
    """tallies: tallies.Tallies of all the campaign's municipalities. reminders: {(municipality id,
    kind, month): [sent, failed]}. opt_outs: {municipality id: [people, learning off, leaders,
    agenda off]}. areas: figures.area_names of the campaign's rounds. built_at: when it was counted (aware datetime)."""

    tallies: Tallies
    areas: dict
    personas: dict
    reminders: dict
    opt_outs: dict
    built_at: datetime.datetime


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
    leaders = (
        people.filter(led_teams__isnull=False)
        .distinct()
        .values_list("pk", "municipality_id", "receives_agenda_reminders")
    )
    for _pk, municipality, receives in leaders:
        row = result.setdefault(municipality, [0, 0, 0, 0])
        row[2] += 1
        row[3] += 0 if receives else 1
    return result


def campaign_snapshot(*, campaign, municipality_ids, months, today: datetime.date) -> Snapshot:
    """The campaign's counts for `municipality_ids` (all of the campaign's, sorted) and `months`
    (first days, the campaign's months so far), from the cache when nothing changed (module
    docstring). Cold: about a dozen queries, whatever the numbers of people or responses; warm: none."""
    ids = sorted(municipality_ids)
    version_keys = [f"version:{participation_namespace(pk)}" for pk in ids] + [f"version:{ORGANISATION}"]
    versions = cache.get_many(version_keys)
    missing = {key: time.time_ns() for key in version_keys if key not in versions}
    if missing:
        # A lost or never-set version starts a new one (never an old one: common.cache).
        cache.set_many(missing, None)
        versions.update(missing)
    parts = [campaign.pk, today.isoformat(), *ids, *(versions[key] for key in version_keys), *months]
    key = "dashboards:" + hashlib.sha256("|".join(map(str, parts)).encode()).hexdigest()[:32]
    snapshot = cache.get(key)
    if snapshot is None:
        snapshot = Snapshot(
            tallies=(tallies := collect(campaign=campaign, municipality_ids=ids, months=months, today=today)),
            areas=area_names(tallies.rounds),
            personas=persona_names(),
            reminders=_reminders(ids, months),
            opt_outs=_opt_outs(ids),
            built_at=timezone.now(),
        )
        cache.set(key, snapshot, CACHE_SECONDS)
    return snapshot
