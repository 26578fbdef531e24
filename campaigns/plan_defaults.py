"""The communication plan's phases (section 6), channels (5.2) and example content (5.1)."""

from dataclasses import dataclass

CHANNELS = {
    "Assen": [
        ("Platform digivaardig", "online"),
        ("Intranet (statisch)", "online"),
        ("Narrowcasting (op locatie en smartphone)", "physical"),
        ("Website POINT", "online"),
        ("Maandelijkse nieuwsbrief POINT", "email"),
        ("Tweewekelijkse thuiswerk nieuwsbrief", "email"),
        ("Wekelijkse mail gemeentesecretaris", "email"),
        ("Mail (voor beperkte groepen, niet hele organisatie)", "email"),
        ("Managementoverleg", "meeting"),
        ("Weekstart teams", "meeting"),
        ("Post", "physical"),
        ("Digicoaches", "people"),
        ("Ambassadeurs", "people"),
    ],
    "Westerkwartier": [
        ("Platform digivaardig", "online"),
        ("Westernet (sociaal intranet)", "online"),
        ("Teamoverleg", "meeting"),
        ("Mail (geen voorkeur)", "email"),
        ("Digicoaches", "people"),
        ("Poll", "online"),
        ("Nieuwsbrief", "email"),
        ("Directie/teamleiders overleg", "meeting"),
        ("Zeepkistsessie", "meeting"),
        ("Directiereflectie", "meeting"),
        ("Post thuiswerkers", "physical"),
        ("Posters op locatie", "physical"),
        ("Maatwerk buitendienst", "people"),
    ],
    "Groningen": [
        ("Platform digivaardig", "online"),
        ("Sociaal intranet", "online"),
        ("Intranetgroep ‘werk en opleiding’", "online"),
        ("Nieuw leerplatform", "online"),
        ("Narrowcasting (op locatie)", "physical"),
        ("Digicoaches", "people"),
        ("Mail", "email"),
        ("Team overleggen", "meeting"),
        ("Ambassadeurs", "people"),
        ("Nieuwsbrief", "email"),
        ("Posters op locatie", "physical"),
        ("Post", "physical"),
        ("Weekstart Teams", "meeting"),
    ],
}

# What each channel of plan 5.2 is for, per municipality: an example names the purposes that fit
# its form, and lands on those channels (a video on screens and the intranet, never on a poll).
CHANNEL_PURPOSES = {
    "Assen": {
        "platform": ["Platform digivaardig"],
        "intranet": ["Intranet (statisch)", "Website POINT"],
        "newsletter": ["Maandelijkse nieuwsbrief POINT", "Tweewekelijkse thuiswerk nieuwsbrief"],
        "mail": ["Wekelijkse mail gemeentesecretaris"],
        "leaders": ["Managementoverleg"],
        "teams": ["Weekstart teams"],
        "screens": ["Narrowcasting (op locatie en smartphone)"],
        "posters": [],
        "post": ["Post"],
        "coaches": ["Digicoaches"],
        "ambassadors": ["Ambassadeurs"],
        "sessions": ["Mail (voor beperkte groepen, niet hele organisatie)"],
    },
    "Westerkwartier": {
        "platform": ["Platform digivaardig"],
        "intranet": ["Westernet (sociaal intranet)"],
        "newsletter": ["Nieuwsbrief"],
        "mail": ["Mail (geen voorkeur)"],
        "leaders": ["Directie/teamleiders overleg"],
        "teams": ["Teamoverleg"],
        "screens": [],
        "posters": ["Posters op locatie"],
        "post": ["Post thuiswerkers"],
        "coaches": ["Digicoaches", "Maatwerk buitendienst"],
        "ambassadors": ["Directiereflectie"],
        "sessions": ["Zeepkistsessie"],
    },
    "Groningen": {
        "platform": ["Platform digivaardig", "Nieuw leerplatform"],
        "intranet": ["Sociaal intranet", "Intranetgroep ‘werk en opleiding’"],
        "newsletter": ["Nieuwsbrief"],
        "mail": ["Mail"],
        "leaders": ["Team overleggen"],
        "teams": ["Team overleggen", "Weekstart Teams"],
        "screens": ["Narrowcasting (op locatie)"],
        "posters": ["Posters op locatie"],
        "post": ["Post"],
        "coaches": ["Digicoaches"],
        "ambassadors": ["Ambassadeurs"],
        "sessions": ["Sociaal intranet"],
    },
}

# The phases of plan section 6: (code, name, parent code, aim in the plan's words). Their dates
# follow the campaign's own dates (placement.default_phase_dates), always within the campaign:
# 0 the month before the kick-off (plan: prikkelen in February, the kick-off in March), 1 the
# kick-off month, 2.1 the kick-off and the weeks after it, 2.2 from then until the closing month,
# 3 the closing month (November: round 2) until the end date, with the results and the festive
# closing after round 2 (plan §8).
# The plan gives phase 2 as February–July but its subphases as March and April–August, and leaves
# September and October to no phase. The planner follows the subphases and lets phase 2 (2.2) run on
# until phase 3 begins, so the monthly hub content keeps a phase (the timeline says so).
PHASES = [
    (
        "0",
        "Prikkelen",
        None,
        "Voordat het project van start gaat wordt er alvast een tipje van de sluier opgelicht. De boodschap is "
        "dat er iets nieuws komt, wat dat precies is wordt later duidelijk. Op deze manier breng je Digivaardig "
        "alvast subtiel onder de aandacht bij de medewerkers. Alvast delen van communicatiemateriaal (aftel "
        "filmpje/aankondiging) via verschillende kanalen (intranet/nieuwsbrief).",
    ),
    (
        "1",
        "Start project / kick-off",
        None,
        "Het project start met de kick-off. De kick-off is de actie om het project duidelijk te markeren binnen "
        "de gemeente. Op deze manier breng je het platform onder de aandacht en komen veel medewerkers in contact "
        "met Digivaardig. Daarnaast is het doel om medewerkers te enthousiasmeren en te stimuleren om gebruik te "
        "maken van het platform. Om beide doelen te behalen worden verschillende middelen ingezet. Namelijk: "
        "filmpjes, berichten op intranet, het veranderen van de desktop, eventuele aanvullingen. "
        "Leidinggevenden worden op de hoogte gesteld en hun rol wordt benadrukt.",
    ),
    (
        "2",
        "Implementatie",
        None,
        "Tijdens fase 2 is het belangrijk om consistent te communiceren naar de verschillende doelgroepen toe. "
        "Het communicatiemateriaal sluit aan bij de behoefte van de doelgroep. Door consistent te communiceren "
        "herinner je ze aan het gebruik van het platform. Daarnaast maak je door de communicatie ook de noodzaak "
        "van het gebruik van het platform duidelijk. Daarnaast is het voor beide subfases belangrijk dat "
        "leidinggevenden het goede voorbeeld geven en het gebruik van het platform stimuleren binnen de afdeling. "
        "Niet alleen door de zelfscan te doen en het over Digivaardig te hebben maar ook door het goede voorbeeld "
        "te laten zien. Contactmomenten en het spiegelen van gedrag zijn hier belangrijke elementen.",
    ),
    (
        "2.1",
        "Focus op de zelfscan",
        "2",
        "In subfase 1 is het belangrijk dat het maken van de zelfscan wordt benadrukt. Communicatief begeleiden "
        "zodat het eerste doel wordt behaald: het doen van de zelfscan. Communicatiematerialen naast elkaar "
        "gebruiken: intranet, nieuwsbrieven, filmpjes, infographics, afgestemd op de vier verschillende "
        "persona's. De leidinggevenden ondersteunen en motiveren en materiaal en hulp aanbieden waar nodig.",
    ),
    (
        "2.2",
        "Focus andere doelen",
        "2",
        "Communicatief begeleiden zodat de doelen worden behaald: gebruik van het platform, en het platform wordt "
        "onder de aandacht gebracht door leidinggevenden. Communicatiematerialen naast elkaar gebruiken: "
        "intranet, nieuwsbrieven, filmpjes, infographics. Communicatie specifiek voor de vier verschillende "
        "persona's. Storytelling en begrip creëren door het delen van verhalen en digitale ervaringen van "
        "collega's. Persoonlijke succesverhalen en feitelijke informatie verspreiden wat Digivaardig oplevert: "
        "infographic, cartoon, filmpje, poster. De leidinggevenden ondersteunen en motiveren en materiaal en "
        "hulp aanbieden waar nodig. Inspirerende activiteiten en sessies organiseren.",
    ),
    (
        "3",
        "Afronding",
        None,
        "Aandacht creëren voor de tweede zelfscan, via dezelfde kanalen: intranet, nieuwsbrieven en via "
        "leidinggevenden. Communiceren wat het project heeft opgeleverd; hier kunnen cijfers worden genoemd, "
        "bijvoorbeeld het aantal uur dat is bespaard nu de digitale vaardigheden op peil zijn. De resultaten en "
        "het vervolg worden na de evaluatie en besluitvorming feestelijk/ludiek gepresenteerd (plan §8).",
    ),
]

# Weeks after round 2 closes: the figures, then (after the evaluation and the decision on what
# follows) the festive presentation of plan §8; both moved forward when the campaign ends sooner.
RESULTS_AFTER_WEEKS = 3
FESTIVE_AFTER_WEEKS = 7
# The weeks after the kick-off that subphase 2.1 (focus on the zelfscan) lasts at least; it ends
# at the end of the month those weeks end in.
SCAN_FOCUS_WEEKS = 3


@dataclass(frozen=True)
class When:
    """Where an example lands. `kind`:
    "start"      the first working day of the campaign (a hygiene item there from the beginning);
    "kick_off"   `days` after the kick-off date (before, when negative); 0 is the kick-off itself;
    "month"      day `day` of each month in `months` (offsets from the kick-off month), left out when
                 that month lies outside the campaign;
    "monthly"    day `day` of every month from offset `months[0]` to the end date's month;
    "thursday"   the first Thursday that is a working day of every month from offset `months[0]`
                 until the closing month (Digidonderdag);
    "closing"    day `day` of round 2's window (the closing month, within the end date);
    "after_round_two"  `days` after round 2 closes, moved forward to fit before the end date.
    Every date lands on a working day inside the item's phase and the campaign.
    """

    kind: str
    months: tuple = ()
    day: int = 1
    days: int = 0


@dataclass(frozen=True)
class Example:
    """One example of plan 5.1 as the template places it, per municipality. `phase`: its phase's
    code, or for a recurring example the codes it may fall in, the first that holds the date."""

    title: str
    category: str
    format: str
    audience: str
    phase: str | tuple
    when: When
    purposes: tuple
    personas: tuple = ()
    focuses_on_scan: bool = False
    cost: int = 0  # euros per municipality; the template stays well within the joint € 20.000


PERSONAS_ALL = (
    "digitale-enthousiasteling",
    "digivaardige-professional",
    "aarzelende-technologiegebruiker",
    "analoge-idealist",
)

EXAMPLES = [
    Example(
        "Aftelfilmpje: er komt iets nieuws",
        "hub",
        "video",
        "everyone",
        "0",
        When("kick_off", days=-14),
        ("intranet", "screens"),
        cost=250,
    ),
    Example("Intranetpagina Digivaardig", "hygiene", "webpage", "everyone", "0", When("start"), ("intranet",)),
    Example(
        "Startpakket voor de teamleiders",
        "hero",
        "print",
        "team_leaders",
        "0",
        When("kick_off", days=-21),
        ("leaders", "mail"),
        cost=500,
    ),
    Example(
        "Digitale kick-off",
        "hero",
        "event",
        "everyone",
        "1",
        When("kick_off"),
        ("intranet", "mail", "teams", "screens"),
        cost=1000,
    ),
    Example(
        "Oproep: doe de zelfscan in een kwartier",
        "hub",
        "newsletter",
        "employees",
        "2.1",
        When("kick_off", days=7),
        ("newsletter", "mail"),
        ("drukke-prioriteitensteller", "aarzelende-technologiegebruiker"),
        focuses_on_scan=True,
    ),
    Example(
        "Infographic en instructieflyer: zo doe je de zelfscan",
        "hero",
        "infographic",
        "employees",
        "2.1",
        When("kick_off", days=14),
        ("intranet", "posters", "screens", "newsletter"),
        PERSONAS_ALL,
        focuses_on_scan=True,
        cost=450,
    ),
    Example(
        "Posters op locaties: doe de zelfscan",
        "hub",
        "poster",
        "employees",
        "2.1",
        When("kick_off"),
        ("posters", "screens"),
        ("analoge-idealist",),
        focuses_on_scan=True,
        cost=250,
    ),
    Example(
        "Digitale complimentkaarten op het leerplatform",
        "hygiene",
        "webpage",
        "employees",
        "2.1",
        When("kick_off", days=3),
        ("platform", "intranet"),
    ),
    Example(
        "Digicoaches en buddyprogramma",
        "hygiene",
        "event",
        "employees",
        "2.1",
        When("kick_off", days=4),
        ("coaches", "intranet"),
        ("aarzelende-technologiegebruiker", "analoge-idealist"),
    ),
    Example(
        "Strippenkaart digicoach",
        "hero",
        "print",
        "employees",
        "2.2",
        When("kick_off", days=42),
        ("coaches", "post"),
        ("aarzelende-technologiegebruiker", "analoge-idealist"),
        cost=350,
    ),
    Example(
        "Voortgang en verwachtingen voor medewerkers",
        "hub",
        "article",
        "employees",
        ("2.2", "2.1", "3"),
        When("monthly", (1,), 5),
        ("intranet", "newsletter"),
    ),
    Example(
        "Voortgang en verwachtingen voor leidinggevenden",
        "hub",
        "email",
        "team_leaders",
        "2.2",
        When("month", (1, 3, 5, 7), 8),
        ("leaders", "mail"),
    ),
    Example(
        "Digidonderdagtip",
        "hub",
        "tip",
        "employees",
        ("2.2", "2.1"),
        When("thursday", (1,)),
        ("platform", "intranet"),
        ("digitale-enthousiasteling", "digivaardige-professional"),
    ),
    Example(
        "Succesverhaal van een collega",
        "hub",
        "video",
        "employees",
        "2.2",
        When("month", (2, 4, 6), 19),
        ("intranet", "screens"),
        ("analoge-idealist", "aarzelende-technologiegebruiker"),
        cost=300,
    ),
    Example(
        "Digitale bloopers",
        "hub",
        "video",
        "employees",
        "2.2",
        When("month", (3,), 24),
        ("intranet", "screens"),
        ("drukke-prioriteitensteller", "digivaardige-professional"),
        cost=300,
    ),
    Example(
        "Ambassadeurs en micro-influencers",
        "hygiene",
        "event",
        "employees",
        "2.2",
        When("month", (1,), 21),
        ("ambassadors", "teams"),
        ("digitale-enthousiasteling",),
        cost=150,
    ),
    Example(
        "Inspiratiesessies over digitale vaardigheden",
        "hygiene",
        "event",
        "employees",
        "2.2",
        When("month", (2,), 12),
        ("sessions", "intranet"),
        ("digivaardige-professional", "digitale-enthousiasteling"),
        cost=400,
    ),
    Example(
        "Oproep: doe de zelfscan nog een keer",
        "hub",
        "newsletter",
        "employees",
        "3",
        When("closing", day=2),
        ("newsletter", "mail", "leaders"),
        focuses_on_scan=True,
    ),
    Example(
        "Certificaat uitreiken",
        "hub",
        "print",
        "employees",
        "3",
        When("closing", day=23),
        ("platform", "mail"),
        cost=250,
    ),
    Example(
        "Wat heeft Digivaardig opgeleverd",
        "hub",
        "infographic",
        "everyone",
        "3",
        When("after_round_two", days=7 * RESULTS_AFTER_WEEKS),
        ("intranet", "newsletter"),
        cost=350,
    ),
    Example(
        "Feestelijke afsluiting: resultaten en vervolg",
        "hero",
        "event",
        "everyone",
        "3",
        When("after_round_two", days=7 * FESTIVE_AFTER_WEEKS),
        ("intranet", "mail", "teams"),
        cost=900,
    ),
]
