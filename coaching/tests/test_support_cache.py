"""The support block of the start page is cached (coaching.caching): every write of the support
programme shows on the next request, nobody gets another person's block, and a block expires by
itself when a listed session starts or a listed card stops being recent."""

import datetime

from django.urls import reverse
from django.utils import timezone

from coaching import services
from coaching.models import CardText
from coaching.selectors import RECENT_CARD_DAYS, _support_parts, _true_for
from coaching.tests.factories import InspirationSessionFactory
from organisations.tests.factories import UserFactory

START = reverse("core:start_employee")


def test_a_card_sent_shows_at_once_on_the_cached_start_page_and_only_the_recipients(
    client, employee, team, query_count
):
    colleague = UserFactory(team=team, municipality=team.municipality, first_name="Bram")
    client.force_login(employee)
    cold = query_count(client, START, at_most=12)
    cached = query_count(client, START, at_most=12, cold=False)
    assert cached <= cold - 4  # buddy, cards, sessions, ambassador come from the cache
    services.card_send(sender=colleague, recipient=employee, text=CardText.PATIENCE)
    assert "Bram" in client.get(START).content.decode()
    services.card_block(person=employee, blocked=colleague)
    assert "Bram" not in client.get(START).content.decode()
    client.force_login(colleague)
    client.get(START)  # the colleague's own block, cached under their own key
    services.card_unblock(person=employee, blocked=colleague)
    assert "Bram" not in client.get(START).content.decode().split("Complimentkaarten")[-1]
    client.force_login(employee)
    assert "Bram" in client.get(START).content.decode()


def test_a_session_signed_up_for_or_cancelled_shows_at_once(client, employee, municipality):
    session = InspirationSessionFactory(municipality=municipality, title="Slim werken met Teams")
    client.force_login(employee)
    assert "Slim werken met Teams" not in client.get(START).content.decode()
    services.session_sign_up(session=session, person=employee)
    assert "Slim werken met Teams" in client.get(START).content.decode()
    services.inspiration_session_cancel(session=session)
    assert "Slim werken met Teams" not in client.get(START).content.decode()


def test_a_cached_block_lasts_no_longer_than_its_first_session_or_its_oldest_card(employee, team, municipality):
    now = timezone.now()
    session = InspirationSessionFactory(municipality=municipality, starts_at=now + datetime.timedelta(hours=2))
    services.session_sign_up(session=session, person=employee)
    parts = _support_parts(employee, now)
    assert _true_for(parts) == 2 * 60 * 60
    colleague = UserFactory(team=team, municipality=municipality)
    card = services.card_send(sender=colleague, recipient=employee, text=CardText.PATIENCE)
    sent = card.sent_at
    later = sent + datetime.timedelta(days=RECENT_CARD_DAYS - 1)
    services.inspiration_session_cancel(session=session)
    parts = _support_parts(employee, later)
    assert [c.pk for c in parts.cards] == [card.pk]
    assert _true_for(parts) == 24 * 60 * 60  # the card is recent for one more day
    assert _true_for(_support_parts(UserFactory(municipality=municipality), now)) == float("inf")


def test_postgresql_analyses_the_support_tables_after_a_few_rows(db):
    # Never analysed, the planner guessed ~800 coaches and read all users to join them (migration 0004).
    from django.db import connection

    from conftest import service_unavailable

    if connection.vendor != "postgresql":
        service_unavailable("the table options need PostgreSQL (DATABASE_URL)")
    with connection.cursor() as cursor:
        cursor.execute("SELECT reloptions FROM pg_class WHERE relname IN ('coaching_coach', 'coaching_signup')")
        options = [row[0] for row in cursor.fetchall()]
    assert options == [["autovacuum_analyze_threshold=5"]] * 2


def test_the_digicoach_page_is_kept_and_shows_a_new_request_and_a_logged_session_at_once(
    client, digicoach, team, municipality, query_count
):
    from campaigns.tests.factories import CampaignFactory
    from coaching.tests.factories import CoachFactory

    today = timezone.localdate()
    CampaignFactory(
        kick_off_date=today.replace(day=1) - datetime.timedelta(days=60),
        end_date=today + datetime.timedelta(days=60),
        municipalities=[municipality],
    )
    CoachFactory(user=digicoach)
    url = reverse("coaching:coach")
    client.force_login(digicoach)
    cold = query_count(client, url, at_most=10)
    assert query_count(client, url, at_most=10, cold=False) <= 2 < cold  # the person and the form's profile
    asker = UserFactory(team=team, municipality=municipality, first_name="Fenna")
    pair = services.buddy_request(employee=asker, topic="teams")
    assert "Fenna" in client.get(url).content.decode()
    services.buddy_pair(pair=pair, coach=digicoach, by=digicoach)
    assert "0 van " in client.get(url).content.decode()  # kept again, now with the buddy
    services.coaching_session_log(
        pair=pair, coach=digicoach, date=timezone.localdate(), topic="Teams-vergadering plannen", minutes=30
    )
    page = client.get(url).content.decode()
    assert "Fenna" in page and "1 van " in page and "0 van " not in page


def test_registers_pairs_and_session_pages_are_kept_and_show_a_write_at_once(
    client, advisor, programme_lead, employee, municipality
):
    client.force_login(advisor)
    register = reverse("coaching:ambassadors")
    assert employee.get_full_name() not in client.get(register).content.decode()  # kept now
    services.ambassador_volunteer(person=employee, motivation="Ik help graag")
    assert "Ik help graag" in client.get(register).content.decode()
    client.force_login(programme_lead)
    requests_page = reverse("coaching:requests")
    assert employee.get_full_name() not in client.get(requests_page).content.decode()
    services.buddy_request(employee=employee, topic="teams")
    assert employee.get_full_name() in client.get(requests_page).content.decode()
    session = InspirationSessionFactory(municipality=municipality, title="Lunchsessie", capacity=1)
    client.force_login(employee)
    page = reverse("coaching:session", args=[session.pk])
    assert "Je bent aangemeld" not in client.get(page).content.decode()
    services.session_sign_up(session=session, person=employee)
    assert "Je bent aangemeld" in client.get(page).content.decode()


def test_a_kept_session_list_lasts_until_the_next_start_or_end():
    from types import SimpleNamespace

    from coaching.selectors import _seconds_to_next_turn

    now = timezone.now()
    hour = datetime.timedelta(hours=1)
    started = SimpleNamespace(starts_at=now - hour, ends_at=now + 2 * hour)
    later = SimpleNamespace(starts_at=now + 3 * hour, ends_at=now + 4 * hour)
    assert _seconds_to_next_turn([started, later], now) == 2 * 60 * 60  # the running one ends
    assert _seconds_to_next_turn([later], now) == 3 * 60 * 60  # the next one starts
    assert _seconds_to_next_turn([], now) == float("inf")


def test_the_cards_page_is_kept_and_shows_a_card_a_block_and_the_preference_at_once(client, employee, team):
    colleague = UserFactory(team=team, municipality=team.municipality, first_name="Bram")
    url = reverse("coaching:cards")
    client.force_login(employee)
    assert "Nog geen kaarten ontvangen." in client.get(url).content.decode()  # kept now
    services.card_send(sender=colleague, recipient=employee, text=CardText.PATIENCE)
    page = client.get(url).content.decode()
    assert "Bram" in page and 'id="id_email_on_card" checked' in page
    services.card_preference_set(person=employee, email_on_card=False)
    assert 'id="id_email_on_card" checked' not in client.get(url).content.decode()
    services.card_block(person=employee, blocked=colleague)
    assert "Nog geen kaarten ontvangen." in client.get(url).content.decode()
    assert client.get(url, {"pagina": "abc"}).status_code == client.get(url, {"pagina": "-1"}).status_code == 200


def test_a_session_page_shows_its_renamed_content_item_and_a_cancellation_at_once(
    client, advisor, employee, municipality
):
    from campaigns.services import content_item_update
    from campaigns.tests.factories import CampaignFactory, ContentItemFactory

    today = timezone.localdate()
    campaign = CampaignFactory(
        kick_off_date=today - datetime.timedelta(days=30),
        end_date=today + datetime.timedelta(days=90),
        municipalities=[municipality],
    )
    item = ContentItemFactory(campaign=campaign, municipality=municipality, title="Sessiereeks", format="event")
    session = InspirationSessionFactory(municipality=municipality, content_item=item, capacity=1)
    page = reverse("coaching:session", args=[session.pk])
    client.force_login(advisor)
    assert "Sessiereeks" in client.get(page).content.decode()  # kept now
    content_item_update(item=item, title="Sessiereeks najaar")  # a planner write
    assert "Sessiereeks najaar" in client.get(page).content.decode()
    services.session_sign_up(session=session, person=advisor)
    services.session_sign_up(session=session, person=employee)  # full: the waiting list
    client.force_login(employee)
    assert "wachtlijst, als nummer 1" in client.get(page).content.decode()
    services.inspiration_session_cancel(session=session)
    page_text = client.get(page).content.decode()
    assert "Deze sessie is geannuleerd." in page_text and "als nummer 1" not in page_text


def test_a_second_round_submitted_shows_the_certificate_at_once(client, employee):
    from selfscan.tests.factories import open_campaign_rounds, submitted_response

    baseline, final = open_campaign_rounds(municipalities=[employee.municipality])
    submitted_response(employee, baseline)
    client.force_login(employee)
    url = reverse("coaching:certificate")
    assert "Gefeliciteerd" not in client.get(url).content.decode()  # kept now
    submitted_response(employee, final)  # through the services, as the scan pages do
    assert "Gefeliciteerd" in client.get(url).content.decode()
    assert "Download je certificaat" in client.get(START).content.decode()


def test_the_own_profile_page_is_kept_and_shows_a_save_and_a_new_coach_at_once(client, digicoach, query_count):
    from coaching.models import Coach
    from coaching.selectors import own_coach_profile

    client.force_login(digicoach)
    url = reverse("coaching:coach_profile")
    assert own_coach_profile(user=digicoach) is None  # kept: the role without a row
    assert client.get(url).status_code == 200  # the row is made
    assert own_coach_profile(user=digicoach) == Coach.objects.get(user=digicoach), "no kept 'none' after it"
    client.post(url, {"capacity": "4", "topics": ["teams"]})
    assert 'value="4"' in client.get(url).content.decode()
    cold = query_count(client, url, at_most=8)
    assert query_count(client, url, at_most=8, cold=False) < cold
