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
from .access import get_programme_scope, get_team_scope, period_choice, period_from


@login_required
@require_GET
def team(request, team_id):
    today = timezone.localdate()
    scope = get_team_scope(request.user, team_id, today=today)
    if scope.campaign is None:
        return render(request, "dashboards/no_campaign.html", {"team": scope.team})
    period = period_choice(request.GET)
    first, last = period.first, period.last
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
        return render_to_string(
            "dashboards/_team_body.html", pages.team_context(dashboard, request.GET, asked=period.notices), request
        )

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
    scope = _scope_with_campaign(request, today)
    figures = services.figures_for(campaign=scope.campaign, today=today)

    def build():
        dashboard = pages.programme_for(scope, figures, today=today)
        return table_csv(pages.find_table(pages.programme_tables(dashboard), table))

    # Kept like the page's body (pages.body_key: figures, plan, scope, link, language), per table;
    # an unknown table raises 404 in build() and is never kept.
    key = pages.body_key(
        f"programme_table:{table}", scope.campaign, figures, scope=scope.municipality_ids, params=request.GET
    )
    body = pages.cached_body(key, build)
    return _download(body, "text/csv; charset=utf-8", f"{slugify(scope.campaign.name)}-{table}.csv")


@login_required
@require_GET
def report(request):
    today = timezone.localdate()
    scope = get_programme_scope(request.user, request.GET, today=today)
    if scope.campaign is None:
        return render(request, "dashboards/no_campaign.html", {})
    figures = services.figures_for(campaign=scope.campaign, today=today)

    def build():
        report = pages.results_report(scope, figures, today=today)
        context = {**pages.report_context(report, scope, request.GET), "pdf_available": pdf_available()}
        return render_to_string("dashboards/_report_page.html", context, request)

    body = pages.cached_body(_report_key("report", scope, figures, request, today), build)
    return render(request, "dashboards/report.html", {"body": body})


@login_required
@require_GET
def report_xlsx(request):
    today = timezone.localdate()
    scope = _scope_with_campaign(request, today)
    figures = services.figures_for(campaign=scope.campaign, today=today)

    def build():
        return tables_xlsx(pages.report_sections(pages.results_report(scope, figures, today=today)))

    workbook = pages.cached_body(_report_key("report_xlsx", scope, figures, request, today), build)
    return _download(workbook, XLSX, f"resultaten-{slugify(scope.campaign.name)}.xlsx")


@login_required
@require_GET
def report_pdf(request):
    today = timezone.localdate()
    scope = _scope_with_campaign(request, today)
    figures = services.figures_for(campaign=scope.campaign, today=today)
    # Rendering a PDF takes WeasyPrint a few hundred ms: the same figures, plan, scope, link, language
    # and day give the same file, so it is kept under the key of what it shows.
    key = _report_key("report_pdf", scope, figures, request, today)

    def build():
        report = pages.results_report(scope, figures, today=today)
        context = {**pages.report_context(report, scope, request.GET), "today": today}
        return html_to_pdf(render_to_string("dashboards/report_pdf.html", context), stylesheets=["css/report.css"])

    try:
        pdf = pages.cached_body(key, build)
    except PdfUnavailable:
        return render(request, "dashboards/pdf_unavailable.html", status=503)
    return _download(pdf, "application/pdf", f"resultaten-{slugify(scope.campaign.name)}.pdf")


XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _scope_with_campaign(request, today):
    """The programme scope of a download: 404 when none of the person's municipalities has a campaign."""
    scope = get_programme_scope(request.user, request.GET, today=today)
    if scope.campaign is None:
        raise Http404
    return scope


def _report_key(view, scope, figures, request, today):
    """The cache key of the results report in one format (pages.body_key, and the day: the report
    covers the campaign up to today and says when it was made)."""
    key = pages.body_key(view, scope.campaign, figures, scope=scope.municipality_ids, params=request.GET)
    return f"{key}:{today.isoformat()}"


def _download(content, content_type, filename):
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def _csv(table, name):
    return _download(table_csv(table), "text/csv; charset=utf-8", f"{slugify(name)}-{table.slug}.csv")
