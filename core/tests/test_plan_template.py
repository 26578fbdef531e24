"""The plan template as real users get it for every new campaign: the plan's rhythm on working days."""

import datetime

import pytest

from campaigns.balance import balance_warnings
from campaigns.budget import budget_summary
from campaigns.models import Channel, ContentItem
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

    def start(year, kick_off_day=9):
        return programme_year_start(
            name=f"Digivaardig {year}",
            kick_off_date=datetime.date(year, 3, kick_off_day),
            end_date=datetime.date(year, 11, 30),
            municipalities=municipalities,
            with_plan_template=True,
        )

    return start


@pytest.mark.parametrize("year", [2027, 2030])
def test_a_new_campaign_from_the_template_is_on_working_days_inside_its_phases_and_balanced(plan_year, year):
    campaign = plan_year(year)
    items = list(content_items(campaign=campaign, municipalities=campaign.municipalities.all()))
    assert len(items) > 60
    for item in items:
        if item.title == "Digitale kick-off":
            assert item.publish_on == campaign.kick_off_date  # the kick-off item on the kick-off date
            continue
        assert is_working_day(item.publish_on), (item.title, item.publish_on, non_working_reason(item.publish_on))
        assert item.phase.starts_on <= item.publish_on <= item.phase.ends_on, (item.title, item.publish_on)
        assert item.production_deadline is None or is_working_day(item.production_deadline)
    tips = [item for item in items if item.title == "Digidonderdagtip"]
    assert tips and all(tip.publish_on.weekday() == 3 for tip in tips)  # Thursdays, also past Ascension
    round_two_closes = campaign.scan_rounds.get(number=2).closes_on
    results = [item for item in items if item.title == "Wat heeft Digivaardig opgeleverd"]
    festive = [item for item in items if item.title.startswith("Feestelijke afsluiting")]
    assert results and all(item.publish_on > round_two_closes for item in results)
    assert festive and all(item.publish_on > max(r.publish_on for r in results) for item in festive)
    for municipality in campaign.municipalities.all():
        own = [item for item in items if item.municipality_id == municipality.pk]
        summary = budget_summary(campaign=campaign, municipalities=[municipality])
        new_year = datetime.date(year, 1, 1)  # the template is applied well before its first deadline
        warnings = balance_warnings(campaign=campaign, items=own, today=new_year, budget_summary=summary)
        assert [w["message"] for w in warnings] == [], municipality.name


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
