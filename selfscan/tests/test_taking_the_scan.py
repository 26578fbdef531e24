import datetime
import json

import pytest
from django.urls import reverse
from django.utils import timezone

from organisations.tests.factories import UserFactory
from personas.models import Persona
from selfscan.models import Answer, AreaResult, Response
from selfscan.selectors import scan_steps
from selfscan.services import response_submit
from selfscan.tests.factories import answer_everything, open_campaign_rounds, submitted_response


@pytest.fixture
def rounds(municipality):
    return open_campaign_rounds(municipalities=[municipality])


def step_data(scan_round, step, action="volgende", skip=0, **kwargs):
    questions = scan_steps(round=scan_round)[step - 1]["questions"]
    answers = answer_everything(scan_round, **kwargs)
    data = {f"vraag_{q.pk}": answers[q.pk] for q in questions[skip:]}
    data["actie"] = action
    return data


def start(client, scan_round):
    return client.post(reverse("selfscan:start", args=[scan_round.pk]))


def test_employee_takes_round_one_from_start_to_result(client, employee, rounds):
    baseline, _final = rounds
    client.force_login(employee)
    response = start(client, baseline)
    assert response.url == reverse("selfscan:step", args=[baseline.pk, 1])
    steps = scan_steps(round=baseline)
    assert len(steps) == 9 and sum(len(s["questions"]) for s in steps) == 57
    for number in range(1, len(steps) + 1):
        response = client.post(reverse("selfscan:step", args=[baseline.pk, number]), step_data(baseline, number))
        assert response.status_code == 302
    assert response.url == reverse("selfscan:review", args=[baseline.pk])
    assert "Indienen en uitslag bekijken" in client.get(response.url).content.decode()
    response = client.post(reverse("selfscan:review", args=[baseline.pk]))
    assert response.url == reverse("selfscan:result", args=[baseline.pk])
    body = client.get(response.url).content.decode()
    assert "Jouw uitslag" in body and "Jouw profiel:" in body and "Score en niveau per onderdeel" in body
    saved = Response.objects.get(employee=employee, round=baseline)
    assert saved.is_submitted and saved.overall_level == "gevorderd" and saved.persona is not None
    assert AreaResult.objects.filter(response=saved).count() == 7


@pytest.mark.parametrize(
    ("answers", "identity"),
    [
        ({"can_do": 1, "knowledge_right": False, "agree": 1}, Persona.Identity.ANALOGUE),
        ({"can_do": 2, "knowledge_right": True, "agree": 4}, Persona.Identity.HESITANT),
        ({"can_do": 3, "knowledge_right": True, "agree": 3}, Persona.Identity.PROFESSIONAL),
        ({"can_do": 4, "knowledge_right": True, "agree": 5}, Persona.Identity.ENTHUSIAST),
    ],
)
def test_result_page_shows_the_employee_name_never_the_internal_label(client, employee, rounds, answers, identity):
    submitted = submitted_response(employee, rounds[0], busy=5, **answers)
    assert submitted.persona.slug == identity and submitted.is_busy
    client.force_login(employee)
    body = client.get(reverse("selfscan:result", args=[rounds[0].pk])).content.decode()
    assert f"Jouw profiel: {submitted.persona.employee_name}" in body
    assert "Daarnaast: Tijdsbewuste planner" in body
    for persona in Persona.objects.all():
        assert persona.name not in body and persona.essence not in body and persona.description not in body
    assert "afkeer" not in body and "bang om dom" not in body and "weerstand" not in body.lower()


def test_unanswered_questions_get_a_clear_message_and_given_answers_are_kept(client, employee, rounds):
    baseline, _ = rounds
    client.force_login(employee)
    start(client, baseline)
    response = client.post(reverse("selfscan:step", args=[baseline.pk, 1]), step_data(baseline, 1, skip=1))
    body = response.content.decode()
    assert response.status_code == 200
    assert "Nog niet alles is beantwoord" in body and "Kies een antwoord." in body
    assert Answer.objects.filter(response__employee=employee).count() == 5


def test_closing_the_browser_loses_nothing_and_the_scan_resumes_where_left(client, employee, rounds):
    baseline, _ = rounds
    client.force_login(employee)
    start(client, baseline)
    client.post(reverse("selfscan:step", args=[baseline.pk, 1]), step_data(baseline, 1))
    client.post(reverse("selfscan:step", args=[baseline.pk, 2]), step_data(baseline, 2, action="later"))
    client.logout()
    client.force_login(employee)
    response = start(client, baseline)
    assert response.url == reverse("selfscan:step", args=[baseline.pk, 2])
    body = client.get(response.url).content.decode()
    assert body.count("checked") == 6


def test_previous_step_saves_without_asking_for_everything(client, employee, rounds):
    baseline, _ = rounds
    client.force_login(employee)
    start(client, baseline)
    response = client.post(
        reverse("selfscan:step", args=[baseline.pk, 2]), step_data(baseline, 2, action="vorige", skip=2)
    )
    assert response.url == reverse("selfscan:step", args=[baseline.pk, 1])
    assert Answer.objects.filter(response__employee=employee).count() == 4


def test_review_lists_open_questions_and_refuses_to_submit(client, employee, rounds):
    baseline, _ = rounds
    client.force_login(employee)
    start(client, baseline)
    client.post(reverse("selfscan:step", args=[baseline.pk, 1]), step_data(baseline, 1))
    body = client.get(reverse("selfscan:review", args=[baseline.pk])).content.decode()
    assert "Nog 51 vragen open" in body
    response = client.post(reverse("selfscan:review", args=[baseline.pk]))
    assert "Nog niet alle vragen zijn beantwoord." in response.content.decode()
    assert not Response.objects.get(employee=employee).is_submitted


def test_a_submitted_scan_is_final(client, employee, rounds):
    baseline, _ = rounds
    submitted = submitted_response(employee, baseline)
    client.force_login(employee)
    before = list(Answer.objects.filter(response=submitted).values_list("question_id", "value"))
    response = client.post(reverse("selfscan:step", args=[baseline.pk, 1]), step_data(baseline, 1, can_do=1))
    assert response.url == reverse("selfscan:result", args=[baseline.pk])
    assert list(Answer.objects.filter(response=submitted).values_list("question_id", "value")) == before


def test_a_second_submit_changes_nothing(employee, rounds):
    submitted = submitted_response(employee, rounds[0])
    assert response_submit(response=submitted) is False
    assert AreaResult.objects.filter(response=submitted).count() == 7
    assert Response.objects.filter(employee=employee).count() == 1


def test_starting_twice_makes_one_response(client, employee, rounds):
    client.force_login(employee)
    start(client, rounds[0])
    start(client, rounds[0])
    assert Response.objects.filter(employee=employee).count() == 1


def test_a_closed_round_cannot_be_started(client, employee, rounds):
    baseline, _ = rounds
    baseline.closes_on = timezone.localdate() - datetime.timedelta(days=1)
    baseline.due_on = baseline.opens_on = baseline.closes_on - datetime.timedelta(days=5)
    baseline.save()
    client.force_login(employee)
    response = start(client, baseline)
    assert response.url == reverse("selfscan:home")
    assert not Response.objects.exists()
    assert "nu niet open" in client.get(reverse("selfscan:home")).content.decode()


def test_round_two_asks_time_saved_and_shows_change_per_area(client, employee, rounds):
    baseline, final = rounds
    submitted_response(employee, baseline, can_do=2, knowledge_right=False)
    assert sum(len(s["questions"]) for s in scan_steps(round=final)) == 58
    submitted_response(employee, final, can_do=3, knowledge_right=True)
    client.force_login(employee)
    body = client.get(reverse("selfscan:result", args=[final.pk])).content.decode()
    assert "Verschil met ronde 1" in body
    assert '<td class="text-end">+42</td>' in body  # 25.0 (33.3 less a quarter) → 66.7 in every area
    assert "Ten opzichte van ronde 1: +42 punten." in body
    assert "Nieuw in deze ronde" not in body and "vernieuwd" not in body


def test_export_holds_all_own_answers_and_nobody_elses(client, employee, rounds, team):
    submitted_response(employee, rounds[0])
    colleague = UserFactory(team=team, municipality=team.municipality)
    submitted_response(colleague, rounds[0], can_do=1)
    client.force_login(employee)
    response = client.get(reverse("selfscan:export"))
    assert response["Content-Disposition"].startswith("attachment")
    data = json.loads(response.content)
    assert data["employee"]["email"] == employee.email
    assert len(data["responses"]) == 1
    assert len(data["responses"][0]["answers"]) == 57 and len(data["responses"][0]["areas"]) == 7
    assert {a["answer"] for a in data["responses"][0]["answers"]} >= {"Dit kan ik zelfstandig"}
    assert "Dit ken ik niet" not in {a["answer"] for a in data["responses"][0]["answers"]}


def test_export_names_the_profile_as_the_employee_sees_it(client, employee, rounds):
    submitted_response(employee, rounds[0], can_do=1, knowledge_right=False, agree=1, busy=5)
    client.force_login(employee)
    response = client.get(reverse("selfscan:export"))
    exported = json.loads(response.content)["responses"][0]
    assert exported["profile"] == "Op eigen tempo" and exported["busy_profile"] == "Tijdsbewuste planner"
    body = response.content.decode()
    for persona in Persona.objects.all():
        assert persona.name not in body


def test_a_decline_is_shown_with_a_minus_sign(client, employee, rounds):
    baseline, final = rounds
    submitted_response(employee, baseline, can_do=4)
    submitted_response(employee, final, can_do=3)
    client.force_login(employee)
    body = client.get(reverse("selfscan:result", args=[final.pk])).content.decode()
    assert "Ten opzichte van ronde 1: -33 punten." in body


def test_the_result_names_strengths_only_from_basis_up(client, employee, rounds):
    submitted_response(employee, rounds[0], can_do=1, knowledge_right=False)
    client.force_login(employee)
    body = client.get(reverse("selfscan:result", args=[rounds[0].pk])).content.decode()
    assert "Hier ben je al het verst" in body and "Hier ben je sterk in" not in body


def test_no_change_is_shown_as_zero_without_a_sign(client, employee, rounds):
    baseline, final = rounds
    submitted_response(employee, baseline, can_do=3)
    submitted_response(employee, final, can_do=3)
    client.force_login(employee)
    body = client.get(reverse("selfscan:result", args=[final.pk])).content.decode()
    assert "Ten opzichte van ronde 1: 0 punten." in body and "+0" not in body and "-0" not in body


def test_equal_scores_everywhere_name_no_area_as_the_strongest(client, employee, rounds):
    """QA: with every area at 67, "Hier ben je sterk in" just named the first two areas."""
    submitted_response(employee, rounds[0], can_do=3)
    client.force_login(employee)
    body = client.get(reverse("selfscan:result", args=[rounds[0].pk])).content.decode()
    assert "Je scoort op alle onderdelen even hoog (Gevorderd)" in body
