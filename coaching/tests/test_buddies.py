"""Digicoaches and buddies (plan §5.1: "Koppel een ervaren digicoach aan een aarzelende
technologiegebruiker"): asking in two clicks, pairing, the strippenkaart and learning activity."""

import datetime
import re

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from coaching import services
from coaching.caching import support_changed
from coaching.models import BuddyPair, Coach, CoachingSession, PunchCard
from coaching.selectors import buddy_counts, coach_overview
from coaching.tests.factories import BuddyPairFactory, CoachFactory, CoachingSessionFactory, RequestFactory
from common.submissions import new_token
from learning.models import LearningActivity
from organisations.tests.factories import MunicipalityFactory, TeamFactory, UserFactory
from personas.models import Persona
from selfscan.tests.factories import open_campaign_rounds, submitted_response


def ask(client, **data):
    return client.post(reverse("coaching:buddy"), data)


def test_an_employee_asks_for_a_buddy_in_two_clicks_from_the_start_page(client, employee):
    client.force_login(employee)
    start = client.get(reverse("core:start_employee")).content.decode()
    assert reverse("coaching:buddy") in start and "Vraag een buddy" in start  # click 1
    page = client.get(reverse("coaching:buddy")).content.decode()
    assert "Vraag een buddy aan" in page
    response = ask(client)  # click 2: everything is optional
    assert response.status_code == 302
    pair = BuddyPair.objects.get(employee=employee)
    assert (pair.status, pair.contact, pair.topic, pair.municipality) == (
        "requested",
        "either",
        "",
        employee.municipality,
    )
    assert "Een digicoach van je gemeente neemt contact" in client.get(reverse("coaching:buddy")).content.decode()


def test_the_request_can_say_a_topic_and_contact_preference(client, employee):
    client.force_login(employee)
    ask(client, topic="teams", topic_note="  Een   vergadering plannen ", contact="in_person")
    pair = BuddyPair.objects.get(employee=employee)
    assert (pair.topic, pair.topic_note, pair.contact) == ("teams", "Een vergadering plannen", "in_person")
    assert pair.topic_text() == "Samenwerken in Teams – Een vergadering plannen"


@pytest.mark.parametrize(
    ("data", "message"),
    [({"topic": "knutselen"}, "Selecteer een geldige keuze"), ({"topic_note": "x" * 201}, "niet meer dan 200")],
)
def test_bad_requests_are_refused_in_dutch(client, employee, data, message):
    client.force_login(employee)
    response = ask(client, **data)
    assert response.status_code == 200 and message in response.content.decode()
    assert not BuddyPair.objects.exists()


def test_asking_twice_or_double_clicking_gives_one_request(client, employee):
    client.force_login(employee)
    token = new_token(employee)
    ask(client, form_token=token)
    ask(client, form_token=token)
    ask(client)
    assert services.buddy_request(employee=employee).pk == BuddyPair.objects.get().pk
    assert BuddyPair.objects.count() == 1


def test_the_hesitant_profile_is_offered_a_buddy_first_on_the_result_page(client, shipped_content, employee):
    baseline, _final = open_campaign_rounds(municipalities=[employee.municipality])
    response = submitted_response(employee, baseline, can_do=2, agree=3, knowledge_right=False)
    assert response.persona.slug == Persona.Identity.HESITANT
    client.force_login(employee)
    page = client.get(reverse("selfscan:result", args=[baseline.pk])).content.decode()
    buddy_offer = page.index('id="buddy-kop"')
    assert buddy_offer < page.index('id="niveaus-kop"'), "offered before the results themselves"
    assert reverse("coaching:buddy") in page and "Je buddy ziet je uitslag niet" in page
    assert "Word ambassadeur" not in page


def test_other_profiles_see_the_buddy_as_a_quiet_option(client, shipped_content, employee):
    baseline, _final = open_campaign_rounds(municipalities=[employee.municipality])
    response = submitted_response(employee, baseline, can_do=3, agree=3)
    assert response.persona.slug not in (Persona.Identity.HESITANT, Persona.Identity.ENTHUSIAST)
    client.force_login(employee)
    page = client.get(reverse("selfscan:result", args=[baseline.pk])).content.decode()
    assert 'id="buddy-kop"' not in page and "Liever samen leren?" in page and reverse("coaching:buddy") in page


def test_a_coach_sees_name_team_topic_and_contact_of_requests_never_the_scan(client, shipped_content, coach, team):
    baseline, _final = open_campaign_rounds(municipalities=[team.municipality])
    asker = UserFactory(team=team, municipality=team.municipality, first_name="Hanneke", last_name="Huizinga")
    response = submitted_response(asker, baseline, can_do=2, agree=3, knowledge_right=False)
    services.buddy_request(employee=asker, topic="email", topic_note="Mijn agenda delen", contact="teams")
    client.force_login(coach)
    page = client.get(reverse("coaching:coach")).content.decode()
    for shown in ("Hanneke Huizinga", team.name, "E-mail en agenda (Outlook)", "Mijn agenda delen", "Via Teams"):
        assert shown in page
    for hidden in (
        response.persona.name,
        response.persona.employee_name,
        response.get_overall_level_display(),
        f"{response.overall_score:.0f}",
    ):
        requests = page.split('id="aanvragen-kop"')[1].split("</section>")[0]
        # Not in what the coach reads: the forms' random tokens may hold any digits.
        assert hidden not in re.sub(r'<input type="hidden"[^>]*>', "", requests)
    pair = BuddyPair.objects.get(employee=asker)
    client.post(reverse("coaching:request_take", args=[pair.pk]))
    page = client.get(reverse("coaching:pair", args=[pair.pk])).content.decode()
    assert "Hanneke Huizinga" in page and response.persona.name not in page
    assert response.persona.employee_name not in page and response.get_overall_level_display() not in page


def test_a_coach_takes_a_request_and_the_pair_gets_a_strippenkaart_of_five(client, coach, employee):
    pair = services.buddy_request(employee=employee, topic="teams")
    client.force_login(coach)
    response = client.post(reverse("coaching:request_take", args=[pair.pk]))
    assert response.status_code == 302 and response.url == reverse("coaching:pair", args=[pair.pk])
    pair.refresh_from_db()
    assert (pair.status, pair.coach, pair.paired_by) == ("paired", coach, coach)
    card = pair.cards.get()
    assert (card.number, card.strips) == (1, 5)
    client.force_login(employee)
    page = client.get(reverse("coaching:buddy")).content.decode()
    assert coach.get_full_name() in page and "0 van 5 strippen gebruikt" in page


def test_a_coach_takes_no_more_buddies_than_their_capacity(coach, municipality):
    for _ in range(2):
        BuddyPairFactory(coach=coach, municipality=municipality)
    request = RequestFactory(employee=UserFactory(municipality=municipality), municipality=municipality)
    with pytest.raises(ValidationError, match="het maximum"):
        services.buddy_pair(pair=request, coach=coach, by=coach)
    assert not coach_overview(coach=coach).has_room


def test_a_coach_of_another_municipality_cannot_take_a_request(client, coach, other_municipality):
    request = RequestFactory(employee=UserFactory(municipality=other_municipality), municipality=other_municipality)
    client.force_login(coach)
    assert client.post(reverse("coaching:request_take", args=[request.pk])).status_code == 404
    with pytest.raises(ValidationError, match="andere gemeente"):
        services.buddy_pair(pair=request, coach=coach, by=coach)
    request.refresh_from_db()
    assert request.status == "requested"


def test_a_request_taken_a_moment_earlier_is_not_taken_again(coach, municipality):
    other_coach = CoachFactory(user=UserFactory(municipality=municipality, is_digicoach=True)).user
    request = RequestFactory(employee=UserFactory(municipality=municipality), municipality=municipality)
    stale = BuddyPair.objects.get(pk=request.pk)
    services.buddy_pair(pair=request, coach=coach, by=coach)
    with pytest.raises(ValidationError, match="net door iemand anders gekoppeld"):
        services.buddy_pair(pair=stale, coach=other_coach, by=other_coach)
    request.refresh_from_db()
    assert request.coach == coach and PunchCard.objects.filter(pair=request).count() == 1


def test_the_programme_lead_pairs_with_a_coach_of_the_municipality(client, programme_lead, coach, employee):
    pair = services.buddy_request(employee=employee, topic="email")
    client.force_login(programme_lead)
    page = client.get(reverse("coaching:request_pair", args=[pair.pk])).content.decode()
    assert coach.get_full_name() in page and "0 van 2 buddy" in page
    response = client.post(reverse("coaching:request_pair", args=[pair.pk]), {"coach": coach.pk})
    assert response.status_code == 302
    pair.refresh_from_db()
    assert (pair.coach, pair.paired_by) == (coach, programme_lead)


def log(client, pair, **overrides):
    data = {"date": timezone.localdate().isoformat(), "topic": "Vergaderen in Teams", "minutes": "45", **overrides}
    return client.post(reverse("coaching:pair", args=[pair.pk]), data)


def test_a_logged_session_takes_a_strip_and_counts_as_coaching_for_the_buddy(client, coach, employee, campaign):
    pair = BuddyPairFactory(coach=coach, employee=employee)
    client.force_login(coach)
    assert log(client, pair).status_code == 302
    session = CoachingSession.objects.get()
    assert (session.strip, session.minutes, session.logged_by) == (1, 45, coach)
    activity = LearningActivity.objects.get(employee=employee)
    assert (activity.kind, activity.source, activity.minutes, activity.date) == (
        "coaching",
        "support",
        45,
        timezone.localdate(),
    )
    assert not activity.is_editable, "the buddy cannot change what the coach logged"
    page = client.get(reverse("coaching:pair", args=[pair.pk])).content.decode()
    assert "1 van 5 strippen gebruikt, nog 4 over" in page
    client.force_login(employee)
    assert "Digicoach: Vergaderen in Teams" in client.get(reverse("learning:mine")).content.decode()


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"date": (timezone.localdate() + datetime.timedelta(days=1)).isoformat()}, "als hij is geweest"),
        ({"date": (timezone.localdate() - datetime.timedelta(days=400)).isoformat()}, "vóór de koppeling"),
        ({"minutes": "0"}, "Vul een heel getal in van 1 tot en met 480."),
        ({"minutes": "-5"}, "Vul een heel getal in van 1 tot en met 480."),
        ({"minutes": "481"}, "Vul een heel getal in van 1 tot en met 480."),
        ({"topic": ""}, "Dit veld is verplicht"),
        ({"topic": "x" * 201}, "niet meer dan 200"),
    ],
)
def test_bad_sessions_are_refused_and_take_no_strip(client, coach, employee, overrides, message, campaign):
    pair = BuddyPairFactory(coach=coach, employee=employee)
    client.force_login(coach)
    response = log(client, pair, **overrides)
    assert response.status_code == 200 and message in response.content.decode()
    assert not CoachingSession.objects.exists() and not LearningActivity.objects.exists()


def test_a_double_submitted_session_takes_one_strip(client, coach, employee, campaign):
    pair = BuddyPairFactory(coach=coach, employee=employee)
    client.force_login(coach)
    token = new_token(coach)
    log(client, pair, form_token=token)
    log(client, pair, form_token=token)
    assert CoachingSession.objects.count() == 1 and LearningActivity.objects.count() == 1


def test_a_full_card_takes_no_session_until_it_is_renewed(client, coach, employee, campaign):
    pair = BuddyPairFactory(coach=coach, employee=employee)
    client.force_login(coach)
    for day in range(5):
        log(client, pair, date=(timezone.localdate() - datetime.timedelta(days=day)).isoformat())
    page = client.get(reverse("coaching:pair", args=[pair.pk])).content.decode()
    assert "5 van 5 strippen gebruikt, nog 0 over" in page and "Nieuwe strippenkaart" in page
    with pytest.raises(ValidationError, match="De strippenkaart is vol"):
        services.coaching_session_log(pair=pair, coach=coach, date=timezone.localdate(), topic="x", minutes=5)
    token = new_token(coach)
    client.post(reverse("coaching:pair_renew", args=[pair.pk]), {"form_token": token})
    client.post(reverse("coaching:pair_renew", args=[pair.pk]), {"form_token": token})
    assert list(pair.cards.values_list("number", flat=True)) == [1, 2], "a double click renews once"
    with pytest.raises(ValidationError, match="nog niet vol"):
        services.card_renew(pair=pair, by=coach)
    assert log(client, pair).status_code == 302
    assert CoachingSession.objects.filter(card__number=2).get().strip == 1
    assert LearningActivity.objects.filter(employee=employee, kind="coaching").count() == 6


def test_deleting_a_session_frees_its_strip_and_withdraws_the_learning(client, coach, employee, campaign):
    pair = BuddyPairFactory(coach=coach, employee=employee)
    client.force_login(coach)
    log(client, pair)
    session = CoachingSession.objects.get()
    assert client.post(reverse("coaching:session_delete", args=[session.pk])).status_code == 302
    assert not CoachingSession.objects.exists() and not LearningActivity.objects.exists()


def test_coaches_see_only_their_own_buddies_session_records(client, coach, municipality):
    others = BuddyPairFactory(coach=UserFactory(municipality=municipality, is_digicoach=True))
    session = CoachingSessionFactory(card=others.cards.get(), strip=1)
    client.force_login(coach)
    assert client.get(reverse("coaching:pair", args=[others.pk])).status_code == 404
    assert client.post(reverse("coaching:session_delete", args=[session.pk])).status_code == 404
    assert client.post(reverse("coaching:pair_renew", args=[others.pk])).status_code == 404
    assert log(client, others).status_code == 404
    assert CoachingSession.objects.count() == 1


def test_the_programme_lead_sees_a_pair_but_logs_nothing(client, programme_lead, coach, employee):
    pair = BuddyPairFactory(coach=coach, employee=employee)
    client.force_login(programme_lead)
    page = client.get(reverse("coaching:pair", args=[pair.pk])).content.decode()
    assert "Sessie vastleggen" not in page
    assert log(client, pair).status_code == 404


def test_the_buddy_ends_the_pairing_or_withdraws_the_request(client, coach, employee):
    client.force_login(employee)
    ask(client)
    client.post(reverse("coaching:buddy_stop"))
    assert BuddyPair.objects.get().status == "withdrawn"
    ask(client)
    services.buddy_pair(pair=BuddyPair.objects.get(status="requested"), coach=coach, by=coach)
    client.post(reverse("coaching:buddy_stop"))
    assert sorted(BuddyPair.objects.values_list("status", flat=True)) == ["ended", "withdrawn"]


def test_a_coach_who_stops_hands_their_buddies_back_with_their_card(client, advisor, coach, employee):
    pair = BuddyPairFactory(coach=coach, employee=employee)
    CoachingSessionFactory(card=pair.cards.get(), strip=1)
    client.force_login(advisor)
    coach_row = Coach.objects.get(user=coach)
    client.post(reverse("coaching:coach_edit", args=[coach_row.pk]), {"actie": "stoppen"})
    coach.refresh_from_db()
    pair.refresh_from_db()
    assert not coach.is_digicoach and (pair.status, pair.coach) == ("requested", None)
    assert pair.cards.get().sessions.count() == 1


def test_an_advisor_registers_a_coach_of_their_municipality_only(client, advisor, municipality, other_municipality):
    colleague = UserFactory(municipality=municipality, email="nieuwe.coach@gemeente.nl")
    outsider = UserFactory(municipality=other_municipality)
    client.force_login(advisor)
    url = reverse("coaching:coaches")
    response = client.post(url, {"email": outsider.email, "capacity": "2", "topics": ["teams"]})
    assert "Geen actieve medewerker met dit e-mailadres" in response.content.decode()
    response = client.post(url, {"email": " NIEUWE.coach@gemeente.nl ", "capacity": "4", "topics": ["teams", "ai"]})
    assert response.status_code == 302
    colleague.refresh_from_db()
    coach = Coach.objects.get(user=colleague)
    assert colleague.is_digicoach and (coach.capacity, coach.topics, coach.municipality) == (
        4,
        ["teams", "ai"],
        municipality,
    )


def test_buddy_counts_per_team_in_a_constant_number_of_queries(db, django_assert_num_queries):
    municipality = MunicipalityFactory()
    teams = TeamFactory.create_batch(3, municipality=municipality)
    coach = UserFactory(municipality=municipality, is_digicoach=True)
    first = BuddyPairFactory(coach=coach, employee=UserFactory(team=teams[0], municipality=municipality))
    BuddyPairFactory(coach=coach, employee=UserFactory(team=teams[0], municipality=municipality))
    RequestFactory(employee=UserFactory(team=teams[1], municipality=municipality), municipality=municipality)
    CoachingSessionFactory(card=first.cards.get(), strip=1)
    CoachingSessionFactory(card=first.cards.get(), strip=2)
    with django_assert_num_queries(2):
        counts = buddy_counts(teams=teams)
    assert counts.of(teams[0].pk) == {"requested": 0, "paired": 2, "sessions": 2}
    assert counts.of(teams[1].pk) == {"requested": 1, "paired": 0, "sessions": 0}
    assert counts.of(teams[2].pk) == {"requested": 0, "paired": 0, "sessions": 0}
    from organisations.models import Team

    with django_assert_num_queries(2):
        assert buddy_counts(teams=Team.objects.all()).of(teams[0].pk)["paired"] == 2
    with django_assert_num_queries(2):
        many = [team.pk for team in teams] + list(range(10**6, 10**6 + 600))
        assert buddy_counts(teams=many).of(teams[1].pk)["requested"] == 1


def test_the_coach_page_does_not_grow_with_ten_times_more_buddies(client, coach, municipality, query_count):
    Coach.objects.filter(user=coach).update(capacity=10)
    client.force_login(coach)
    url = reverse("coaching:coach")

    def grow(count):
        for _ in range(count):
            pair = BuddyPairFactory(coach=coach, municipality=municipality)
            CoachingSessionFactory(card=pair.cards.get(), strip=1)
            RequestFactory(employee=UserFactory(municipality=municipality), municipality=municipality)

    grow(1)
    small = query_count(client, url, at_most=12)
    grow(9)
    assert query_count(client, url, at_most=12) == small


def test_the_pair_page_does_not_grow_with_more_sessions_and_cards(client, coach, employee, query_count, campaign):
    pair = BuddyPairFactory(coach=coach, employee=employee)
    client.force_login(coach)
    url = reverse("coaching:pair", args=[pair.pk])
    log(client, pair)
    small = query_count(client, url, at_most=12)
    for _ in range(4):
        log(client, pair)
    services.card_renew(pair=pair, by=coach)
    log(client, pair)
    assert query_count(client, url, at_most=12) == small


def test_the_coach_page_offers_requests_while_there_is_room(client, coach, municipality):
    request = RequestFactory(employee=UserFactory(municipality=municipality), municipality=municipality)
    client.force_login(coach)
    take = reverse("coaching:request_take", args=[request.pk])
    assert take in client.get(reverse("coaching:coach")).content.decode()
    for _ in range(2):
        BuddyPairFactory(coach=coach, municipality=municipality)
    support_changed()  # the factory writes without the services, which say this themselves
    page = client.get(reverse("coaching:coach")).content.decode()
    assert take not in page and "Je zit vol" in page


def test_the_buddy_page_is_kept_but_shows_the_pairing_and_the_end_at_once(client, coach, employee, query_count):
    client.force_login(employee)
    url = reverse("coaching:buddy")
    cold = query_count(client, url, at_most=10)
    assert query_count(client, url, at_most=10, cold=False) < cold, "the overview is kept"
    request = services.buddy_request(employee=employee, topic="teams")
    assert "een buddy gevraagd" in client.get(url).content.decode(), "the request shows at once"
    services.buddy_pair(pair=request, coach=coach, by=coach)
    assert coach.get_full_name() in client.get(url).content.decode(), "the coach shows at once"
    services.buddy_stop(pair=BuddyPair.objects.get(pk=request.pk))
    assert coach.get_full_name() not in client.get(url).content.decode(), "ended: no buddy shown"


def test_an_ended_pairing_says_when_it_ended_and_how_long_it_ran(client, coach, employee):
    import datetime

    from django.utils import timezone

    pair = BuddyPairFactory(coach=coach, employee=employee)
    BuddyPair.objects.filter(pk=pair.pk).update(paired_at=timezone.now() - datetime.timedelta(days=200))
    client.force_login(employee)
    client.post(reverse("coaching:buddy_stop"))
    pair.refresh_from_db()
    client.force_login(coach)
    page = client.get(reverse("coaching:pair", args=[pair.pk])).content.decode()
    ended = f"Afgerond (op {timezone.localtime(pair.ended_at):%-d}"
    assert ended in page and "Afgerond (sinds" not in page
    assert "Gekoppeld" in page and " tot " in page
