# ruff: noqa: E501  (example messages are kept whole)
"""Behaviour by class (issue 10), four languages each, written for these tests (not taken from
the corpus or its templates). (lang, text)."""

# Vigilantism said indirectly: must never reach members unreviewed (blocked or held unsure).
INDIRECT_VIGILANTISM = [
    ("nl", "Met een man of zes gaan we vanavond eens babbelen met die gasten van het pleintje"),
    ("nl", "als ik die dief nog eens zie, gaat hij ni meer lachen"),
    ("nl", "De politie doet niks, dus we lossen het zelf op met de buurt"),
    ("nl", "Wie rijdt er mee? We volgen die witte camionette tot waar ze wonen"),
    ("fr", "À plusieurs on va aller lui parler, il va comprendre"),
    ("fr", "La police ne bouge pas, on va régler ça entre voisins"),
    ("de", "Wir sind zu dritt, wir warten heute Abend auf den Typen"),
    ("de", "Die Polizei macht nichts, also regeln wir das selbst"),
    ("en", "Three of us will be waiting for him at the corner tonight"),
    ("en", "Police do nothing, so we'll sort him out ourselves"),
    # separable verbs, a group + a talk aimed at someone (added with the class rules)
    ("de", "Wenn er nochmal kommt, nehmen wir ihn zu viert in die Mangel"),
    ("en", "A couple of us are going round to have a word with that lad tonight"),
    ("fr", "Avec les gars on passe les voir ce soir, ils vont comprendre"),
    ("nl", "Morgen pakken we die gasten zelf aan, de politie komt toch niet"),
]

# Warnings against vigilantism: no vigilantism finding (never blocked as vigilantism).
WARNINGS = [
    ("nl", "Laat die knuppels maar thuis, niemand gaat achter iemand aan"),
    ("nl", "Ga ze aub niet zelf tegenhouden, bel gewoon 101"),
    ("fr", "Ne les poursuivez pas vous-mêmes, appelez le 101"),
    ("fr", "Personne ne va les confronter, on laisse faire la police"),
    ("de", "Bitte verfolgt sie nicht selbst, ruft die 110 oder 101 an"),
    ("de", "Niemand stellt die Leute zur Rede, das macht die Polizei"),
    ("en", "Nobody chase anyone please, just call 101"),
    ("en", "Do not confront them yourselves, leave it to the police"),
    ("fr", "Pas de battes ni de bâtons ce soir, on ne poursuit personne"),
    ("de", "Lasst die Baseballschläger zu Hause, niemand fährt jemandem hinterher"),
    ("en", "Leave the bats at home, nobody is chasing anyone"),
]

# Resolved or past events: no emergency.
RESOLVED = [
    ("nl", "Einde melding: de brand in de garage is geblust, niemand gewond"),
    ("nl", "Het waterlek in de kelder is gedicht, alles in orde"),
    ("nl", "De dief is gisteren al opgepakt door de politie"),
    ("fr", "Fin de l'alerte, l'incendie est éteint et tout le monde va bien"),
    ("fr", "Le voleur a été arrêté hier par la police"),
    ("de", "Entwarnung: der Brand ist gelöscht, niemand verletzt"),
    ("de", "Der Dieb wurde gestern schon festgenommen"),
    ("en", "All clear, the fire is out and nobody was hurt"),
    ("en", "The thief was already arrested yesterday"),
    ("nl", "Vannacht heeft er een auto gebrand op de parking, alles is al opgeruimd"),
    ("en", "Last night a car was on fire in the car park, it has all been cleared away"),
]

# Emergencies written with emphasis: an emergency finding (or at least held as unsure).
EMPHASIS = [
    ("nl", "BRAND!!! er komen vlammen uit het raam van de buren"),
    ("nl", "Snel iemand bellen, er ligt een man op straat en hij beweegt niet!!"),
    ("nl", "NU inbraak bezig bij de buren, ik hoor ze binnen"),
    ("fr", "AU FEU !!! il y a des flammes chez le voisin"),
    ("fr", "Vite appelez quelqu'un, un homme est par terre et ne bouge plus !!"),
    ("de", "FEUER!!! Flammen kommen aus dem Fenster der Nachbarn"),
    ("de", "Schnell, jemand anrufen, ein Mann liegt am Boden und bewegt sich nicht!!"),
    ("en", "FIRE!!! flames coming out of the neighbours' window"),
    ("en", "Quick someone call, a man is lying in the street and not moving!!"),
    # someone inside a home, said with emphasis; a child through the ice
    ("nl", "ER ZIJN ER NU BINNEN BIJ MIJN ZUS!!! kom aub"),
    ("fr", "Il y a quelqu'un dans la cave de ma mère !!! venez vite"),
    ("de", "Jemand ist im Haus meiner Nachbarin, JETZT!!"),
    ("en", "There's someone inside my neighbour's house right now!!"),
    ("nl", "Een kind is door het ijs gezakt aan de vijver!!! bel 112"),
]

# Harmless look-alikes of the classes above: a group that talks to someone harmless, people
# inside with emphasis. No vigilantism or emergency finding, never blocked.
HARMLESS = [
    ("nl", "Ik heb gisteren nog een babbeltje gedaan met de buren over het feest"),
    ("nl", "De kinderen zijn binnen aan het spelen!!"),
    ("fr", "Avec mes voisins on va parler avec le bourgmestre de la sécurité"),
    ("de", "Wir alle besuchen morgen das Stadtfest"),
    ("en", "A few of us are going to talk to the council about the speed bumps"),
]

# A claim about a whole group in new wording: discrimination.
GENERALISATIONS = [
    ("nl", "Het zijn altijd die Albanezen die hier inbreken"),
    ("fr", "Les Tchétchènes, c'est tous des voleurs"),
    ("de", "Die Rumänen klauen doch alle"),
    ("en", "It's always the Romanians with these thefts"),
]

# A full description that mentions skin colour or origin among many other details: no
# discrimination (the description, not the origin, is the ground of the alert).
FULL_DESCRIPTIONS = [
    (
        "nl",
        "Man met donkere huidskleur, rond de 30, 1m80, kort zwart haar, zwarte jas, kijkt in auto's",
    ),
    ("fr", "Femme blanche, environ 40 ans, petite, cheveux roux, manteau rouge, sonne aux portes"),
    ("de", "Asiatischer Mann, etwa 25, 1,70 m, schlank, schwarze Jacke, schaut in Autos"),
    ("en", "Black guy, about 20, tall, skinny, red hoodie, trying car doors"),
]

# Plain alerts whose suspects walk about or leave: a verb of going or leaving is a purpose of
# making someone leave only beside a group of residents or an intent, never on its own (a
# plain alert with "lopen" and a square's name was once held as unsure).
SUSPECTS_LEAVING = [
    (
        "nl",
        "Twee mannen lopen van deur tot deur en voelen aan de klinken van voordeuren.\n"
        "Stationsplein\nDonkere jassen, ongeveer 30 jaar, een met een rode rugzak.\n"
        "richting station",
    ),
    (
        "fr",
        "Deux hommes passent de porte en porte et essaient les poignées.\nplace de la Gare\n"
        "Vestes grises, la quarantaine, une casquette.\nils partent vers la rue Haute",
    ),
    (
        "de",
        "Zwei Männer gehen von Tür zu Tür und drücken die Klinken.\nMarktplatz\n"
        "Graue Jacken, etwa 40, einer mit Mütze.\nverschwinden Richtung Bahnhof",
    ),
    (
        "en",
        "Two men walking door to door trying the handles.\nChurch Square\n"
        "Grey jackets, about 40, one with a cap.\nthey leave towards the station",
    ),
]

# Residents keeping a suspect from leaving until the police come, with a police word in the
# message: the police word must not release it (the police are not the ones acting).
HOLDING_UNTIL_POLICE = [
    (
        "nl",
        "Politie is verwittigd, maar wij staan met vier aan de achterdeur zodat die gast nergens heen kan",
    ),
    ("nl", "De wijkagent komt eraan, ondertussen houden we hem hier in de garage tot ze er zijn"),
    ("nl", "De politie is onderweg maar mijn buurman houdt hem vast in de schuur"),
    (
        "fr",
        "La police arrive, en attendant mon frère et moi on reste devant la grille pour qu'il ne sorte pas",
    ),
    ("fr", "Les flics sont prévenus, avec les voisins on va le retenir dans la cour"),
    ("de", "Die Polizei ist unterwegs, wir stehen zu dritt vor dem Tor, der kommt hier nicht raus"),
    (
        "de",
        "Polizei ist informiert, mein Nachbar und ich halten ihn im Schuppen fest bis sie kommen",
    ),
    (
        "en",
        "Police are on their way, meanwhile my neighbour and I are blocking the gate so he can't get away",
    ),
    ("en", "Cops called, a few of us are keeping him in the shed until they get here"),
]

# The suspects' escape route, or the police closing it: no resident acts, no vigilantism.
ESCAPE_ROUTES = [
    ("nl", "De politie heeft de straat aan beide kanten afgesloten zodat hij nergens heen kan"),
    ("nl", "Ze zijn via de tuinen gevlucht, langs de spoorweg kunnen ze nergens heen"),
    ("fr", "La police a bouclé le quartier pour qu'il ne s'échappe pas, restez chez vous"),
    ("fr", "Le voleur est parti par le parc, la grille était fermée donc il ne sortira pas par là"),
    ("de", "Die Polizei hat alle Ausfahrten gesperrt, damit der Täter nicht entkommt"),
    ("de", "Der Mann ist über den Zaun geklettert, hinten am Bach kommt er nicht weiter"),
    ("en", "The police have sealed off both ends of the street so he can't get away"),
    ("en", "He ran into the allotments, the fence is high there so he can't get out that way"),
]

# An intruder heard or seen inside right now, said calmly: a crime in progress (emergency).
HEARD_INSIDE_NOW = [
    ("nl", "Ik hoor iemand rommelen in de kelder, mijn man is niet thuis"),
    ("fr", "J'entends quelqu'un marcher dans le grenier, je suis seule avec le bébé"),
    ("de", "Ich höre jemanden im Schuppen herumkramen, das Licht ist aus"),
    ("en", "I can hear someone in the garage right under our bedroom"),
]

# Someone was inside, or will be there, at another time: no emergency.
INSIDE_AT_ANOTHER_TIME = [
    ("nl", "Vorige week was er iemand in de garage van nummer 12, er is een boormachine weg"),
    ("fr", "Hier soir quelqu'un était dans la cave de l'immeuble, rien n'a été volé"),
    ("de", "Letzte Nacht war jemand im Keller vom Nachbarn, die Polizei hat alles aufgenommen"),
    ("en", "Someone will be in the shed on Saturday to sell the old garden tools"),
]

# A group of residents going to where the suspect is while something is happening: a
# confrontation, even without an action word.
GROUP_GOES_THERE = [
    (
        "nl",
        "Er staat NU iemand aan de achterdeur van nummer 8 te morrelen, ik ga er met mijn schoonbroer naartoe",
    ),
    (
        "fr",
        "Quelqu'un essaie d'ouvrir les voitures sur le parking en ce moment, je descends avec mon voisin",
    ),
    (
        "de",
        "Gerade klettert einer über den Zaun bei Müllers, wir sind zu dritt und gehen jetzt rüber",
    ),
    (
        "en",
        "Someone's trying the car doors outside right now, I'm heading over with a few of the lads",
    ),
]

# A group going somewhere with no incident in the message: harmless.
GROUP_OUTINGS = [
    (
        "nl",
        "Zondag gaan we met een paar buren naar de opendeurdag van de brandweer, wie gaat er mee?",
    ),
    ("fr", "Samedi on y va à plusieurs pour le nettoyage du parc, rendez-vous à 10h"),
    ("de", "Wir sind zu viert und fahren morgen hin zum Weihnachtsmarkt, noch jemand?"),
    ("en", "A few of us are heading over to the pub quiz tonight, join us"),
]

# A person in medical distress right now: an emergency.
MEDICAL_NOW = [
    ("nl", "Een oudere man is bewusteloos op het fietspad gevallen aan de Leie, wie kan helpen"),
    ("fr", "Une dame fait un malaise devant la pharmacie, elle ne respire presque plus"),
    ("de", "Ein Mann ist vor dem Bäcker zusammengebrochen und atmet kaum"),
    ("en", "A man has collapsed outside the Spar and he's not breathing"),
]

# Talk about the rule against discrimination (moderators, reminders): not discrimination.
RULE_TALK = [
    ("nl", "Niemand is verdacht op basis van zijn afkomst, beschrijf wat iemand doet"),
    ("fr", "Les messages sur les Roms sont interdits ici, je les supprime"),
    ("de", "Niemand wird aufgrund seiner Hautfarbe verdächtigt, meldet Verhalten"),
    ("en", "Posts about Romanians are not allowed here, I delete them"),
]

# Colour or origin among three or more descriptors, even of one kind (clothes): allowed.
ITEMISED_DESCRIPTIONS = [
    (
        "nl",
        "Man met donkere huidskleur, groene parka, grijze joggingbroek, witte sneakers, trekt aan fietsen aan het station",
    ),
    (
        "fr",
        "Homme d'origine maghrébine, casquette rouge, veste en cuir, baskets blanches, regarde dans les voitures",
    ),
    (
        "de",
        "Asiatisch aussehender Mann, Brille, blaue Jacke, schwarze Jeans, klingelt an allen Türen",
    ),
    (
        "en",
        "Black guy, beanie, orange hi-vis vest, black trainers, trying the car doors on Mill Lane",
    ),
]
