"""Writes of the campaign planner (plan sections 5 and 6). Each service validates with full_clean()
before it saves and raises django.core.exceptions.ValidationError (with a message per field where
it can) when the data is not acceptable; nothing is saved then."""

import datetime

from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db import transaction
from django.utils.formats import date_format, number_format
from django.utils.translation import gettext as _

from common.dates import validate_plausible_day
from common.money import format_euro
from common.workdays import is_working_day
from organisations.caching import participation_changed
from organisations.models import Municipality
from personas.models import Persona

from . import plan_defaults
from .budget import amounts_from_percentages
from .caching import plan_changed, plans_changed
from .models import BudgetShare, CalendarFeed, Campaign, Channel, ContentItem, Phase, new_feed_token
from .placement import default_phase_dates, template_channels, template_dates
from .selectors import overlapping_campaigns

PRODUCTION_LEAD_TIME = datetime.timedelta(days=14)
THURSDAY = 3


def _period_text(first: datetime.date, last: datetime.date) -> str:
    return f"{date_format(first, 'j F Y')} – {date_format(last, 'j F Y')}"


def campaign_check_overlap(*, campaign: Campaign, municipalities) -> None:
    """Refuse (ValidationError) a campaign whose period overlaps another campaign of one of its municipalities.

    The municipalities' rows are locked first (PostgreSQL), so two campaigns started at the same
    moment cannot both pass the check.
    """
    ids = [getattr(municipality, "pk", municipality) for municipality in municipalities]
    list(Municipality.objects.select_for_update().filter(pk__in=ids).order_by("pk").values_list("pk", flat=True))
    first, last = campaign.period
    others = overlapping_campaigns(first=first, last=last, municipality_ids=ids, exclude_pk=campaign.pk)
    if others:
        other = others[0]
        shared = sorted(m.name for m in other.municipalities.all() if m.pk in ids)
        raise ValidationError(
            {
                NON_FIELD_ERRORS: _(
                    "Deze campagne (%(period)s) overlapt met campagne '%(other)s' (%(other_period)s) van "
                    "%(names)s. Een gemeente doet aan één campagne tegelijk mee: kies andere data of andere "
                    "gemeenten."
                )
                % {
                    "period": _period_text(first, last),
                    "other": other.name,
                    "other_period": _period_text(*other.period),
                    "names": ", ".join(shared),
                }
            }
        )


def _check_phases_within(campaign: Campaign) -> None:
    """Refuse phases outside the campaign period (after its dates changed), naming each phase."""
    problems = []
    for phase in campaign.phases.order_by("position"):
        phase.campaign = campaign
        try:
            phase.full_clean()
        except ValidationError as error:
            problems.append(_("Fase %(phase)s: %(errors)s") % {"phase": phase, "errors": " ".join(error.messages)})
    if problems:
        raise ValidationError({NON_FIELD_ERRORS: problems})


@transaction.atomic
def campaign_create(*, name: str, kick_off_date: datetime.date, end_date: datetime.date, municipalities) -> Campaign:
    """A bare campaign (no phases, channels or rounds) for the given municipalities.

    Use `core.services.programme_year_start` to start a programme year; this is its first step.
    Raises ValidationError for a duplicate name, an end date not after the kick-off, a kick-off that
    is no working day, or a period (Campaign.period) that overlaps another campaign of one of the
    municipalities.
    """
    campaign = Campaign(name=name, kick_off_date=kick_off_date, end_date=end_date)
    campaign.full_clean()
    campaign_check_overlap(campaign=campaign, municipalities=municipalities)
    campaign.save()
    campaign.municipalities.set(municipalities)
    _figures_changed(campaign)
    plans_changed()  # a new plan for these municipalities
    return campaign


@transaction.atomic
def campaign_start(*, name, kick_off_date, end_date, municipalities, budget=None, with_plan_template=False, owner=None):
    """A campaign with the plan's phases, every municipality's channels and, if asked, the example content.

    The planner's part of starting a programme year; `core.services.programme_year_start` adds the
    zelfscan rounds in the same transaction. `budget` in euros (Decimal), default € 20.000.
    Returns the Campaign; raises ValidationError as campaign_create and campaign_update do.
    """
    campaign = campaign_create(name=name, kick_off_date=kick_off_date, end_date=end_date, municipalities=municipalities)
    if budget is not None:
        campaign_update(campaign=campaign, budget=budget)
    phases_create_defaults(campaign=campaign)
    for municipality in municipalities:
        channels_create_defaults(municipality=municipality)
        calendar_feed_for(municipality=municipality)
        if with_plan_template:
            plan_template_apply(campaign=campaign, municipality=municipality, owner=owner)
    return campaign


def _campaign_save(campaign: Campaign, fields: dict) -> Campaign:
    dates_changed = any(name in fields for name in ("kick_off_date", "end_date"))
    for name, value in fields.items():
        setattr(campaign, name, value)
    campaign.full_clean()
    if dates_changed:
        campaign_check_overlap(campaign=campaign, municipalities=campaign.municipalities.all())
    campaign.save()
    plan_changed(campaign_id=campaign.pk)
    _figures_changed(campaign)
    return campaign


def _figures_changed(campaign: Campaign) -> None:
    # A campaign's name and period decide what the dashboards count and what its employees see on
    # their start page (months, kick-off, certificate): those cached figures and pages are recounted.
    participation_changed(municipality_ids=list(campaign.municipalities.values_list("pk", flat=True)))


@transaction.atomic
def campaign_update(*, campaign: Campaign, **fields) -> Campaign:
    """Set the given model fields (name, dates, budget in euros, goal percentages 0–100) and save.

    Raises ValidationError when a value is out of range, the end date is not after the kick-off, the
    kick-off is no working day, the new period overlaps another campaign of one of its
    municipalities, or a phase would lie outside the new period (then nothing is saved).
    """
    _campaign_save(campaign, fields)
    _check_phases_within(campaign)
    return campaign


@transaction.atomic
def campaign_settings_update(*, campaign: Campaign, fields: dict, phases: dict, split=None) -> Campaign:
    """The campaign's settings, its phases' dates and aims and the budget split, together or not at all.

    `fields` as campaign_update takes them; `phases` as phases_update takes them; `split` as
    budget_split_set takes them ((mode, values), or None to leave the split alone). Raises
    ValidationError from any of them, and when a phase lies outside the (new) campaign period;
    then nothing is saved.
    """
    _campaign_save(campaign, fields)
    phases_update(campaign=campaign, changes=phases)
    _check_phases_within(campaign)
    if split is not None:
        mode, values = split
        budget_split_set(campaign=campaign, mode=mode, values=values)
    return campaign


SPLIT_AMOUNTS, SPLIT_PERCENTAGES = "bedragen", "percentages"


@transaction.atomic
def budget_split_set(*, campaign: Campaign, mode: str | None, values: dict) -> list[BudgetShare]:
    """Split the joint campaign budget over its municipalities, or stop splitting it (mode None).

    `mode`: SPLIT_AMOUNTS (values in euros) or SPLIT_PERCENTAGES (values 0–100); `values` maps a
    municipality id to a Decimal, one for every municipality of the campaign. Amounts must add up to
    the budget exactly, percentages to 100 (plan §7: one budget of € 20.000). Raises ValidationError
    keyed "verdeling"; then the split stays as it was. Returns the shares (empty without a split).
    """
    BudgetShare.objects.filter(campaign=campaign).delete()
    plan_changed(campaign_id=campaign.pk)
    if mode is None:
        return []
    municipalities = list(campaign.municipalities.order_by("name"))
    missing = [m.name for m in municipalities if values.get(m.pk) is None]
    if missing:
        raise ValidationError({"verdeling": _("Vul een deel in voor %(names)s.") % {"names": ", ".join(missing)}})
    if any(values[m.pk] < 0 for m in municipalities):
        raise ValidationError({"verdeling": _("Een deel kan niet negatief zijn.")})
    total = sum(values[m.pk] for m in municipalities)
    if mode == SPLIT_PERCENTAGES:
        if total != 100:
            raise ValidationError(
                {
                    "verdeling": _("De percentages tellen op tot %(total)s%%; dat moet 100%% zijn.")
                    % {"total": number_format(total)}
                }
            )
        amounts = amounts_from_percentages(
            budget=campaign.budget, percentages={m.pk: values[m.pk] for m in municipalities}
        )
    else:
        if total != campaign.budget:
            raise ValidationError(
                {
                    "verdeling": _("De delen tellen op tot %(total)s; het budget is %(budget)s. Maak ze samen gelijk.")
                    % {"total": format_euro(total), "budget": format_euro(campaign.budget)}
                }
            )
        amounts = {m.pk: values[m.pk] for m in municipalities}
    shares = [BudgetShare(campaign=campaign, municipality_id=pk, amount=amount) for pk, amount in amounts.items()]
    for share in shares:
        share.full_clean()
    BudgetShare.objects.bulk_create(shares)
    return shares


@transaction.atomic
def phases_update(*, campaign: Campaign, changes: dict) -> list[Phase]:
    """Edit the campaign's phases: `changes` maps a phase id to {name, aim, starts_on, ends_on}.

    Ids of other campaigns are ignored. Raises ValidationError (keyed by field, each message naming
    the phase) for dates in the wrong order or outside the campaign period; then no phase is changed.
    """
    phases = {phase.pk: phase for phase in campaign.phases.all()}
    changed = []
    for phase_id, values in changes.items():
        phase = phases.get(phase_id)
        if phase is None:
            continue
        for name, value in values.items():
            setattr(phase, name, value)
        try:
            phase.full_clean()
        except ValidationError as error:
            raise ValidationError(
                {
                    field: [_("Fase %(phase)s: %(error)s") % {"phase": phase, "error": message} for message in messages]
                    for field, messages in error.message_dict.items()
                }
            ) from error
        phase.save()
        changed.append(phase)
    plan_changed(campaign_id=campaign.pk)
    return changed


def phases_create_defaults(*, campaign: Campaign) -> list[Phase]:
    """The plan's phases (section 6) within the campaign's period (placement.default_phase_dates).

    Idempotent: a campaign that has phases keeps them. Returns the phases in plan order.
    """
    if campaign.phases.exists():
        return list(campaign.phases.order_by("position"))
    created = {}
    dates = default_phase_dates(campaign)
    for position, (code, name, parent, aim) in enumerate(plan_defaults.PHASES):
        starts_on, ends_on = dates[code]
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
    """The municipality's channels of plan section 5.2, created where missing. Returns them in plan order."""
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
    """A content item of `campaign` for `municipality`; `fields` are ContentItem fields (costs in euros).

    Raises ValidationError for invalid fields or channels of another municipality.
    """
    item = ContentItem(campaign=campaign, municipality=municipality, **fields)
    item.full_clean()
    _check_channels(municipality, channels)
    item.save()
    item.target_personas.set(personas)
    item.channels.set(channels)
    plan_changed(campaign_id=campaign.pk)
    return item


@transaction.atomic
def content_item_update(*, item: ContentItem, personas=None, channels=None, **fields) -> ContentItem:
    """Change the given fields; `personas`/`channels` replace the item's when given (None: unchanged).

    Raises ValidationError as content_item_create does; then nothing is changed.
    """
    for name, value in fields.items():
        setattr(item, name, value)
    item.full_clean()
    if channels is not None:
        _check_channels(item.municipality, channels)
        item.channels.set(channels)
    if personas is not None:
        item.target_personas.set(personas)
    item.save()
    plan_changed(campaign_id=item.campaign_id)
    return item


_UNCHANGED = object()


def content_item_reschedule(*, item: ContentItem, publish_on: datetime.date, available_until=_UNCHANGED) -> ContentItem:
    """Move the publication date; the production deadline keeps its lead time. For hygiene,
    `available_until` (a date, or None for the whole campaign) moves the end of its period too;
    left out, the period's end stays as it is.

    Raises ValidationError when the deadline would come after the new publication date, or the
    period would end before it starts (or an item that is not hygiene would get a period).
    """
    try:
        validate_plausible_day(publish_on)  # before the lead time is taken off it
    except ValidationError as error:
        raise ValidationError({"publish_on": error.messages}) from None
    lead = item.publish_on - item.production_deadline if item.production_deadline else None
    item.publish_on = publish_on
    if lead is not None:
        item.production_deadline = publish_on - lead
    if available_until is not _UNCHANGED:
        item.available_until = available_until
    item.full_clean()
    item.save(update_fields=["publish_on", "production_deadline", "available_until", "updated_at"])
    plan_changed(campaign_id=item.campaign_id)
    return item


def content_item_cancel(*, item: ContentItem) -> ContentItem:
    """Mark the item cancelled: it stays in the list, struck through, and leaves budget and checks."""
    item.status = ContentItem.Status.CANCELLED
    item.save(update_fields=["status", "updated_at"])
    plan_changed(campaign_id=item.campaign_id)
    return item


@transaction.atomic
def content_item_duplicate(*, item: ContentItem) -> ContentItem:
    """A copy in the same municipality, titled '… (kopie)', status idea, without actual costs."""
    values = item.copied_values()
    values["title"] = _("%(title)s (kopie)") % {"title": item.title}
    return content_item_create(
        campaign=item.campaign,
        municipality=item.municipality,
        personas=list(item.target_personas.all()),
        channels=list(item.channels.all()),
        status=ContentItem.Status.IDEA,
        **values,
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
    """Copies of the item for other municipalities (status idea, no owner), on their matching channels.

    The item's own municipality is skipped. Returns the copies in the order of `municipalities`.
    """
    channels = list(item.channels.all())
    personas = list(item.target_personas.all())
    values = item.copied_values()
    values.pop("owner")
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
                status=ContentItem.Status.IDEA,
                **values,
            )
        )
    return copies


def calendar_feed_for(*, municipality) -> CalendarFeed:
    """The municipality's secret iCalendar feed, created on first use."""
    feed, _created = CalendarFeed.objects.get_or_create(municipality=municipality)
    return feed


def calendar_feeds_for(*, municipalities) -> dict:
    """{municipality id: its secret iCalendar feed} for `municipalities` (Municipality objects),
    each created on first use. One query when every feed exists."""
    feeds = {feed.municipality_id: feed for feed in CalendarFeed.objects.filter(municipality__in=municipalities)}
    for municipality in municipalities:
        if municipality.pk not in feeds:
            feeds[municipality.pk] = calendar_feed_for(municipality=municipality)
    return feeds


def calendar_feed_renew(*, municipality) -> CalendarFeed:
    """A new secret address for the feed; the old address stops working at once."""
    feed = calendar_feed_for(municipality=municipality)
    feed.token = new_feed_token()
    feed.save(update_fields=["token"])
    return feed


@transaction.atomic
def plan_template_apply(*, campaign: Campaign, municipality, owner=None) -> int:
    """Place the plan's example content (section 5.1) in its phases for one municipality, once.

    Dates follow plan_defaults.EXAMPLES (placement.template_dates): working days (Dutch calendar)
    inside each item's phase and the campaign period, the Digidonderdagtip on Thursdays, the kick-off
    on the kick-off date, the results and the festive closing after round 2 has closed and before the
    end date; channels that fit each item's form, per municipality; hygiene available for the rest of
    the campaign. A campaign so planned has no balance warnings (campaigns.balance). Returns the
    number of items added: 0 when the municipality already has a planning.
    """
    if ContentItem.objects.filter(campaign=campaign, municipality=municipality).exists():
        return 0
    phases = {phase.code: phase for phase in phases_create_defaults(campaign=campaign)}
    channels = channels_create_defaults(municipality=municipality)
    personas = {persona.slug: persona for persona in Persona.objects.all()}
    count = 0
    for example in plan_defaults.EXAMPLES:
        for publish_on, phase in template_dates(campaign=campaign, example=example, phases=phases):
            deadline = publish_on - PRODUCTION_LEAD_TIME
            while not is_working_day(deadline):
                deadline -= datetime.timedelta(days=1)
            content_item_create(
                campaign=campaign,
                municipality=municipality,
                personas=[personas[slug] for slug in example.personas if slug in personas],
                channels=template_channels(municipality=municipality, example=example, channels=channels),
                title=example.title,
                category=example.category,
                format=example.format,
                audience=example.audience,
                phase=phase,
                focuses_on_scan=example.focuses_on_scan,
                publish_on=publish_on,
                production_deadline=deadline,
                status=ContentItem.Status.IDEA,
                owner=owner,
                planned_cost=example.cost,
            )
            count += 1
    return count
