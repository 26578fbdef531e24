from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from common.form_layout import RenderKey
from common.forms import add_service_errors
from common.preserve import submitted_data
from common.submissions import once_per_form

from . import selectors, services
from .access import get_led_meeting, get_led_team
from .forms import MeetingForm

MEETINGS_PER_PAGE = 50


@login_required
@require_http_methods(["GET", "POST"])
@once_per_form
def team_log(request, team_id):
    team = get_led_team(request.user, team_id)
    today = timezone.localdate()
    log = selectors.team_log(team=team, today=today, page_number=request.GET.get("pagina"), per_page=MEETINGS_PER_PAGE)
    overview = log.overview
    form = MeetingForm(submitted_data(request), initial={"date": overview.last_day}, last_day=overview.last_day)
    form.render_key = RenderKey(namespaces=(), parts=(overview.last_day,), seconds=60 * 60)
    if request.method == "POST" and form.is_valid():
        try:
            services.meeting_log(team=team, leader=request.user, **form.cleaned_data, today=today)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("Het werkoverleg is vastgelegd."))
            return redirect("agendas:team_log", team_id=team.pk)
    return render(
        request, "agendas/team_log.html", {"team": team, "overview": overview, "form": form, "page": log.page}
    )


@login_required
@require_http_methods(["GET", "POST"])
@once_per_form
def meeting_edit(request, meeting_id):
    meeting = get_led_meeting(request.user, meeting_id, kept=request.method == "GET")
    today = timezone.localdate()
    form = MeetingForm(submitted_data(request), instance=meeting, last_day=today)
    if request.method == "POST" and form.is_valid():
        try:
            services.meeting_update(meeting=meeting, leader=request.user, **form.cleaned_data, today=today)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("Het werkoverleg is gewijzigd."))
            return redirect("agendas:team_log", team_id=meeting.team_id)
    return render(request, "agendas/meeting_edit.html", {"form": form, "meeting": meeting, "team": meeting.team})


@login_required
def suggestion(request, team_id):
    team = get_led_team(request.user, team_id)
    suggestion = selectors.agenda_suggestion(team=team, today=timezone.localdate())
    text = render_to_string("agendas/suggestion.txt", {"suggestion": suggestion}, request=request)
    return render(request, "agendas/suggestion.html", {"team": team, "suggestion": suggestion, "text": text.strip()})
