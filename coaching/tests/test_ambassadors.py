"""Ambassadors / micro-influencers (plan §5.1, "Toelichting ambassadeurs"): a register per municipality,
volunteering (offered to the enthusiast), confirmation by an advisor, and a page without personal data."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from campaigns.tests.factories import ContentItemFactory
from coaching import services
from coaching.models import Ambassador
from coaching.tests.factories import AmbassadorFactory
from common.dates import month_start
from common.submissions import new_token
from organisations.tests.factories import UserFactory
from personas.models import Audience, Message, Persona
from selfscan.services import rounds_create_for_campaign
from selfscan.tests.factories import open_campaign_rounds, submitted_response


def test_the_enthusiasts_result_page_offers_volunteering(client, shipped_content, employee):
    baseline, _final = open_campaign_rounds(municipalities=[employee.municipality])
    response = submitted_response(employee, baseline, can_do=4, agree=5)
    assert response.persona.slug == Persona.Identity.ENTHUSIAST
    client.force_login(employee)
    page = client.get(reverse("selfscan:result", args=[baseline.pk])).content.decode()
    assert "Word ambassadeur" in page and reverse("coaching:ambassador") in page
    assert 'id="buddy-kop"' not in page


def test_an_employee_volunteers_and_an_advisor_confirms(client, employee, advisor):
    client.force_login(employee)
    token = new_token(employee)
    for _ in range(2):
        response = client.post(
            reverse("coaching:ambassador"), {"motivation": "Ik deel graag tips.", "form_token": token}
        )
        assert response.status_code == 302
    client.post(reverse("coaching:ambassador"), {"motivation": "Nog een keer"})
    row = Ambassador.objects.get()
    assert (row.person, row.status, row.motivation, row.municipality) == (
        employee,
        "volunteered",
        "Ik deel graag tips.",
        employee.municipality,
    )
    assert "bevestigt je aanmelding" in client.get(reverse("coaching:ambassador")).content.decode()
    client.force_login(advisor)
    page = client.get(reverse("coaching:ambassadors")).content.decode()
    assert employee.get_full_name() in page and "Ik deel graag tips." in page
    client.post(reverse("coaching:ambassador_decide", args=[row.pk]), {"besluit": "confirm"})
    row.refresh_from_db()
    assert (row.status, row.decided_by) == ("confirmed", advisor)
    client.force_login(employee)
    assert "Ambassadeur van Digivaardig" in client.get(reverse("coaching:ambassador")).content.decode()


def test_an_advisor_of_another_municipality_cannot_decide(client, other_advisor, employee):
    row = AmbassadorFactory(person=employee, status="volunteered")
    client.force_login(other_advisor)
    assert employee.get_full_name() not in client.get(reverse("coaching:ambassadors")).content.decode()
    assert client.post(reverse("coaching:ambassador_decide", args=[row.pk]), {"besluit": "confirm"}).status_code == 404
    row.refresh_from_db()
    assert row.status == "volunteered"


def test_decisions_follow_the_status(advisor, employee):
    row = AmbassadorFactory(person=employee, status="volunteered")
    services.ambassador_decide(ambassador=row, decision="decline", by=advisor)
    with pytest.raises(ValidationError, match="huidige status"):
        services.ambassador_decide(ambassador=row, decision="stop", by=advisor)
    with pytest.raises(ValidationError, match="Onbekende beslissing"):
        services.ambassador_decide(ambassador=row, decision="promote", by=advisor)
    assert services.ambassador_volunteer(person=employee).status == "volunteered", "a new sign-up after a decline"


def test_team_leaders_and_directors_are_marked_as_ambassadors_directly(client, advisor, team_leader):
    client.force_login(advisor)
    response = client.post(reverse("coaching:ambassadors"), {"email": team_leader.email, "function": "team_leader"})
    assert response.status_code == 302
    row = Ambassador.objects.get(person=team_leader)
    assert (row.status, row.function) == ("confirmed", "team_leader")
    director = UserFactory(municipality=advisor.advised_municipalities.get())
    client.post(reverse("coaching:ambassadors"), {"email": director.email, "function": "director"})
    assert Ambassador.objects.get(person=director).get_function_display() == "Directielid"


def test_the_ambassador_page_holds_the_months_content_and_the_personas_messages_only(
    client, shipped_content, team_leader, employee, municipality, campaign
):
    today = timezone.localdate()
    published = {"status": "published", "publish_on": month_start(today)}
    shared = ContentItemFactory(campaign=campaign, municipality=municipality, title="Succesverhaal", **published)
    hygiene = ContentItemFactory(
        campaign=campaign,
        municipality=municipality,
        title="Complimentkaarten",
        category="hygiene",
        status="published",
        publish_on=campaign.kick_off_date,
    )
    hidden = [
        ContentItemFactory(
            campaign=campaign,
            municipality=municipality,
            title="Alleen voor leiders",
            audience="team_leaders",
            **published,
        ),
        ContentItemFactory(campaign=campaign, municipality=municipality, title="Nog in productie", publish_on=today),
        ContentItemFactory(
            campaign=campaign,
            municipality=municipality,
            title="Vorige maand",
            status="published",
            publish_on=month_start(today, -1),
        ),
    ]
    AmbassadorFactory(person=team_leader)
    # The scan rounds of the campaign running now (a municipality is in one campaign at a time).
    baseline, _final = rounds_create_for_campaign(campaign=campaign)
    baseline.opens_on, baseline.due_on, baseline.closes_on = today, today, today + datetime.timedelta(days=7)
    baseline.save()
    colleague_scan = submitted_response(employee, baseline, can_do=2, agree=3, knowledge_right=False)
    client.force_login(team_leader)
    page = client.get(reverse("coaching:ambassador")).content.decode()
    assert shared.title in page and hygiene.title in page
    assert all(item.title not in page for item in hidden)
    hesitant_message = Message.objects.filter(audience__slug=Persona.Identity.HESITANT).first().text
    all_message = Message.objects.filter(audience__slug=Audience.ALL).first().text
    assert hesitant_message in page and all_message in page
    hesitant = Persona.objects.get(slug=Persona.Identity.HESITANT)
    assert f"Collega's met het profiel {hesitant.employee_name}" in page
    assert hesitant.name not in page and hesitant.essence not in page, "the internal labels are for the campaign team"
    assert employee.get_full_name() not in page and colleague_scan.get_overall_level_display() + " (" not in page


def test_someone_who_is_no_ambassador_sees_the_sign_up_and_can_stop_later(client, employee):
    client.force_login(employee)
    page = client.get(reverse("coaching:ambassador")).content.decode()
    assert "Meld mij aan" in page and "Om te delen" not in page
    assert client.post(reverse("coaching:ambassador_stop")).status_code == 404
    AmbassadorFactory(person=employee)
    client.post(reverse("coaching:ambassador_stop"))
    assert Ambassador.objects.get().status == "stopped"
    assert "Meld mij aan" in client.get(reverse("coaching:ambassador")).content.decode()


def test_the_register_does_not_grow_with_ten_times_more_ambassadors(client, advisor, municipality, query_count):
    client.force_login(advisor)
    url = reverse("coaching:ambassadors")
    AmbassadorFactory(person=UserFactory(municipality=municipality), status="volunteered")
    small = query_count(client, url, at_most=10)
    for index in range(10):
        AmbassadorFactory(
            person=UserFactory(municipality=municipality), status="volunteered" if index % 2 else "confirmed"
        )
    assert query_count(client, url, at_most=10) == small


def test_a_message_an_advisor_changes_shows_at_once_on_the_ambassador_page(
    client, shipped_content, team_leader, advisor, query_count
):
    from personas.services import audience_texts_update

    AmbassadorFactory(person=team_leader)
    client.force_login(team_leader)
    url = reverse("coaching:ambassador")
    cold = query_count(client, url, at_most=10)
    assert query_count(client, url, at_most=10, cold=False) <= cold - 3  # the persona texts are kept
    audience = Audience.objects.get(slug=Audience.ALL)
    audience_texts_update(
        audience=audience, changed_by=advisor, attention_points=[], messages=["Vandaag: leren in kleine stapjes."]
    )
    assert "Vandaag: leren in kleine stapjes." in client.get(url).content.decode()


def test_content_the_advisor_publishes_or_renames_shows_at_once_on_the_ambassador_page(
    client, shipped_content, team_leader, municipality, campaign, query_count
):
    from campaigns.services import content_item_update

    published = {"status": "published", "publish_on": month_start(timezone.localdate())}
    item = ContentItemFactory(campaign=campaign, municipality=municipality, title="Succesverhaal", **published)
    AmbassadorFactory(person=team_leader)
    client.force_login(team_leader)
    url = reverse("coaching:ambassador")
    cold = query_count(client, url, at_most=10)
    assert query_count(client, url, at_most=10, cold=False) <= cold - 2, "the month's content is kept"
    content_item_update(item=item, personas=[], channels=[], title="Succesverhaal van Assen")
    page = client.get(url).content.decode()
    assert "Succesverhaal van Assen" in page
    content_item_update(item=item, personas=[], channels=[], status="idea")
    assert "Succesverhaal" not in client.get(url).content.decode(), "no longer published: not to share"
