"""The default zelfscan (version 1): six competence areas of municipal work aligned with DigComp 2.2,
each with can-do statements and one knowledge item, then attitude and time questions.

33 questions (32 in round 1), about 12 minutes.
"""

CAN_DO_SCALE = ["Dit ken ik niet", "Dit kan ik met hulp", "Dit kan ik zelfstandig", "Dit kan ik anderen uitleggen"]
AGREE_SCALE = ["Helemaal oneens", "Oneens", "Neutraal", "Eens", "Helemaal eens"]
TIME_SAVED_OPTIONS = [
    "Geen",
    "Minder dan een half uur",
    "Een half uur tot een uur",
    "Een tot twee uur",
    "Meer dan twee uur",
]

AREAS = [
    {
        "code": "basis-ict",
        "name": "Basis-ICT en apparaten",
        "digcomp": "DigComp 5.1 Technische problemen oplossen, 3 Digitale content",
        "intro": "Werken met je laptop, telefoon, bestanden en programma's.",
        "can_do": [
            "Ik kan bestanden opslaan, terugvinden en ordenen in mappen op de netwerkschijf of in de cloud.",
            "Ik kan mijn laptop koppelen aan een beeldscherm, printer of headset.",
            "Ik gebruik sneltoetsen, zoals kopiëren, plakken en wisselen tussen vensters.",
        ],
        "knowledge": (
            "Je wilt een document terugzetten naar hoe het gisteren was. Waar kijk je eerst?",
            ["In de versiegeschiedenis van het document", "In de prullenbak", "Ik vraag de servicedesk om een back-up"],
            0,
        ),
        "advice": {
            "start": "Begin met de korte training 'Werken met bestanden en mappen'. Een digicoach helpt je graag.",
            "basis": "Leer een paar sneltoetsen per week: het scheelt je elke dag tijd.",
            "gevorderd": "Verdiep je in slim werken met de cloud, zoals delen en versiebeheer.",
            "expert": "Deel je handigheden met collega's, bijvoorbeeld als Digidonderdagtip.",
        },
    },
    {
        "code": "veilig-werken",
        "name": "Veilig werken en e-mail",
        "digcomp": "DigComp 4 Veiligheid",
        "intro": "Veilig omgaan met e-mail, wachtwoorden en persoonsgegevens.",
        "can_do": [
            "Ik herken een phishingmail aan de afzender, de links en de toon.",
            "Ik kan een e-mail met persoonsgegevens beveiligd versturen.",
            "Ik gebruik sterke wachtwoorden of een wachtwoordmanager en tweestapsverificatie.",
        ],
        "knowledge": (
            "Je krijgt een mail van 'de servicedesk' met een link om je wachtwoord te bevestigen. Wat doe je?",
            [
                "Ik klik op de link en vul mijn wachtwoord in",
                "Ik meld de mail als phishing en klik niet op de link",
                "Ik stuur de mail door naar collega's als waarschuwing",
            ],
            1,
        ),
        "advice": {
            "start": "Volg de korte module 'Veilig mailen': in een kwartier herken je phishing.",
            "basis": "Oefen met beveiligd mailen en zet tweestapsverificatie aan.",
            "gevorderd": "Leer meer over het veilig delen van bestanden met inwoners en ketenpartners.",
            "expert": "Help je team veilig werken: word ambassadeur informatieveiligheid.",
        },
    },
    {
        "code": "informatie",
        "name": "Informatie zoeken en beoordelen",
        "digcomp": "DigComp 1 Informatie- en datavaardigheden",
        "intro": "Informatie vinden, beoordelen en ordenen.",
        "can_do": [
            "Ik vind snel de juiste informatie op intranet en in de systemen van de gemeente.",
            "Ik kan beoordelen of een bron op internet betrouwbaar is.",
            "Ik kan gegevens sorteren en filteren in een spreadsheet, zoals Excel.",
        ],
        "knowledge": (
            "Welke bron is het meest betrouwbaar voor de actuele tekst van een wet?",
            ["Een forum waar juristen discussiëren", "wetten.overheid.nl", "Een nieuwsartikel over de wet"],
            1,
        ),
        "advice": {
            "start": "Ontdek in de training 'Slim zoeken' hoe je snel vindt wat je nodig hebt.",
            "basis": "Leer sorteren en filteren in Excel: zo heb je overzicht in je gegevens.",
            "gevorderd": "Verdiep je in werken met data, zoals draaitabellen en dashboards.",
            "expert": "Deel je kennis over betrouwbare bronnen en data in een inspiratiesessie.",
        },
    },
    {
        "code": "samenwerken",
        "name": "Samenwerken en communiceren online",
        "digcomp": "DigComp 2 Communicatie en samenwerking",
        "intro": "Online vergaderen, samen in documenten werken en het juiste kanaal kiezen.",
        "can_do": [
            "Ik kan een online vergadering starten, mijn scherm delen en deelnemers toelaten.",
            "Ik kan met collega's tegelijk in één document werken.",
            "Ik kies bewust tussen mail, chat en een gedeelde werkruimte.",
        ],
        "knowledge": (
            "Je werkt met vijf collega's aan één notitie. Wat werkt het best?",
            [
                "Iedereen mailt een eigen versie rond",
                "Eén gedeeld document waarin iedereen tegelijk werkt",
                "Eén persoon verzamelt alles op een USB-stick",
            ],
            1,
        ),
        "advice": {
            "start": "Begin met 'Online vergaderen in 10 minuten' en oefen samen met een collega.",
            "basis": "Probeer samen in één document te werken in plaats van versies te mailen.",
            "gevorderd": "Richt een gedeelde werkruimte in voor je team en spreek af wat waar hoort.",
            "expert": "Help je team slimmer samenwerken: geef een korte demo in het werkoverleg.",
        },
    },
    {
        "code": "dienstverlening",
        "name": "Digitale dienstverlening aan inwoners",
        "digcomp": "DigComp 2.3 Deelnemen aan de samenleving via digitale technologie",
        "intro": "Inwoners en ondernemers digitaal helpen.",
        "can_do": [
            "Ik kan een inwoner helpen die vastloopt bij een online formulier of DigiD.",
            "Ik kan in duidelijke taal reageren op een vraag via mail, chat of sociale media.",
            "Ik weet welke diensten van mijn gemeente inwoners online kunnen regelen.",
        ],
        "knowledge": (
            "Een inwoner wil haar DigiD-gegevens aan jou geven zodat jij het formulier invult. Wat doe je?",
            [
                "Ik vul het formulier voor haar in met haar DigiD",
                "Ik leg uit dat DigiD persoonlijk is en help haar het zelf te doen of wijs op machtigen",
                "Ik noteer haar gegevens om het later te regelen",
            ],
            1,
        ),
        "advice": {
            "start": "Bekijk welke diensten inwoners online regelen: zo kun je hen beter op weg helpen.",
            "basis": "Volg de training 'Schrijven in duidelijke taal voor online kanalen'.",
            "gevorderd": "Leer meer over digitale inclusie: hoe help je inwoners die minder digitaal vaardig zijn?",
            "expert": "Denk mee over het verbeteren van de online dienstverlening van je gemeente.",
        },
    },
    {
        "code": "problemen-oplossen",
        "name": "Problemen oplossen",
        "digcomp": "DigComp 5 Problemen oplossen",
        "intro": "Zelf verder komen als iets niet werkt of nieuw is.",
        "can_do": [
            "Ik los een eenvoudig probleem zelf op, bijvoorbeeld door een programma opnieuw te starten.",
            "Ik zoek zelf een oplossing op, bijvoorbeeld in een handleiding of uitlegvideo.",
            "Ik leer mezelf een nieuwe functie of app aan als mijn werk daarom vraagt.",
        ],
        "knowledge": (
            "Een programma loopt vast. Wat probeer je eerst?",
            [
                "Het programma afsluiten en opnieuw starten",
                "De computer uit het stopcontact trekken",
                "Meteen een nieuwe laptop aanvragen",
            ],
            0,
        ),
        "advice": {
            "start": "Leer de drie eerste stappen bij een storing. Je digicoach laat het je graag zien.",
            "basis": "Kijk eens een uitlegvideo als je vastloopt: vaak ben je zo verder.",
            "gevorderd": "Probeer elke maand een nieuwe functie uit die je werk makkelijker maakt.",
            "expert": "Beantwoord vragen van collega's: word digicoach of ambassadeur.",
        },
    },
]

ATTITUDE_AREA = {
    "code": "houding",
    "name": "Jouw houding en tijd",
    "digcomp": "",
    "intro": "Er zijn geen goede of foute antwoorden. Hoe kijk jij naar digitaal werken?",
    "questions": [
        ("attitude", "interest", "Ik ben nieuwsgierig naar nieuwe digitale mogelijkheden in mijn werk."),
        ("attitude", "interest", "Ik wil graag meer leren over digitale hulpmiddelen."),
        ("attitude", "confidence", "Ik heb er vertrouwen in dat ik nieuwe digitale middelen onder de knie krijg."),
        ("attitude", "confidence", "Als ik digitaal vastloop, weet ik hoe ik verder kom."),
        ("attitude", "resistance", "Digitalisering maakt mijn werk eerder moeilijker dan makkelijker."),
        ("attitude", "resistance", "Ik werk het liefst zoveel mogelijk zonder computer."),
        ("time_pressure", "", "Ik heb het te druk om tijd vrij te maken om te leren."),
        ("time_pressure", "", "Ik wil eerst weten hoeveel tijd iets oplevert voordat ik eraan begin."),
        ("time_saved", "", "Hoeveel tijd bespaar je nu per week door wat je hebt geleerd?"),
    ],
}


def load_default_questionnaire(*, Questionnaire, Area, Question, version=1):
    """Create the default questionnaire; takes (historical) models so a data migration can call it."""
    questionnaire = Questionnaire.objects.create(version=version)
    for position, data in enumerate(AREAS):
        area = Area.objects.create(
            questionnaire=questionnaire,
            code=data["code"],
            kind="competence",
            name=data["name"],
            digcomp=data["digcomp"],
            intro=data["intro"],
            position=position,
            **{f"advice_{level}": text for level, text in data["advice"].items()},
        )
        for index, text in enumerate(data["can_do"]):
            Question.objects.create(area=area, kind="can_do", text=text, options=CAN_DO_SCALE, position=index)
        text, options, correct_index = data["knowledge"]
        Question.objects.create(
            area=area,
            kind="knowledge",
            text=text,
            options=options,
            correct_option=correct_index + 1,  # answers count options from 1
            position=len(data["can_do"]),
        )
    area = Area.objects.create(
        questionnaire=questionnaire,
        code=ATTITUDE_AREA["code"],
        kind="attitude",
        name=ATTITUDE_AREA["name"],
        intro=ATTITUDE_AREA["intro"],
        position=len(AREAS),
    )
    for index, (kind, dimension, text) in enumerate(ATTITUDE_AREA["questions"]):
        options = TIME_SAVED_OPTIONS if kind == "time_saved" else AGREE_SCALE
        Question.objects.create(area=area, kind=kind, dimension=dimension, text=text, options=options, position=index)
    return questionnaire
