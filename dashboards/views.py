from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.text import slugify
from django.views.decorators.http import require_GET

from common.tables import table_csv, tables_xlsx

from . import pages, selectors
from .access import get_programme_scope, get_team_scope, period_from


@login_required
@require_GET
def team(request, team_id):
    today = timezone.localdate()
    scope = get_team_scope(request.user, team_id, today=today)
    if scope.campaign is None:
        return render(request, "dashboards/no_campaign.html", {"team": scope.team})
    first, last = period_from(request.GET)
    dashboard = selectors.team_dashboard(
        team=scope.team, campaign=scope.campaign, today=today, period_first=first, period_last=last
    )
    return render(request, "dashboards/team.html", pages.team_context(dashboard, request.GET))


@login_required
@require_GET
def team_table(request, team_id, table):
    today = timezone.localdate()
    scope = get_team_scope(request.user, team_id, today=today)
    if scope.campaign is None:
        raise Http404
    first, last = period_from(request.GET)
    dashboard = selectors.team_dashboard(
        team=scope.team, campaign=scope.campaign, today=today, period_first=first, period_last=last
    )
    return _csv(pages.find_table(pages.team_tables(dashboard), table), scope.team.name)


@login_required
@require_GET
def programme(request):
    today = timezone.localdate()
    scope = get_programme_scope(request.user, request.GET, today=today)
    if scope.campaign is None:
        return render(request, "dashboards/no_campaign.html", {})
    dashboard = pages.programme_for(scope, today=today)
    return render(request, "dashboards/programme.html", pages.programme_context(dashboard, scope, request.GET))


@login_required
@require_GET
def programme_table(request, table):
    today = timezone.localdate()
    scope = get_programme_scope(request.user, request.GET, today=today)
    if scope.campaign is None:
        raise Http404
    dashboard = pages.programme_for(scope, today=today)
    return _csv(pages.find_table(pages.programme_tables(dashboard), table), scope.campaign.name)


@login_required
@require_GET
def report(request):
    today = timezone.localdate()
    scope = get_programme_scope(request.user, request.GET, today=today)
    if scope.campaign is None:
        return render(request, "dashboards/no_campaign.html", {})
    report = pages.results_report(scope, today=today)
    return render(request, "dashboards/report.html", pages.report_context(report, scope, request.GET))


@login_required
@require_GET
def report_xlsx(request):
    today = timezone.localdate()
    scope = get_programme_scope(request.user, request.GET, today=today)
    if scope.campaign is None:
        raise Http404
    report = pages.results_report(scope, today=today)
    response = HttpResponse(
        tables_xlsx(pages.report_sections(report)),
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
    response["Content-Disposition"] = f'attachment; filename="resultaten-{slugify(scope.campaign.name)}.xlsx"'
    return response


def _csv(table, name):
    response = HttpResponse(table_csv(table), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{slugify(name)}-{table.slug}.csv"'
    return response
