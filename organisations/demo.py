"""Demo organisation: the plan's three municipalities, realistic teams and Dutch names.

Everything is derived from a fixed seed and keyed on e-mail, so a second run changes nothing.
"""

import random

from .employee_import import EmployeeRow, ParsedImport
from .models import Municipality, Team, User
from .services import employees_import

# The one documented password of the demo accounts (README), never used outside the demo.
DEMO_PASSWORD = "digivaardig-demo"  # noqa: S105  # nosec B105
DEMO_DOMAIN = "digivaardig.test"
LEARNING_PLATFORM_URL = "https://www.digivaardigindegemeente.nl/"

MUNICIPALITY_TEAMS = {
    "Groningen": [
        "Burgerzaken",
        "Vergunningen en Handhaving",
        "Sociaal Domein",
        "Werk en Inkomen",
        "Financiën",
        "ICT en Informatievoorziening",
        "Stadsbeheer",
        "Ruimtelijke Ontwikkeling",
        "Communicatie",
        "HR en Organisatie",
    ],
    "Assen": [
        "Publiekszaken",
        "Omgevingsvergunningen",
        "Maatschappelijke Ontwikkeling",
        "Financiën en Control",
        "Informatiemanagement",
        "Openbare Ruimte",
        "Bestuurszaken",
    ],
    "Westerkwartier": [
        "Dienstverlening",
        "Vergunningen",
        "Sociaal Domein",
        "Bedrijfsvoering",
        "Beheer Openbare Ruimte",
        "Ruimte en Economie",
    ],
}
# Share of the employees per municipality, roughly by the size of the organisations.
MUNICIPALITY_SHARE = {"Groningen": 0.5, "Assen": 0.25, "Westerkwartier": 0.25}

FIRST_NAMES = [
    "Anna",
    "Bram",
    "Chantal",
    "Daan",
    "Emma",
    "Fleur",
    "Gerrit",
    "Hanneke",
    "Ingrid",
    "Jan",
    "Jeroen",
    "Karin",
    "Lars",
    "Lotte",
    "Marieke",
    "Martijn",
    "Noor",
    "Olaf",
    "Petra",
    "Pieter",
    "Quinten",
    "Rianne",
    "Ruben",
    "Sanne",
    "Sjoerd",
    "Tessa",
    "Thijs",
    "Ursula",
    "Vera",
    "Wouter",
    "Yvonne",
    "Zoë",
    "Hendrik",
    "Geert",
    "Femke",
    "Joost",
    "Sabine",
    "Mark",
    "Ilse",
    "Bas",
    "Esther",
    "Roel",
    "Linda",
    "Wim",
    "Marloes",
    "Henk",
    "Nicole",
    "Koen",
    "Janneke",
    "Harm",
    "Annemiek",
    "Stefan",
    "Jolanda",
    "Rik",
    "Miriam",
    "Jelle",
    "Tineke",
    "Arjen",
    "Willeke",
    "Sietse",
    "Baukje",
]
LAST_NAMES = [
    "de Vries",
    "Jansen",
    "van Dijk",
    "Bakker",
    "Visser",
    "Smit",
    "Meijer",
    "de Boer",
    "Mulder",
    "de Groot",
    "Bos",
    "Vos",
    "Peters",
    "Hendriks",
    "van Leeuwen",
    "Dekker",
    "Brouwer",
    "de Wit",
    "Dijkstra",
    "Smits",
    "de Graaf",
    "van der Meer",
    "van der Linden",
    "Kok",
    "Jacobs",
    "de Haan",
    "Vermeulen",
    "van den Berg",
    "van der Heijden",
    "Schouten",
    "Postma",
    "Hoekstra",
    "Kuipers",
    "Veenstra",
    "Wiersma",
    "Bosma",
    "Huizinga",
    "Zijlstra",
    "Kramer",
    "Hofstra",
    "Boersma",
    "van der Veen",
    "Oosterhof",
    "Nijboer",
    "Scholten",
    "Steenstra",
    "Tuinstra",
    "Kooistra",
    "Prins",
    "Stoffers",
]


def _slug(text):
    return "".join(ch for ch in text.lower().replace("ë", "e").replace("é", "e") if ch.isalnum())


def municipalities_seed():
    municipalities = {}
    for name in MUNICIPALITY_TEAMS:
        municipality, _created = Municipality.objects.get_or_create(
            name=name, defaults={"slug": _slug(name), "learning_platform_url": LEARNING_PLATFORM_URL}
        )
        municipalities[name] = municipality
    for name, team_names in MUNICIPALITY_TEAMS.items():
        for team_name in team_names:
            Team.objects.get_or_create(municipality=municipalities[name], name=team_name)
    return municipalities


def employees_seed(*, municipalities, count):
    """`count` employees spread over the teams; the first of every team leads it."""
    rng = random.Random(2026)
    rows = []
    number = 0
    for name, share in MUNICIPALITY_SHARE.items():
        municipality = municipalities[name]
        team_names = MUNICIPALITY_TEAMS[name]
        for index in range(round(count * share)):
            number += 1
            first, last = rng.choice(FIRST_NAMES), rng.choice(LAST_NAMES)
            team_name = team_names[index % len(team_names)]
            rows.append(
                EmployeeRow(
                    line=number,
                    email=f"{_slug(first)}.{_slug(last)}.{number}@{municipality.slug}.{DEMO_DOMAIN}",
                    first_name=first,
                    last_name=last,
                    municipality=municipality,
                    team_name=team_name,
                    is_team_leader=index < len(team_names),
                    employee_number=f"{municipality.slug[:2].upper()}-{number:06d}",
                )
            )
    return employees_import(parsed=ParsedImport(rows=rows))


DEMO_ACCOUNTS = [
    # e-mail, first name, last name, municipality, team, extra attributes
    ("medewerker", "Sanne", "Medewerker", "Groningen", "Burgerzaken", {}),
    ("teamleider", "Gerrit", "Teamleider", "Groningen", "Burgerzaken", {"leads": True}),
    ("adviseur", "Fleur", "Adviseur", "Groningen", "Communicatie", {"advises": ["Groningen"]}),
    ("adviseur.assen", "Bram", "Adviseur", "Assen", "Bestuurszaken", {"advises": ["Assen"]}),
    ("digicoach", "Noor", "Digicoach", "Groningen", "ICT en Informatievoorziening", {"is_digicoach": True}),
    (
        "projectleider",
        "Marieke",
        "Projectleider",
        "Groningen",
        "HR en Organisatie",
        {"is_programme_lead": True, "is_staff": True, "is_superuser": True},
    ),
]


def demo_accounts_seed(*, municipalities):
    accounts = []
    for local_part, first, last, municipality_name, team_name, extra in DEMO_ACCOUNTS:
        municipality = municipalities[municipality_name]
        team = Team.objects.get(municipality=municipality, name=team_name)
        flags = {key: value for key, value in extra.items() if key.startswith("is_")}
        user, created = User.objects.get_or_create(
            email=f"{local_part}@{DEMO_DOMAIN}",
            defaults={"first_name": first, "last_name": last, "municipality": municipality, "team": team, **flags},
        )
        if created:
            user.set_password(DEMO_PASSWORD)
            user.save(update_fields=["password"])
            if extra.get("leads"):
                team.leaders.add(user)
            for advised in extra.get("advises", []):
                user.advised_municipalities.add(municipalities[advised])
        accounts.append(user)
    return accounts
