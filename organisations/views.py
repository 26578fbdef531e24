from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from common.paging import KnownCountPaginator
from common.preserve import submitted_data
from common.submissions import once_per_form

from . import selectors, services
from .access import (
    get_municipality_for_user,
    get_team_for_user,
    require_campaign_team,
    require_role,
    visible_municipalities,
    visible_municipality_ids,
)
from .employee_import import employee_import_parse
from .forms import EmployeeImportForm, EmployeeSearchForm, PreferencesForm
from .roles import Role, has_role
from .services import employees_import, summary_for_session, user_update_preferences

EMPLOYEES_PER_PAGE = 50
IMPORT_SUMMARY_KEY = "employee_import_summary"


@login_required
def municipality_list(request):
    require_campaign_team(request.user)
    municipalities = selectors.municipality_list_with_counts(municipality_ids=visible_municipality_ids(request.user))
    return render(request, "organisations/municipality_list.html", {"municipalities": municipalities})


@login_required
def municipality_detail(request, municipality_id):
    municipality = get_municipality_for_user(request.user, municipality_id)
    teams = selectors.team_list_for_municipality(municipality=municipality)
    return render(request, "organisations/municipality_detail.html", {"municipality": municipality, "teams": teams})


@login_required
def team_detail(request, team_id):
    team = get_team_for_user(request.user, team_id)
    members = selectors.team_page(team=team, page_number=request.GET.get("pagina"), per_page=EMPLOYEES_PER_PAGE)
    return render(
        request, "organisations/team_detail.html", {"team": team, "page": members.page, "leaders": members.leaders}
    )


@login_required
def employee_list(request):
    require_role(request.user, Role.PROGRAMME_LEAD)
    form = EmployeeSearchForm(request.GET or None, municipalities=visible_municipalities(request.user))
    query, municipality = "", None
    if form.is_valid():
        query, municipality = form.cleaned_data["q"], form.cleaned_data["municipality"]
    municipality_id = municipality.pk if municipality else None
    employees = selectors.employee_search(query=query, municipality_id=municipality_id)
    count = selectors.employee_search_count(query=query, municipality_id=municipality_id)
    page = KnownCountPaginator(employees, EMPLOYEES_PER_PAGE, count=count).get_page(request.GET.get("pagina"))
    querystring = request.GET.copy()
    querystring.pop("pagina", None)
    return render(
        request,
        "organisations/employee_list.html",
        {"form": form, "page": page, "querystring": querystring.urlencode()},
    )


@login_required
@require_http_methods(["GET", "POST"])
@once_per_form
def employee_import(request):
    require_role(request.user, Role.PROGRAMME_LEAD)
    form = EmployeeImportForm(submitted_data(request), request.FILES or None)
    parsed = None
    if request.method == "POST" and form.is_valid():
        parsed = employee_import_parse(form.cleaned_data["file"].read())
        lookalikes = selectors.lookalike_new_teams(rows=parsed.rows) if parsed.is_valid else []
        if lookalikes and not form.cleaned_data["confirm_new_teams"]:
            context = {"form": form, "parsed": parsed, "summary": None, "lookalikes": lookalikes}
            return render(request, "organisations/employee_import.html", context)
        if parsed.is_valid:
            summary = employees_import(parsed=parsed)
            # Shown once after the redirect, so reloading the page never imports the file again.
            request.session[IMPORT_SUMMARY_KEY] = summary_for_session(summary)
            return redirect("organisations:employee_import")
    summary = request.session.pop(IMPORT_SUMMARY_KEY, None) if request.method == "GET" else None
    # The confirmation is only asked for when a new team looks like another one (above).
    form.fields.pop("confirm_new_teams")
    return render(request, "organisations/employee_import.html", {"form": form, "parsed": parsed, "summary": summary})


@login_required
@require_http_methods(["GET", "POST"])
@once_per_form
def my_profile(request):
    user = request.user
    initial = {
        "language": user.language,
        "receives_reminders": user.receives_reminders,
        "receives_agenda_reminders": user.receives_agenda_reminders,
    }
    form = PreferencesForm(submitted_data(request), initial=initial, is_team_leader=has_role(user, Role.TEAM_LEADER))
    if request.method == "POST" and form.is_valid():
        user_update_preferences(user=user, **form.cleaned_data)
        # The new language at once: this message, and the page the redirect leads to.
        translation.activate(user.language)
        messages.success(request, _("Je voorkeuren zijn opgeslagen."))
        return redirect("organisations:my_profile")
    context = {"form": form, "profile_user": user, "placement": selectors.placement_of(user=user)}
    return render(request, "organisations/my_profile.html", context)


class PasswordResetConfirmView(auth_views.PasswordResetConfirmView):
    """Setting a new password through the e-mailed link also lifts a lockout for that account (the
    lockout page tells a locked-out person to do exactly this)."""

    def form_valid(self, form):
        response = super().form_valid(form)
        services.login_lockout_lift(user=form.user)
        return response
