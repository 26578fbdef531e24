import calendar
import datetime
from collections import defaultdict
from decimal import Decimal

from django.db.models import Q, Sum

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


def campaign_list_for_municipalities(*, municipalities):
    return Campaign.objects.filter(municipalities__in=municipalities).distinct().prefetch_related("municipalities")


def content_items(*, campaign, municipalities, filters=None):
    """Items of the campaign in the given municipalities, filtered; a fixed number of queries to show them."""
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
        .select_related("municipality", "phase", "owner")
        .prefetch_related("channels", "target_personas")
        .order_by("publish_on", "title", "pk")
    )


def campaign_months(*, campaign):
    """The first day of every month from the first phase (or kick-off) to the end date."""
    first_phase = campaign.phases.order_by("starts_on").first()
    start = min(campaign.kick_off_date, first_phase.starts_on) if first_phase else campaign.kick_off_date
    month = start.replace(day=1)
    months = []
    while month <= campaign.end_date:
        months.append(month)
        month = (month + datetime.timedelta(days=32)).replace(day=1)
    return months


def calendar_weeks(*, items, month: datetime.date):
    by_day = defaultdict(list)
    for item in items:
        by_day[item.publish_on].append(item)
    weeks = calendar.Calendar(firstweekday=0).monthdatescalendar(month.year, month.month)
    return [
        [{"date": day, "in_month": day.month == month.month, "items": by_day.get(day, [])} for day in week]
        for week in weeks
    ]


def channel_matrix(*, items, channels, months):
    """Rows of channels, a cell per month with the items planned on that channel."""
    cells = defaultdict(list)
    for item in items:
        month = item.publish_on.replace(day=1)
        for channel in item.channels.all():
            cells[(channel.pk, month)].append(item)
    return [
        {"channel": channel, "cells": [cells.get((channel.pk, month), []) for month in months]} for channel in channels
    ]


def phase_timeline(*, campaign, months, items):
    phases = list(Phase.objects.filter(campaign=campaign).order_by("position"))
    counts = defaultdict(lambda: defaultdict(int))
    for item in items:
        if item.phase_id and item.status != ContentItem.Status.CANCELLED:
            counts[item.phase_id][item.category] += 1
    return [
        {
            "phase": phase,
            "months": [phase.starts_on.replace(day=1) <= month <= phase.ends_on for month in months],
            "counts": dict(counts[phase.pk]),
        }
        for phase in phases
    ]


def budget_summary(*, campaign, municipalities):
    items = ContentItem.objects.filter(campaign=campaign, municipality__in=municipalities).exclude(
        status=ContentItem.Status.CANCELLED
    )
    zero = Decimal("0")

    def grouped(field, label_field):
        rows = items.values(field, label_field).annotate(planned=Sum("planned_cost"), actual=Sum("actual_cost"))
        return [
            {"label": row[label_field] or "–", "planned": row["planned"] or zero, "actual": row["actual"] or zero}
            for row in rows.order_by(label_field)
        ]

    totals = items.aggregate(planned=Sum("planned_cost"), actual=Sum("actual_cost"))
    planned, actual = totals["planned"] or zero, totals["actual"] or zero
    categories = dict(ContentItem.Category.choices)
    by_category = grouped("category", "category")
    for row in by_category:
        row["label"] = categories.get(row["label"], row["label"])
    return {
        "budget": campaign.budget,
        "planned": planned,
        "actual": actual,
        "remaining": campaign.budget - planned,
        "over_planned": planned > campaign.budget,
        "over_actual": actual > campaign.budget,
        "by_municipality": grouped("municipality_id", "municipality__name"),
        "by_phase": grouped("phase_id", "phase__name"),
        "by_category": by_category,
    }


def channels_for(*, municipalities):
    return Channel.objects.filter(municipality__in=municipalities).select_related("municipality")
