"""The reminder pages: opting out without logging in, previewing per persona, sending a test."""

from django.core import mail
from django.urls import reverse

from reminders.compose import opt_out_token
from reminders.models import Kind


def test_the_opt_out_link_asks_first_and_one_click_switches_the_monthly_reminder_off(client, employee):
    url = reverse("reminders:opt_out", args=[opt_out_token(user_id=employee.pk, kind=Kind.LEARNING_MONTHLY)])
    page = client.get(url)  # what a link checker of a mail server does, too
    employee.refresh_from_db()
    assert page.status_code == 200 and employee.receives_reminders
    assert "Ja, meld mij af" in page.content.decode()
    done = client.post(url)  # no login, no CSRF token: the mail program's one-click button
    employee.refresh_from_db()
    assert done.status_code == 200 and not employee.receives_reminders
    assert "Je bent afgemeld" in done.content.decode()


def test_team_leaders_switch_off_the_agenda_reminder_the_same_way(client, team_leader):
    client.post(reverse("reminders:opt_out", args=[opt_out_token(user_id=team_leader.pk, kind=Kind.AGENDA_MONTHLY)]))
    team_leader.refresh_from_db()
    assert not team_leader.receives_agenda_reminders and team_leader.receives_reminders


def test_scan_invitations_and_forged_links_cannot_switch_anything_off(client, employee):
    for token in [opt_out_token(user_id=employee.pk, kind=Kind.SCAN_ROUND1), "vervalst", "a" * 300]:
        assert client.post(reverse("reminders:opt_out", args=[token])).status_code == 404
    employee.refresh_from_db()
    assert employee.receives_reminders


def test_advisors_preview_each_kind_for_each_persona_and_send_themselves_a_test(client, advisor, shipped_content):
    client.force_login(advisor)
    page = client.get(
        reverse("reminders:preview"), {"soort": Kind.SCAN_ROUND1, "fase": "3w", "persona": "analoge-idealist"}
    ).content.decode()
    assert "Je hebt nog drie weken voor de zelfscan" in page
    frame = client.get(reverse("reminders:preview_html"), {"soort": Kind.SCAN_ROUND1, "druk": "on"})
    assert frame.status_code == 200 and "Zelfscan: 15 minuten" not in frame.content.decode()  # subject not in body
    assert "'unsafe-inline'" in frame["Content-Security-Policy"] and frame["X-Frame-Options"] == "SAMEORIGIN"
    client.post(reverse("reminders:send_test"), {"soort": Kind.SCAN_ROUND2, "fase": "invite", "taal": "nl"})
    assert len(mail.outbox) == 1 and mail.outbox[0].to == [advisor.email]
    assert mail.outbox[0].subject.startswith("[TEST] Doe de zelfscan nog een keer")


def test_the_preferences_are_the_opt_outs(client, team_leader, employee):
    client.force_login(employee)
    assert "agenda van het werkoverleg" not in client.get(reverse("organisations:my_profile")).content.decode()
    client.force_login(team_leader)
    client.post(reverse("organisations:my_profile"), {"language": "nl", "receives_reminders": "on"})
    team_leader.refresh_from_db()
    assert team_leader.receives_reminders and not team_leader.receives_agenda_reminders


def test_the_status_page_counts_an_opt_out_at_once_though_the_counts_are_cached(
    client, advisor, other_advisor, employee, team_leader, query_count
):
    # The opt-out counts are cached (tens of milliseconds at 50,000 people); a preference saved
    # through the profile shows on the next request, and only in the scope it belongs to.
    url = reverse("reminders:status")
    client.force_login(advisor)
    cold = query_count(client, url, at_most=8)
    cached = query_count(client, url, at_most=8, cold=False)
    assert cached < cold
    assert "0 van 3 medewerkers afgemeld (0%)" in client.get(url).content.decode()
    client.force_login(employee)
    client.post(reverse("organisations:my_profile"), {"language": "nl"})  # the box unticked: off
    client.force_login(advisor)
    assert "1 van 3 medewerkers afgemeld (33%)" in client.get(url).content.decode()
    client.force_login(other_advisor)
    assert "0 van 1 medewerkers afgemeld (0%)" in client.get(url).content.decode()


def test_the_preview_offers_the_four_personas_and_refuses_an_unknown_one_plainly(client, advisor, shipped_content):
    client.force_login(advisor)
    page = client.get(reverse("reminders:preview")).content.decode()
    for name in ["Analoge idealist", "Digitale enthousiasteling"]:
        assert name in page
    assert 'value="drukke-prioriteitensteller"' not in page  # the busy prioritiser is its own tick box
    wrong = client.get(reverse("reminders:preview"), {"persona": "bestaat-niet"})
    assert wrong.status_code == 200
    assert "Selecteer een geldige keuze" in wrong.content.decode()
    chosen = client.get(reverse("reminders:preview"), {"persona": "analoge-idealist"}).content.decode()
    assert 'value="analoge-idealist" selected' in chosen
