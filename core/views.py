from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db import DatabaseError, connection
from django.http import HttpResponse, HttpResponseServerError
from django.shortcuts import redirect, render
from django.template import loader
from django.templatetags.static import static
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import requires_csrf_token
from django.views.decorators.http import require_http_methods

from agendas import selectors as agenda_selectors
from campaigns.forms import NewCampaignForm
from campaigns.selectors import campaign_list_for_municipalities
from coaching import selectors as coaching_selectors
from common.dates import month_start
from common.form_layout import RenderKey, kept_or_bound
from common.forms import add_service_errors, as_context
from common.preserve import keep_for_resend, submitted_data
from common.submissions import once_per_form
from learning.forms import ActivityForm
from organisations import selectors as organisation_selectors
from organisations.access import require_campaign_team, require_role, visible_municipality_ids
from organisations.caching import NAMESPACE as ORGANISATION
from organisations.roles import Role, primary_role

from . import selectors, services

NEW_CAMPAIGN_FORM_SECONDS = 60 * 60

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
    page = selectors.employee_start_page(user=request.user, today=timezone.localdate())
    learning = page.learning
    # What this person typed in the learning form before the page expired (common.preserve): then
    # the page is rendered for them alone, with the form filled in; else it is kept (memo_fragment).
    activity_form = ActivityForm(
        submitted_data(request),
        initial={"date": learning.last_day},
        first_day=learning.first_day,
        last_day=learning.last_day,
    )
    return render(
        request,
        "core/start_employee.html",
        {
            **as_context(page.start),
            "learning": learning,
            "activity_form": activity_form,
            "support": coaching_selectors.employee_support(employee=request.user, certificates=page.certificates),
        },
    )


@login_required
def start_team_leader(request):
    require_role(request.user, Role.TEAM_LEADER)
    teams = list(organisation_selectors.led_teams(user=request.user))
    this_month = month_start(timezone.localdate())
    compliance = agenda_selectors.kept_agenda_compliance(team_ids=[team.pk for team in teams], months=[this_month])
    for team in teams:
        team.agenda_met_this_month = compliance.is_met(team.pk, this_month)
    # A team leader is an employee too: the same support section, with the cards they received.
    support = coaching_selectors.employee_support(employee=request.user)
    return render(request, "core/start_team_leader.html", {"teams": teams, "support": support})


@login_required
def start_advisor(request):
    require_campaign_team(request.user)
    municipality_ids = visible_municipality_ids(request.user)
    return render(
        request,
        "core/start_advisor.html",
        {
            "municipalities": organisation_selectors.municipality_list_with_counts(municipality_ids=municipality_ids),
            "campaigns": campaign_list_for_municipalities(municipality_ids=municipality_ids),
        },
    )


@login_required
def start_digicoach(request):
    require_role(request.user, Role.DIGICOACH)
    colleagues = selectors.fellow_digicoaches(user=request.user)
    coaching = coaching_selectors.coach_overview(coach=request.user)
    return render(request, "core/start_digicoach.html", {"colleagues": colleagues, "coaching": coaching})


@login_required
def start_programme_lead(request):
    require_role(request.user, Role.PROGRAMME_LEAD)
    return render(request, "core/start_programme_lead.html", as_context(selectors.programme_lead_start_context()))


@login_required
@require_http_methods(["GET", "POST"])
@once_per_form
def campaign_new(request):
    require_role(request.user, Role.PROGRAMME_LEAD)
    # The empty form shows the municipalities' names (the organisation's version) and nothing else
    # from the data.
    form = kept_or_bound(
        NewCampaignForm,
        submitted_data(request),
        NewCampaignForm,
        RenderKey(namespaces=(ORGANISATION,), parts=(), seconds=NEW_CAMPAIGN_FORM_SECONDS),
    )
    if request.method == "POST" and form.is_valid():
        try:
            campaign = services.programme_year_start(**form.cleaned_data, owner=request.user)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(
                request, _("Campagne %(name)s is aangemaakt, met fases en zelfscanrondes.") % {"name": campaign.name}
            )
            return redirect("campaigns:list", campaign_id=campaign.pk)
    return render(request, "campaigns/campaign_new.html", {"form": form})


def favicon(request):
    """Browsers ask for /favicon.ico on every site; it lives in static/ like everything else."""
    return redirect(static("img/favicon.ico"), permanent=True)


def accessibility_statement(request):
    return render(request, "core/accessibility.html")


def privacy_statement(request):
    return render(request, "core/privacy.html")


def csrf_failure(request, reason=""):
    """CSRF_FAILURE_VIEW: a form sent from a page that is no longer valid. The person's typed values go
    back to the page they came from (common.preserve.keep_for_resend); otherwise the portal's own
    page says what happened, with the menu (and a working logout button) of whoever is logged in."""
    origin = keep_for_resend(request)
    if origin is not None:
        return redirect(origin)
    return render(request, "403_csrf.html", status=403)


def permission_denied(request, exception=None):
    return render(request, "403.html", status=403)


def page_not_found(request, exception=None):
    return render(request, "404.html", status=404)


@requires_csrf_token
def server_error(request):
    # Rendered without a request context: its processors query the database, which may be the cause.
    return HttpResponseServerError(loader.get_template("500.html").render({}))


class PortalLogoutView(auth_views.LogoutView):
    """Log out and say so plainly on the login page (never "you were inactive too long")."""

    def post(self, request, *args, **kwargs):
        response = super().post(request, *args, **kwargs)
        messages.info(request, _("Je bent uitgelogd."))
        return response
