import datetime

from django.urls import reverse

from selfscan.models import Question, Questionnaire, Round
from selfscan.services import response_start
from selfscan.tests.factories import open_campaign_rounds, submitted_response


def test_programme_lead_moves_round_dates(client, programme_lead, municipality):
    baseline, _ = open_campaign_rounds(municipalities=[municipality])
    campaign = baseline.campaign
    due = campaign.kick_off_date + datetime.timedelta(days=20)
    client.force_login(programme_lead)
    response = client.post(
        reverse("selfscan:round_edit", args=[baseline.pk]),
        {"opens_on": campaign.kick_off_date, "due_on": due, "closes_on": campaign.end_date},
    )
    assert response.status_code == 302
    baseline.refresh_from_db()
    assert baseline.due_on == due


def test_the_round_page_is_kept_yet_shows_new_dates_at_once(client, programme_lead, municipality, query_count):
    baseline, _ = open_campaign_rounds(municipalities=[municipality])
    url = reverse("selfscan:round_edit", args=[baseline.pk])
    client.force_login(programme_lead)
    cold = query_count(client, url, at_most=8)
    assert query_count(client, url, at_most=8, cold=False) < cold
    campaign = baseline.campaign
    due = campaign.kick_off_date + datetime.timedelta(days=21)
    client.post(url, {"opens_on": campaign.kick_off_date, "due_on": due, "closes_on": campaign.end_date})
    assert f'value="{due.isoformat()}"' in client.get(url).content.decode()


def test_dates_in_the_wrong_order_get_a_message_and_change_nothing(client, programme_lead, municipality):
    baseline, _ = open_campaign_rounds(municipalities=[municipality])
    before = (baseline.opens_on, baseline.due_on, baseline.closes_on)
    client.force_login(programme_lead)
    response = client.post(
        reverse("selfscan:round_edit", args=[baseline.pk]),
        {"opens_on": "2026-06-01", "due_on": "2026-05-01", "closes_on": "2026-11-30"},
    )
    assert "De data moeten in deze volgorde liggen" in response.content.decode()
    baseline.refresh_from_db()
    assert (baseline.opens_on, baseline.due_on, baseline.closes_on) == before


def test_editing_an_unused_questionnaire_changes_it_in_place(client, programme_lead, municipality):
    baseline, _ = open_campaign_rounds(municipalities=[municipality])
    question = Question.objects.filter(kind="can_do", area__questionnaire=baseline.questionnaire).first()
    client.force_login(programme_lead)
    response = client.post(reverse("selfscan:question_edit", args=[question.pk]), {"text": "Nieuwe tekst"})
    assert response.status_code == 302
    question.refresh_from_db()
    assert question.text == "Nieuwe tekst" and Questionnaire.objects.count() == 2, "v1 and v2 are shipped"
    assert question.options[0] == "Dit ken ik niet", "the scale stays fixed"


def test_editing_a_used_questionnaire_makes_a_new_version_for_unanswered_rounds(
    client, programme_lead, employee, municipality
):
    baseline, final = open_campaign_rounds(municipalities=[municipality])
    submitted_response(employee, baseline)
    question = Question.objects.filter(kind="knowledge", area__questionnaire=baseline.questionnaire).first()
    old_text = question.text
    client.force_login(programme_lead)
    response = client.post(
        reverse("selfscan:question_edit", args=[question.pk]),
        {"text": "Betere vraag?", "options": "Ja\nNee\nMisschien", "correct_option": "2"},
    )
    assert response.status_code == 302
    question.refresh_from_db()
    assert question.text == old_text, "answered questions stay as they were"
    assert Questionnaire.objects.count() == 3
    assert Round.objects.get(pk=baseline.pk).questionnaire.version == 2
    final.refresh_from_db()
    assert final.questionnaire.version == 3
    edited = Question.objects.get(area__questionnaire=final.questionnaire, text="Betere vraag?")
    assert edited.options == ["Ja", "Nee", "Misschien"] and edited.correct_option == 2
    assert Question.objects.filter(area__questionnaire=final.questionnaire).count() == 58


def test_knowledge_question_needs_a_valid_right_answer(client, programme_lead, municipality):
    baseline, _ = open_campaign_rounds(municipalities=[municipality])
    question = Question.objects.filter(kind="knowledge", area__questionnaire=baseline.questionnaire).first()
    client.force_login(programme_lead)
    response = client.post(
        reverse("selfscan:question_edit", args=[question.pk]), {"text": "X?", "options": "A\nB", "correct_option": "5"}
    )
    assert "Kies welk antwoord goed is." in response.content.decode()
    question.refresh_from_db()
    assert question.text != "X?"


def test_the_questions_page_is_kept_and_shows_an_edit_and_a_new_version_at_once(
    client, programme_lead, employee, municipality, query_count
):
    baseline, _ = open_campaign_rounds(municipalities=[municipality])
    url = reverse("selfscan:questions_manage")
    client.force_login(programme_lead)
    cold = query_count(client, url, at_most=10)
    assert query_count(client, url, at_most=10, cold=False) < cold
    question = Question.objects.filter(kind="can_do", area__questionnaire=baseline.questionnaire).first()
    client.post(reverse("selfscan:question_edit", args=[question.pk]), {"text": "Ik deel een document in Teams"})
    page = client.get(url).content.decode()
    assert "Ik deel een document in Teams" in page and "ligt vast" not in page
    submitted_response(employee, baseline)  # answered now: the version is frozen
    assert "ligt vast" in client.get(url).content.decode()
    client.post(reverse("selfscan:question_edit", args=[question.pk]), {"text": "Ik deel een map in Teams"})
    page = client.get(url).content.decode()
    assert "Ik deel een map in Teams" in page and "Versie 3." in page


def test_the_question_page_is_kept_yet_shows_an_edit_and_a_first_scan_at_once(
    client, programme_lead, employee, municipality, query_count
):
    baseline, _ = open_campaign_rounds(municipalities=[municipality])
    question = Question.objects.filter(kind="can_do", area__questionnaire=baseline.questionnaire).first()
    url = reverse("selfscan:question_edit", args=[question.pk])
    client.force_login(programme_lead)
    frozen_notice = "Deze vragenlijst is al ingevuld"
    assert frozen_notice not in client.get(url).content.decode()
    client.post(url, {"text": "Eerste wijziging"})
    assert "Eerste wijziging" in client.get(url).content.decode()
    response_start(scan_round=baseline, employee=employee)  # the first scan started freezes it
    assert frozen_notice in client.get(url).content.decode()
    employee.delete()  # erased with their response: the questionnaire is free again
    assert frozen_notice not in client.get(url).content.decode()
    cold = query_count(client, url, at_most=8)
    assert query_count(client, url, at_most=8, cold=False) < cold
