"""Reads of the campaign planner. Each returns querysets or plain values; none writes."""

import calendar
import datetime
from collections import defaultdict
from dataclasses import dataclass

from django.db.models import Count, Q
from django.utils.translation import get_language

from common.cache import versioned_many
from common.dates import month_end, month_start, months_between
from organisations.caching import cached_participation
from personas.caching import NAMESPACE as PERSONAS_NAMESPACE
from personas.models import Persona

from .caching import PLANNER_CACHE_SECONDS, kept_plan_versions
from .models import Campaign, Channel, ContentItem, Phase

FILTER_FIELDS = {
    "gemeente": "municipality_id",
    "kanaal": "channels",
    "fase": "phase_id",
    "categorie": "category",
    "persona": "target_personas",
    "doelgroep": "audience",
    "status": "status",
    "eigenaar": "owner_id",
}


def overlapping_campaigns(*, first, last, municipality_ids, exclude_pk=None) -> list[Campaign]:
    """Campaigns of any of `municipality_ids` whose period (Campaign.period) overlaps first..last,
    earliest first, with their municipalities; `exclude_pk` leaves one campaign out."""
    candidates = (
        Campaign.objects.filter(municipalities__in=municipality_ids, end_date__gte=first)
        .exclude(pk=exclude_pk)
        .distinct()
        .prefetch_related("municipalities")
        .order_by("kick_off_date")
    )
    return [campaign for campaign in candidates if campaign.starts_on <= last]


def planner_campaign(*, municipalities, today: datetime.date) -> Campaign | None:
    """The campaign the planner opens for these municipalities: the one running on `today` (its
    period holds today), else the one that started most recently, else the next one; None without any."""
    campaigns = list(Campaign.objects.filter(municipalities__in=municipalities).distinct())
    running = [campaign for campaign in campaigns if campaign.contains(today)]
    started = [campaign for campaign in campaigns if campaign.starts_on <= today]
    upcoming = [campaign for campaign in campaigns if campaign.starts_on > today]
    if running:
        return max(running, key=lambda campaign: campaign.kick_off_date)
    if started:
        return max(started, key=lambda campaign: campaign.kick_off_date)
    return min(upcoming, key=lambda campaign: campaign.kick_off_date, default=None)


def campaign_list_for_municipalities(*, municipality_ids) -> list[Campaign]:
    """Campaigns in which any of `municipality_ids` (ids) takes part, newest kick-off first, with
    their municipalities; kept in the cache until a campaign of theirs is created or saved, or the
    organisation changes (organisations.caching.cached_participation). No query when kept, two
    otherwise."""
    ids = sorted(set(municipality_ids))

    def build():
        return list(Campaign.objects.filter(municipalities__in=ids).distinct().prefetch_related("municipalities"))

    return cached_participation("campaign-list", municipality_ids=ids, parts=ids, build=build)


def content_items(*, campaign, municipalities, filters=None):
    """Items of the campaign in the given municipalities (objects or ids), filtered.

    `filters` maps the filter form's keys (FILTER_FIELDS) to ids or values; empty values are
    ignored, `fase` also matches the phase's subphases. A lazy queryset, ordered by date, with
    everything the planner shows loaded in a fixed number of queries.
    """
    items = ContentItem.objects.filter(campaign=campaign, municipality__in=municipalities)
    for key, value in (filters or {}).items():
        if value in (None, ""):
            continue
        lookup = FILTER_FIELDS[key]
        if key == "fase":
            items = items.filter(Q(phase_id=value) | Q(phase__parent_id=value))
        else:
            items = items.filter(**{lookup: value})
    return (
        items.distinct()
        .select_related("campaign", "municipality", "phase", "owner")
        .prefetch_related("channels", "target_personas")
        .order_by("publish_on", "title", "pk")
    )


def campaign_months(*, campaign) -> list[datetime.date]:
    """The first day of every month of the campaign period (Campaign.period)."""
    return months_between(*campaign.period)


def calendar_weeks(*, items, month: datetime.date) -> list[list[dict]]:
    """The month as weeks (Monday first) of days: {date, in_month, items published that day}."""
    by_day = defaultdict(list)
    for item in items:
        by_day[item.publish_on].append(item)
    weeks = calendar.Calendar(firstweekday=0).monthdatescalendar(month.year, month.month)
    return [
        [{"date": day, "in_month": day.month == month.month, "items": by_day.get(day, [])} for day in week]
        for week in weeks
    ]


def _available(item, campaign) -> tuple[datetime.date, datetime.date]:
    """(first, last day) an item is there, within the campaign period: its day, or a hygiene item's period."""
    first, last = campaign.period
    return max(item.publish_on, first), min(item.runs_through(campaign.end_date), last)


def channel_matrix(*, items, channels, months, campaign):
    """Rows of channels, a cell per month with the items on that channel then: dated items in their
    month, hygiene in every month of the campaign it is available (plan 5.1: always available)."""
    cells = defaultdict(list)
    for item in items:
        if item.is_cancelled:
            continue
        first, last = _available(item, campaign)
        for month in months_between(first, last):
            for channel in item.channels.all():
                cells[(channel.pk, month)].append(item)
    return [
        {"channel": channel, "cells": [cells.get((channel.pk, month), []) for month in months]} for channel in channels
    ]


def hygiene_bars(*, items, months, campaign) -> list[dict]:
    """Per hygiene item (not cancelled) available in the campaign: {item, first, last (its days within
    the campaign), before (months before the bar), span (months the bar covers), after}."""
    if not months:
        return []
    bars = []
    for item in items:
        if not item.is_running or item.is_cancelled:
            continue
        first, last = _available(item, campaign)
        if last < first:
            continue
        covered = [index for index, month in enumerate(months) if month_start(first) <= month <= last]
        if not covered:
            continue
        before, span = covered[0], len(covered)
        bars.append(
            {
                "item": item,
                "first": first,
                "last": last,
                "before": before,
                "span": span,
                "after": len(months) - before - span,
            }
        )
    return bars


def available_in_month(*, items, month, campaign) -> dict:
    """The hygiene items (not cancelled) available during the month of `month`, within the campaign:
    {"whole": items there every day of the month, "part": [{item, first, last}] for the others}."""
    first_day, last_day = month_start(month), month_end(month)
    whole, part = [], []
    for item in items:
        if not item.is_running or item.is_cancelled:
            continue
        first, last = _available(item, campaign)
        if first > last_day or last < first_day:
            continue
        if first <= first_day and last >= last_day:
            whole.append(item)
        else:
            part.append({"item": item, "first": first, "last": last})
    return {"whole": whole, "part": part}


def phase_timeline(*, campaign, months, items) -> list[dict]:
    """Per phase: {phase, months: one bool per month of `months` (phase runs then), counts per category}."""
    phases = list(Phase.objects.filter(campaign=campaign).order_by("position"))
    counts = defaultdict(lambda: defaultdict(int))
    for item in items:
        if item.phase_id and not item.is_cancelled:
            counts[item.phase_id][item.category] += 1
    return [
        {
            "phase": phase,
            "months": [month_start(phase.starts_on) <= month <= phase.ends_on for month in months],
            "counts": dict(counts[phase.pk]),
        }
        for phase in phases
    ]


@dataclass(frozen=True)
class PersonaReach:
    """How many planned (not cancelled) items aim at a persona: one count per municipality, and the total."""

    persona: Persona
    counts: list[int]
    total: int


def persona_reach(*, campaign, municipalities) -> list[PersonaReach]:
    """Per persona (plan order), the campaign's non-cancelled items aimed at it in each of
    `municipalities` (a sequence, in the order the counts are wanted). Two queries."""
    through = ContentItem.target_personas.through
    rows = (
        through.objects.filter(
            contentitem__campaign=campaign, contentitem__municipality__in=[m.pk for m in municipalities]
        )
        .exclude(contentitem__status=ContentItem.Status.CANCELLED)
        .values_list("persona_id", "contentitem__municipality_id")
        .annotate(n=Count("pk"))
    )
    counts = {(persona_id, municipality_id): n for persona_id, municipality_id, n in rows}
    reach = []
    for persona in Persona.objects.all():
        per_municipality = [counts.get((persona.pk, municipality.pk), 0) for municipality in municipalities]
        reach.append(PersonaReach(persona=persona, counts=per_municipality, total=sum(per_municipality)))
    return reach


def planned_municipality_ids(*, campaign, municipality_ids) -> set[int]:
    """The ids (of `municipality_ids`) of municipalities that have any item in the campaign."""
    return set(
        ContentItem.objects.filter(campaign=campaign, municipality_id__in=municipality_ids)
        .values_list("municipality_id", flat=True)
        .distinct()
    )


def plan_versions(*, municipality) -> str:
    """The plan versions of every campaign of the municipality, as text for a cache key
    (caching.kept_plan_versions: no query when kept)."""
    versions = kept_plan_versions(municipality_ids=[municipality.pk])
    return ",".join(f"{pk}.{version}" for pk, version in versions)


def feed_items(*, municipality):
    """Every content item of the municipality, all campaigns, by date, for the calendar feed."""
    return (
        ContentItem.objects.filter(municipality=municipality)
        .select_related("campaign", "municipality")
        .prefetch_related("channels")
        .order_by("publish_on")
    )


def channels_for(*, municipalities):
    """The channels of `municipalities`, in plan order, with their municipality."""
    return Channel.objects.filter(municipality__in=municipalities).select_related("municipality")


def current_campaign(*, municipality_id, today: datetime.date) -> Campaign | None:
    """The campaign of the municipality running on `today`; else the one that started most recently;
    else the next one to start; None without any (or without a municipality). One query, two when
    none has started yet. Learning and team meetings count in this campaign's months."""
    if not municipality_id:
        return None
    campaigns = Campaign.objects.filter(municipalities=municipality_id)
    started = list(campaigns.filter(kick_off_date__lte=today).order_by("-kick_off_date")[:5])
    running = next((campaign for campaign in started if campaign.end_date >= today), None)
    if running or started:
        return running or started[0]
    return campaigns.filter(kick_off_date__gt=today).order_by("kick_off_date").first()


def campaign_covers(*, municipality_id, day: datetime.date) -> bool:
    """Whether `day` falls within (kick-off to end date) any campaign of the municipality."""
    if not municipality_id:
        return False
    return Campaign.objects.filter(municipalities=municipality_id, kick_off_date__lte=day, end_date__gte=day).exists()


def content_to_share_key(*, municipality_id, today: datetime.date) -> tuple:
    """What content_to_share_kept's result depends on, as a tuple of plain values: the municipality, the
    day, the plans of its campaigns ((id, plan_version) pairs: every item, phase and settings write
    raises one; caching.kept_plan_versions) and the language. With the personas' texts' version (a
    namespace of the key) it says when the result changes. No query when kept."""
    plans = kept_plan_versions(municipality_ids=[municipality_id])
    return (municipality_id, today, plans, get_language())


def content_to_share_kept(*, key: tuple) -> list[ContentItem]:
    """What an ambassador can share this month (plan §5.1, ambassadors), for a key from
    content_to_share_key: the municipality's published items for employees or everyone, published
    this month up to the key's day, and the hygiene items that are available that day (always-on
    measures), by date, each with `target_personas` loaded. Items for team leaders only and
    cancelled or unpublished items are left out. Kept in the cache under the key and the personas'
    version: no query when kept, two otherwise."""
    municipality_id, today = key[0], key[1]
    return versioned_many(
        [PERSONAS_NAMESPACE],
        ["content-to-share", *key],
        lambda: _content_to_share(municipality_id, today),
        seconds=PLANNER_CACHE_SECONDS,
    )


def _content_to_share(municipality_id, today):
    this_month = month_start(today)
    published = ContentItem.objects.filter(
        municipality_id=municipality_id,
        status=ContentItem.Status.PUBLISHED,
        audience__in=[ContentItem.Audience.EMPLOYEES, ContentItem.Audience.EVERYONE],
        publish_on__lte=today,
    )
    dated = Q(publish_on__gte=this_month) & ~Q(category=ContentItem.Category.HYGIENE)
    running = Q(category=ContentItem.Category.HYGIENE) & (
        Q(available_until__gte=today) | Q(available_until__isnull=True, campaign__end_date__gte=today)
    )
    return list(
        published.filter(dated | running)
        .select_related("campaign")
        .prefetch_related("target_personas")
        .order_by("category", "publish_on", "title", "pk")
    )
