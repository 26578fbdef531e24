"""The text of the communication plan (sections 3 and 4), as the portal ships it.

Only what the PDF extraction broke is repaired (hyphenated line breaks); the wording is the plan's.
The employee-facing profiles are new: the plan's internal descriptions speak of resistance and fear
and are never shown to the person they describe.
"""

NOT_YET_KNOWN = [
    "Weten nog niet welk gedrag van ze verwacht wordt",
    "Weten nog niet van de beschikbaarheid van het leerplatform",
    "Weten nog niet van de beschikbaarheid van de zelfscan",
]
NEEDS = [
    "Ze hebben toegang tot een computer, tablet of smartphone",
    "Ze hebben toegang tot het internet",
    "Ze hebben nog geen toegang tot het leerplatform",
    "Ze hebben reminders aan het gewenste gedrag nodig",
]
LEVELS_NOT_KNOWN = "Weten nog niet van de verschillende niveaus van het leeraanbod"

PERSONAS = [
    {
        "slug": "digitale-enthousiasteling",
        "name": "Digitale enthousiasteling",
        "is_cross_cutting": False,
        "essence": "Maakt gebruik van digitale middelen en wil graag meer en sneller.",
        "description": (
            "De digitale enthousiasteling maakt gebruikt van digitale middelen en wil graag meer en sneller. "
            "ICT-basisvaardigheden zijn voor de digitale enthousiasteling vanzelfsprekend. Hij maakt zich nieuwe "
            "digitale middelen snel eigen, snapt hoe soft- en hardware werkt, lost problemen met digitale middelen "
            "op en beantwoordt graag vragen van collega’s. De digitale enthousiasteling is van nature nieuwsgierig "
            "naar (nieuwe) digitale middelen."
        ),
        "analysis_note": "",
        "employee_profile": (
            "Jij bent nieuwsgierig naar nieuwe digitale middelen en maakt ze je snel eigen. Collega’s komen graag "
            "bij jou met hun vragen. Op het leerplatform vind je de allernieuwste tips en tricks, zodat je blijft "
            "vooroplopen. En wil je laten zien hoe leuk digitale vaardigheden zijn? Word ambassadeur of digicoach "
            "in je gemeente."
        ),
        "statements": {
            "motives": [
                "Willen vooroplopen",
                "Willen vernieuwing",
                "Willen uitdaging",
                "Willen snelheid",
                "Zijn positief over digitalisering",
            ],
            "resistance": [],
            "knowledge": [*NOT_YET_KNOWN, LEVELS_NOT_KNOWN, "Hebben uitgebreide kennis van digitale vaardigheden"],
            "skills": ["Ze kunnen goed omgaan met een computer, tablet of smartphone"],
            "needs": NEEDS,
        },
    },
    {
        "slug": "digivaardige-professional",
        "name": "Digivaardige professional",
        "is_cross_cutting": False,
        "essence": (
            "Weet de weg met digitale middelen prima te vinden en onderneemt actie als de actualiteit erom vraagt."
        ),
        "description": (
            "De digivaardige professionals weet zijn weg met digitale middelen prima te vinden, maar spant zich "
            "niet bovenmatig in om met de nieuwste digitale middelen te werken. De digitale vaardigheden van de "
            "digivaardige professional zijn toereikend om het werk nu en in de nabije toekomst goed te kunnen doen. "
            "Hij heeft de ICT-basisvaardigheden onder de knie. Werken de digitale middelen niet helemaal naar "
            "behoren? Dan vindt de digivaardige professional wel olifantenpaadjes om daarmee om te gaan. De "
            "digivaardige professional heeft een kritisch onafhankelijke houding naar digitale middelen. Vergeleken "
            "met de digitale enthousiasteling is hij wat passiever in zijn aanpak. De digivaardige professional "
            "onderneemt pas actie als de actualiteit daarom vraagt."
        ),
        "analysis_note": (
            "Mensen betrekken bij het proces en de besluitvorming draagt bij aan motivatie en draagvlak, zolang de "
            "informatie maar wordt aangepast aan de doelgroep. Meer digivaardige mensen kun je vragen mee te denken "
            "in de besluitvorming. Bijvoorbeeld bij de aanschaf van een bepaalde applicatie of andere technologie.\n\n"
            "De digivaardige professional heeft een kritisch onafhankelijke houding naar digitale middelen. "
            "Vergeleken met de digitale enthousiasteling is hij wat passiever in zijn aanpak. De digivaardige "
            "professional onderneemt pas actie als de actualiteit daarom vraagt. Bijvoorbeeld omdat inwoners actief "
            "zijn op social media of omdat de werkgever een nieuwe technologie heeft aangeschaft."
        ),
        "employee_profile": (
            "Jij weet je weg met digitale middelen prima te vinden en je kijkt er met een kritische, eigen blik "
            "naar. Werkt iets niet zoals het hoort, dan vind jij een oplossing. Het leerplatform is ook voor mensen "
            "met ervaring: kies wat jou verder helpt. Jouw mening telt: denk mee over nieuwe digitale middelen in "
            "je gemeente."
        ),
        "statements": {
            "motives": ["Meedenken besluitvorming", "Betrokkenheid"],
            "resistance": ["Passief en afwachtend", "Kritisch", "Onafhankelijk"],
            "knowledge": [*NOT_YET_KNOWN, LEVELS_NOT_KNOWN, "Hebben uitgebreide kennis van digitale vaardigheden"],
            "skills": [
                "Ze kunnen goed omgaan met een computer, tablet of smartphone",
                "Basiskennis Social Media",
                "Weet goed met google om te gaan",
                "Kan prima de potentie van nieuwe digitale middelen inschatten",
            ],
            "needs": NEEDS,
        },
    },
    {
        "slug": "aarzelende-technologiegebruiker",
        "name": "Aarzelende technologiegebruiker",
        "is_cross_cutting": False,
        "essence": "Richt zich vooral op het werk en leert nieuwe vaardigheden als ze duidelijk meerwaarde hebben.",
        "description": (
            "Dit persona heeft weinig kennis van technologie. Daarnaast richt hij/zij zich vooral op het werk. De "
            "aarzelende technologie gebruiker heeft moeite met ICT-basisvaardigheden. Hij/zij is niet zozeer bang "
            "om nieuwe vaardigheden te leren, maar is wel kritisch over (nieuwe) digitale middelen. Hij/zij leert "
            "nieuwe vaardigheden alleen als dat duidelijk meerwaarde heeft voor het werk. Als de aarzelende "
            "technologie gebruiker vermoeid wordt met kennis die niet strikt noodzakelijk is, kan het hem/haar snel "
            "gaan duizelen."
        ),
        "analysis_note": "",
        "employee_profile": (
            "Jij richt je op je werk en leert iets nieuws als het je werk echt makkelijker maakt. Dat is een goed "
            "uitgangspunt. Begin klein: één keer per maand een korte training of tip is genoeg om te merken wat het "
            "oplevert. Een digicoach helpt je graag op weg, met precies wat jij nodig hebt."
        ),
        "statements": {
            "motives": ["Willen gemak", "Willen laagdrempeligheid", "Staan neutraal tegenover digitalisering"],
            "resistance": [
                "Hebben geen interesse",
                "Vinden het niet belangrijk",
                "Vinden het niet noodzakelijk",
                "Vinden het niet leuk",
            ],
            "knowledge": [*NOT_YET_KNOWN, LEVELS_NOT_KNOWN, "Hebben weinig kennis van digitale vaardigheden"],
            "skills": ["Ze kunnen redelijk omgaan met een computer, tablet of smartphone"],
            "needs": NEEDS,
        },
    },
    {
        "slug": "analoge-idealist",
        "name": "Analoge idealist",
        "is_cross_cutting": False,
        "essence": (
            "Werkt het liefst zonder digitale middelen; voor deze groep is het leren van basisvaardigheden de "
            "uitdaging."
        ),
        "description": (
            "De analoge idealist is negatief en heeft een afkeer van alles wat met digitalisering te maken heeft. Er "
            "is veel weerstand. Voor analoge idealisten is het vooral een uitdaging om basisvaardigheden te leren. "
            "Bijvoorbeeld veilig een mail versturen. Veel analoge idealisten zitten in een vicieuze cirkel. Ze leren "
            "de basisvaardigheden niet omdat ze geen affiniteit hebben met of zelfs angst hebben voor digitale "
            "middelen. Vaak vinden analoge idealisten het moeilijk om eerlijk te vertellen over hun worstelingen. "
            "Sommigen zijn bang om dom gevonden te worden door collega’s."
        ),
        "analysis_note": "",
        "employee_profile": (
            "Voor jou staan het persoonlijke contact en de kwaliteit van je werk voorop. Dat blijft zo: digitale "
            "middelen vullen je werk aan en geven je meer tijd voor de mensen voor wie je werkt. Je leert het stap "
            "voor stap, in je eigen tempo, met een vaste digicoach als buddy bij wie elke vraag welkom is."
        ),
        "statements": {
            "motives": ["Willen gemak", "Willen laagdrempeligheid"],
            "resistance": [
                "Staan negatief tegenover digitalisering",
                "Vinden het niet belangrijk",
                "Vinden het niet noodzakelijk",
                "Vinden het niet leuk",
                "Vinden het te ingewikkeld",
            ],
            "knowledge": [*NOT_YET_KNOWN, LEVELS_NOT_KNOWN, "Hebben weinig kennis van digitale vaardigheden"],
            "skills": ["Ze kunnen niet zo goed omgaan met een computer, tablet of smartphone"],
            "needs": NEEDS,
        },
    },
    {
        "slug": "drukke-prioriteitensteller",
        "name": "Drukke prioriteitensteller",
        "is_cross_cutting": True,
        "essence": "Heeft het druk en wil feitelijke informatie: wat levert het op, hoeveel tijd bespaar ik?",
        "description": (
            "In de vier verschillende doelgroepen bevinden zich ook drukke prioriteitenstellers. Om deze groep te "
            "bereiken is het belangrijk om te communiceren met feitelijke informatie. Daarnaast is het belangrijk "
            "dat het belang wordt gecommuniceerd, dat inspanningen zich pas op de lange termijn uitbetalen en dat "
            "tijdsbesparing wordt benadrukt."
        ),
        "analysis_note": "",
        "employee_profile": (
            "Je agenda zit vol en je kiest bewust waar je tijd in steekt. Goed nieuws: één uur per maand aan je "
            "digitale vaardigheden levert je tijd op, want je dagelijkse werk gaat sneller en makkelijker."
        ),
        "statements": {
            "motives": [
                "Willen snelheid",
                "Willen gemak",
                "Willen balans in het werk",
                "Staan neutraal tegenover digitalisering",
            ],
            "resistance": [
                "Hebben te weinig tijd/ te druk",
                "Vinden het niet belangrijk",
                "Vinden het een extra belasting",
                "Vinden het niet noodzakelijk",
            ],
            "knowledge": [
                *NOT_YET_KNOWN,
                "Weten nog niet welke voordelen digitale vaardigheden hebben",
                "Hebben basiskennis van digitale vaardigheden",
            ],
            "skills": ["Ze kunnen redelijk omgaan met een computer, tablet of smartphone"],
            "needs": NEEDS,
        },
    },
]

GENERAL_ATTENTION_POINTS = [
    "Verpak de boodschap aantrekkelijk. Hierdoor staan mensen meer open voor je boodschap en denken ze er "
    "positiever over.",
    "Laat het goede gedrag zien: goed voorbeeld doet goed volgen.",
    "Geef concrete aanwijzingen.",
    "Vermijd ontkenning en negatieve formulering.",
    "Koppel positieve associaties aan het gewenste gedrag. Emotie heeft erg veel invloed op gedrag.",
    "Communicatieve uitingen koppelen aan eventuele nieuwe coronamaatregelen.",
    "Kort/beeldend – niet te veel woorden.",
]
KEEP_IT_SMALL = ["Houd het simpel.", "Maak het verzoek klein.", "Voordelen benadrukken."]
PLATFORM_FOR_EVERYONE = [
    "Het leerplatform is niet alleen voor beginners, maar ook juist voor mensen met ervaring. Het is afgestemd "
    "op jouw wensen.",
    "Als je aan de slag blijft met je digitale vaardigheden blijf je vooroplopen.",
    "Het leerplatform biedt jou de allernieuwste tips en tricks.",
]
START_SLOWLY = (
    "Je hoeft niet elke dag te investeren in je digitale vaardigheden, begin rustig met één keer per maand en zie "
    "wat het oplevert."
)
MORE_TIME_FOR_CLIENT = "Je krijgt meer tijd voor de klant wanneer jij je digitale vaardigheden ontwikkelt."
BETTER_SERVICE = (
    "De kwaliteit van je dienstverlening verbetert wanneer je digitale middelen en technologie beter gebruikt."
)
FASTER_WORK = "Je dagelijkse werk gaat sneller en makkelijker wanneer jij je digitale vaardigheden ontwikkelt."

# Plan section 4, in the plan's order.
AUDIENCES = [
    {
        "slug": "allen",
        "name": "Allen",
        "persona": None,
        "attention_points": GENERAL_ATTENTION_POINTS,
        "messages": [
            "Iedereen krijgt de tijd/ruimte om aan de slag te gaan met zijn/haar digitale vaardigheden.",
            "Maak maandelijks tijd (minimaal 1 uur) vrij om met je digitale ontwikkeling aan de slag te gaan.",
            "De wereld om je heen ontwikkelt zich snel op digitaal gebied. Het is nodig om bij te blijven om je "
            "werk goed te blijven doen.",
            "Werken aan je digitale vaardigheden is normaal, het is de norm.",
            "De buitenwereld (klanten) verwacht dat je dienstverlening digitaal is.",
            "Het is leuk om aan de slag te zijn met je digitale vaardigheden.",
            "Digicoaches kunnen je ondersteunen bij het ontwikkelen van je digitale vaardigheden.",
            "Digitale vaardigheden maken je werk makkelijker.",
            "Er zijn verschillende mogelijkheden om aan je digitale vaardigheden te werken. De keuze is aan jou!",
        ],
    },
    {
        "slug": "digitale-enthousiasteling",
        "name": "Digitale enthousiasteling",
        "persona": "digitale-enthousiasteling",
        "attention_points": [
            "Rol geven in het uitdragen naar collega’s hoe leuk digitale vaardigheden kunnen zijn.",
            "Laten zien hoe ook deze doelgroep bij kan leren.",
        ],
        "messages": PLATFORM_FOR_EVERYONE,
    },
    {
        "slug": "digivaardige-professional",
        "name": "Digivaardige professional",
        "persona": "digivaardige-professional",
        "attention_points": [
            "Vroegtijdig meedenken en betrekken bij het proces",
            "Informatie aanpassen aan de doelgroep",
        ],
        "messages": [
            *PLATFORM_FOR_EVERYONE,
            "Nu werken aan je digitale vaardigheden is later er profijt van hebben in je werk!",
        ],
    },
    {
        "slug": "aarzelende-technologiegebruiker",
        "name": "Aarzelende technologiegebruiker",
        "persona": "aarzelende-technologiegebruiker",
        "attention_points": KEEP_IT_SMALL,
        "messages": [FASTER_WORK, START_SLOWLY],
    },
    {
        "slug": "analoge-idealist",
        "name": "Analoge idealist",
        "persona": "analoge-idealist",
        "attention_points": [*KEEP_IT_SMALL, "Voorbeelden van successen."],
        "messages": [
            "De kern (of kwaliteit) van je werk verandert niet, digitale vaardigheden verrijken het juist.",
            MORE_TIME_FOR_CLIENT,
            BETTER_SERVICE,
            "Digitale middelen vervangen analoge situaties niet, maar vullen het aan.",
            START_SLOWLY,
        ],
    },
    {
        "slug": "teamleiders",
        "name": "Teamleiders/-managers",
        "persona": None,
        "attention_points": GENERAL_ATTENTION_POINTS,
        "messages": [
            "Het vergroten van de digitale vaardigheden van je team levert een betere kwaliteit van "
            "dienstverlening op.",
            "Het vergroten van de digitale vaardigheden levert een tijdsbesparing op.",
            "Door het vergroten van de digitale vaardigheden van je team loopt de implementatie van nieuwe "
            "applicaties beter.",
            "Een digitaal vaardige medewerker heeft minder stress, meer zelfvertrouwen en meer plezier in zijn/haar "
            "werk.",
            "Iedereen kan digitaal vaardiger worden. Digitale vaardigheden zijn in elke functie belangrijk.",
        ],
    },
    {
        "slug": "drukke-prioriteitensteller",
        "name": "Drukke prioriteitensteller",
        "persona": "drukke-prioriteitensteller",
        "attention_points": KEEP_IT_SMALL,
        "messages": [
            FASTER_WORK,
            "Er komt meer tijd vrij wanneer jij je digitale vaardigheden ontwikkelt.",
            MORE_TIME_FOR_CLIENT,
            BETTER_SERVICE,
            "Technologie kan je juist kan ontlasten in je werk.",
            START_SLOWLY,
        ],
    },
]


def load_plan_text(*, Persona, ComBStatement, Audience, AttentionPoint, Message):
    """Fill empty tables with the plan's text; takes the (historical) models so migrations can call it."""
    personas = {}
    for position, data in enumerate(PERSONAS):
        persona = Persona.objects.create(
            slug=data["slug"],
            name=data["name"],
            is_cross_cutting=data["is_cross_cutting"],
            position=position,
            essence=data["essence"],
            description=data["description"],
            analysis_note=data["analysis_note"],
            employee_profile=data["employee_profile"],
        )
        personas[persona.slug] = persona
        ComBStatement.objects.bulk_create(
            ComBStatement(persona=persona, kind=kind, text=text, position=index)
            for kind, texts in data["statements"].items()
            for index, text in enumerate(texts)
        )
    for position, data in enumerate(AUDIENCES):
        audience = Audience.objects.create(
            slug=data["slug"], name=data["name"], persona=personas.get(data["persona"]), position=position
        )
        AttentionPoint.objects.bulk_create(
            AttentionPoint(audience=audience, text=text, position=index)
            for index, text in enumerate(data["attention_points"])
        )
        Message.objects.bulk_create(
            Message(audience=audience, text=text, position=index) for index, text in enumerate(data["messages"])
        )
