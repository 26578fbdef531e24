import pytest

from personas.selectors import Recipient, messages_for_recipient
from personas.tests.factories import audience, persona

pytestmark = pytest.mark.django_db


def texts(messages):
    return [message.text for message in messages]


def test_employee_gets_the_messages_of_their_persona():
    result = messages_for_recipient(persona=persona("aarzelende-technologiegebruiker"), is_busy=False)
    assert texts(result) == texts(audience("aarzelende-technologiegebruiker").messages.all())


def test_busy_prioritiser_gets_the_short_factual_messages_first_without_repeats():
    result = texts(messages_for_recipient(persona=persona("analoge-idealist"), is_busy=True))
    busy = texts(audience("drukke-prioriteitensteller").messages.all())
    assert result[: len(busy)] == busy
    assert len(result) == len(set(result))
    assert "Digitale middelen vervangen analoge situaties niet, maar vullen het aan." in result


def test_unknown_persona_falls_back_to_allen():
    result = messages_for_recipient(persona=None, is_busy=False)
    assert texts(result) == texts(audience("allen").messages.all())


def test_unknown_persona_but_busy_gets_the_busy_messages():
    result = messages_for_recipient(persona=None, is_busy=True)
    assert texts(result) == texts(audience("drukke-prioriteitensteller").messages.all())


def test_team_leader_gets_the_team_leader_messages():
    result = messages_for_recipient(
        persona=persona("digitale-enthousiasteling"), is_busy=True, audience=Recipient.TEAM_LEADER
    )
    assert texts(result) == texts(audience("teamleiders").messages.all())


def test_messages_follow_edited_order():
    allen = audience("allen")
    first, second = allen.messages.order_by("position")[:2]
    first.position, second.position = 1, 0
    first.save()
    second.save()
    assert messages_for_recipient(persona=None, is_busy=False, audience=Recipient.EMPLOYEE)[0] == second


def test_kept_messages_follow_an_edit_through_the_service_at_once(django_assert_num_queries):
    from organisations.tests.factories import UserFactory
    from personas.services import audience_texts_update

    allen = audience("allen")
    messages_for_recipient(persona=None, is_busy=False)  # kept now
    with django_assert_num_queries(0):
        messages_for_recipient(persona=None, is_busy=False)
    audience_texts_update(audience=allen, changed_by=UserFactory(), attention_points=[], messages=["Nieuw voor allen."])
    assert texts(messages_for_recipient(persona=None, is_busy=False)) == ["Nieuw voor allen."]
