"""An edit in the Django admin bypasses the services; it still shows at once on every page that keeps
what it changed (the admins' save and delete hooks bump the versions the services bump)."""

import datetime

import pytest
from django.contrib.admin.sites import site
from django.test import RequestFactory
from django.urls import reverse

from personas.models import Audience, Message
from personas.selectors import messages_for_recipient

pytestmark = pytest.mark.django_db


def _request(user):
    request = RequestFactory().post("/beheer/")
    request.user = user
    return request


def test_messages_deleted_together_in_the_admin_are_gone_at_once(shipped_content, programme_lead):
    kept = [message.text for message in messages_for_recipient(persona=None, is_busy=False)]  # kept now
    doomed = Message.objects.filter(audience__slug=Audience.ALL, text=kept[0])
    site._registry[Message].delete_queryset(_request(programme_lead), doomed)
    assert kept[0] not in [message.text for message in messages_for_recipient(persona=None, is_busy=False)]


def test_a_channel_added_in_the_admin_is_offered_in_the_kept_item_form_at_once(client, advisor, municipality):
    from campaigns.models import Channel
    from campaigns.services import channels_create_defaults, phases_create_defaults
    from campaigns.tests.factories import CampaignFactory

    campaign = CampaignFactory(municipalities=[municipality])
    phases_create_defaults(campaign=campaign)
    channels_create_defaults(municipality=municipality)

    client.force_login(advisor)
    url = reverse("campaigns:create", args=[campaign.pk])
    assert "Wijkkrant Oost" not in client.get(url).content.decode()  # kept now
    channel = Channel(municipality=municipality, name="Wijkkrant Oost", kind=Channel.objects.first().kind)
    site._registry[Channel].save_model(_request(advisor), channel, None, change=False)
    assert "Wijkkrant Oost" in client.get(url).content.decode()


def test_a_round_moved_in_the_admin_shows_its_new_date_at_once(client, employee, municipality):
    from selfscan.models import Round
    from selfscan.tests.factories import open_campaign_rounds

    baseline, _final = open_campaign_rounds(municipalities=[municipality])
    client.force_login(employee)
    url = reverse("selfscan:home")
    client.get(url)  # kept now
    baseline.due_on = baseline.due_on + datetime.timedelta(days=3)
    site._registry[Round].save_model(_request(employee), baseline, None, change=True)
    assert f"graag af vóór {baseline.due_on.day} " in client.get(url).content.decode()


def test_a_round_renumbered_in_the_admin_shows_in_the_export_at_once(client, employee, municipality):
    import json

    from selfscan.models import Round
    from selfscan.tests.factories import open_campaign_rounds, submitted_response

    baseline, final = open_campaign_rounds(municipalities=[municipality])
    submitted_response(employee, baseline)
    client.force_login(employee)
    url = reverse("selfscan:export")
    assert json.loads(client.get(url).content)["responses"][0]["round"] == 1  # kept now
    final.number = 3  # out of the way, so the baseline can become round 2 (a correction)
    site._registry[Round].save_model(_request(employee), final, None, change=True)
    baseline.number = 2
    site._registry[Round].save_model(_request(employee), baseline, None, change=True)
    assert json.loads(client.get(url).content)["responses"][0]["round"] == 2


def test_a_question_edited_in_the_admin_shows_at_once_in_the_classification(client, advisor, municipality):
    from selfscan.models import Question
    from selfscan.tests.factories import open_campaign_rounds

    open_campaign_rounds(municipalities=[municipality])
    client.force_login(advisor)
    url = reverse("selfscan:classification")
    client.get(url)  # kept now
    statement = Question.objects.filter(kind=Question.Kind.ATTITUDE).first()
    statement.text = "Ik probeer nieuwe software het liefst samen met een collega."
    admin = site._registry[Question]
    admin.save_model(_request(advisor), statement, None, change=True)
    form = type("Form", (), {"save_m2m": lambda self: None, "instance": statement})()
    admin.save_related(_request(advisor), form, [], True)
    assert statement.text in client.get(url).content.decode()
