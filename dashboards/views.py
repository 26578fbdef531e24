from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.text import slugify
from django.views.decorators.http import require_GET

from common.pdf import PdfUnavailable, html_to_pdf, pdf_available
from common.tables import table_csv, tables_xlsx

from . import pages, selectors, services
from .access import get_programme_scope, get_team_scope, period_from


@login_required
@require_GET
def team(request, team_id):
    today = timezone.localdate()
    scope = get_team_scope(request.user, team_id, today=today)
    if scope.campaign is None:
        return render(request, "dashboards/no_campaign.html", {"team": scope.team})
    first, last = period_from(request.GET)
    figures = services.figures_for(campaign=scope.campaign, today=today)

    def build():
        dashboard = selectors.team_dashboard(
            snapshot=figures,
            team=scope.team,
            campaign=scope.campaign,
            today=today,
            period_first=first,
            period_last=last,
        )
        return render_to_string("dashboards/_team_body.html", pages.team_context(dashboard, request.GET), request)

    key = pages.body_key("team", scope.campaign, figures, scope=[scope.team.pk], params=request.GET)
    return render(request, "dashboards/team.html", {"team": scope.team, "body": pages.cached_body(key, build)})


@login_required
@require_GET
def team_table(request, team_id, table):
    today = timezone.localdate()
    scope = get_team_scope(request.user, team_id, today=today)
    if scope.campaign is None:
        raise Http404
    first, last = period_from(request.GET)
    figures = services.figures_for(campaign=scope.campaign, today=today)
    dashboard = selectors.team_dashboard(
        snapshot=figures, team=scope.team, campaign=scope.campaign, today=today, period_first=first, period_last=last
    )
    return _csv(pages.find_table(pages.team_tables(dashboard), table), scope.team.name)


@login_required
@require_GET
def programme(request):
    today = timezone.localdate()
    scope = get_programme_scope(request.user, request.GET, today=today)
    if scope.campaign is None:
        return render(request, "dashboards/no_campaign.html", {})
    figures = services.figures_for(campaign=scope.campaign, today=today)

    def build():
        dashboard = pages.programme_for(scope, figures, today=today)
        return render_to_string(
            "dashboards/_programme_body.html", pages.programme_context(dashboard, scope, request.GET), request
        )

    key = pages.body_key("programme", scope.campaign, figures, scope=scope.municipality_ids, params=request.GET)
    return render(request, "dashboards/programme.html", {"body": pages.cached_body(key, build)})


@login_required
@require_GET
def programme_table(request, table):
    today = timezone.localdate()
    scope = get_programme_scope(request.user, request.GET, today=today)
    if scope.campaign is None:
        raise Http404
    figures = services.figures_for(campaign=scope.campaign, today=today)
    dashboard = pages.programme_for(scope, figures, today=today)
    return _csv(pages.find_table(pages.programme_tables(dashboard), table), scope.campaign.name)


@login_required
@require_GET
def report(request):
    today = timezone.localdate()
    scope = get_programme_scope(request.user, request.GET, today=today)
    if scope.campaign is None:
        return render(request, "dashboards/no_campaign.html", {})
    report = pages.results_report(scope, services.figures_for(campaign=scope.campaign, today=today), today=today)
    context = {**pages.report_context(report, scope, request.GET), "pdf_available": pdf_available()}
    return render(request, "dashboards/report.html", context)


@login_required
@require_GET
def report_xlsx(request):
    today = timezone.localdate()
    scope = get_programme_scope(request.user, request.GET, today=today)
    if scope.campaign is None:
        raise Http404
    report = pages.results_report(scope, services.figures_for(campaign=scope.campaign, today=today), today=today)
    response = HttpResponse(
        tables_xlsx(pages.report_sections(report)),
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
    response["Content-Disposition"] = f'attachment; filename="resultaten-{slugify(scope.campaign.name)}.xlsx"'
    return response


@login_required
@require_GET
def report_pdf(request):
    today = timezone.localdate()
    scope = get_programme_scope(request.user, request.GET, today=today)
    if scope.campaign is None:
        raise Http404
    report = pages.results_report(scope, services.figures_for(campaign=scope.campaign, today=today), today=today)
    context = {**pages.report_context(report, scope, request.GET), "today": today}
    try:
        pdf = html_to_pdf(render_to_string("dashboards/report_pdf.html", context), stylesheets=["css/report.css"])
    except PdfUnavailable:
        return render(request, "dashboards/pdf_unavailable.html", status=503)
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="resultaten-{slugify(scope.campaign.name)}.pdf"'
    return response


def _csv(table, name):
    response = HttpResponse(table_csv(table), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{slugify(name)}-{table.slug}.csv"'
    return response
