"""The plan template as real users get it for every new campaign: the plan's rhythm on working days."""

import datetime

import pytest
from django.db import transaction
from django.urls import reverse

from campaigns.balance import balance_warnings, item_notices
from campaigns.budget import budget_summary
from campaigns.models import Campaign, Channel, ContentItem
from campaigns.selectors import content_items
from common.workdays import holiday_name, is_working_day, next_working_day, non_working_reason
from core.services import programme_year_start
from organisations.tests.factories import MunicipalityFactory


@pytest.mark.parametrize(
    "day, name",
    [
        (datetime.date(2027, 4, 27), "Koningsdag"),
        (datetime.date(2027, 3, 29), "Tweede paasdag"),
        (datetime.date(2027, 5, 17), "Tweede pinksterdag"),
        (datetime.date(2027, 5, 6), "Hemelvaartsdag"),
        (datetime.date(2030, 5, 5), "Bevrijdingsdag"),
        (datetime.date(2030, 4, 22), "Tweede paasdag"),
        (datetime.date(2030, 6, 10), "Tweede pinksterdag"),
        (datetime.date(2030, 4, 27), "Koningsdag"),
    ],
)
def test_the_dutch_holiday_calendar_of_2027_and_2030(day, name):
    assert holiday_name(day) == name and not is_working_day(day)


def test_bevrijdingsdag_is_a_day_off_in_lustrum_years_only_and_weekends_are_never_working_days():
    assert holiday_name(datetime.date(2027, 5, 5)) is None and is_working_day(datetime.date(2027, 5, 5))
    assert non_working_reason(datetime.date(2027, 3, 13)) == "zaterdag"
    assert next_working_day(datetime.date(2027, 4, 24)) == datetime.date(2027, 4, 26)  # Saturday -> Monday
    assert next_working_day(datetime.date(2027, 4, 27)) == datetime.date(2027, 4, 28)  # Koningsdag -> Wednesday


@pytest.fixture
def plan_year(db, shipped_content):
    municipalities = [MunicipalityFactory(name=name) for name in ("Groningen", "Assen", "Westerkwartier")]

    def start(year, kick_off_day=9, end_date=None, municipalities=municipalities):
        return programme_year_start(
            name=f"Digivaardig {year}",
            kick_off_date=datetime.date(year, 3, kick_off_day),
            end_date=end_date or datetime.date(year, 11, 30),
            municipalities=municipalities,
            with_plan_template=True,
        )

    return start


def problems_of_a_fresh_campaign(campaign) -> list:
    """Everything the planner would warn about in a campaign just made from the template, and every
    template date outside the campaign period, its phase or the working week."""
    first, last = campaign.period
    problems = []
    phases = list(campaign.phases.all())
    problems += [
        ("phase outside the campaign", p.code, p.starts_on, p.ends_on)
        for p in phases
        if not (first <= p.starts_on <= p.ends_on <= last)
    ]
    items = list(content_items(campaign=campaign, municipalities=campaign.municipalities.all()))
    for item in items:
        if not (item.phase.starts_on <= item.publish_on <= item.phase.ends_on):
            problems.append(("outside its phase", item.title, item.publish_on, item.phase.code))
        problems += [(item.title, notice) for notice in item_notices(item=item, campaign=campaign)]
        if item.production_deadline and not is_working_day(item.production_deadline):
            problems.append(("deadline on a day off", item.title, item.production_deadline))
    kick_off = [item for item in items if item.title == "Digitale kick-off"]
    if not kick_off or any(item.publish_on != campaign.kick_off_date for item in kick_off):
        problems.append(("kick-off item not on the kick-off date", [item.publish_on for item in kick_off]))
    round_two = campaign.scan_rounds.get(number=2)
    if not (first <= round_two.opens_on <= round_two.closes_on <= last):
        problems.append(("round 2 outside the campaign", round_two.opens_on, round_two.closes_on))
    results = [item.publish_on for item in items if item.title == "Wat heeft Digivaardig opgeleverd"]
    festive = [item.publish_on for item in items if item.title.startswith("Feestelijke afsluiting")]
    if not results or not festive or max(results) >= min(festive):
        problems.append(("results not before the festive closing", results, festive))
    if campaign.end_date > round_two.closes_on + datetime.timedelta(weeks=2) and min(results) <= round_two.closes_on:
        problems.append(("results before round 2 closes although the campaign leaves room", results))
    tips = [item.publish_on for item in items if item.title == "Digidonderdagtip"]
    if not tips or any(day.weekday() != 3 for day in tips):
        problems.append(("Digidonderdagtip not on Thursdays", tips))
    the_day_before = first - datetime.timedelta(days=60)  # the template is applied well before its first deadline
    for municipality in campaign.municipalities.all():
        own = [item for item in items if item.municipality_id == municipality.pk]
        summary = budget_summary(campaign=campaign, municipalities=[municipality])
        warnings = balance_warnings(campaign=campaign, items=own, today=the_day_before, budget_summary=summary)
        problems += [(municipality.name, warning["message"]) for warning in warnings]
    return problems


@pytest.mark.parametrize("year, kick_off_day", [(2027, 9), (2030, 11)])
def test_a_new_campaign_from_the_template_is_on_working_days_inside_its_phases_and_balanced(
    plan_year, year, kick_off_day
):
    campaign = plan_year(year, kick_off_day=kick_off_day)
    items = list(content_items(campaign=campaign, municipalities=campaign.municipalities.all()))
    assert len(items) > 60
    assert problems_of_a_fresh_campaign(campaign) == []


def test_the_qa_campaign_of_march_to_december_2027_stays_within_its_dates(plan_year):
    """Fault report: kick-off 9 March, end 31 December 2027 gave items and phase 3 in January and
    February 2028, 'Geen hub-content in december 2027' and no 'buiten de campagne'."""
    campaign = plan_year(2027, kick_off_day=9, end_date=datetime.date(2027, 12, 31))
    assert ContentItem.objects.filter(campaign=campaign, publish_on__gt=campaign.end_date).count() == 0
    assert campaign.phases.get(code="3").ends_on == datetime.date(2027, 12, 31)
    assert problems_of_a_fresh_campaign(campaign) == []


def kick_off_dates():
    """Every third working day from January to September 2027 (Easter, Koningsdag, Ascension and
    Whitsun are among their neighbours), each with one of five end dates in turn."""
    ends = [
        datetime.date(2027, 11, 30),
        datetime.date(2027, 12, 31),
        datetime.date(2028, 1, 31),
        datetime.date(2028, 2, 29),
        datetime.date(2027, 12, 26),  # a Sunday and Tweede kerstdag
    ]
    day, found = datetime.date(2027, 1, 4), []
    while day <= datetime.date(2027, 9, 30):
        if is_working_day(day):
            found.append(day)
        day += datetime.timedelta(days=1)
    return [(kick_off, ends[index % len(ends)]) for index, kick_off in enumerate(found[::3])]


def test_every_kick_off_date_gives_a_template_without_a_single_warning(db, shipped_content):
    """Property: for any kick-off working day and end date, the template keeps the planner's own rules."""
    municipality = MunicipalityFactory(name="Groningen")
    failures = {}
    for kick_off, end in kick_off_dates():
        with transaction.atomic():
            campaign = programme_year_start(
                name=f"Campagne {kick_off}",
                kick_off_date=kick_off,
                end_date=end,
                municipalities=[municipality],
                with_plan_template=True,
            )
            problems = problems_of_a_fresh_campaign(campaign)
            if problems:
                failures[(kick_off, end)] = problems
            transaction.set_rollback(True)
    assert failures == {}


@pytest.mark.parametrize(
    "kick_off, message",
    [
        (
            "2027-04-27",
            "Dinsdag 27 april 2027 is geen werkdag (Koningsdag). Kies een werkdag voor de kick-off, "
            "bijvoorbeeld woensdag 28 april 2027.",
        ),
        (
            "2027-03-13",
            "Zaterdag 13 maart 2027 is geen werkdag. Kies een werkdag voor de kick-off, "
            "bijvoorbeeld maandag 15 maart 2027.",
        ),
        ("2027-03-29", "Maandag 29 maart 2027 is geen werkdag (Tweede paasdag)."),
    ],
)
def test_a_kick_off_on_a_day_off_is_refused_in_the_new_campaign_form(
    client, programme_lead, municipality, shipped_content, kick_off, message
):
    client.force_login(programme_lead)
    data = {
        "name": "Digivaardig 2027",
        "municipalities": [municipality.pk],
        "kick_off_date": kick_off,
        "end_date": "2027-12-31",
        "budget": "20000",
        "with_plan_template": "on",
    }
    response = client.post(reverse("core:campaign_new"), data)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not Campaign.objects.exists()


def test_the_template_puts_each_example_on_channels_that_fit_its_form(plan_year):
    campaign = plan_year(2027)
    poll = Channel.objects.get(municipality__name="Westerkwartier", name="Poll")
    assert not poll.content_items.exists()  # a poll carries no videos and no certificate
    for item in ContentItem.objects.filter(campaign=campaign, format=ContentItem.Format.VIDEO):
        names = {channel.name for channel in item.channels.all()}
        assert names and not names & {"Post", "Post thuiswerkers", "Poll", "Managementoverleg"}, item.title
    leaders = ContentItem.objects.filter(campaign=campaign, audience=ContentItem.Audience.TEAM_LEADERS)
    for item in leaders:
        kinds = {channel.kind for channel in item.channels.all()}
        assert Channel.Kind.MEETING in kinds or Channel.Kind.EMAIL in kinds, item.title


def test_the_template_keeps_hub_content_going_between_the_phases(plan_year):
    campaign = plan_year(2027)
    groningen = campaign.municipalities.get(name="Groningen")
    hub_months = set(
        ContentItem.objects.filter(campaign=campaign, municipality=groningen, category="hub").values_list(
            "publish_on__month", flat=True
        )
    )
    assert {3, 4, 5, 6, 7, 8, 9, 10, 11} <= hub_months
