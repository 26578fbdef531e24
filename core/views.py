from django.contrib.auth.decorators import login_required
from django.db import DatabaseError, connection
from django.http import HttpResponse, HttpResponseServerError
from django.shortcuts import redirect, render
from django.template import loader
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import requires_csrf_token

from campaigns.selectors import campaign_list_for_municipalities
from organisations import selectors as organisation_selectors
from organisations.access import require_role, visible_municipalities
from organisations.roles import Role, primary_role

from . import selectors

START_PAGES = {
    Role.PROGRAMME_LEAD: "core:start_programme_lead",
    Role.ADVISOR: "core:start_advisor",
    Role.TEAM_LEADER: "core:start_team_leader",
    Role.DIGICOACH: "core:start_digicoach",
    Role.EMPLOYEE: "core:start_employee",
}


@never_cache
def healthz(request):
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError:
        return HttpResponse("database unavailable", status=503, content_type="text/plain")
    return HttpResponse("ok", content_type="text/plain")


@login_required
def home(request):
    return redirect(START_PAGES[primary_role(request.user)])


@login_required
def start_employee(request):
    context = selectors.employee_start_context(user=request.user)
    return render(request, "core/start_employee.html", context)


@login_required
def start_team_leader(request):
    require_role(request.user, Role.TEAM_LEADER)
    teams = organisation_selectors.led_teams(user=request.user)
    return render(request, "core/start_team_leader.html", {"teams": teams})


@login_required
def start_advisor(request):
    require_role(request.user, Role.ADVISOR, Role.PROGRAMME_LEAD)
    municipalities = visible_municipalities(request.user)
    return render(
        request,
        "core/start_advisor.html",
        {
            "municipalities": organisation_selectors.municipality_list_with_counts(municipalities=municipalities),
            "campaigns": campaign_list_for_municipalities(municipalities=municipalities),
        },
    )


@login_required
def start_digicoach(request):
    require_role(request.user, Role.DIGICOACH)
    colleagues = selectors.fellow_digicoaches(user=request.user)
    return render(request, "core/start_digicoach.html", {"colleagues": colleagues})


@login_required
def start_programme_lead(request):
    require_role(request.user, Role.PROGRAMME_LEAD)
    return render(request, "core/start_programme_lead.html", selectors.programme_lead_start_context())


def accessibility_statement(request):
    return render(request, "core/accessibility.html")


def privacy_statement(request):
    return render(request, "core/privacy.html")


def permission_denied(request, exception=None):
    return render(request, "403.html", status=403)


def page_not_found(request, exception=None):
    return render(request, "404.html", status=404)


@requires_csrf_token
def server_error(request):
    # Rendered without a request context: its processors query the database, which may be the cause.
    return HttpResponseServerError(loader.get_template("500.html").render({}))
