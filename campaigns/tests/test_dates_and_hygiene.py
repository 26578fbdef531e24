"""Dates a planner picks get a warning, never a refusal; hygiene shows as always available."""

import datetime

from django.urls import reverse

from campaigns.models import ContentItem
from campaigns.tests.factories import ContentItemFactory
from campaigns.tests.test_views import campaign, item_data  # noqa: F401  (the planner fixture)


def test_an_item_on_a_holiday_is_saved_with_a_warning(client, advisor, campaign, municipality):  # noqa: F811
    client.force_login(advisor)
    data = item_data(municipality, title="Op Koningsdag", publish_on="2026-04-27", production_deadline="2026-04-14")
    response = client.post(reverse("campaigns:create", args=[campaign.pk]), data, follow=True)
    assert ContentItem.objects.filter(title="Op Koningsdag").exists()
    assert "27 april 2026 is geen werkdag (Koningsdag)" in response.content.decode()


def test_an_item_outside_the_campaign_is_warned_about_and_listed_apart(client, advisor, campaign, municipality):  # noqa: F811
    client.force_login(advisor)
    data = item_data(municipality, title="Veel te laat", publish_on="2027-06-10", production_deadline="")
    response = client.post(reverse("campaigns:create", args=[campaign.pk]), data, follow=True)
    body = response.content.decode()
    assert ContentItem.objects.filter(title="Veel te laat").exists()
    assert "valt buiten de campagne" in body
    assert "Buiten de campagne</h2>" in body and "10 juni 2027: Veel te laat" in body
    assert "1 item buiten de campagne (1 februari 2026 – 30 november 2026)" in body


def test_hygiene_is_available_in_every_month_of_its_period(client, advisor, campaign, municipality):  # noqa: F811
    phase = campaign.phases.get(code="2.1")
    item = ContentItemFactory(
        campaign=campaign,
        municipality=municipality,
        phase=phase,
        title="Buddyprogramma",
        category="hygiene",
        publish_on=datetime.date(2026, 3, 12),
    )
    item.channels.set(campaign.municipalities.get(pk=municipality.pk).channels.filter(name="Digicoaches"))
    client.force_login(advisor)
    september = client.get(reverse("campaigns:calendar", args=[campaign.pk]) + "?maand=2026-09").content.decode()
    assert "Deze hele maand beschikbaar" in september and "Buddyprogramma" in september
    timeline = client.get(reverse("campaigns:timeline", args=[campaign.pk])).content.decode()
    row = timeline.split("Buddyprogramma")[1].split("</tr>")[0]
    # One bar from March to November (the campaign's end), not the word "beschikbaar" per month.
    assert row.count("data-hygiene-bar") == 1 and 'colspan="9"' in row
    assert "beschikbaar 12 mrt – 30 nov" in row
    matrix = client.get(reverse("campaigns:channels", args=[campaign.pk])).content.decode()
    assert matrix.count("Buddyprogramma") >= 9 and "doorlopend" in matrix
    item.available_until = datetime.date(2026, 5, 31)
    item.save()
    from campaigns.caching import plan_changed

    plan_changed(campaign_id=campaign.pk)
    september = client.get(reverse("campaigns:calendar", args=[campaign.pk]) + "?maand=2026-09").content.decode()
    assert "Buddyprogramma" not in september


def test_only_hygiene_has_a_period(client, advisor, campaign, municipality):  # noqa: F811
    client.force_login(advisor)
    data = item_data(municipality, title="Hub met periode", available_until="2026-08-01")
    response = client.post(reverse("campaigns:create", args=[campaign.pk]), data)
    assert "Alleen hygiëne-content heeft een periode" in response.content.decode()
    assert not ContentItem.objects.filter(title="Hub met periode").exists()
