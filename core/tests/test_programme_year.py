"""Starting a programme year is one atomic service, used by the browser, the admin and the demo seed."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from campaigns.models import Campaign, Channel, ContentItem, Phase
from core.services import programme_year_start
from selfscan.models import Round


def start_data(municipality, **overrides):
    return {
        "name": "Digivaardig 2027",
        "municipalities": [municipality.pk],
        "kick_off_date": "2027-03-09",
        "end_date": "2027-11-30",
        "budget": "20000",
        "with_plan_template": "on",
        **overrides,
    }


def test_programme_lead_starts_a_year_with_phases_channels_template_and_both_rounds(
    client, programme_lead, municipality, shipped_content
):
    client.force_login(programme_lead)
    response = client.post(reverse("core:campaign_new"), start_data(municipality))
    assert response.status_code == 302
    campaign = municipality.campaigns.get(name="Digivaardig 2027")
    assert campaign.phases.count() == 6 and campaign.content_items.count() > 20
    assert Channel.objects.filter(municipality=municipality).count() == 13
    rounds = list(Round.objects.filter(campaign=campaign).order_by("number"))
    assert [(r.number, r.opens_on, r.due_on) for r in rounds] == [
        (1, datetime.date(2027, 3, 9), datetime.date(2027, 5, 9)),
        (2, datetime.date(2027, 11, 1), datetime.date(2027, 11, 30)),
    ]


def test_end_before_start_is_refused_and_nothing_is_created(client, programme_lead, municipality, shipped_content):
    client.force_login(programme_lead)
    response = client.post(reverse("core:campaign_new"), start_data(municipality, name="Fout", end_date="2027-01-01"))
    assert "De einddatum moet na de kick-off liggen." in response.content.decode()
    assert not Campaign.objects.filter(name="Fout").exists()


def test_a_failing_round_rolls_back_the_whole_year(municipality, shipped_content, monkeypatch):
    import core.services

    def refuse(*, campaign):
        raise ValidationError("rondes kunnen niet")

    monkeypatch.setattr(core.services, "rounds_create_for_campaign", refuse)
    with pytest.raises(ValidationError):
        programme_year_start(
            name="Half",
            kick_off_date=datetime.date(2027, 3, 1),
            end_date=datetime.date(2027, 11, 30),
            municipalities=[municipality],
            with_plan_template=True,
        )
    assert not Campaign.objects.filter(name="Half").exists()
    assert not Phase.objects.exists() and not ContentItem.objects.exists()


def test_a_campaign_added_in_the_admin_is_a_whole_programme_year(client, programme_lead, municipality, shipped_content):
    client.force_login(programme_lead)
    response = client.post(
        reverse("admin:campaigns_campaign_add"),
        {
            "name": "Via beheer",
            "municipalities": [municipality.pk],
            "kick_off_date": "2027-03-01",
            "end_date": "2027-11-30",
            "budget": "20000",
            "target_scan_percent": "80",
            "target_monthly_active_percent": "60",
            "target_rescan_percent": "60",
            "target_agenda_percent": "90",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    campaign = Campaign.objects.get(name="Via beheer")
    assert list(campaign.municipalities.all()) == [municipality]
    assert campaign.phases.count() == 6
    assert sorted(campaign.scan_rounds.values_list("number", flat=True)) == [1, 2]
    assert Campaign.objects.filter(name="Via beheer").count() == 1
