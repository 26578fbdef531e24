"""List pages stay within a fixed number of queries however much data there is."""

from django.urls import reverse

from organisations.models import User
from organisations.tests.factories import TeamFactory, UserFactory

# Page -> the most queries it may make (session, user and roles included).
MUNICIPALITY_PAGES = {
    "organisations:municipality_list": 50,
    "organisations:municipality_detail": 50,
    "organisations:employee_list": 50,
    "core:start_programme_lead": 50,
    "core:start_advisor": 50,
}
TEAM_PAGES = {"organisations:team_detail": 50, "core:start_team_leader": 50}


def grow(municipality, teams, members_per_team):
    for _ in range(teams):
        team = TeamFactory(municipality=municipality)
        leader = UserFactory(team=team, municipality=municipality)
        team.leaders.add(leader)
        UserFactory.create_batch(members_per_team, team=team, municipality=municipality)


def url_of(name, **objects):
    return reverse(name, kwargs=objects) if objects else reverse(name)


def test_municipality_pages_do_not_grow_with_data(client, programme_lead, municipality, query_count):
    client.force_login(programme_lead)
    urls = {
        name: reverse(name, args=[municipality.pk]) if name.endswith("_detail") else reverse(name)
        for name in MUNICIPALITY_PAGES
    }
    grow(municipality, teams=1, members_per_team=1)
    small = {name: query_count(client, url, at_most=MUNICIPALITY_PAGES[name]) for name, url in urls.items()}
    grow(municipality, teams=6, members_per_team=8)
    large = {name: query_count(client, url, at_most=MUNICIPALITY_PAGES[name]) for name, url in urls.items()}
    print("query counts", small)
    assert small == large


def test_team_pages_do_not_grow_with_data(client, team_leader, team, municipality, query_count):
    client.force_login(team_leader)
    urls = {
        "organisations:team_detail": reverse("organisations:team_detail", args=[team.pk]),
        "core:start_team_leader": reverse("core:start_team_leader"),
    }
    small = {name: query_count(client, url, at_most=TEAM_PAGES[name]) for name, url in urls.items()}
    UserFactory.create_batch(20, team=team, municipality=municipality)
    for _ in range(4):
        TeamFactory(municipality=municipality).leaders.add(team_leader)
    large = {name: query_count(client, url, at_most=TEAM_PAGES[name]) for name, url in urls.items()}
    print("query counts", small)
    assert small == large


def test_employee_search_finds_by_name_and_number(client, programme_lead, municipality):
    UserFactory(first_name="Hendrikje", last_name="Zwart", employee_number="GR-99", municipality=municipality)
    client.force_login(programme_lead)
    assert "Hendrikje" in client.get(reverse("organisations:employee_list"), {"q": "hendrik"}).content.decode()
    assert "Hendrikje" in client.get(reverse("organisations:employee_list"), {"q": "GR-99"}).content.decode()
    assert "Hendrikje" not in client.get(reverse("organisations:employee_list"), {"q": "Pietje"}).content.decode()


def test_people_are_listed_the_dutch_way_on_the_surname_without_tussenvoegsel(
    client, programme_lead, team, municipality
):
    """Fault report: "de Graaf" sorted after "Zijlstra"."""
    for last_name in ["Zijlstra", "de Graaf", "van der Meer", "Bakker", "in 't Veld"]:
        UserFactory(first_name="Sam", last_name=last_name, team=team, municipality=municipality)
    client.force_login(programme_lead)
    expected = ["Bakker", "de Graaf", "van der Meer", "in 't Veld", "Zijlstra"]
    for url in [
        reverse("organisations:team_detail", args=[team.pk]),
        reverse("organisations:employee_list") + f"?municipality={municipality.pk}&q=Sam",
    ]:
        body = client.get(url).content.decode().replace("&#x27;", "'")
        positions = [body.index(f"Sam {name}") for name in expected]
        assert positions == sorted(positions), url


def test_names_with_accents_sort_under_their_letter(client, programme_lead, team, municipality):
    """QA: 'Anne-Marie Çelik-Øster' sorted after 'Zijlstra'; 'Müller' belongs beside 'Mulder'."""
    for last_name in ["Zijlstra", "Çelik-Øster", "Mulder", "Müller", "Muller", "Öztürk", "de Graaf", "Bakker"]:
        UserFactory(first_name="Sam", last_name=last_name, team=team, municipality=municipality)
    expected = ["Bakker", "Çelik-Øster", "de Graaf", "Mulder", "Muller", "Müller", "Öztürk", "Zijlstra"]
    names = [u.last_name for u in User.objects.filter(first_name="Sam")]
    assert names == expected
    client.force_login(programme_lead)
    for url in [
        reverse("organisations:team_detail", args=[team.pk]),
        reverse("organisations:employee_list") + f"?municipality={municipality.pk}&q=Sam",
    ]:
        body = client.get(url).content.decode().replace("&#x27;", "'")
        positions = [body.index(f"Sam {name}") for name in expected]
        assert positions == sorted(positions), url
