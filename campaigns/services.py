import calendar
import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from personas.models import Persona

from . import plan_defaults
from .models import CalendarFeed, Campaign, Channel, ContentItem, Phase, new_feed_token

ITEM_FIELDS = [
    "title",
    "category",
    "format",
    "audience",
    "phase",
    "focuses_on_scan",
    "publish_on",
    "production_deadline",
    "status",
    "owner",
    "planned_cost",
    "actual_cost",
    "notes",
    "material_url",
]


def campaign_create(*, name: str, kick_off_date: datetime.date, end_date: datetime.date, municipalities) -> Campaign:
    campaign = Campaign(name=name, kick_off_date=kick_off_date, end_date=end_date)
    campaign.full_clean()
    campaign.save()
    campaign.municipalities.set(municipalities)
    return campaign


@transaction.atomic
def campaign_start(*, name, kick_off_date, end_date, municipalities, budget=None, with_plan_template=False, owner=None):
    """A new campaign with the plan's phases, every municipality's channels and, if asked, the example content."""
    campaign = campaign_create(name=name, kick_off_date=kick_off_date, end_date=end_date, municipalities=municipalities)
    if budget is not None:
        campaign_update(campaign=campaign, budget=budget)
    phases_create_defaults(campaign=campaign)
    for municipality in municipalities:
        channels_create_defaults(municipality=municipality)
        if with_plan_template:
            plan_template_apply(campaign=campaign, municipality=municipality, owner=owner)
    return campaign


def campaign_update(*, campaign: Campaign, **fields) -> Campaign:
    for name, value in fields.items():
        setattr(campaign, name, value)
    campaign.full_clean()
    campaign.save()
    return campaign


def _month_start(day: datetime.date, offset: int) -> datetime.date:
    index = day.month - 1 + offset
    return datetime.date(day.year + index // 12, index % 12 + 1, 1)


def _month_end(day: datetime.date, offset: int) -> datetime.date:
    start = _month_start(day, offset)
    return start.replace(day=calendar.monthrange(start.year, start.month)[1])


def phases_create_defaults(*, campaign: Campaign) -> list[Phase]:
    """The plan's phases, placed around the kick-off month; phase 3 in November of the last year."""
    if campaign.phases.exists():
        return list(campaign.phases.all())
    created = {}
    november = datetime.date(campaign.end_date.year, 11, 1)
    for position, (code, name, parent, first, last, aim) in enumerate(plan_defaults.PHASES):
        if first is None:
            starts_on, ends_on = november, _month_end(november, 0)
        else:
            starts_on, ends_on = _month_start(campaign.kick_off_date, first), _month_end(campaign.kick_off_date, last)
        phase = Phase(
            campaign=campaign,
            parent=created.get(parent),
            code=code,
            name=name,
            aim=aim,
            starts_on=starts_on,
            ends_on=ends_on,
            position=position,
        )
        phase.full_clean()
        phase.save()
        created[code] = phase
    return list(created.values())


def channels_create_defaults(*, municipality) -> list[Channel]:
    channels = []
    for position, (name, kind) in enumerate(plan_defaults.CHANNELS.get(municipality.name, [])):
        channel, _created = Channel.objects.get_or_create(
            municipality=municipality, name=name, defaults={"kind": kind, "position": position}
        )
        channels.append(channel)
    return channels


def _check_channels(municipality, channels):
    foreign = [channel.name for channel in channels if channel.municipality_id != municipality.pk]
    if foreign:
        raise ValidationError(
            {"channels": _("Deze kanalen horen bij een andere gemeente: %(names)s.") % {"names": ", ".join(foreign)}}
        )


@transaction.atomic
def content_item_create(*, campaign, municipality, personas=(), channels=(), **fields) -> ContentItem:
    item = ContentItem(campaign=campaign, municipality=municipality, **fields)
    item.full_clean()
    _check_channels(municipality, channels)
    item.save()
    item.target_personas.set(personas)
    item.channels.set(channels)
    return item


@transaction.atomic
def content_item_update(*, item: ContentItem, personas=None, channels=None, **fields) -> ContentItem:
    for name, value in fields.items():
        setattr(item, name, value)
    item.full_clean()
    if channels is not None:
        _check_channels(item.municipality, channels)
        item.channels.set(channels)
    if personas is not None:
        item.target_personas.set(personas)
    item.save()
    return item


def content_item_reschedule(*, item: ContentItem, publish_on: datetime.date) -> ContentItem:
    """Move the publication date; the production deadline keeps its lead time."""
    lead = item.publish_on - item.production_deadline if item.production_deadline else None
    item.publish_on = publish_on
    if lead is not None:
        item.production_deadline = publish_on - lead
    item.full_clean()
    item.save(update_fields=["publish_on", "production_deadline", "updated_at"])
    return item


def content_item_cancel(*, item: ContentItem) -> ContentItem:
    item.status = ContentItem.Status.CANCELLED
    item.save(update_fields=["status", "updated_at"])
    return item


@transaction.atomic
def content_item_duplicate(*, item: ContentItem) -> ContentItem:
    return content_item_create(
        campaign=item.campaign,
        municipality=item.municipality,
        personas=list(item.target_personas.all()),
        channels=list(item.channels.all()),
        **{name: getattr(item, name) for name in ITEM_FIELDS if name not in ("title", "status", "actual_cost")},
        title=_("%(title)s (kopie)") % {"title": item.title},
        status=ContentItem.Status.IDEA,
    )


def _matching_channels(channels, targets):
    """The same channel by name where the other municipality has it, else its channels of the same kind."""
    by_name = {channel.name.casefold(): channel for channel in targets}
    matched = []
    for channel in channels:
        same = by_name.get(channel.name.casefold())
        matched.extend([same] if same else [target for target in targets if target.kind == channel.kind])
    return list(dict.fromkeys(matched))


@transaction.atomic
def content_item_copy_to_municipalities(*, item: ContentItem, municipalities) -> list[ContentItem]:
    channels = list(item.channels.all())
    personas = list(item.target_personas.all())
    copies = []
    for municipality in municipalities:
        if municipality.pk == item.municipality_id:
            continue
        targets = list(Channel.objects.filter(municipality=municipality))
        copies.append(
            content_item_create(
                campaign=item.campaign,
                municipality=municipality,
                personas=personas,
                channels=_matching_channels(channels, targets),
                **{name: getattr(item, name) for name in ITEM_FIELDS if name not in ("status", "actual_cost", "owner")},
                status=ContentItem.Status.IDEA,
            )
        )
    return copies


def calendar_feed_for(*, municipality) -> CalendarFeed:
    feed, _created = CalendarFeed.objects.get_or_create(municipality=municipality)
    return feed


def calendar_feed_renew(*, municipality) -> CalendarFeed:
    feed = calendar_feed_for(municipality=municipality)
    feed.token = new_feed_token()
    feed.save(update_fields=["token"])
    return feed


@transaction.atomic
def plan_template_apply(*, campaign: Campaign, municipality, owner=None) -> int:
    """Place the plan's example content (section 5.1) in its phases for one municipality, once."""
    if ContentItem.objects.filter(campaign=campaign, municipality=municipality).exists():
        return 0
    phases = {phase.code: phase for phase in phases_create_defaults(campaign=campaign)}
    channels = channels_create_defaults(municipality=municipality)
    personas = {persona.slug: persona for persona in Persona.objects.all()}
    november = datetime.date(campaign.end_date.year, 11, 1)
    count = 0
    for title, category, item_format, audience, phase, offsets, day, kinds, slugs, scan, cost in plan_defaults.EXAMPLES:
        for offset in offsets:
            month = november if offset is None else _month_start(campaign.kick_off_date, offset)
            publish_on = month.replace(day=min(day, calendar.monthrange(month.year, month.month)[1]))
            content_item_create(
                campaign=campaign,
                municipality=municipality,
                personas=[personas[slug] for slug in slugs if slug in personas],
                channels=[channel for channel in channels if channel.kind in kinds][:3],
                title=title,
                category=category,
                format=item_format,
                audience=audience,
                phase=phases[phase],
                focuses_on_scan=scan,
                publish_on=publish_on,
                production_deadline=publish_on - datetime.timedelta(days=14),
                status=ContentItem.Status.IDEA,
                owner=owner,
                planned_cost=cost,
            )
            count += 1
    return count
