"""The dashboards' one write: recounting a campaign's stored figures (models.FigureSnapshot), a
derived copy of counts that no person edits. Nothing in any other app is ever changed here."""

import datetime

from django.conf import settings
from django.core.cache import cache
from django.db.models import Q
from django.utils import timezone

from campaigns.caching import campaign_municipality_ids
from campaigns.models import Campaign

from . import snapshot
from .models import FigureSnapshot

# A recount claimed longer ago than this is taken to have died (a worker killed): claim it again.
CLAIM_EXPIRES = datetime.timedelta(minutes=10)
# How often the pages of one campaign may ask the claim row for a recount (figures_refresh_request).
REFRESH_ASK_SECONDS = 5


def _months(campaign, today):
    from .selectors import dashboard_months

    return dashboard_months(campaign=campaign, today=today)


def figures_refresh(*, campaign_id: int, today: datetime.date | None = None) -> snapshot.Snapshot:
    """Count the campaign's figures now (snapshot.build) and store them, with the versions they were
    counted at (taken before counting, so a change during the count leaves them stale and is
    counted next time). Returns the new Snapshot. Raises Campaign.DoesNotExist for an unknown id.
    Plan §2 (the four goals) and §8 (results); run by tasks.refresh_figures."""
    campaign = Campaign.objects.get(pk=campaign_id)
    today = today or timezone.localdate()
    ids = list(campaign.municipalities.values_list("pk", flat=True))
    versions = snapshot.current_versions(campaign=campaign, municipality_ids=ids, today=today)
    counted = snapshot.build(
        campaign=campaign, municipality_ids=ids, months=_months(campaign, today), today=today, versions=versions
    )
    FigureSnapshot.objects.update_or_create(
        campaign=campaign,
        defaults={
            "versions": versions,
            "data": snapshot.encode(counted),
            "built_at": counted.built_at,
            "refresh_claimed_at": None,
        },
    )
    snapshot.remember(campaign.pk, counted)
    return counted


def _claim_refresh(campaign) -> bool:
    """Whether this call may queue the campaign's recount: a conditional UPDATE lets one through
    while a recount is queued or running, and none within settings.DASHBOARD_REFRESH_SECONDS of the
    last count (however busy the data; a change still shows within a minute)."""
    now = timezone.now()
    interval = datetime.timedelta(seconds=settings.DASHBOARD_REFRESH_SECONDS)
    free = Q(refresh_claimed_at__isnull=True) | Q(refresh_claimed_at__lt=now - CLAIM_EXPIRES)
    return bool(
        FigureSnapshot.objects.filter(free, campaign=campaign, built_at__lte=now - interval).update(
            refresh_claimed_at=now
        )
    )


def _in_process() -> bool:
    # Tasks run in this process (make run: no worker, no beat): count at once, the data is small.
    from .tasks import refresh_figures

    return bool(refresh_figures.app.conf.task_always_eager)


def figures_refresh_request(*, campaign) -> bool:
    """Queue a recount of the campaign's figures if none is queued or running (a claimed row) and the
    last count is at least settings.DASHBOARD_REFRESH_SECONDS old. Returns whether one was queued."""
    from .tasks import refresh_figures

    # Every dashboard view of old figures asks; the claim row answers once. A flag in the cache lets
    # one ask a few seconds through to that row, so busy pages do not write it on every view.
    if not cache.add(f"figures-refresh-asked:{campaign.pk}", 1, REFRESH_ASK_SECONDS):
        return False
    if not _claim_refresh(campaign):
        return False
    refresh_figures.delay_on_commit(campaign.pk)
    return True


def figures_for(*, campaign, today: datetime.date) -> snapshot.Snapshot:
    """The campaign's figures for a dashboard, without waiting for a recount where a worker runs.

    The stored snapshot is returned; when something changed since it was counted, a recount is
    queued (figures_refresh_request; the beat's refresh_changed_figures does the same every 30
    seconds, so a change shows within a minute even when nobody looks). Where tasks run in the
    process (the demo), and the very first time, the figures are counted at once. Returns a
    snapshot.Snapshot (is_current False while a recount is pending)."""
    ids = campaign_municipality_ids(campaign=campaign)
    versions = snapshot.current_versions(campaign=campaign, municipality_ids=ids, today=today)
    stored = snapshot.read(campaign=campaign, versions=versions)
    if stored is None or (not stored.is_current and _in_process()):
        return figures_refresh(campaign_id=campaign.pk, today=today)
    if not stored.is_current:
        figures_refresh_request(campaign=campaign)
    return stored


def figures_refresh_changed(*, today: datetime.date | None = None) -> list[int]:
    """Queue a recount for every running campaign whose figures changed since they were counted
    (the beat runs this every 30 seconds). Returns the ids of the campaigns queued."""
    today = today or timezone.localdate()
    queued = []
    running = Campaign.objects.filter(kick_off_date__lte=today, end_date__gte=today - datetime.timedelta(days=31))
    for campaign in running.prefetch_related("municipalities"):
        ids = [m.pk for m in campaign.municipalities.all()]
        versions = snapshot.current_versions(campaign=campaign, municipality_ids=ids, today=today)
        stored = snapshot.read(campaign=campaign, versions=versions)
        if stored is not None and not stored.is_current and figures_refresh_request(campaign=campaign):
            queued.append(campaign.pk)
    return queued
