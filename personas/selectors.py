from django.db.models import Count, Prefetch, Q

from .models import AttentionPoint, Audience, ComBStatement, EditRecord, Message, Persona

EMPLOYEE, TEAM_LEADER = "employee", "team_leader"


def persona_overview():
    return Persona.objects.annotate(
        message_count=Count("audience__messages", distinct=True),
        content_count=Count("content_items", filter=~Q(content_items__status="cancelled"), distinct=True),
    ).select_related("audience")


def persona_detail(*, slug: str) -> Persona:
    return (
        Persona.objects.select_related("updated_by", "audience")
        .prefetch_related(
            Prefetch("statements", queryset=ComBStatement.objects.order_by("kind", "position", "pk")),
            Prefetch("audience__attention_points", queryset=AttentionPoint.objects.order_by("position", "pk")),
            Prefetch("audience__messages", queryset=Message.objects.order_by("position", "pk")),
        )
        .get(slug=slug)
    )


def com_b_columns(*, persona: Persona):
    """The COM-B analysis laid out as the plan does: components, their sub-headings, statements."""
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
    audiences = Audience.objects.select_related("persona", "updated_by").prefetch_related(
        Prefetch("attention_points", queryset=AttentionPoint.objects.order_by("position", "pk")),
        Prefetch("messages", queryset=Message.objects.order_by("position", "pk")),
    )
    if slug:
        audiences = audiences.filter(slug=slug)
    return audiences


def recent_edits(*, persona: Persona | None = None, audience: Audience | None = None, limit: int = 10):
    edits = EditRecord.objects.select_related("changed_by")
    if persona is not None:
        edits = edits.filter(persona=persona)
    if audience is not None:
        edits = edits.filter(audience=audience)
    return edits[:limit]


def messages_for_recipient(*, persona: Persona | None, is_busy: bool, audience: str = EMPLOYEE) -> list[Message]:
    """The messages to use when writing to one person (reminders, the zelfscan result page).

    Team leaders get the team leader messages. Employees get their persona's messages; a busy
    prioritiser gets the short, factual busy-prioritiser messages first. Without a known persona
    (no zelfscan yet) the messages for everyone (Allen) are used.
    """
    if audience == TEAM_LEADER:
        slugs = [Audience.TEAM_LEADERS]
    else:
        slugs = [persona.slug] if persona is not None and not persona.is_cross_cutting else []
        if is_busy:
            slugs.insert(0, "drukke-prioriteitensteller")
        if not slugs:
            slugs = [Audience.ALL]
    messages = Message.objects.filter(audience__slug__in=slugs).select_related("audience")
    order = {slug: index for index, slug in enumerate(slugs)}
    result, seen = [], set()
    for message in sorted(messages, key=lambda m: (order[m.audience.slug], m.position, m.pk)):
        if message.text not in seen:
            seen.add(message.text)
            result.append(message)
    return result
