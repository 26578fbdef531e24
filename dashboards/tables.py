"""The dashboards' tables and charts, built once from the figures: the page shows a table (and its
chart), the CSV download and the report's workbook write the same Table (common.tables)."""

from django.utils.translation import gettext as _

from common import dates
from common.charts import BarRow, ColumnRow, bar_chart, column_chart
from common.tables import Column, Table, display


def _hidden():
    return _("te weinig deelnemers")


def month_label(month) -> str:
    """'mrt 2027': Dutch month abbreviations in lower case (common.dates)."""
    return dates.month_label(month)


def goals_table(groups, *, slug="doelen", caption=None) -> Table:
    """The four goals per group (rows), in % of the group, with the campaign's targets as the last row."""
    first = groups[0]
    columns = [Column(_("Groep"), numeric=False), Column(_("Medewerkers"))] + [
        Column(goal.label, "%") for goal in first.goals
    ]
    rows = []
    for group in groups:
        if not group.participation_shown:
            rows.append([group.label, None] + [None for _goal in group.goals])
            continue
        rows.append([group.label, group.size] + [goal.value for goal in group.goals])
    rows.append([_("Doel van de campagne"), ""] + [goal.target for goal in first.goals])
    return Table(
        slug=slug,
        caption=caption or _("De vier doelen van het plan"),
        columns=columns,
        rows=rows,
        hidden_text=_hidden(),
        note=_(
            "Zelfscan binnen twee maanden: ronde 1 ingevuld vóór de einddatum van de ronde. Maandelijks actief en "
            "agenda: de laatste maand van de gekozen periode."
        ),
    )


def goals_chart(group):
    """The four goals of one group as bars against their targets (the funnel)."""
    rows = [
        BarRow(
            goal.label,
            goal.value,
            _("%(value)s (doel %(target)s%%)") % {"value": display(goal.value, "%"), "target": goal.target},
            marker=goal.target,
        )
        for goal in group.goals
    ]
    return bar_chart(
        rows, title=_("De vier doelen in procenten, met het doel als streep; de cijfers staan ook in de tabel.")
    )


def months_table(group, *, slug="maanden") -> Table:
    """Per month of the period: employees active on the learning platform and teams with Digivaardig
    on the agenda, as counts and percentages."""
    rows = []
    for active, agenda in zip(group.active, group.agenda, strict=True):
        rows.append([month_label(active.month), active.count, active.value, agenda.count, agenda.value])
    return Table(
        slug=slug,
        caption=_("Per maand: actief op het leerplatform en Digivaardig op de agenda"),
        columns=[
            Column(_("Maand"), numeric=False),
            Column(_("Actief (medewerkers)")),
            Column(_("Actief"), "%"),
            Column(_("Teams met Digivaardig op de agenda (aantal)")),
            Column(_("Teams met Digivaardig op de agenda"), "%"),
        ],
        rows=rows,
        hidden_text=_hidden(),
    )


def _trend_chart(figures, *, title, heading, target):
    rows = [ColumnRow(month_label(m.month), m.value, display(m.value, "%")) for m in figures]
    chart = column_chart(rows, title=title, target=target, target_text=_("doel %(target)s%%") % {"target": target})
    chart.heading = heading
    return chart


def active_chart(group, *, target):
    return _trend_chart(
        group.active,
        title=_("Percentage actief op het leerplatform per maand; de cijfers staan ook in de tabel."),
        heading=_("Actief op het leerplatform"),
        target=target,
    )


def agenda_chart(group, *, target):
    return _trend_chart(
        group.agenda,
        title=_("Percentage teams met Digivaardig op de agenda per maand; de cijfers staan ook in de tabel."),
        heading=_("Teams met Digivaardig op de agenda"),
        target=target,
    )


def participation_table(group, *, slug="deelname") -> Table:
    """Round 1 and round 2 done, in counts and % of the group; round 1 before its due date."""
    rows = []
    if group.participation_shown:
        rows = [
            [_("Ronde 1 ingevuld"), group.done[1], group.done_percent[1]],
            [_("Ronde 1 op tijd (binnen twee maanden)"), group.on_time, group.on_time_percent],
            [_("Ronde 2 ingevuld"), group.done[2], group.done_percent[2]],
        ]
    return Table(
        slug=slug,
        caption=_("Deelname aan de zelfscan per ronde"),
        columns=[Column(_("Zelfscan"), numeric=False), Column(_("Medewerkers")), Column(_("Van de groep"), "%")],
        rows=rows,
        hidden_text=_hidden(),
    )


def personas_table(group, *, slug="profielen") -> Table:
    """Respondents per profile (the employee-facing name and the campaign's persona) per round."""
    rows = []
    first, second = group.scans[1], group.scans[2]
    for index, (shown_name, name, _count) in enumerate(first.personas or second.personas):
        values = [
            scan.personas[index][2] if scan.shown and index < len(scan.personas) else None for scan in (first, second)
        ]
        rows.append([shown_name, name, *values])
    return Table(
        slug=slug,
        caption=_("Profielen uit de zelfscan (aantal deelnemers)"),
        columns=[
            Column(_("Profiel"), numeric=False),
            Column(_("Persona in het plan"), numeric=False),
            Column(_("Ronde 1")),
            Column(_("Ronde 2")),
        ],
        rows=rows,
        hidden_text=_hidden(),
    )


def personas_chart(scan):
    """The profiles of one round as bars of their share of the respondents."""
    rows = [
        BarRow(
            shown_name,
            None if count is None else 100 * count / scan.respondents,
            _("%(count)s van %(of)s") % {"count": display(count, "", _hidden()), "of": scan.respondents},
        )
        for shown_name, _name, count in scan.personas
    ]
    return bar_chart(rows, title=_("Profielen als deel van de deelnemers; de cijfers staan ook in de tabel."))


def levels_table(group, *, slug="niveaus") -> Table:
    """Average score (0–100) per competence area in each round, and the average change of the people
    who did both rounds."""
    first, second, change = group.scans[1], group.scans[2], group.improvement
    names = [name for name, _value in (first.areas or second.areas)] or [name for name, _v, _n in change.areas]
    rows = []
    for index, name in enumerate(names):
        row = [name]
        for scan in (first, second):
            row.append(scan.areas[index][1] if scan.shown and index < len(scan.areas) else None)
        row.append(change.areas[index][1] if change.shown and index < len(change.areas) else None)
        rows.append(row)
    return Table(
        slug=slug,
        caption=_("Gemiddelde score per onderdeel (0–100) en verbetering van ronde 1 naar ronde 2"),
        columns=[
            Column(_("Onderdeel"), numeric=False),
            Column(_("Ronde 1")),
            Column(_("Ronde 2")),
            Column(_("Verbetering (punten)"), "+"),
        ],
        rows=rows,
        hidden_text=_hidden(),
        note=_("Verbetering: het gemiddelde verschil per onderdeel van wie beide rondes deed."),
    )


def improvement_chart(improvement):
    values = [value for _name, value, _new in improvement.areas if value is not None]
    reach = max([10.0] + [abs(value) for value in values])
    reach = float(int(reach + 9.999) // 10 * 10)
    rows = [
        BarRow(name, value, _("nieuw in ronde 2") if new else display(value, "+", _hidden()))
        for name, value, new in improvement.areas
    ]
    return bar_chart(
        rows,
        title=_(
            "Verbetering per onderdeel in punten, links van de streep is achteruitgang; "
            "de cijfers staan ook in de tabel."
        ),
        minimum=-reach,
        maximum=reach,
    )


def levels_chart(scan):
    rows = [BarRow(name, value, display(value, "", _hidden())) for name, value in scan.areas]
    return bar_chart(rows, title=_("Gemiddelde score per onderdeel (0–100); de cijfers staan ook in de tabel."))


def hours_table(groups, *, slug="tijdwinst") -> Table:
    """The estimated hours saved a week and a year, with the range, per group."""
    rows = []
    for group in groups:
        hours = group.hours
        if hours is None or not hours.shown:
            rows.append([group.label, None, None, None, None])
            continue
        rows.append(
            [
                group.label,
                hours.respondents,
                hours.week,
                f"{display(hours.week_low)}–{display(hours.week_high)}",
                f"{display(hours.year)} ({display(hours.year_low)}–{display(hours.year_high)})",
            ]
        )
    return Table(
        slug=slug,
        caption=_("Geschatte tijdwinst (antwoorden in ronde 2)"),
        columns=[
            Column(_("Groep"), numeric=False),
            Column(_("Antwoorden")),
            Column(_("Uren per week (totaal)")),
            Column(_("Bandbreedte per week"), numeric=False),
            Column(_("Uren per jaar (bandbreedte)"), numeric=False),
        ],
        rows=rows,
        hidden_text=_hidden(),
        note=hours_method(),
    )


def hours_method() -> str:
    return _(
        "Methode: elk antwoord op 'Hoeveel tijd bespaar je nu per week?' telt als het midden van zijn bereik "
        "(niets: 0; minder dan een half uur: 0,25; een half tot een uur: 0,75; 1 tot 2 uur: 1,5; meer dan 2 uur: "
        "2,5 uur); de bandbreedte telt de onder- en bovengrens (meer dan 2 uur: tot 3 uur). Een jaar is 40 "
        "werkweken. Het is een schatting op basis van wat mensen zelf aangeven, alleen van wie ronde 2 invulde."
    )


def teams_table(rows, *, slug="teams") -> Table:
    """Participation per team of a municipality; a team too small to show beside the others reads
    'te weinig deelnemers'."""
    table_rows = []
    for row in rows:
        group = row.figures
        if not group.participation_shown:
            table_rows.append([group.label, None, None, None, None, None, None])
            continue
        active = group.active[-1].value if group.active else None
        agenda = sum(1 for month in group.agenda if month.count)
        table_rows.append(
            [
                group.label,
                group.size,
                group.done_percent[1],
                group.on_time_percent,
                group.done_percent[2],
                active,
                agenda,
            ]
        )
    return Table(
        slug=slug,
        caption=_("Deelname per team: zelfscan, leerplatform en werkoverleg"),
        columns=[
            Column(_("Team"), numeric=False),
            Column(_("Medewerkers")),
            Column(_("Ronde 1"), "%"),
            Column(_("Ronde 1 op tijd"), "%"),
            Column(_("Ronde 2"), "%"),
            Column(_("Actief in de laatste maand"), "%"),
            Column(_("Maanden met Digivaardig op de agenda")),
        ],
        rows=table_rows,
        hidden_text=_hidden(),
        note=_("Teams die te klein zijn om los te tonen, staan zonder cijfers; ze tellen wel mee in het totaal."),
    )


def output_tables(output) -> list:
    """Content items in the period by phase, category and channel: planned (not cancelled) and published."""
    columns = [Column(_("Gepland")), Column(_("Gepubliceerd"))]
    return [
        Table(
            slug=f"output-{slug}",
            caption=caption,
            columns=[Column(first, numeric=False), *columns],
            rows=[list(row) for row in rows] + ([[_("Totaal"), *output.total]] if slug == "fase" else []),
        )
        for slug, caption, first, rows in (
            ("fase", _("Campagne-uitingen per fase"), _("Fase"), output.by_phase),
            ("categorie", _("Campagne-uitingen per categorie"), _("Categorie"), output.by_category),
            ("kanaal", _("Campagne-uitingen per kanaal"), _("Kanaal"), output.by_channel),
        )
    ]


def budget_table(budget) -> Table:
    """The budget as the planner's budget view shows it (campaigns.budget.budget_summary)."""
    rows = [[_("Hele campagne"), budget.budget, budget.planned, budget.actual, budget.remaining, budget.over_by]]
    for share in budget.shares:
        rows.append([share.municipality, share.share, share.planned, share.actual, share.remaining, share.over_by])
    return Table(
        slug="budget",
        caption=_("Budget: vastgelegd en uitgegeven"),
        columns=[
            Column(_("Budget van"), numeric=False),
            Column(_("Budget"), "€"),
            Column(_("Vastgelegd (gepland)"), "€"),
            Column(_("Uitgegeven"), "€"),
            Column(_("Nog vrij"), "€"),
            Column(_("Meer gepland dan het budget"), "€"),
        ],
        rows=rows,
        note=_(
            "Zonder verdeling van het budget over de gemeenten staat er per gemeente geen eigen budget. "
            "Is er meer gepland dan het budget, dan staat het verschil in de laatste kolom; 'nog vrij' is dan € 0,00."
        ),
    )


def reminders_table(reminders) -> Table:
    rows = [[label, sent, failed] for label, sent, failed in reminders.by_kind]
    return Table(
        slug="herinneringen",
        caption=_("Herinneringen in de gekozen periode"),
        columns=[Column(_("Soort"), numeric=False), Column(_("Verstuurd")), Column(_("Mislukt"))],
        rows=rows,
        note=_(
            "Afgemeld voor de maandelijkse herinnering: %(learning)s van %(of)s medewerkers; voor de "
            "agendaherinnering: %(agenda)s van %(leaders)s teamleiders."
        )
        % {
            "learning": display(reminders.learning_off),
            "of": display(reminders.learning_of),
            "agenda": display(reminders.agenda_off),
            "leaders": display(reminders.agenda_of),
        },
    )


def support_table(groups, *, slug="steun") -> Table:
    """The support programme per group (plan §5.1): compliment cards sent and received in the
    period, people with a buddy now and their sessions with a digicoach so far."""
    rows = []
    for group in groups:
        tally = group.tally
        rows.append([group.label, group.cards_sent, group.cards_received, tally.buddies, tally.coaching_sessions])
    return Table(
        slug=slug,
        caption=_("Steun en waardering: complimentenkaarten, buddy's en digicoaches"),
        columns=[
            Column(_("Groep"), numeric=False),
            Column(_("Complimentenkaarten verstuurd")),
            Column(_("Complimentenkaarten ontvangen")),
            Column(_("Medewerkers met een buddy")),
            Column(_("Gesprekken met een digicoach")),
        ],
        rows=rows,
        note=_(
            "Kaarten tellen in de gekozen periode, voor het team van de afzender en van de ontvanger op het moment "
            "van versturen. Buddy's: nu gekoppeld; gesprekken: sinds de start."
        ),
    )


def sessions_table(sessions, places) -> Table:
    """Inspiration sessions held so far in the campaign per municipality ((id, name) in `places`),
    and those for every municipality."""
    rows = []
    for pk, name in places:
        held, signed_up, attended = sessions.get(pk, [0, 0, 0])
        rows.append([name, held, signed_up, attended])
    if None in sessions:
        rows.append([_("Voor alle gemeenten"), *sessions[None]])
    return Table(
        slug="inspiratiesessies",
        caption=_("Inspiratiesessies die al zijn geweest"),
        columns=[
            Column(_("Voor"), numeric=False),
            Column(_("Sessies")),
            Column(_("Aanmeldingen")),
            Column(_("Aanwezig")),
        ],
        rows=rows,
    )
