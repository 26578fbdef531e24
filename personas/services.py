from operator import itemgetter

from django.db import transaction

from .caching import personas_changed
from .models import AttentionPoint, Audience, ComBStatement, EditRecord, Message, Persona


def _record(*, summary, changed_by, persona=None, audience=None):
    record = EditRecord(summary=summary, changed_by=changed_by, persona=persona, audience=audience)
    record.full_clean()
    record.save()


@transaction.atomic
def persona_update(*, persona: Persona, changed_by, texts: dict, statements: list[tuple[str, str]]) -> Persona:
    """Replace a persona's texts and its COM-B statements, and record who changed what.

    `texts` maps every name of Persona.TEXT_FIELDS to its new text; `statements` is a list of
    (ComBStatement.Kind value, text) in the wanted order. Saving unchanged texts records no edit.
    Raises ValidationError (a text too long or empty where required); then nothing changes.
    """
    # Compared with what is stored: a ModelForm of `persona` has already copied the new texts onto it.
    stored = Persona.objects.filter(pk=persona.pk).values(*Persona.TEXT_FIELDS).get()
    changed = [name for name in Persona.TEXT_FIELDS if stored[name] != texts[name]]
    for name in Persona.TEXT_FIELDS:
        setattr(persona, name, texts[name])
    persona.updated_by = changed_by
    persona.full_clean()
    persona.save()

    old = list(persona.statements.order_by("kind", "position", "pk").values_list("kind", "text"))
    positions = {}
    new_statements = []
    for kind, text in statements:
        positions[kind] = positions.get(kind, -1) + 1
        statement = ComBStatement(persona=persona, kind=kind, text=text, position=positions[kind])
        statement.full_clean(exclude=["persona"])
        new_statements.append(statement)
    # Stored order is by kind, then as given; a stable sort on kind gives the same order to compare.
    if old != sorted(statements, key=itemgetter(0)):
        persona.statements.all().delete()
        ComBStatement.objects.bulk_create(new_statements)
        changed.append("statements")
    if changed:
        _record(summary=", ".join(changed), changed_by=changed_by, persona=persona)
        personas_changed()
    return persona


@transaction.atomic
def audience_texts_update(*, audience: Audience, changed_by, attention_points: list[str], messages: list[str]):
    """Replace the attention points and messages of an audience (lists of texts, in order).

    Records who changed which list; unchanged lists are left alone. Raises ValidationError for a
    text over 500 characters; then nothing changes. Returns the audience.
    """
    changed = []
    for model, related, texts, label in (
        (AttentionPoint, audience.attention_points, attention_points, "attention_points"),
        (Message, audience.messages, messages, "messages"),
    ):
        if list(related.order_by("position", "pk").values_list("text", flat=True)) == texts:
            continue
        objects = [model(audience=audience, text=text, position=index) for index, text in enumerate(texts)]
        for obj in objects:
            obj.full_clean(exclude=["audience"])
        related.all().delete()
        model.objects.bulk_create(objects)
        changed.append(label)
    if changed:
        audience.updated_by = changed_by
        audience.save(update_fields=["updated_by", "updated_at"])
        _record(summary=", ".join(changed), changed_by=changed_by, audience=audience)
        personas_changed()
    return audience
