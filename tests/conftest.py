import pytest

from organisations.tests.factories import TeamFactory


@pytest.fixture
def world(employee, team_leader, advisor, other_advisor, digicoach, programme_lead, team, other_municipality):
    """One person per role plus objects of their own and of another municipality."""
    other_team = TeamFactory(municipality=other_municipality)
    return {
        "users": {
            "anonymous": None,
            "employee": employee,
            "team_leader": team_leader,
            "other_advisor": other_advisor,
            "advisor": advisor,
            "digicoach": digicoach,
            "programme_lead": programme_lead,
        },
        "own": {"municipality_id": team.municipality_id, "team_id": team.pk},
        "other": {"municipality_id": other_municipality.pk, "team_id": other_team.pk},
    }
