"""The preview shows what the send writes (QA): same subject, text and button for the same
situation; real round dates, sessions and tips; an opt-out link that harms nothing; English."""

import datetime
import re

import pytest
from django.conf import settings
from django.core import mail
from django.urls import reverse

from agendas.models import TeamMeeting
from campaigns.models import ContentItem
from campaigns.tests.factories import ContentItemFactory
from coaching.tests.factories import SignUpFactory
from organisations.tests.factories import UserFactory
from reminders.compose import EXAMPLE_OPT_OUT_TOKEN
from reminders.models import Kind
from reminders.previews import preview_email
from reminders.tests.test_composition import html_of
from reminders.tests.test_scan_reminders import at, run
from reminders.tests.test_session_reminders import session_on

NAME = "Femke"
EXAMPLE_OPT_OUT = reverse("reminders:opt_out", args=[EXAMPLE_OPT_OUT_TOKEN])


def real_mail(kind, day, person):
    """The e-mail the daily send writes to `person` on `day` (their first name made NAME)."""
    person.first_name = NAME
    person.save()
    run(kind, day, now=at(day))
    return next(message for message in mail.outbox if message.to == [person.email])


def as_previewed(text):
    """The real e-mail's text with its personal opt-out link as the preview shows it."""
    return re.sub(r"/herinneringen/afmelden/[^/\s\"]+/", EXAMPLE_OPT_OUT, text)


def preview(kind, day, municipality, stage="invite"):
    return preview_email(
        kind=kind,
        stage=stage,
        persona=None,
        busy=False,
        language="nl",
        first_name=NAME,
        municipality=municipality,
        today=day,
        now=at(day, 8),
    )


def assert_same(previewed, message):
    assert previewed["subject"] == message.subject
    assert previewed["text"] == as_previewed(message.body)
    assert previewed["html"] == as_previewed(html_of(message))


@pytest.mark.parametrize(
    ("kind", "stage", "day"),
    [
        (Kind.SCAN_ROUND1, "invite", datetime.date(2027, 3, 1)),
        (Kind.SCAN_ROUND1, "3w", datetime.date(2027, 4, 12)),  # three weeks before 1 May (a Saturday)
        (Kind.SCAN_ROUND2, "invite", datetime.date(2027, 11, 1)),
    ],
)
def test_the_scan_preview_is_the_real_mail_with_the_rounds_own_dates(programme, municipality, kind, stage, day):
    message = real_mail(kind, day, programme["people"][3])
    previewed = preview(kind, day, municipality, stage)
    assert_same(previewed, message)
    scan_round = programme["baseline"] if kind == Kind.SCAN_ROUND1 else programme["final"]
    due = f"{scan_round.due_on.day} {['mei', 'november'][scan_round.number - 1]}"
    assert due in previewed["text"] and "21 december" not in previewed["text"]
    assert f"/zelfscan/#ronde-{scan_round.pk}" in previewed["text"]


def test_the_session_preview_is_the_real_reminder_with_title_date_and_place(programme, municipality):
    session = session_on(datetime.date(2027, 3, 10), programme, location="Stadhuis, zaal 2")
    person = programme["people"][3]
    SignUpFactory(session=session, person=person)
    message = real_mail(Kind.SESSION_REMINDER, datetime.date(2027, 3, 9), person)
    previewed = preview(Kind.SESSION_REMINDER, datetime.date(2027, 3, 9), municipality)
    assert_same(previewed, message)
    assert "Slimmer vergaderen" in previewed["subject"] and "10 maart" in previewed["subject"]
    assert "Stadhuis, zaal 2" in previewed["text"]
    assert reverse("coaching:session", args=[session.pk]) in previewed["text"]
    assert "Herinnering van Digivaardig" not in previewed["subject"] and "Naar Digivaardig" not in previewed["text"]


def test_without_a_coming_session_the_preview_says_its_session_is_an_example(client, advisor, shipped_content):
    client.force_login(advisor)
    page = client.get(reverse("reminders:preview"), {"soort": Kind.SESSION_REMINDER}).content.decode()
    assert "Voorbeeldgegevens: er is geen komende inspiratiesessie" in page
    assert "Herinnering: inspiratiesessie “Voorbeeld: slimmer vergaderen met Teams”" in page
    assert "Stadhuis, zaal 2" in page and "Naar de sessie" in page


def test_the_learning_preview_has_the_months_tip_only_when_the_real_mail_has_it(programme, municipality):
    ContentItem.objects.filter(format=ContentItem.Format.TIP).delete()
    ContentItemFactory(
        campaign=programme["campaign"],
        municipality=municipality,
        format=ContentItem.Format.TIP,
        title="Windows-toets + V",
        publish_on=datetime.date(2027, 3, 4),
    )
    march, april = datetime.date(2027, 3, 4), datetime.date(2027, 4, 1)  # the first Thursdays
    with_tip = real_mail(Kind.LEARNING_MONTHLY, march, programme["people"][3])
    assert_same(preview(Kind.LEARNING_MONTHLY, march, municipality), with_tip)
    assert "Tip van deze maand: Windows-toets + V" in with_tip.body
    mail.outbox = []
    newcomer = UserFactory(team=programme["teams"][0], municipality=municipality)  # no earlier message to rotate
    without_tip = real_mail(Kind.LEARNING_MONTHLY, april, newcomer)
    previewed = preview(Kind.LEARNING_MONTHLY, april, municipality)
    assert_same(previewed, without_tip)
    assert "Tip van deze maand" not in previewed["text"] and "Tip van deze maand" not in previewed["html"]


def test_the_agenda_preview_is_the_real_mail_with_the_teams_suggestion(programme, municipality):
    leader = programme["people"][0]
    message = real_mail(Kind.AGENDA_MONTHLY, datetime.date(2027, 3, 1), leader)
    assert_same(preview(Kind.AGENDA_MONTHLY, datetime.date(2027, 3, 1), municipality), message)


def test_each_mails_button_opens_the_page_that_does_what_it_asks(client, programme):
    """The one link before the signature goes where the reader can do it, and that page opens for them."""
    people = programme["people"]
    leader, employee = people[0], people[3]
    TeamMeeting.objects.create(team=programme["teams"][0], date=datetime.date(2027, 3, 1), digivaardig_on_agenda=False)
    session = session_on(datetime.date(2027, 3, 10), programme)
    SignUpFactory(session=session, person=employee)
    expected = {  # the agenda first: the weekly limit would hold the leader's back after another one
        (Kind.AGENDA_MONTHLY, datetime.date(2027, 3, 1), leader): reverse(
            "agendas:suggestion", args=[programme["teams"][0].pk]
        ),
        (Kind.SCAN_ROUND1, datetime.date(2027, 3, 1), employee): reverse("selfscan:home")
        + f"#ronde-{programme['baseline'].pk}",
        (Kind.SESSION_REMINDER, datetime.date(2027, 3, 9), employee): reverse("coaching:session", args=[session.pk]),
        (Kind.LEARNING_MONTHLY, datetime.date(2027, 4, 1), employee): reverse("learning:mine") + "#vastleggen-kop",
    }
    for (kind, day, person), path in expected.items():
        mail.outbox = []
        run(kind, day, now=at(day))
        message = next((message for message in mail.outbox if message.to == [person.email]), None)
        assert message is not None, kind
        button = re.search(r'<a class="button" href="([^"]+)"', html_of(message)).group(1)
        assert button == settings.SITE_URL + path, kind
        client.force_login(person)
        assert client.get(path.split("#")[0]).status_code == 200, kind


def test_the_preview_page_uses_the_current_campaigns_round_dates(client, advisor, programme):
    client.force_login(advisor)
    for kind, scan_round in ((Kind.SCAN_ROUND1, programme["baseline"]), (Kind.SCAN_ROUND2, programme["final"])):
        page = client.get(reverse("reminders:preview"), {"soort": kind, "fase": "1w"}).content.decode()
        assert f"vóór {scan_round.due_on.day} {['mei', 'november'][scan_round.number - 1]}" in page, kind
        assert "Digivaardig 2027" in page  # the note says whose situation it is


def test_the_previews_opt_out_link_is_a_harmless_example_page(client, advisor, shipped_content, employee):
    client.force_login(advisor)
    page = client.get(reverse("reminders:preview"), {"soort": Kind.LEARNING_MONTHLY}).content.decode()
    assert settings.SITE_URL + EXAMPLE_OPT_OUT in page and "afmelden-voorbeeld" not in page
    client.logout()
    for method in (client.get, client.post):  # the link from the test e-mail, not logged in
        answer = method(EXAMPLE_OPT_OUT)
        assert answer.status_code == 200
        assert "Dit is een voorbeeld; in het echte bericht meldt deze link de ontvanger af." in answer.content.decode()
    advisor.refresh_from_db()
    employee.refresh_from_db()
    assert advisor.receives_reminders and employee.receives_reminders


def test_the_preview_in_english_is_the_english_mail(client, advisor, shipped_content):
    client.force_login(advisor)
    page = client.get(reverse("reminders:preview"), {"soort": Kind.SCAN_ROUND1, "taal": "en"}).content.decode()
    subject = re.search(r'<p class="fw-semibold" lang="en">([^<]+)</p>', page).group(1)
    assert subject.startswith("Take the self-scan")
    frame = client.get(reverse("reminders:preview_html"), {"soort": Kind.LEARNING_MONTHLY, "taal": "en"})
    assert '<html lang="en">' in frame.content.decode() and "Digidonderdag: even tijd" not in frame.content.decode()
    client.post(reverse("reminders:send_test"), {"soort": Kind.AGENDA_MONTHLY, "taal": "en"})
    assert mail.outbox[-1].subject.startswith("[TEST] ") and "werkoverleg" not in mail.outbox[-1].subject


def test_the_kept_preview_follows_a_new_due_date_and_campaign_name_at_once(programme, municipality):
    from campaigns.services import campaign_update
    from selfscan.services import round_update_dates

    day = datetime.date(2027, 3, 1)
    scan_round = programme["baseline"]
    before = preview(Kind.SCAN_ROUND1, day, municipality)
    assert preview(Kind.SCAN_ROUND1, day, municipality)["notes"] == before["notes"]  # now kept
    round_update_dates(
        scan_round=scan_round,
        opens_on=scan_round.opens_on,
        due_on=datetime.date(2027, 5, 20),
        closes_on=scan_round.closes_on,
    )
    assert "20 mei" in preview(Kind.SCAN_ROUND1, day, municipality)["text"]
    campaign_update(campaign=scan_round.campaign, name="Digivaardig hernoemd")
    assert "Digivaardig hernoemd" in preview(Kind.SCAN_ROUND1, day, municipality)["notes"][0]


def test_a_kept_variant_is_rendered_anew_for_another_message(programme, municipality):
    from reminders.compose import render_variant

    common = {"kind": Kind.SCAN_ROUND1, "stage": "invite", "due": datetime.date(2027, 5, 1), "busy": False}
    first = render_variant(**common, message_text="Eerste boodschap", language="nl")
    assert render_variant(**common, message_text="Eerste boodschap", language="nl") == first
    second = render_variant(**common, message_text="Tweede boodschap", language="nl")
    assert "Tweede boodschap" in second["text"] and "Eerste boodschap" not in second["text"]
    english = render_variant(**common, message_text="Eerste boodschap", language="en")
    assert english["subject"] != first["subject"]
