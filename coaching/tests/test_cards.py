"""Compliment cards (plan §5.1: "Digitale complimentkaarten ... (belonen + contact maken)"): ready-made
texts and a short personal line that stays text, blocks, the e-mail, and counts only for dashboards."""

import datetime

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from coaching import services
from coaching.models import CardBlock, CardText, ComplimentCard
from coaching.selectors import compliment_counts
from coaching.tasks import send_card_email
from coaching.tests.factories import ComplimentCardFactory
from common.dates import month_start
from common.submissions import new_token
from organisations.tests.factories import TeamFactory, UserFactory


@pytest.fixture
def colleague(team):
    return UserFactory(team=team, municipality=team.municipality, first_name="Bram", last_name="de Boer")


def send(client, recipient, **overrides):
    data = {"text": CardText.SHARED_TIP, "personal_line": "", **overrides}
    return client.post(reverse("coaching:card_compose", args=[recipient.pk]), data)


def test_about_ten_ready_made_texts_in_a_positive_tone():
    texts = [str(label) for label in CardText.labels]
    assert 8 <= len(texts) <= 12 and len(set(texts)) == len(texts)
    assert all(len(text) <= 100 and text.rstrip()[-1] in ".!" for text in texts)


def test_an_employee_finds_a_colleague_and_sends_a_card(client, employee, colleague, monkeypatch):
    enqueued = []
    monkeypatch.setattr(send_card_email, "delay_on_commit", lambda card_id: enqueued.append(card_id))
    client.force_login(employee)
    page = client.get(reverse("coaching:card_new"), {"q": "de bo"}).content.decode()
    assert "Bram de Boer" in page and reverse("coaching:card_compose", args=[colleague.pk]) in page
    response = send(client, colleague, personal_line="Dank voor je hulp met Teams!")
    assert response.status_code == 302
    card = ComplimentCard.objects.get()
    assert (card.sender, card.recipient, card.text, card.personal_line) == (
        employee,
        colleague,
        "shared_tip",
        "Dank voor je hulp met Teams!",
    )
    assert (card.sender_team, card.recipient_team, card.month) == (
        employee.team,
        colleague.team,
        month_start(timezone.localdate()),
    )
    assert enqueued == [card.pk]
    client.force_login(colleague)
    start = client.get(reverse("core:start_employee")).content.decode()
    assert "Top hoe je die handige tip met het team deelde." in start and "Dank voor je hulp met Teams!" in start


def test_the_search_finds_only_active_colleagues_of_the_own_municipality(client, employee, other_municipality):
    UserFactory(municipality=employee.municipality, first_name="Zwaantje", is_active=False)
    elsewhere = UserFactory(municipality=other_municipality, first_name="Zwaantje")
    client.force_login(employee)
    page = client.get(reverse("coaching:card_new"), {"q": "Zwaantje"}).content.decode()
    assert "Niemand gevonden" in page
    assert client.get(reverse("coaching:card_compose", args=[elsewhere.pk])).status_code == 404
    assert send(client, elsewhere).status_code == 404
    assert client.get(reverse("coaching:card_compose", args=[employee.pk])).status_code == 404
    assert not ComplimentCard.objects.exists()


def test_markup_in_the_personal_line_stays_text_everywhere(client, employee, colleague):
    client.force_login(employee)
    line = '<script>alert("x")</script><b onmouseover=1>hoi</b>'
    send(client, colleague, personal_line=line)
    assert ComplimentCard.objects.get().personal_line == line
    for person, url in (
        (colleague, "core:start_employee"),
        (colleague, "coaching:cards"),
        (employee, "coaching:cards"),
    ):
        client.force_login(person)
        page = client.get(reverse(url)).content.decode()
        assert "<script>alert" not in page and "<b onmouseover" not in page
        assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in page


def test_invisible_characters_are_removed_and_the_line_is_limited(client, employee, colleague):
    client.force_login(employee)
    send(client, colleague, personal_line="Goed\u202e gedaan\u200b\x07 \n\n  joh")
    assert ComplimentCard.objects.get().personal_line == "Goed gedaan joh"
    response = send(client, colleague, personal_line="x" * 141)
    assert response.status_code == 200 and "niet meer dan 140" in response.content.decode()
    assert 'maxlength="140"' in response.content.decode()
    assert send(client, colleague, text="zelfbedacht").status_code == 200
    assert ComplimentCard.objects.count() == 1


def test_a_double_click_sends_one_card(client, employee, colleague):
    client.force_login(employee)
    token = new_token(employee)
    send(client, colleague, form_token=token)
    send(client, colleague, form_token=token)
    assert ComplimentCard.objects.count() == 1


def test_a_person_blocks_cards_from_someone_whose_cards_then_stop_arriving_and_old_cards_disappear(
    client, employee, colleague
):
    ComplimentCardFactory(sender=colleague, recipient=employee, personal_line="Eerdere kaart")
    client.force_login(employee)
    assert "Eerdere kaart" in client.get(reverse("coaching:cards")).content.decode()
    token = new_token(employee)
    for _ in range(2):
        client.post(reverse("coaching:card_block", args=[colleague.pk]), {"form_token": token})
    assert CardBlock.objects.filter(person=employee, blocked=colleague).count() == 1
    page = client.get(reverse("coaching:cards")).content.decode()
    assert "Eerdere kaart" not in page and "Weer toestaan" in page and colleague.get_full_name() in page
    assert "Eerdere kaart" not in client.get(reverse("core:start_employee")).content.decode()
    client.force_login(colleague)
    response = send(client, employee, personal_line="Na de blokkade")
    assert response.status_code == 302 and response.url == reverse("coaching:cards")
    assert not ComplimentCard.objects.get(personal_line="Na de blokkade").delivered
    client.force_login(employee)
    client.post(reverse("coaching:card_unblock", args=[colleague.pk]))
    assert not CardBlock.objects.exists()
    page = client.get(reverse("coaching:cards")).content.decode()
    assert "Eerdere kaart" in page and "Na de blokkade" not in page


def _sent_page(client, recipient, line):
    """What the sender experiences: the answer to the send and the page it leads to, with the
    recipient's name and the line standing for any name and line."""
    response = client.post(
        reverse("coaching:card_compose", args=[recipient.pk]), {"text": CardText.SHARED_TIP, "personal_line": line}
    )
    followed = client.get(response.url).content.decode()
    page = followed.replace(recipient.get_full_name(), "NAAM").replace(line, "REGEL")
    said = page.split('<div class="messages"', 1)[1].split("</div>", 2)[0]
    return response.status_code, response.url, said


def test_a_block_stays_invisible_to_the_sender_and_the_recipient_never_sees_the_card(
    client, employee, colleague, mailoutbox, django_capture_on_commit_callbacks, in_process_tasks
):
    """QA: a team leader blocked Sanne; Sanne then got "Deze collega ontvangt op dit moment geen
    kaarten van jou". Now her send goes exactly as any other, and the card never arrives."""
    blocker = UserFactory(municipality=employee.municipality, team=employee.team, first_name="Teun", last_name="Leider")
    other = UserFactory(municipality=employee.municipality, team=employee.team, first_name="Otto", last_name="Ander")
    CardBlock.objects.create(person=blocker, blocked=colleague)
    client.force_login(colleague)
    with django_capture_on_commit_callbacks(execute=True):
        normal = _sent_page(client, other, "Voor Otto")
    with django_capture_on_commit_callbacks(execute=True):
        blocked = _sent_page(client, blocker, "Voor Teun")
    assert blocked == normal and "Je kaart is verstuurd aan NAAM. Leuk!" in blocked[2]
    sent = client.get(reverse("coaching:cards")).content.decode()
    assert "Voor Teun" in sent and "Voor Otto" in sent
    assert len(mailoutbox) == 1 and mailoutbox[0].to == [other.email]
    client.force_login(blocker)
    for url in (reverse("coaching:cards"), reverse("core:start_employee"), reverse("core:start_team_leader")):
        response = client.get(url)
        assert response.status_code in (200, 403) and "Voor Teun" not in response.content.decode()


def test_nobody_can_block_a_stranger_of_another_municipality(client, employee, other_municipality):
    stranger = UserFactory(municipality=other_municipality)
    client.force_login(employee)
    assert client.post(reverse("coaching:card_block", args=[stranger.pk])).status_code == 404
    assert client.post(reverse("coaching:card_block", args=[employee.pk])).status_code == 404
    assert not CardBlock.objects.exists()


def test_the_recipient_gets_one_email_unless_they_turned_it_off(client, employee, colleague):
    mail.outbox = []
    card = services.card_send(sender=employee, recipient=colleague, text=CardText.PATIENCE, personal_line="<b>Top</b>")
    assert send_card_email(card.pk) is True
    assert send_card_email(card.pk) is False, "once per card"
    [email] = mail.outbox
    assert email.to == [colleague.email] and employee.get_full_name() in email.subject
    assert "Fijn hoe rustig en geduldig je het uitlegde." in email.body and "<b>Top</b>" in email.body
    assert email.content_subtype == "plain" and not getattr(email, "alternatives", None), (
        "plain text: no markup to inject into"
    )
    client.force_login(colleague)
    client.post(reverse("coaching:card_preference"), {})
    other = services.card_send(sender=employee, recipient=colleague, text=CardText.TOGETHER)
    assert send_card_email(other.pk) is False and len(mail.outbox) == 1
    client.post(reverse("coaching:card_preference"), {"email_on_card": "on"})
    third = services.card_send(sender=employee, recipient=colleague, text=CardText.TOGETHER)
    assert send_card_email(third.pk) is True and len(mail.outbox) == 2


def test_a_failed_email_is_given_back_and_retried(employee, colleague, monkeypatch):
    import smtplib

    from celery.exceptions import Retry

    card = services.card_send(sender=employee, recipient=colleague, text=CardText.TOGETHER)

    def broken(self, *args, **kwargs):
        raise smtplib.SMTPServerDisconnected("weg")

    monkeypatch.setattr("django.core.mail.EmailMessage.send", broken)
    with pytest.raises((Retry, smtplib.SMTPException)):
        send_card_email.apply(args=[card.pk], throw=True)
    card.refresh_from_db()
    assert card.emailed_at is None


def test_a_person_sends_at_most_twenty_cards_a_day(employee, colleague):
    for _ in range(20):
        services.card_send(sender=employee, recipient=colleague, text=CardText.TOGETHER)
    with pytest.raises(ValidationError, match="vandaag al 20 kaarten"):
        services.card_send(sender=employee, recipient=colleague, text=CardText.TOGETHER)
    tomorrow = timezone.now() + datetime.timedelta(days=1)
    assert services.card_send(sender=employee, recipient=colleague, text=CardText.TOGETHER, now=tomorrow)


def test_compliment_counts_per_team_and_month_in_two_queries(db, django_assert_num_queries):
    from organisations.models import Team

    first, second = TeamFactory.create_batch(2)
    alice = UserFactory(team=first, municipality=first.municipality)
    bob = UserFactory(team=second, municipality=first.municipality)
    october = datetime.datetime(2026, 10, 15, 12, tzinfo=datetime.UTC)
    november = datetime.datetime(2026, 11, 2, 12, tzinfo=datetime.UTC)
    for moment, sender, recipient in ((october, alice, bob), (november, alice, bob), (november, bob, alice)):
        ComplimentCardFactory(sender=sender, recipient=recipient, sent_at=moment)
    # Alice moves to the second team: her October card still counts for the first.
    alice.team = second
    alice.save()
    months = [datetime.date(2026, 10, 1), datetime.date(2026, 11, 1)]
    with django_assert_num_queries(2):
        counts = compliment_counts(teams=[first, second], months=months)
    assert (counts.sent_by(first.pk, months[0]), counts.received_by(second.pk, months[0])) == (1, 1)
    assert (counts.sent_by(first.pk, months[1]), counts.sent_by(second.pk, months[1])) == (1, 1)
    assert (counts.total_sent(months[1]), counts.total_received(months[1])) == (2, 2)
    with django_assert_num_queries(2):
        assert compliment_counts(teams=Team.objects.all(), months=months).received_by(first.pk, months[1]) == 1
    with django_assert_num_queries(2):
        many = [first.pk, second.pk, *range(10**6, 10**6 + 600)]
        assert compliment_counts(teams=many, months=months).sent_by(second.pk, months[1]) == 1
    assert compliment_counts(teams=[first], months=[]).months == ()


def test_the_card_pages_do_not_grow_with_ten_times_more_cards(client, employee, team, query_count):
    client.force_login(employee)

    def grow(count):
        for _ in range(count):
            other = UserFactory(team=TeamFactory(municipality=team.municipality), municipality=team.municipality)
            ComplimentCardFactory(sender=other, recipient=employee)
            ComplimentCardFactory(sender=employee, recipient=other)

    grow(2)
    small = query_count(client, reverse("coaching:cards"), at_most=10)
    small_start = query_count(client, reverse("core:start_employee"), at_most=25)
    grow(20)
    assert query_count(client, reverse("coaching:cards"), at_most=10) == small
    assert query_count(client, reverse("core:start_employee"), at_most=25) == small_start


def test_the_kept_colleague_on_the_card_form_follows_their_row_at_once(client, employee, municipality, team):
    from organisations.tests.factories import UserFactory

    colleague = UserFactory(municipality=municipality, team=team, first_name="Sanne", last_name="Bakker")
    client.force_login(employee)
    url = reverse("coaching:card_compose", args=[colleague.pk])
    assert "Sanne Bakker" in client.get(url).content.decode()
    colleague.last_name = "de Vries"  # married: the import or the admin saves the row
    colleague.save()
    assert "Sanne de Vries" in client.get(url).content.decode()
    colleague.is_active = False  # left the organisation
    colleague.save()
    assert client.get(url).status_code == 404
