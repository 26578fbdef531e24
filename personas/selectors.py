"""Reads of the personas and their messages (plan sections 3 and 4)."""

import enum

from django.db.models import Count, Prefetch

from common.cache import versioned

from .caching import NAMESPACE, PAGE_SECONDS
from .models import AttentionPoint, Audience, ComBStatement, EditRecord, Message, Persona


class Recipient(enum.Enum):
    """Whom a message is written to: an employee (by persona) or a team leader (plan section 4)."""

    EMPLOYEE = "employee"
    TEAM_LEADER = "team_leader"


def persona_overview():
    """All personas in plan order, each annotated with `message_count` and its audience loaded."""
    return Persona.objects.annotate(message_count=Count("audience__messages", distinct=True)).select_related("audience")


def persona_detail(*, slug: str) -> Persona:
    """The persona with statements, attention points and messages loaded; raises Persona.DoesNotExist."""
    return (
        Persona.objects.select_related("updated_by", "audience")
        .prefetch_related(
            Prefetch("statements", queryset=ComBStatement.objects.order_by("kind", "position", "pk")),
            Prefetch("audience__attention_points", queryset=AttentionPoint.objects.order_by("position", "pk")),
            Prefetch("audience__messages", queryset=Message.objects.order_by("position", "pk")),
        )
        .get(slug=slug)
    )


def com_b_columns(*, persona: Persona) -> list[dict]:
    """The COM-B analysis laid out as the plan does: [{component, parts: [{label, statements}]}]."""
    by_kind = {kind: [] for kind in ComBStatement.Kind.values}
    for statement in persona.statements.all():
        by_kind[statement.kind].append(statement)
    return [
        {
            "component": component,
            "parts": [{"label": ComBStatement.Kind(kind).label, "statements": by_kind[kind]} for kind in kinds],
        }
        for component, kinds in ComBStatement.COMPONENTS
    ]


def audience_list_with_texts(*, slug: str | None = None):
    """Audiences (all, or the one with `slug`) with their attention points and messages loaded."""
    audiences = Audience.objects.select_related("persona", "updated_by").prefetch_related(
        Prefetch("attention_points", queryset=AttentionPoint.objects.order_by("position", "pk")),
        Prefetch("messages", queryset=Message.objects.order_by("position", "pk")),
    )
    if slug:
        audiences = audiences.filter(slug=slug)
    return audiences


def audiences_with_texts() -> list[Audience]:
    """All audiences as audience_list_with_texts gives them, kept in the cache until a persona's or
    an audience's texts change (personas.caching.personas_changed). Three queries when not cached."""
    return versioned(
        NAMESPACE, ["audiences-with-texts"], lambda: list(audience_list_with_texts()), seconds=PAGE_SECONDS
    )


def recent_edits(*, persona: Persona | None = None, audience: Audience | None = None, limit: int = 10):
    """The latest `limit` edit records, newest first, of a persona or an audience (or all)."""
    edits = EditRecord.objects.select_related("changed_by")
    if persona is not None:
        edits = edits.filter(persona=persona)
    if audience is not None:
        edits = edits.filter(audience=audience)
    return edits[:limit]


def messages_for_recipient(
    *, persona: Persona | None, is_busy: bool, audience: Recipient = Recipient.EMPLOYEE
) -> list[Message]:
    """The messages to use when writing to one person (reminders, the zelfscan result page), in order.

    Plan section 4: team leaders get the team leader messages. Employees get their persona's
    messages; a busy prioritiser gets the short, factual busy-prioritiser messages first. Without a
    known persona (no zelfscan yet) the messages for everyone (Allen) are used. No text twice. Kept
    in the cache until a persona's or an audience's texts change; one query when not kept.
    """
    if audience == Recipient.TEAM_LEADER:
        slugs = [Audience.TEAM_LEADERS]
    else:
        slugs = [persona.slug] if persona is not None and not persona.is_busy_prioritiser else []
        if is_busy:
            slugs.insert(0, Persona.Identity.BUSY_PRIORITISER)
        if not slugs:
            slugs = [Audience.ALL]
    return versioned(NAMESPACE, ["messages-for", *slugs], lambda: _messages_of(slugs), seconds=PAGE_SECONDS)


def _messages_of(slugs) -> list[Message]:
    messages = Message.objects.filter(audience__slug__in=slugs).select_related("audience")
    order = {slug: index for index, slug in enumerate(slugs)}
    result, seen = [], set()
    for message in sorted(messages, key=lambda m: (order[m.audience.slug], m.position, m.pk)):
        if message.text not in seen:
            seen.add(message.text)
            result.append(message)
    return result


def all_personas() -> list[Persona]:
    """Every persona, kept in the cache until a persona's texts change (caching.personas_changed).
    No query when kept."""
    return versioned(NAMESPACE, ["all-personas"], lambda: list(Persona.objects.all()), seconds=PAGE_SECONDS)
