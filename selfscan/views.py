from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from common.forms import add_service_errors
from common.preserve import is_restored, submitted_data
from common.submissions import once_per_form
from organisations.access import require_role
from organisations.roles import Role

from . import selectors, services
from .access import (
    get_classification_scope,
    get_own_response,
    get_question_for_management,
    get_round_for_employee,
    get_round_for_management,
)
from .caching import (
    cached_classification_rounds,
    cached_html,
    cached_questions_body,
    kept_latest_questionnaire,
    questionnaire_known_frozen,
)
from .classification import EXPLANATION_TEMPLATE, classification_context
from .exports import employee_scan_export, export_json
from .forms import ClassificationRoundForm, QuestionForm, RoundDatesForm, StepForm
from .results import result_context


@login_required
def scan_home(request):
    today = timezone.localdate()
    entries = selectors.scan_home_entries(employee=request.user, today=today)
    return render(request, "selfscan/home.html", {"entries": entries, "today": today})


@login_required
@require_POST
@once_per_form
def scan_start(request, round_id):
    scan_round = get_round_for_employee(request.user, round_id)
    try:
        response = services.response_start(scan_round=scan_round, employee=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect("selfscan:home")
    if response.is_submitted:
        return redirect("selfscan:result", round_id=scan_round.pk)
    return redirect("selfscan:step", round_id=scan_round.pk, step=response.last_step)


def _draft_or_redirect(request, scan_round):
    response = get_own_response(request.user, scan_round)
    if response is None:
        return None, redirect("selfscan:home")
    if response.is_submitted:
        return None, redirect("selfscan:result", round_id=scan_round.pk)
    return response, None


@login_required
@require_http_methods(["GET", "POST"])
@once_per_form
def scan_step(request, round_id, step):
    scan_round = get_round_for_employee(request.user, round_id)
    response, elsewhere = _draft_or_redirect(request, scan_round)
    if elsewhere:
        return elsewhere
    steps = selectors.scan_steps(round=scan_round)
    if not 1 <= step <= len(steps):
        raise Http404
    questions = steps[step - 1]["questions"]
    data = submitted_data(request)
    if data is not None:
        form = StepForm(data, questions=questions)
        complete = form.is_valid()
        try:
            services.response_save_answers(response=response, answers=form.valid_answers(), step=step)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
            return redirect("selfscan:home")
    if is_restored(request, data):
        pass  # answers posted when the session had expired: saved now, the page shown with them
    elif data is not None:
        action = request.POST.get("actie")
        if action == "vorige" and step > 1:
            return redirect("selfscan:step", round_id=scan_round.pk, step=step - 1)
        if action == "later":
            messages.success(request, _("Je antwoorden zijn bewaard. Je gaat later verder waar je bent gebleven."))
            return redirect("selfscan:home")
        if complete:
            if step == len(steps):
                return redirect("selfscan:review", round_id=scan_round.pk)
            return redirect("selfscan:step", round_id=scan_round.pk, step=step + 1)
    else:
        answers = selectors.answers_of(response=response)
        initial = {f"vraag_{q.pk}": answers[q.pk] for q in questions if q.pk in answers}
        form = StepForm(initial=initial, questions=questions)
    return render(
        request,
        "selfscan/step.html",
        {"round": scan_round, "form": form, "area": steps[step - 1]["area"], "step": step, "step_count": len(steps)},
    )


@login_required
@require_http_methods(["GET", "POST"])
@once_per_form
def scan_review(request, round_id):
    scan_round = get_round_for_employee(request.user, round_id)
    response, elsewhere = _draft_or_redirect(request, scan_round)
    if elsewhere:
        return elsewhere
    answers = selectors.answers_of(response=response)
    if request.method == "POST":
        try:
            services.response_submit(response=response)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            return redirect("selfscan:result", round_id=scan_round.pk)
    questions = selectors.questions_for_round(round=scan_round)
    steps = selectors.scan_steps(round=scan_round, questions=questions)
    for number, step in enumerate(steps, start=1):
        step["number"] = number
        step["rows"] = [
            (q, q.options[answers[q.pk] - 1] if q.pk in answers and answers[q.pk] <= len(q.options) else None)
            for q in step["questions"]
        ]
    missing = selectors.missing_questions(questions=questions, answers=answers)
    return render(request, "selfscan/review.html", {"round": scan_round, "steps": steps, "missing": missing})


@login_required
def scan_result(request, round_id):
    scan_round = get_round_for_employee(request.user, round_id)
    response = get_own_response(request.user, scan_round)
    if response is None or not response.is_submitted:
        return redirect("selfscan:home")
    return render(request, "selfscan/result.html", result_context(response=response))


@login_required
def scan_export(request):
    body = export_json(employee_scan_export(employee=request.user))
    download = HttpResponse(body, content_type="application/json; charset=utf-8")
    download["Content-Disposition"] = 'attachment; filename="mijn-zelfscan.json"'
    return download


@login_required
def classification(request):
    municipalities = get_classification_scope(request.user)
    rounds = cached_classification_rounds(municipalities=municipalities, today=timezone.localdate())
    form = ClassificationRoundForm(request.GET or None, rounds=rounds)
    context = classification_context(scan_round=form.chosen_round(), municipalities=municipalities)
    explanation = cached_html(
        context["explanation_key"], lambda: render_to_string(EXPLANATION_TEMPLATE, context, request)
    )
    return render(request, "selfscan/classification.html", {"form": form, "explanation": explanation, **context})


@login_required
def rounds_manage(request):
    require_role(request.user, Role.PROGRAMME_LEAD)
    return render(request, "selfscan/rounds_manage.html", {"rounds": selectors.rounds_for_management()})


@login_required
@require_http_methods(["GET", "POST"])
@once_per_form
def round_edit(request, round_id):
    scan_round = get_round_for_management(request.user, round_id, kept=request.method == "GET")
    form = RoundDatesForm(submitted_data(request), instance=scan_round)
    if request.method == "POST" and form.is_valid():
        services.round_update_dates(scan_round=scan_round, **form.cleaned_data)
        messages.success(request, _("De data van de ronde zijn opgeslagen."))
        return redirect("selfscan:rounds_manage")
    return render(request, "selfscan/round_edit.html", {"round": scan_round, "form": form})


@login_required
def questions_manage(request):
    require_role(request.user, Role.PROGRAMME_LEAD)
    questionnaire = kept_latest_questionnaire()
    frozen = questionnaire is not None and questionnaire_known_frozen(questionnaire_id=questionnaire.pk)
    body = None
    if questionnaire is not None:
        body = cached_questions_body(
            questionnaire=questionnaire,
            frozen=frozen,
            build=lambda: {
                "questionnaire": questionnaire,
                "areas": selectors.questionnaire_areas(questionnaire=questionnaire),
                "frozen": frozen,
            },
        )
    return render(request, "selfscan/questions_manage.html", {"questionnaire": questionnaire, "body": body})


@login_required
@require_http_methods(["GET", "POST"])
@once_per_form
def question_edit(request, question_id):
    question = get_question_for_management(request.user, question_id, kept=request.method == "GET")
    initial = {"text": question.text, "options": "\n".join(question.options), "correct_option": question.correct_option}
    form = QuestionForm(submitted_data(request), initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            edited = services.question_update(question=question, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            if edited.area.questionnaire_id != question.area.questionnaire_id:
                messages.info(
                    request,
                    _("Deze vragenlijst was al in gebruik. Je wijziging staat in een nieuwe versie (%(version)s).")
                    % {"version": edited.area.questionnaire.version},
                )
            else:
                messages.success(request, _("De vraag is opgeslagen."))
            return redirect("selfscan:questions_manage")
    frozen = questionnaire_known_frozen(questionnaire_id=question.area.questionnaire_id)
    return render(request, "selfscan/question_edit.html", {"question": question, "form": form, "frozen": frozen})
