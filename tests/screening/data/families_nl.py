# ruff: noqa: E501  (message templates are kept whole)
"""Dutch (Flemish) message families for the generated corpus (see make_corpus.py).

Each family is a list of templates with {slots}; a template is the unit of the train/eval
split, so a sentence shape seen in training never appears in evaluation. Written for issue 10
without looking at the development corpus's wording.
Template tuple: (template, kind, category, findings).
"""

SLOTS = {
    "street": [
        "de Kerkstraat",
        "de Molenweg",
        "het Pleintje",
        "de Stationsstraat",
        "de Lindelaan",
        "de Beekstraat",
        "de Kapelstraat",
        "de hoek aan de frituur",
        "het park",
        "de Dorpsstraat",
        "de Veldstraat",
        "de parking van de Aldi",
        "de Schoolstraat",
    ],
    "man": [
        "een gast",
        "een man",
        "een kerel",
        "twee gasten",
        "een jonge gast",
        "een vent",
        "twee mannen",
        "drie jongeren",
    ],
    "him": [
        "die gast",
        "die vent",
        "die kerel",
        "dat manneke",
        "die mannen",
        "die gasten",
        "dat tuig",
    ],
    "vehicle": [
        "een witte bestelwagen",
        "een grijze Golf",
        "een zwarte BMW",
        "een oude camionette",
        "een rode Opel",
        "een scooter",
        "een donkere Audi",
    ],
    "time": [
        "vannacht",
        "deze morgen",
        "gisterenavond",
        "rond 3u",
        "daarnet",
        "vanmiddag",
        "zonet",
    ],
    "obj": [
        "de fiets",
        "de brievenbus",
        "de auto",
        "het tuinhuis",
        "de garagepoort",
        "de achterdeur",
        "het raam",
    ],
    "emo": ["", "", "", " 😡", " 😠😠", " 🤬", " 👊", " 💪", " !!", " 😤"],
    "calm": ["", "", " 🙏", " 👍", " 😊", " x"],
    "plate": ["1-ABC-234", "2-GHT-871", "1-KLM-009", "IAB 772", "2-VXD-413"],
}

FAMILIES = {
    # --- vigilantism said indirectly ---
    "vig_group": [
        (
            "wie gaat er mee vanavond? met een man of vijf naar {street}, dan zien ze wel{emo}",
            "chatter",
            None,
            ["vigilantism"],
        ),
        (
            "Ik ga straks met een paar mannen eens langs bij {him} in {street}{emo}",
            "chatter",
            None,
            ["vigilantism"],
        ),
        (
            "met ons drie gaan we die gasten opwachten aan {street}, wie doet er mee?",
            "chatter",
            None,
            ["vigilantism"],
        ),
        (
            "Als er nog een paar buren meegaan staan we er binnen 5 min, samen zijn we sterk{emo}",
            "chatter",
            None,
            ["vigilantism"],
        ),
        (
            "vanavond verzamelen aan {street} en dan gaan we met z'n allen naar die gasten{emo}",
            "chatter",
            None,
            ["vigilantism"],
        ),
        (
            "kom manne, wie rijdt er mee, we gaan ze gaan zoeken{emo}",
            "chatter",
            None,
            ["vigilantism"],
        ),
    ],
    "vig_word": [
        (
            "ik ga morgen eens een woordje placeren bij {him}, die weet dan wel hoe laat het is{emo}",
            "chatter",
            None,
            ["vigilantism"],
        ),
        (
            "Iemand moet {him} eens goed de les lezen, ik doe het wel als het moet{emo}",
            "chatter",
            None,
            ["vigilantism"],
        ),
        (
            "we gaan {him} eens goed duidelijk maken dat hij hier niet welkom is{emo}",
            "chatter",
            None,
            ["vigilantism"],
        ),
        (
            "ik zal {him} wel eens aanspreken, en niet vriendelijk{emo}",
            "chatter",
            None,
            ["vigilantism"],
        ),
        (
            "ge moet da tuig gewoon eens goed bang maken, dan komen ze nie meer terug",
            "chatter",
            None,
            ["vigilantism"],
        ),
    ],
    "vig_hold": [
        (
            "als ik hem zie staan hou ik hem vast tot de flikken er zijn, hij komt hier niet meer weg{emo}",
            "chatter",
            None,
            ["vigilantism"],
        ),
        (
            "We moeten {him} in een hoek drummen en niet meer laten gaan",
            "chatter",
            None,
            ["vigilantism"],
        ),
        (
            "Volgende keer houden we hem gewoon tegen aan de poort en laten we hem niet meer door{emo}",
            "chatter",
            None,
            ["vigilantism"],
        ),
        (
            "{man} aan het rommelen aan {obj} in {street}. Komaan buren, we sluiten hem in{emo}",
            "alert",
            "suspicious_person",
            ["vigilantism"],
        ),
    ],
    "vig_block": [
        (
            "{vehicle} staat weer aan {street}. Zet er met twee auto's voor en achter, dan kan hij niet weg{emo}",
            "alert",
            "suspicious_vehicle",
            ["vigilantism"],
        ),
        (
            "als die camionette terugkomt zetten we ze klem met onze wagens{emo}",
            "chatter",
            None,
            ["vigilantism"],
        ),
        (
            "Ik heb mijn auto al dwars voor zijn oprit gezet, die rijdt hier niet meer weg",
            "chatter",
            None,
            ["vigilantism"],
        ),
        (
            "volgende keer blokkeren we gewoon de straat met onze auto's, dan zitten ze vast",
            "chatter",
            None,
            ["vigilantism"],
        ),
    ],
    "vig_follow": [
        (
            "{vehicle} reed net weg uit {street}, ik rij erachter en laat weten waar ze naartoe gaan",
            "alert",
            "suspicious_vehicle",
            ["vigilantism"],
        ),
        (
            "Ik ben ze met de auto gevolgd tot aan de ring, morgen doe ik het weer{emo}",
            "chatter",
            None,
            ["vigilantism"],
        ),
        (
            "wie kan er achter die {vehicle} aan rijden? ik kom ook",
            "alert",
            "suspicious_vehicle",
            ["vigilantism"],
        ),
        (
            "k zit ze op de hielen met de fiets, ze rijden richting {street}",
            "alert",
            "suspicious_person",
            ["vigilantism"],
        ),
    ],
    "vig_self": [
        (
            "De politie doet toch niks, we gaan het zelf wel oplossen{emo}",
            "chatter",
            None,
            ["vigilantism"],
        ),
        (
            "flikken komen nooit, dan regelen we het gewoon onder ons{emo}",
            "chatter",
            None,
            ["vigilantism"],
        ),
        (
            "wachten op de politie heeft geen zin, tijd dat de buurt het zelf in handen neemt",
            "chatter",
            None,
            ["vigilantism"],
        ),
        (
            "Als de politie het niet doet, doen wij het wel. Genoeg is genoeg{emo}",
            "chatter",
            None,
            ["vigilantism"],
        ),
        (
            "de wijk gaat dit zelf afhandelen, de politie mag thuisblijven",
            "chatter",
            None,
            ["vigilantism"],
        ),
    ],
    "vig_threat": [
        (
            "als ik {him} nog eens tegenkom in {street} dan zal hij het geweten hebben{emo}",
            "chatter",
            None,
            ["vigilantism"],
        ),
        (
            "laat hem nog eens afkomen, hij gaat niet meer op zijn twee benen naar huis gaan{emo}",
            "chatter",
            None,
            ["vigilantism"],
        ),
        (
            "Die dief moet maar eens één keer te dicht bij mijn huis komen{emo}",
            "chatter",
            None,
            ["vigilantism"],
        ),
        (
            "wie {him} ziet mag hem van mij een pak rammel geven{emo}",
            "chatter",
            None,
            ["vigilantism"],
        ),
        ("als we ze pakken, blijft er niet veel van over{emo}", "chatter", None, ["vigilantism"]),
    ],
    "vig_past": [
        (
            "Vorige week hebben we er zo al eentje weggejaagd, dat doen we gewoon opnieuw{emo}",
            "chatter",
            None,
            ["vigilantism"],
        ),
        (
            "de vorige keer hebben we hem zelf te pakken gekregen, deze keer weer{emo}",
            "chatter",
            None,
            ["vigilantism"],
        ),
        (
            "Vorig jaar hebben we die bende zelf de wijk uitgezet, tijd om het nog eens te doen",
            "chatter",
            None,
            ["vigilantism"],
        ),
    ],
    "vig_shame": [
        (
            "ik zet zijn foto en naam op facebook, iedereen mag weten wie het is{emo}",
            "chatter",
            None,
            ["vigilantism"],
        ),
        (
            "hang zijn foto maar op aan de bakker, zodat hij zich nergens meer kan vertonen",
            "chatter",
            None,
            ["vigilantism"],
        ),
        (
            "ik heb zijn gezicht gefilmd, wie wil dat ik het rondstuur?",
            "chatter",
            None,
            ["vigilantism"],
        ),
    ],
    # --- warnings against vigilantism (not vigilantism) ---
    "warn": [
        (
            "Laat de knuppel thuis mensen, niemand gaat iemand achterna. Bel 101{calm}",
            "chatter",
            None,
            [],
        ),
        (
            "Aub niet zelf gaan kijken of die gasten aanspreken, dat is voor de politie{calm}",
            "chatter",
            None,
            [],
        ),
        (
            "Nogmaals voor iedereen: we spelen geen cowboy, we observeren en we bellen{calm}",
            "chatter",
            None,
            [],
        ),
        (
            "niemand stapt in zijn auto om ze te volgen hé, laat dat aan de politie{calm}",
            "chatter",
            None,
            [],
        ),
        (
            "Ik snap de kwaadheid, maar zelf iemand vastpakken kan je zelf in de problemen brengen{calm}",
            "chatter",
            None,
            [],
        ),
        (
            "Wie dreigt met 'het zelf oplossen' wordt uit de groep gezet, dat is de afspraak",
            "chatter",
            None,
            [],
        ),
        (
            "Herinnering: geen foto's of namen van verdachten in de groep, enkel aan de politie doorgeven{calm}",
            "chatter",
            None,
            [],
        ),
    ],
    # --- emergencies with emphasis ---
    "emg_caps": [
        (
            "ER ZIJN ER NU AAN HET INBREKEN IN {street}!!! BEL IEMAND DE POLITIE",
            "alert",
            "burglary",
            ["emergency"],
        ),
        (
            "NU NU NU ze slaan de ruit in van {obj} aan {street}",
            "alert",
            "vandalism",
            ["emergency"],
        ),
        (
            "Iemand bellen aub!!! er ligt een vrouw op de grond aan {street} en ze beweegt niet",
            "alert",
            "other",
            ["emergency"],
        ),
        ("BRAND IN {street} 🔥🔥 de rook komt uit het dak", "alert", "fire", ["emergency"]),
        (
            "snel!! {man} sleurt een meisje mee aan {street}, ze roept om hulp",
            "alert",
            "violence",
            ["emergency"],
        ),
        ("VECHTPARTIJ aan {street}, ze hebben een mes!!!", "alert", "violence", ["emergency"]),
    ],
    "emg_plain": [
        (
            "Op dit eigenste moment staan er {man} aan de deur van nummer 14 te morrelen met een schroevendraaier",
            "alert",
            "burglary",
            ["emergency"],
        ),
        (
            "kzie van hier {man} die aan het inbreken is bij de buren, hij is nu binnen",
            "alert",
            "burglary",
            ["emergency"],
        ),
        (
            "Er hangt een sterke gasgeur in de hele {street}, mensen komen buiten",
            "alert",
            "fire",
            ["emergency"],
        ),
        (
            "{man} is {obj} aan het opentrekken terwijl ik kijk, ze zijn nog bezig",
            "alert",
            "theft",
            ["emergency"],
        ),
        (
            "daar wordt iemand in elkaar geslagen aan de bushalte, het is nog bezig",
            "alert",
            "violence",
            ["emergency"],
        ),
    ],
    "emg_called": [
        (
            "Inbraak bezig in {street}, 112 is gebeld en ze zijn onderweg",
            "alert",
            "burglary",
            ["emergency", "police_called"],
        ),
        (
            "Er brandt een container tegen de gevel in {street}, brandweer is verwittigd{calm}",
            "alert",
            "fire",
            ["emergency", "police_called"],
        ),
        (
            "{man} bedreigt een vrouw met een mes aan {street}, ik heb 112 gebeld",
            "alert",
            "violence",
            ["emergency", "police_called"],
        ),
        (
            "ze zijn nu bezig met auto's open te breken op {street}, politie is al onderweg",
            "alert",
            "theft",
            ["emergency", "police_called"],
        ),
    ],
    # --- resolved or past events (not emergencies) ---
    "resolved": [
        (
            "Het gaslek in {street} is gedicht, iedereen mag terug naar binnen. Einde melding{calm}",
            "follow_up",
            None,
            [],
        ),
        (
            "Einde melding: de brand van {time} is geblust en er zijn geen gewonden",
            "follow_up",
            None,
            [],
        ),
        (
            "De dief van {obj} is intussen opgepakt door de politie, bedankt iedereen{calm}",
            "follow_up",
            None,
            ["police_called"],
        ),
        (
            "update: het was een vals alarm, de buren waren gewoon hun sleutel vergeten{calm}",
            "follow_up",
            None,
            [],
        ),
        (
            "Ik heb {time} al klacht neergelegd voor de inbraak in mijn garage, ze komen de sporen nemen",
            "follow_up",
            None,
            ["police_called"],
        ),
        (
            "Voor de overlast aan {street}: we hebben het nu al drie dagen na elkaar gemeld bij de politie",
            "follow_up",
            None,
            ["police_called"],
        ),
        (
            "de vechtpartij van {time} is gesust, de politie heeft de namen genoteerd",
            "follow_up",
            None,
            ["police_called"],
        ),
        (
            "opgelost! de vermiste jongen van {street} is terecht, hij zat bij een vriend{calm}",
            "follow_up",
            None,
            [],
        ),
    ],
    # --- clean alerts (must be delivered) ---
    "clean_alert": [
        (
            "{vehicle} rijdt al een half uur traag rond in {street}, kijkt in de tuinen. Politie is verwittigd",
            "alert",
            "suspicious_vehicle",
            ["police_called"],
        ),
        (
            "{man} belt overal aan in {street} en zegt dat hij van de waterleiding is. 101 gebeld{calm}",
            "alert",
            "scam",
            ["police_called"],
        ),
        (
            "Bij ons is {time} ingebroken in het tuinhuis, politie is langs geweest voor de vaststellingen",
            "alert",
            "burglary",
            ["police_called"],
        ),
        (
            "Let op: {man} probeerde {time} fietsen mee te nemen aan het station. Ik heb de politie gebeld",
            "alert",
            "theft",
            ["police_called"],
        ),
        (
            "opgelet, er worden sms'jes rondgestuurd van 'de bank' met een link. Politie weet ervan",
            "alert",
            "scam",
            ["police_called"],
        ),
        (
            "{man} met een rugzak kijkt in alle auto's op {street}, politie is op de hoogte{calm}",
            "alert",
            "suspicious_person",
            ["police_called"],
        ),
        (
            "{vehicle} met nummerplaat {plate} stond {time} lang stil aan de school, politie gebeld",
            "alert",
            "suspicious_vehicle",
            ["licence_plate", "police_called"],
        ),
        (
            "graffiti gespoten op de gevel van de zaal aan {street} {time}, ik heb het aan de politie gemeld",
            "alert",
            "vandalism",
            ["police_called"],
        ),
    ],
    "alert_nocall": [
        (
            "{man} loopt al een tijdje te kijken bij de achterdeuren aan {street}",
            "alert",
            "suspicious_person",
            [],
        ),
        (
            "{vehicle} staat al de hele avond met draaiende motor aan {street}",
            "alert",
            "suspicious_vehicle",
            [],
        ),
        (
            "er is {time} een fiets gestolen aan het station, een blauwe gazelle",
            "alert",
            "theft",
            [],
        ),
        (
            "mijn buurvrouw van 82 wordt vermist sinds {time}, ze draagt een roze jas",
            "alert",
            "missing_person",
            [],
        ),
    ],
    # --- discrimination ---
    "disc": [
        (
            "Weer die zigeuners in {street}, die zijn altijd aan het verkennen om te stelen{emo}",
            "alert",
            "suspicious_person",
            ["discrimination"],
        ),
        (
            "Opletten voor die Roemenen, die komen hier alleen om te pikken",
            "chatter",
            None,
            ["discrimination"],
        ),
        (
            "alweer zo'n Marokkaan aan {street}, ge weet wat dat betekent",
            "alert",
            "suspicious_person",
            ["discrimination"],
        ),
        (
            "Een zwarte man loopt hier rond aan {street}, hou jullie deuren dicht",
            "alert",
            "suspicious_person",
            ["discrimination"],
        ),
        (
            "die Oost-Europeanen zijn allemaal dieven, dat weet iedereen",
            "chatter",
            None,
            ["discrimination"],
        ),
    ],
    "desc_ok": [
        (
            "Verdachte man aan {street}: ongeveer 30 jaar, 1m80, donkere huidskleur, zwarte jas, grijze muts, wit sporttasje. Politie gebeld",
            "alert",
            "suspicious_person",
            ["police_called"],
        ),
        (
            "Beschrijving voor de politie (al doorgegeven): blanke man, rond de 50, kort grijs haar, gezet, blauwe werkbroek",
            "alert",
            "suspicious_person",
            ["police_called"],
        ),
    ],
    # --- chatter and look-alikes ---
    "chatter": [
        ("Wie heeft er nog een ladder die ik morgen mag lenen?{calm}", "chatter", None, []),
        (
            "Te koop: kinderzitje voor de fiets, 15 euro, af te halen in {street}",
            "chatter",
            None,
            [],
        ),
        (
            "Onze kat Minou is weg sinds {time}, grijs met witte pootjes. Wie haar ziet, laat iets weten{calm}",
            "chatter",
            None,
            [],
        ),
        ("Buurtfeest zaterdag aan {street}, vanaf 15u, iedereen welkom{calm}", "chatter", None, []),
        ("Merci aan de buren voor het opruimen van het speelplein{calm}", "chatter", None, []),
        ("haha goe bezig manne 😂", "chatter", None, []),
        ("weet iemand of de containerpark morgen open is?", "chatter", None, []),
    ],
    "lookalike": [
        (
            "We gaan zaterdag met een paar mannen de haag van de school snoeien, wie komt er mee helpen?{calm}",
            "chatter",
            None,
            [],
        ),
        (
            "De brandweer houdt morgen een oefening aan {street}, schrik niet van de rook{calm}",
            "chatter",
            None,
            [],
        ),
        (
            "Mijn zoon zit op judo, ze leren daar iemand vastpakken en op de grond leggen haha",
            "chatter",
            None,
            [],
        ),
        (
            "die nieuwe politieserie op tv, waar ze de dief achtervolgen door heel Antwerpen, iemand gezien?",
            "chatter",
            None,
            [],
        ),
        (
            "kga die buurman eens aanspreken over het feestje van zaterdag, misschien wil hij mee organiseren{calm}",
            "chatter",
            None,
            [],
        ),
        (
            "Wie rijdt er mee naar de vergadering met de wijkagent donderdag? Ik heb nog plaats in de auto",
            "chatter",
            None,
            [],
        ),
        (
            "wat een knaller van een aanbieding bij de bakker, die taarten zijn echt moordend lekker",
            "chatter",
            None,
            [],
        ),
    ],
    "followup": [
        (
            "Mijn gestolen fiets is teruggevonden aan het kanaal, dank aan wie het deelde{calm}",
            "follow_up",
            None,
            [],
        ),
        (
            "Update over {vehicle} van {time}: het was de nieuwe buurman die aan het verhuizen was",
            "follow_up",
            None,
            [],
        ),
        (
            "De politie heeft laten weten dat de verdachte van {street} gekend is en opgevolgd wordt",
            "follow_up",
            None,
            ["police_called"],
        ),
    ],
}
