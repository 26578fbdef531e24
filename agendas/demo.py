"""Demo team meetings: a werkoverleg about every two weeks for every team, for the campaign months up
to today, with Digivaardig on the agenda more often in some teams than in others. The demo team
leader's team (Burgerzaken, Groningen) has gaps and has not had Digivaardig on this month's agenda
yet, so logging it can be tried. One meeting per team per day: a second run adds nothing."""

import datetime
import random

from django.utils import timezone

from common.dates import day_of_month, month_start, months_between
from organisations.models import Team

from .caching import meetings_changed
from .models import TeamMeeting

TOPICS = [
    "Digidonderdagtip van deze maand",
    "Ervaringen met de zelfscan",
    "Samenwerken in Teams: wat werkt voor ons?",
    "Veilig mailen en phishing",
    "Succesverhaal van een collega",
    "Welke e-learning raad je aan?",
    "Digitale bloopers (met een glimlach)",
    "Tijd vrijmaken om te leren",
]
NOTES = ["", "", "Afgesproken: iedereen kiest deze maand één e-learning.", "Volgende keer een tip van Anna."]
# The werkoverleg days: around the 2nd and 4th week of the month.
MEETING_DAYS = (10, 24)
DEMO_TEAM = ("Groningen", "Burgerzaken")
# Months after the kick-off (0 = March) in which the demo team had Digivaardig on the agenda.
DEMO_TEAM_MET = {0, 1, 3, 6, 7}


def _meetings_for(team, leader_id, months, today, rng):
    demo_team = (team.municipality.name, team.name) == DEMO_TEAM
    diligence = rng.betavariate(3.0, 1.6)
    this_month = month_start(today)
    rows = []
    for index, month in enumerate(months):
        for number, day_number in enumerate(MEETING_DAYS):
            day = day_of_month(month, day_number)
            if day > today:
                continue
            if demo_team:
                on_agenda = index in DEMO_TEAM_MET and number == 0 and month != this_month
            else:
                on_agenda = rng.random() < diligence * 0.75
            rows.append(
                TeamMeeting(
                    team=team,
                    date=day,
                    digivaardig_on_agenda=on_agenda,
                    topic=rng.choice(TOPICS) if on_agenda else "",
                    notes=rng.choice(NOTES) if on_agenda else "",
                    created_by_id=leader_id,
                    updated_by_id=leader_id,
                )
            )
    return rows


def meetings_seed(*, campaign, today: datetime.date | None = None) -> int:
    """Werkoverleggen of every team of the campaign's municipalities up to today; returns the number
    added now (a second run adds nothing)."""
    today = today or timezone.localdate()
    if campaign.kick_off_date > today:
        return 0
    months = months_between(campaign.kick_off_date, min(today, campaign.end_date))
    teams = list(
        Team.objects.filter(municipality__in=campaign.municipalities.all())
        .select_related("municipality")
        .order_by("municipality__name", "name")
    )
    leaders = {}
    for team_id, user_id in (
        Team.leaders.through.objects.filter(team__in=teams).order_by("pk").values_list("team_id", "user_id")
    ):
        leaders.setdefault(team_id, user_id)
    before = TeamMeeting.objects.count()
    rows = []
    for team in teams:
        rng = random.Random(f"{team.municipality.name}/{team.name}")
        rows.extend(_meetings_for(team, leaders.get(team.pk), months, today, rng))
    TeamMeeting.objects.bulk_create(rows, batch_size=1000, ignore_conflicts=True)
    meetings_changed()
    return TeamMeeting.objects.count() - before
