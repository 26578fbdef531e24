import datetime
import io

from django.core.management import call_command

from agendas.models import TeamMeeting
from campaigns.models import Campaign
from coaching import models as coaching
from learning.models import LearningActivity
from organisations.demo import DEMO_PASSWORD
from organisations.models import Municipality, Team, User
from organisations.roles import Role, roles_of
from selfscan.models import Answer, Response, Round

SUPPORT_MODELS = [
    coaching.Coach,
    coaching.BuddyPair,
    coaching.PunchCard,
    coaching.CoachingSession,
    coaching.Ambassador,
    coaching.InspirationSession,
    coaching.SignUp,
    coaching.ComplimentCard,
    coaching.Certificate,
]


def snapshot():
    return (
        list(User.objects.order_by("email").values()),
        list(Team.objects.order_by("pk").values()),
        list(Team.leaders.through.objects.order_by("pk").values()),
        list(Campaign.objects.values()),
        list(Response.objects.order_by("pk").values()),
        Answer.objects.count(),
        list(LearningActivity.objects.order_by("pk").values()),
        list(TeamMeeting.objects.order_by("pk").values()),
        *(list(model.objects.order_by("pk").values()) for model in SUPPORT_MODELS),
    )


def test_seed_demo_builds_the_plans_organisation(db):
    out = io.StringIO()
    call_command("seed_demo", "--year", "2027", stdout=out)
    assert set(Municipality.objects.values_list("name", flat=True)) == {"Groningen", "Assen", "Westerkwartier"}
    assert User.objects.count() == 200 + 6
    campaign = Campaign.objects.get(name="Digivaardig 2027")
    # Kick-off on the first working day of March; round 2 in November; the results and the festive
    # closing after it, so the campaign ends on 31 January and every phase and item lies within it.
    assert campaign.kick_off_date == datetime.date(2027, 3, 1) and campaign.end_date == datetime.date(2028, 1, 31)
    first, last = campaign.period
    assert all(first <= phase.starts_on <= phase.ends_on <= last for phase in campaign.phases.all())
    assert not campaign.content_items.exclude(publish_on__range=(first, last)).exists()
    final = campaign.scan_rounds.get(number=2)
    assert (final.opens_on, final.closes_on) == (datetime.date(2027, 11, 1), datetime.date(2027, 11, 30))
    assert campaign.municipalities.count() == 3
    assert DEMO_PASSWORD in out.getvalue() and "projectleider@digivaardig.test" in out.getvalue()
    assert all(team.leaders.exists() for team in Team.objects.all())


def test_seed_demo_accounts_hold_their_roles_and_log_in(db):
    call_command("seed_demo", stdout=io.StringIO())
    expected = {
        "medewerker": Role.EMPLOYEE,
        "teamleider": Role.TEAM_LEADER,
        "adviseur": Role.ADVISOR,
        "adviseur.assen": Role.ADVISOR,
        "digicoach": Role.DIGICOACH,
        "projectleider": Role.PROGRAMME_LEAD,
    }
    for local_part, role in expected.items():
        user = User.objects.get(email=f"{local_part}@digivaardig.test")
        assert role in roles_of(user)
        assert user.check_password(DEMO_PASSWORD)
    assert list(User.objects.get(email="adviseur.assen@digivaardig.test").advised_municipalities.all()) == [
        Municipality.objects.get(name="Assen")
    ]


def test_seed_demo_twice_changes_nothing(db):
    call_command("seed_demo", stdout=io.StringIO())
    before = snapshot()
    out = io.StringIO()
    call_command("seed_demo", stdout=out)
    assert snapshot() == before
    assert "0 nieuw, 0 bijgewerkt" in out.getvalue()


def test_seed_demo_builds_a_large_organisation_on_request(db):
    call_command("seed_demo", "--employees", "1000", stdout=io.StringIO())
    assert User.objects.count() == 1000 + 6


def test_seed_demo_gives_most_employees_a_round_one_scan_and_leaves_the_demo_accounts_theirs(db):
    call_command("seed_demo", "--year", "2026", stdout=io.StringIO())
    baseline = Round.objects.get(number=1)
    submitted = Response.objects.filter(round=baseline, submitted_at__isnull=False).count()
    assert 100 <= submitted < 200, "most, not all, employees did round 1"
    # The demo accounts keep an empty scan to try; the demo digicoach did both rounds (for the certificate).
    demo_responses = Response.objects.filter(employee__email__endswith="@digivaardig.test")
    assert set(demo_responses.values_list("employee__email", flat=True)) == {"digicoach@digivaardig.test"}
    assert Response.objects.filter(round=baseline).values("persona").distinct().count() == 4
    assert (baseline.opens_on.month, baseline.due_on.month) == (3, 5)


def test_seed_demo_lays_out_the_plans_channels_phases_and_examples(db):
    from campaigns.models import Channel, ContentItem, Phase

    call_command("seed_demo", "--year", "2026", stdout=io.StringIO())
    assert Channel.objects.count() == 39
    assert list(Phase.objects.values_list("code", flat=True)) == ["0", "1", "2", "2.1", "2.2", "3"]
    for name in ("Groningen", "Assen", "Westerkwartier"):
        items = ContentItem.objects.filter(municipality__name=name)
        assert set(items.values_list("category", flat=True)) == {"hero", "hub", "hygiene"}
    assert ContentItem.objects.filter(status="published").exists()


def test_seed_demo_records_learning_and_meetings_up_to_today_with_gaps(db):
    from django.utils import timezone

    from agendas.selectors import agenda_compliance
    from common.dates import month_start, months_between
    from learning.selectors import active_months

    call_command("seed_demo", "--year", "2026", stdout=io.StringIO())
    today = timezone.localdate()
    campaign = Campaign.objects.get(name="Digivaardig 2026")
    months = months_between(campaign.kick_off_date, min(today, campaign.end_date))
    assert not LearningActivity.objects.filter(date__gt=today).exists()
    assert not TeamMeeting.objects.filter(date__gt=today).exists()
    employees = User.objects.exclude(email__endswith="@digivaardig.test")
    active = active_months(employees=employees, months=months)
    per_month = [active.count(month) for month in months]
    assert all(0 < count < employees.count() for count in per_month), "every month some, never all, are active"
    compliance = agenda_compliance(teams=Team.objects.all(), months=months)
    assert 0 < compliance.teams_met(months[0]) < Team.objects.count()

    demo_employee = User.objects.get(email="medewerker@digivaardig.test")
    own = active_months(employees=[demo_employee], months=months).of(demo_employee.pk)
    assert own and month_start(today) not in own, "the demo employee has history with gaps, this month still open"
    assert len(own) < len(months)
    demo_team = Team.objects.get(name="Burgerzaken", municipality__name="Groningen")
    assert not compliance.is_met(demo_team.pk, month_start(today))


def test_seed_demo_runs_the_support_programme_for_every_done_when_flow(db):
    from django.utils import timezone

    from coaching.selectors import certificate_verify, coach_overview, sessions_for_person
    from learning.models import LearningActivity

    out = io.StringIO()
    call_command("seed_demo", "--year", str(timezone.localdate().year), stdout=out)
    for name in ("Groningen", "Assen", "Westerkwartier"):
        coaches = coaching.Coach.objects.filter(municipality__name=name, is_active=True)
        assert coaches.count() >= 2, f"several coaches in {name}"
        assert coaching.BuddyPair.objects.filter(municipality__name=name, status="paired").exists()
        assert coaching.Ambassador.objects.filter(municipality__name=name, status="confirmed").exists()
        assert coaching.Ambassador.objects.filter(municipality__name=name, status="volunteered").exists()
        assert coaching.InspirationSession.objects.filter(municipality__name=name).exists()
    assert (
        coaching.CoachingSession.objects.count()
        == LearningActivity.objects.filter(kind="coaching", source="support").count()
    )
    assert LearningActivity.objects.filter(kind="inspiration_session", source="support").exists()
    assert (
        coaching.ComplimentCard.objects.count() > 100
        and not coaching.ComplimentCard.objects.filter(emailed_at=None).exists()
    )

    employee = User.objects.get(email="medewerker@digivaardig.test")
    assert not coaching.BuddyPair.objects.filter(employee=employee).exists(), "the demo employee can ask for a buddy"
    assert not coaching.Ambassador.objects.filter(person=employee).exists(), "and volunteer"
    assert any(session.own_status is None for session in sessions_for_person(person=employee)), "and sign up"
    assert coaching.ComplimentCard.objects.filter(recipient=employee).exists(), "a card has arrived"
    coach = coach_overview(coach=User.objects.get(email="digicoach@digivaardig.test"))
    assert coach.buddies and coach.requests and coach.has_room, "the demo coach can log and take a request"
    assert any(row.current.is_full for row in coach.buddies), "one card is full, to renew"
    code = out.getvalue().split("Certificaat om te controleren (digicoach@): ")[1].split()[0]
    assert certificate_verify(code=code).name == "Noor Digicoach"
