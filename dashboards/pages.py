"""What the dashboard pages show, in the order they show it: sections of figures, each with its
charts, tables and CSV link, built from the selectors' figures. The views only choose the page."""

import hashlib
from dataclasses import dataclass, field
from urllib.parse import urlencode

from django.http import Http404
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from common.cache import kept_content

from . import selectors, tables

KEPT_PARAMETERS = ("campagne", "gemeente", "team", "van", "tot")
BODY_CACHE_SECONDS = 10 * 60


def body_key(view, campaign, figures, *, scope, params) -> str:
    """The cache key of a dashboard's rendered body: the figures it shows (their versions and when
    they were counted), the plan it shows (campaign.plan_version: output, budget, settings), the
    person's scope, the query string and the language."""
    parts = [
        view,
        campaign.pk,
        campaign.plan_version,
        figures.versions,
        figures.built_at.isoformat(),
        figures.is_current,
        ",".join(str(pk) for pk in sorted(scope)),
        _query(params),
        get_language() or "",
    ]
    return f"dashboards:{view}:" + hashlib.sha256("|".join(map(str, parts)).encode()).hexdigest()[:32]


def cached_body(key, build) -> str:
    """The rendered body for `key` from the cache, else `build()`'s, kept BODY_CACHE_SECONDS."""
    return kept_content(key, build, seconds=BODY_CACHE_SECONDS)


@dataclass
class Section:
    """A part of a page: heading, an optional intro, charts (common.charts.Chart) and tables."""

    slug: str
    title: str
    intro: str = ""
    charts: list = field(default_factory=list)
    tables: list = field(default_factory=list)
    hidden: str = ""  # shown instead of charts when the figures are hidden for privacy
    csv_urls: dict = field(default_factory=dict)  # {table slug: its CSV download's URL}

    @property
    def table_items(self):
        """(table, URL of its CSV download or "") per table."""
        return [(table, self.csv_urls.get(table.slug, "")) for table in self.tables]

    @property
    def chart_items(self):
        """(element id, chart) per chart."""
        return [(f"{self.slug}-grafiek-{index}", chart) for index, chart in enumerate(self.charts)]


def _query(params, **changes) -> str:
    kept = {key: params.get(key) for key in KEPT_PARAMETERS if params.get(key)}
    kept.update({key: value for key, value in changes.items() if value is not None})
    for key, value in changes.items():
        if value is None:
            kept.pop(key, None)
    return urlencode(kept)


def link_downloads(sections, url_name, *, args=(), params) -> list:
    """Give every table of `sections` the URL of its CSV download: `url_name` reversed with `args`
    and the table's slug, with the page's filters. Returns `sections`."""
    query = _query(params)
    for section in sections:
        for table in section.tables:
            url = reverse(url_name, args=[*args, table.slug])
            section.csv_urls[table.slug] = f"{url}?{query}" if query else url
    return sections


def notices(period, asked=()) -> list:
    """What the page says about its filters: `asked` (the scope's notices on the link) and the
    period's fallback to the whole campaign."""
    result = list(asked)
    if period.fell_back:
        result.append(_("De gekozen periode valt buiten de campagne; we tonen de hele campagne."))
    return result


def month_choices(months) -> list:
    """(value for ?van= / ?tot=, label) per campaign month."""
    return [(month.strftime("%Y-%m"), tables.month_label(month)) for month in months]


def find_table(all_tables, slug):
    """The table named `slug`; 404 for any other name."""
    for table in all_tables:
        if table.slug == slug:
            return table
    raise Http404


def _too_few(minimum):
    return _("Te weinig deelnemers om te tonen (minder dan %(minimum)s, of af te leiden uit andere groepen).") % {
        "minimum": minimum
    }


def _scan_sections(group, *, minimum, target_group) -> list:
    """Profiles, levels and improvement, and hours saved, of one group."""
    sections = []
    latest = next((group.scans[n] for n in (2, 1) if group.scans[n].shown), None)
    profiles = Section("profielen", _("Profielen uit de zelfscan"), tables=[tables.personas_table(group)])
    if latest is None:
        profiles.hidden = _too_few(minimum)
        profiles.tables = []
    else:
        profiles.intro = _("Ronde %(round)s, %(count)s deelnemers. Namen staan nooit bij deze cijfers.") % {
            "round": latest.round_number,
            "count": latest.respondents,
        }
        profiles.charts = [tables.personas_chart(latest)]
    sections.append(profiles)
    levels = Section("niveaus", _("Niveau en verbetering per onderdeel"), tables=[tables.levels_table(group)])
    if group.improvement.shown:
        levels.intro = _("Verbetering van %(count)s medewerkers die beide rondes deden.") % {
            "count": group.improvement.paired
        }
        levels.charts = [tables.improvement_chart(group.improvement)]
    elif latest is not None:
        levels.charts = [tables.levels_chart(latest)]
    else:
        levels.hidden = _too_few(minimum)
        levels.tables = []
    sections.append(levels)
    hours = Section("tijdwinst", _("Geschatte tijdwinst"), tables=[tables.hours_table(target_group)])
    if not group.hours.shown:
        hours.hidden = _too_few(minimum)
    sections.append(hours)
    return sections


def _month_sections(group, campaign) -> list:
    return [
        Section(
            "maanden",
            _("Per maand"),
            charts=[
                tables.active_chart(group, target=campaign.target_monthly_active_percent),
                tables.agenda_chart(group, target=campaign.target_agenda_percent),
            ],
            tables=[tables.months_table(group)],
        )
    ]


def team_tables(dashboard) -> list:
    """Every table of the team dashboard (for its CSV links)."""
    group = dashboard.figures
    return [
        tables.goals_table([group]),
        tables.participation_table(group),
        tables.months_table(group),
        tables.personas_table(group),
        tables.levels_table(group),
        tables.hours_table([group]),
        tables.support_table([group]),
    ]


def team_context(dashboard, params, *, asked=()) -> dict:
    group = dashboard.figures
    campaign = dashboard.campaign
    sections = [
        Section("doelen", _("De vier doelen"), tables=[tables.goals_table([group])]),
        Section("deelname", _("Deelname aan de zelfscan"), tables=[tables.participation_table(group)]),
        *_month_sections(group, campaign),
        *_scan_sections(group, minimum=dashboard.minimum, target_group=[group]),
        Section("steun", _("Steun en waardering"), tables=[tables.support_table([group])]),
    ]
    return {
        "dashboard": dashboard,
        "team": dashboard.team,
        "group": group,
        "notices": notices(dashboard.period, asked),
        "sections": link_downloads(sections, "dashboards:team_table", args=[dashboard.team.pk], params=params),
        "goals_chart": tables.goals_chart(group),
        "query": _query(params),
        "month_choices": month_choices(dashboard.months),
        "selected_first": dashboard.period.first.strftime("%Y-%m"),
        "selected_last": dashboard.period.last.strftime("%Y-%m"),
    }


def programme_for(scope, figures, *, today):
    """The programme dashboard of a ProgrammeScope (access.get_programme_scope) from `figures`
    (services.figures_for)."""
    return selectors.programme_dashboard(
        snapshot=figures,
        campaign=scope.campaign,
        municipalities=scope.municipalities,
        municipality=scope.municipality,
        team=scope.team,
        period_first=scope.first,
        period_last=scope.last,
        today=today,
    )


def _focus(dashboard):
    if dashboard.team is not None:
        return dashboard.team
    if dashboard.municipality is not None:
        return next(g for g in dashboard.municipalities if g.key == dashboard.municipality.pk)
    return dashboard.total


def _goal_groups(dashboard):
    if len(dashboard.municipalities) == 1:
        return dashboard.municipalities
    return [*dashboard.municipalities, dashboard.total]


def _support_groups(dashboard):
    return [dashboard.team] if dashboard.team is not None else _goal_groups(dashboard)


def _sessions(dashboard):
    if dashboard.municipality is not None:
        places = [(dashboard.municipality.pk, dashboard.municipality.name)]
    else:
        places = [(group.key, group.label) for group in dashboard.municipalities]
    return tables.sessions_table(dashboard.sessions, places)


def programme_tables(dashboard) -> list:
    """Every table of the programme dashboard (for its CSV links)."""
    focus = _focus(dashboard)
    result = [
        tables.goals_table(_goal_groups(dashboard)),
        tables.months_table(focus),
        tables.personas_table(focus),
        tables.levels_table(focus),
        tables.hours_table(_goal_groups(dashboard)),
    ]
    if dashboard.teams:
        result.append(tables.teams_table(dashboard.teams))
    if dashboard.team is not None:
        result.append(tables.goals_table([dashboard.team], slug="team-doelen"))
    result += [tables.support_table(_support_groups(dashboard)), _sessions(dashboard)]
    result += tables.output_tables(dashboard.output)
    result += [tables.budget_table(dashboard.budget), tables.reminders_table(dashboard.reminders)]
    return result


def programme_context(dashboard, scope, params) -> dict:
    focus = _focus(dashboard)
    campaign = dashboard.campaign
    goals = Section("doelen", _("De vier doelen per gemeente"), tables=[tables.goals_table(_goal_groups(dashboard))])
    sections = [goals]
    if dashboard.team is not None:
        sections.append(
            Section(
                "team",
                _("Team %(name)s") % {"name": dashboard.team.label},
                tables=[tables.goals_table([dashboard.team], slug="team-doelen")],
            )
        )
    if dashboard.teams:
        sections.append(Section("teams", _("Deelname per team"), tables=[tables.teams_table(dashboard.teams)]))
    sections += _month_sections(focus, campaign)
    sections += _scan_sections(focus, minimum=dashboard.minimum, target_group=_goal_groups(dashboard))
    sections.append(
        Section(
            "steun",
            _("Steun en waardering"),
            tables=[tables.support_table(_support_groups(dashboard)), _sessions(dashboard)],
        )
    )
    sections.append(Section("uitingen", _("Campagne-uitingen"), tables=tables.output_tables(dashboard.output)))
    sections.append(Section("budget", _("Budget"), tables=[tables.budget_table(dashboard.budget)]))
    sections.append(Section("herinneringen", _("Herinneringen"), tables=[tables.reminders_table(dashboard.reminders)]))
    team_links = [
        (row.figures.label, "?" + _query(params, team=row.team_id))
        for row in dashboard.teams
        if row.team_id is not None
    ]
    return {
        "dashboard": dashboard,
        "scope": scope,
        "notices": notices(dashboard.period, [*scope.notices, *scope.period_notices]),
        "focus": focus,
        "goals_chart": tables.goals_chart(focus),
        "sections": link_downloads(sections, "dashboards:programme_table", params=params),
        "team_links": team_links,
        "query": _query(params),
        "report_query": _query(params, team=None, van=None, tot=None),
        "month_choices": month_choices(dashboard.months),
        "selected_first": dashboard.period.first.strftime("%Y-%m"),
        "selected_last": dashboard.period.last.strftime("%Y-%m"),
    }


@dataclass
class ResultsReport:
    """The results report (plan §6 phase 3, §8): the programme dashboard over the whole campaign."""

    dashboard: object
    groups: list


def results_report(scope, figures, *, today) -> ResultsReport:
    """The results report of a ProgrammeScope: every month of the campaign so far, per municipality
    of the scope (or the chosen one) and in total; the threshold applied as on the dashboard."""
    dashboard = selectors.programme_dashboard(
        snapshot=figures,
        campaign=scope.campaign,
        municipalities=scope.municipalities,
        municipality=scope.municipality,
        today=today,
    )
    if scope.municipality is not None:
        groups = [g for g in dashboard.municipalities if g.key == scope.municipality.pk]
    else:
        groups = _goal_groups(dashboard)
    return ResultsReport(dashboard=dashboard, groups=groups)


def report_sections(report) -> list:
    """(sheet title, [Table]) per group: goals, participation, months, levels and improvement, hours."""
    sheets = [(_("Samenvatting"), [tables.goals_table(report.groups), tables.hours_table(report.groups)])]
    for number, group in enumerate(report.groups, start=1):
        group_tables = [
            tables.participation_table(group),
            tables.months_table(group),
            tables.personas_table(group),
            tables.levels_table(group),
        ]
        for table in group_tables:
            table.slug = f"{table.slug}-{number}"  # one id per table on the page
        sheets.append((group.label, group_tables))
    return sheets


def report_charts(report) -> list:
    """(element id, chart) of the report's last group (the total, or the one municipality)."""
    group = report.groups[-1]
    campaign = report.dashboard.campaign
    charts = [tables.goals_chart(group), tables.active_chart(group, target=campaign.target_monthly_active_percent)]
    if group.improvement.shown:
        charts.append(tables.improvement_chart(group.improvement))
    return [(f"rapport-grafiek-{index}", chart) for index, chart in enumerate(charts)]


def report_context(report, scope, params) -> dict:
    return {
        "charts": report_charts(report),
        "chart_group": report.groups[-1],
        "report": report,
        "dashboard": report.dashboard,
        "scope": scope,
        "notices": list(scope.notices),
        "sheets": report_sections(report),
        "method": tables.hours_method(),
        "query": _query(params, team=None, van=None, tot=None),
    }
