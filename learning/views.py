from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from common.forms import add_service_errors
from common.preserve import submitted_data
from common.submissions import once_per_form

from . import selectors, services
from .access import get_own_activity, require_import_access
from .forms import ActivityForm, PlatformExportForm
from .platform_import import platform_export_parse

ACTIVITIES_PER_PAGE = 50
# Where a logged activity may send the person back to (the `terug` field of the form).
RETURN_TO = {"start": "core:start_employee"}


def _activity_form(request, summary, **kwargs):
    return ActivityForm(
        submitted_data(request),
        first_day=summary.first_day,
        last_day=summary.last_day,
        **kwargs,
    )


@login_required
@require_http_methods(["GET", "POST"])
@once_per_form
def my_learning(request):
    today = timezone.localdate()
    summary = selectors.learning_summary(employee=request.user, today=today)
    initial = {"date": summary.last_day or today}
    form = _activity_form(request, summary, initial=initial)
    duplicate = False
    if request.method == "POST" and form.is_valid():
        try:
            activity = services.activity_log(employee=request.user, **form.cleaned_data, today=today)
        except ValidationError as error:
            if getattr(error, "code", None) == "duplicate":
                # Back and send again, or a second click: the first one is in the list below.
                duplicate, form = (
                    True,
                    ActivityForm(first_day=summary.first_day, last_day=summary.last_day, initial=initial),
                )
            else:
                add_service_errors(form, error)
        else:
            messages.success(request, _("Opgeslagen: %(title)s. Goed bezig!") % {"title": activity.title})
            return redirect(RETURN_TO.get(request.POST.get("terug"), "learning:mine"))
    page = Paginator(selectors.own_activities(employee=request.user), ACTIVITIES_PER_PAGE).get_page(
        request.GET.get("pagina")
    )
    # A form sent from the start page with a mistake is shown here; once right, it returns there.
    back = request.POST.get("terug") if request.POST.get("terug") in RETURN_TO else ""
    context = {"summary": summary, "form": form, "page": page, "terug": back, "duplicate": duplicate}
    return render(request, "learning/mine.html", context)


@login_required
@require_http_methods(["GET", "POST"])
@once_per_form
def activity_edit(request, activity_id):
    activity = get_own_activity(request.user, activity_id, kept=request.method == "GET")
    today = timezone.localdate()
    summary = selectors.learning_summary(employee=request.user, today=today)
    form = _activity_form(request, summary, instance=activity)
    if request.method == "POST" and form.is_valid():
        try:
            services.activity_update(activity=activity, **form.cleaned_data, today=today)
        except ValidationError as error:
            if getattr(error, "code", None) == "duplicate":
                error = ValidationError(_("Deze activiteit staat al in je overzicht (een tweede keer dezelfde)."))
            add_service_errors(form, error)
        else:
            messages.success(request, _("De activiteit is gewijzigd."))
            return redirect("learning:mine")
    return render(request, "learning/activity_edit.html", {"form": form, "activity": activity})


@login_required
@require_http_methods(["GET", "POST"])
@once_per_form
def activity_delete(request, activity_id):
    activity = get_own_activity(request.user, activity_id, kept=request.method == "GET")
    if request.method == "POST":
        services.activity_delete(activity=activity)
        messages.success(request, _("De activiteit is verwijderd."))
        return redirect("learning:mine")
    return render(request, "learning/activity_delete.html", {"activity": activity})


@login_required
@require_http_methods(["GET", "POST"])
@once_per_form
def platform_import(request):
    require_import_access(request.user)
    form = PlatformExportForm(request.POST or None, request.FILES or None)
    parsed = None
    if request.method == "POST" and form.is_valid():
        parsed = platform_export_parse(form.cleaned_data["file"].read())
        if parsed.is_valid:
            summary = services.platform_export_import(parsed=parsed)
            messages.success(
                request,
                _("Import gelukt: %(created)s nieuw, %(updated)s bijgewerkt, %(unchanged)s ongewijzigd.")
                % {"created": summary.created, "updated": summary.updated, "unchanged": summary.unchanged},
            )
            return redirect("learning:import")
    return render(request, "learning/import.html", {"form": form, "parsed": parsed})
