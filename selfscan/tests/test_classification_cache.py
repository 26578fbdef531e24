"""The classification page keeps its persona counts and its explanation in the cache: a scan
submitted or a persona renamed through the services shows at once, and nobody gets counts of
another scope or text in another language from the cache."""

import pytest
from django.urls import reverse

from organisations.models import User
from organisations.tests.factories import TeamFactory, UserFactory
from personas.models import Persona
from personas.services import persona_update
from selfscan.tests.factories import open_campaign_rounds, submitted_response

from .test_classification import respond

Identity = Persona.Identity
URL = reverse("selfscan:classification")

pytestmark = pytest.mark.django_db


@pytest.fixture
def scan_round(municipality, other_municipality):
    baseline, _final = open_campaign_rounds(municipalities=[municipality, other_municipality])
    return baseline


def test_a_second_visit_makes_fewer_queries_than_the_first(client, advisor, scan_round, municipality, query_count):
    respond(scan_round, municipality, Identity.PROFESSIONAL, 6)
    client.force_login(advisor)
    url = f"{URL}?ronde={scan_round.pk}"
    # the session, the person, the scope (ids, names), rounds, personas, statements, campaign, counts
    cold = query_count(client, url, at_most=9)
    warm = query_count(client, url, at_most=3, cold=False)  # all of it from the cache: the session, the person
    assert warm < cold


def test_a_scan_submitted_through_the_service_counts_at_once(client, advisor, scan_round, municipality):
    respond(scan_round, municipality, Identity.HESITANT, 6)
    respond(scan_round, municipality, Identity.PROFESSIONAL, 5)
    client.force_login(advisor)
    url = f"{URL}?ronde={scan_round.pk}"
    assert '<td class="text-end">11</td>' in client.get(url).content.decode()
    assert '<td class="text-end">11</td>' in client.get(url).content.decode()  # kept
    colleague = UserFactory(team=TeamFactory(municipality=municipality), municipality=municipality)
    submitted_response(colleague, scan_round)
    body = client.get(url).content.decode()
    assert '<td class="text-end">12</td>' in body and '<td class="text-end">11</td>' not in body


def test_counts_kept_for_the_programme_lead_never_reach_an_advisor_of_one_municipality(
    client, programme_lead, advisor, other_advisor, scan_round, municipality, other_municipality
):
    respond(scan_round, municipality, Identity.PROFESSIONAL, 9)
    respond(scan_round, other_municipality, Identity.HESITANT, 6)
    url = f"{URL}?ronde={scan_round.pk}"
    client.force_login(programme_lead)
    body = client.get(url).content.decode()
    assert '<th scope="row">Assen</th>' in body and '<th scope="row">Groningen</th>' in body
    client.force_login(advisor)
    body = client.get(url).content.decode()
    assert '<th scope="row">Groningen</th>' in body and '<th scope="row">Assen</th>' not in body
    assert '<td class="text-end">6</td>' not in body
    client.force_login(other_advisor)
    body = client.get(url).content.decode()
    assert '<th scope="row">Assen</th>' in body and '<th scope="row">Groningen</th>' not in body
    assert '<td class="text-end">9</td>' not in body


def test_the_explanation_kept_in_dutch_is_not_shown_to_someone_reading_english(client, advisor, scan_round):
    reader = UserFactory(municipality=advisor.municipality, language=User.Language.ENGLISH)
    reader.advised_municipalities.add(advisor.municipality)
    client.force_login(advisor)
    assert "De indeling</h2>" in client.get(URL).content.decode()
    client.force_login(reader)
    body = client.get(URL).content.decode()
    assert "The classification</h2>" in body and "De indeling</h2>" not in body
    client.force_login(advisor)
    assert "De indeling</h2>" in client.get(URL).content.decode()


def test_a_persona_renamed_through_the_service_shows_at_once_in_the_rules(client, advisor, scan_round):
    client.force_login(advisor)
    persona = Persona.objects.get(slug=Identity.ANALOGUE)
    assert persona.employee_name in client.get(URL).content.decode()
    texts = {name: getattr(persona, name) for name in Persona.TEXT_FIELDS}
    texts["employee_name"] = "Met beleid"
    statements = list(persona.statements.order_by("kind", "position", "pk").values_list("kind", "text"))
    persona_update(persona=persona, changed_by=advisor, texts=texts, statements=statements)
    body = client.get(URL).content.decode()
    assert "(Met beleid)" in body


def test_a_statement_edited_through_the_service_and_a_new_round_show_at_once(client, advisor, scan_round):
    import datetime

    from selfscan.models import Question
    from selfscan.services import question_update, round_update_dates

    client.force_login(advisor)
    url = f"{URL}?ronde={scan_round.pk}"
    statement = Question.objects.filter(
        kind=Question.Kind.ATTITUDE, area__questionnaire=scan_round.questionnaire
    ).first()
    assert statement.text in client.get(url).content.decode()  # kept now
    question_update(
        question=statement,
        text="Ik wacht liever tot een collega het voordoet.",
        options=statement.options,
        correct_option=statement.correct_option,
    )
    assert "Ik wacht liever tot een collega het voordoet." in client.get(url).content.decode()
    final = scan_round.campaign.scan_rounds.get(number=2)
    today = datetime.date.today()
    later = today + datetime.timedelta(days=30)
    round_update_dates(scan_round=final, opens_on=later, due_on=later, closes_on=later)
    assert f'value="{final.pk}"' not in client.get(URL).content.decode(), "not open yet: not to choose"
    round_update_dates(scan_round=final, opens_on=today, due_on=today, closes_on=today + datetime.timedelta(days=7))
    assert f'value="{final.pk}"' in client.get(URL).content.decode(), "opened today: to choose at once"
