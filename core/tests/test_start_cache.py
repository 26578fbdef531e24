"""The employee start page keeps its reads in the cache (core.selectors.employee_start_page): every
write it shows appears on the next request, in the reader's language, and never on another
person's page."""

import datetime

from django.urls import reverse
from django.utils import timezone

from campaigns import services as campaign_services
from campaigns.tests.factories import CampaignFactory
from learning import services as learning_services
from organisations.caching import organisation_changed
from organisations.models import User
from organisations.tests.factories import TeamFactory, UserFactory

START = reverse("core:start_employee")


def running_campaign(municipality):
    today = timezone.localdate()
    kick_off = (today.replace(day=1) - datetime.timedelta(days=40)).replace(day=1)
    end = (today.replace(day=28) + datetime.timedelta(days=35)).replace(day=28)
    return CampaignFactory(name="Digivaardig test", kick_off_date=kick_off, end_date=end, municipalities=[municipality])


def test_the_cached_start_page_reads_nothing_twice_and_shows_a_logged_activity_at_once(
    client, employee, municipality, query_count
):
    running_campaign(municipality)
    client.force_login(employee)
    cold = query_count(client, START, at_most=12)
    warm = query_count(client, START, at_most=12, cold=False)
    assert warm <= cold - 5  # campaign, team, learning months, activities, certificates
    assert "✓ </span>actief" not in client.get(START).content.decode()
    learning_services.activity_log(
        employee=employee, date=timezone.localdate(), kind="course", title="Excel-basis", minutes=30
    )
    assert "✓ </span>actief" in client.get(START).content.decode()


def test_a_renamed_campaign_a_new_team_and_another_language_show_at_once(client, employee, municipality):
    campaign = running_campaign(municipality)
    client.force_login(employee)
    assert "Digivaardig test" in client.get(START).content.decode()
    campaign_services.campaign_update(campaign=campaign, name="Digivaardig 2027")
    assert "Digivaardig 2027" in client.get(START).content.decode()
    new_team = TeamFactory(municipality=municipality, name="Publiekszaken")
    User.objects.filter(pk=employee.pk).update(team=new_team)  # as the admin saves it
    organisation_changed()
    assert "Publiekszaken" in client.get(START).content.decode()
    client.post(reverse("organisations:my_profile"), {"language": "en", "receives_reminders": "on"})
    page = client.get(START).content.decode()
    assert "Learning this month" in page and "Leren deze maand" not in page


def test_each_person_gets_their_own_cached_page(client, employee, team, municipality):
    running_campaign(municipality)
    colleague = UserFactory(team=team, municipality=municipality, first_name="Bram")
    learning_services.activity_log(
        employee=colleague, date=timezone.localdate(), kind="course", title="Teams-tips", minutes=30
    )
    client.force_login(colleague)
    assert "✓ </span>actief" in client.get(START).content.decode()
    client.force_login(employee)
    assert "✓ </span>actief" not in client.get(START).content.decode()


def test_a_new_or_renamed_campaign_shows_at_once_on_the_advisor_start_page(client, advisor, municipality):
    campaign = running_campaign(municipality)
    client.force_login(advisor)
    start = reverse("core:start_advisor")
    assert "Digivaardig test" in client.get(start).content.decode()  # kept now
    campaign_services.campaign_update(campaign=campaign, name="Digivaardig 2026")
    assert "Digivaardig 2026" in client.get(start).content.decode()
    campaign_services.campaign_create(
        name="Digivaardig 2027",
        kick_off_date=datetime.date(2027, 3, 1),
        end_date=datetime.date(2027, 12, 31),
        municipalities=[municipality],
    )
    assert "Digivaardig 2027" in client.get(start).content.decode()


def test_a_campaign_renamed_in_the_admin_shows_at_once_on_the_start_pages(client, employee, advisor, municipality):
    from django.contrib.admin.sites import site

    from campaigns.models import Campaign
    from core.admin import CampaignAdminForm

    campaign = running_campaign(municipality)
    client.force_login(employee)
    assert "Digivaardig test" in client.get(START).content.decode()  # kept now
    admin = site._registry[Campaign]
    data = {
        "name": "Hernoemd in beheer",
        "kick_off_date": campaign.kick_off_date.isoformat(),
        "end_date": campaign.end_date.isoformat(),
        "budget": "20000",
        "municipalities": [municipality.pk],
        **{
            field: getattr(campaign, field)
            for field in (
                "target_scan_percent",
                "target_monthly_active_percent",
                "target_rescan_percent",
                "target_agenda_percent",
            )
        },
    }
    form = CampaignAdminForm(data, instance=campaign)
    assert form.is_valid(), form.errors
    admin.save_model(None, form.save(commit=False), form, change=True)
    admin.save_related(None, form, [], change=True)
    assert "Hernoemd in beheer" in client.get(START).content.decode()
    client.force_login(advisor)
    assert "Hernoemd in beheer" in client.get(reverse("core:start_advisor")).content.decode()


def test_a_registered_digicoach_counts_at_once_on_the_programme_lead_start_page(client, programme_lead, employee):
    from coaching.services import coach_register

    client.force_login(programme_lead)
    url = reverse("core:start_programme_lead")
    before = client.get(url).context["digicoaches"]
    coach_register(person=employee, capacity=2, topics=["teams"], registered_by=programme_lead)
    assert client.get(url).context["digicoaches"] == before + 1


def test_municipalities_added_to_a_campaign_in_the_admin_count_in_its_figures_at_once(municipality):
    from django.contrib.admin.sites import site

    from campaigns.caching import campaign_municipality_ids
    from campaigns.models import Campaign
    from core.admin import CampaignAdminForm
    from organisations.tests.factories import MunicipalityFactory

    campaign = running_campaign(municipality)
    assert campaign_municipality_ids(campaign=campaign) == [municipality.pk]  # kept now
    other = MunicipalityFactory()
    form = CampaignAdminForm(
        {
            "name": campaign.name,
            "kick_off_date": campaign.kick_off_date.isoformat(),
            "end_date": campaign.end_date.isoformat(),
            "budget": "20000",
            "municipalities": [municipality.pk, other.pk],
            "target_scan_percent": 80,
            "target_monthly_active_percent": 50,
            "target_rescan_percent": 60,
            "target_agenda_percent": 80,
        },
        instance=campaign,
    )
    assert form.is_valid(), form.errors
    admin = site._registry[Campaign]
    admin.save_model(None, form.save(commit=False), form, change=True)
    admin.save_related(None, form, [], change=True)
    fresh = Campaign.objects.get(pk=campaign.pk)  # as the next request reads it
    assert campaign_municipality_ids(campaign=fresh) == sorted([municipality.pk, other.pk])


def test_the_programme_leads_start_page_lists_a_new_campaign_at_once(client, programme_lead, municipality):
    from core.services import programme_year_start

    url = reverse("core:start_programme_lead")
    client.force_login(programme_lead)
    assert "Digivaardig 2031" not in client.get(url).content.decode()  # kept now
    programme_year_start(
        name="Digivaardig 2031",
        kick_off_date=datetime.date(2031, 3, 3),
        end_date=datetime.date(2031, 11, 28),
        municipalities=[municipality],
    )
    assert "Digivaardig 2031" in client.get(url).content.decode()


def test_a_digicoach_sees_a_new_fellow_digicoach_at_once(client, municipality, programme_lead):
    from coaching.services import coach_register

    first, second = UserFactory(municipality=municipality), UserFactory(municipality=municipality)
    coach_register(person=first, capacity=2, topics=["teams"], registered_by=programme_lead)
    url = reverse("core:start_digicoach")
    client.force_login(User.objects.get(pk=first.pk))
    assert second.get_full_name() not in client.get(url).content.decode()  # kept now
    coach_register(person=second, capacity=2, topics=["teams"], registered_by=programme_lead)
    assert second.get_full_name() in client.get(url).content.decode()
