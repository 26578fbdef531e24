"""The employee's own scan export (AVG/GDPR right of access): a fixed, small number of queries
however many rounds and answers, each round complete, in campaign and round order."""

import json

import pytest
from django.urls import reverse

from organisations.models import User
from selfscan.tests.factories import open_campaign_rounds, submitted_response

pytestmark = pytest.mark.django_db
URL = reverse("selfscan:export")


def test_the_export_takes_at_most_five_queries_whatever_the_number_of_rounds(
    client, employee, municipality, query_count
):
    baseline, final = open_campaign_rounds(municipalities=[municipality])
    client.force_login(employee)
    query_count(client, URL, at_most=3)  # the session, the person, (no) responses
    empty = query_count(client, URL, at_most=3, cold=False)  # the session and person may be kept
    submitted_response(employee, baseline)
    # and their answers and results; cold, the rounds (1), the questionnaire's texts (2), the personas (1)
    query_count(client, URL, at_most=9)
    one = query_count(client, URL, at_most=4, cold=False)
    submitted_response(employee, final)  # the same questionnaire: no more queries, kept or not
    query_count(client, URL, at_most=9)
    assert query_count(client, URL, at_most=4, cold=False) == one == empty + 1  # answers and results, one query


def test_each_round_is_exported_in_order_with_its_own_answers_and_areas(client, employee, municipality):
    baseline, final = open_campaign_rounds(municipalities=[municipality])
    submitted_response(employee, final, can_do=4)
    submitted_response(employee, baseline, can_do=1)
    client.force_login(employee)
    data = json.loads(client.get(URL).content)
    assert [response["round"] for response in data["responses"]] == [1, 2]
    first, second = data["responses"]
    assert "Dit kan ik anderen uitleggen" not in {answer["answer"] for answer in first["answers"]}
    assert "Dit kan ik anderen uitleggen" in {answer["answer"] for answer in second["answers"]}
    assert len(first["areas"]) == len(second["areas"]) == 7
    assert first["overall_level"] and all(area["level"] for area in first["areas"])


def test_levels_are_named_in_the_persons_language(client, employee, municipality):
    baseline, _final = open_campaign_rounds(municipalities=[municipality])
    submitted_response(employee, baseline)  # independent in every area: Gevorderd
    employee.language = User.Language.ENGLISH
    employee.save()
    client.force_login(employee)
    english = json.loads(client.get(URL).content)["responses"][0]
    employee.language = User.Language.DUTCH
    employee.save()
    dutch = json.loads(client.get(URL).content)["responses"][0]
    assert english["overall_level"] != dutch["overall_level"]


def test_someone_without_a_scan_exports_their_name_and_no_responses(client, employee, query_count):
    client.force_login(employee)
    url = reverse("selfscan:export")
    query_count(client, url, at_most=3)  # the session, the person and their (no) responses
    data = json.loads(client.get(url).content)
    assert data == {"employee": {"name": employee.get_full_name(), "email": employee.email}, "responses": []}


def test_the_export_names_the_question_as_it_now_reads_though_texts_are_kept(client, employee, municipality):
    from selfscan.caching import questionnaire_changed
    from selfscan.models import Question

    baseline, _final = open_campaign_rounds(municipalities=[municipality])
    submitted_response(employee, baseline)
    client.force_login(employee)
    first = json.loads(client.get(URL).content)["responses"][0]["answers"][0]
    question = Question.objects.get(area__questionnaire=baseline.questionnaire, text=first["question"])
    question.text = "Een verbeterde vraagtekst"
    question.save()
    questionnaire_changed()  # what the admin and the services call on every question edit
    assert json.loads(client.get(URL).content)["responses"][0]["answers"][0]["question"] == "Een verbeterde vraagtekst"


def test_the_download_is_readable_json_with_an_answer_per_line(client, employee, municipality):
    from selfscan.exports import employee_scan_export

    baseline, _final = open_campaign_rounds(municipalities=[municipality])
    submitted_response(employee, baseline)
    client.force_login(employee)
    text = client.get(URL).content.decode()
    assert json.loads(text) == employee_scan_export(employee=employee)
    answers = json.loads(text)["responses"][0]["answers"]
    lines = text.splitlines()
    assert lines[0] == "{" and lines[1].startswith('  "employee": ')
    assert sum(line.lstrip().startswith('{"area": ') for line in lines) == len(answers) + 7  # and the 7 areas


def test_a_renamed_campaign_shows_in_the_export_at_once_though_round_labels_are_kept(client, employee, municipality):
    from campaigns.services import campaign_update

    baseline, _final = open_campaign_rounds(municipalities=[municipality])
    submitted_response(employee, baseline)
    client.force_login(employee)
    assert json.loads(client.get(URL).content)["responses"][0]["campaign"] == baseline.campaign.name
    campaign_update(campaign=baseline.campaign, name="Digivaardig 2027")
    assert json.loads(client.get(URL).content)["responses"][0]["campaign"] == "Digivaardig 2027"
