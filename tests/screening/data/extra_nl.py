# ruff: noqa: E501  (message templates are kept whole)
"""Second batch of Dutch templates (corpus v2): more look-alikes and more shapes per class.

Added after the first checkpoint; split by a hash of the template (make_corpus.py), so the
first batch's split is untouched. Same tuple format as families_nl.py; slots from there.
"""

FAMILIES = {
    "x_everyday": [
        ("We pakken straks nog een paar bakken bier mee voor het feest{calm}", "chatter", None, []),
        ("ik ga hem morgen ophalen aan de crèche, hij was ziek{calm}", "chatter", None, []),
        (
            "Als hij zijn huiswerk weer niet maakt, mag hij van mij een week niet gamen haha",
            "chatter",
            None,
            [],
        ),
        (
            "we houden de kleine vast als hij de eerste keer op de pony zit{calm}",
            "chatter",
            None,
            [],
        ),
        ("Wie helpt mee de tafels blokkeren voor de rommelmarkt zondag?", "chatter", None, []),
        (
            "Ik zal hem eens vragen of hij zijn haag wil snoeien, vriendelijk hoor{calm}",
            "chatter",
            None,
            [],
        ),
        (
            "we volgen de wandelroute van de gemeente, wie wandelt er mee zaterdag?{calm}",
            "chatter",
            None,
            [],
        ),
        (
            "morgen gaan we met de scouts de straat rond om wafels te verkopen{calm}",
            "chatter",
            None,
            [],
        ),
    ],
    "x_lookalike": [
        (
            "We pakken zaterdag met een paar buren de bus naar de kerstmarkt, wie gaat er mee?{calm}",
            "chatter",
            None,
            [],
        ),
        ("kzal die doos wel vasthouden als ge de kast verplaatst{calm}", "chatter", None, []),
        (
            "Ik volg die cursus EHBO in de parochiezaal, nog iemand zin om mee te gaan?",
            "chatter",
            None,
            [],
        ),
        (
            "blokkeer alvast de datum: buurtbarbecue op 14 juni aan {street}{calm}",
            "chatter",
            None,
            [],
        ),
        (
            "Mijn auto staat nu voor de deur van de garage, hij mag hem komen halen",
            "follow_up",
            None,
            [],
        ),
        (
            "De camionette van de verhuizers staat nog altijd voor nummer 8, dat is normaal hoor",
            "follow_up",
            None,
            [],
        ),
        (
            "we sluiten de avond af met een drankje in het café op de hoek{calm}",
            "chatter",
            None,
            [],
        ),
        (
            "Wie wil er mee de straat opruimen zondag? We gaan met een man of tien{calm}",
            "chatter",
            None,
            [],
        ),
        (
            "Die gasten van de voetbal gaan we zaterdag eens goed aanmoedigen, allemaal naar het veld!",
            "chatter",
            None,
            [],
        ),
        (
            "ik ga morgen eens langs bij de nieuwe buren om hen welkom te heten{calm}",
            "chatter",
            None,
            [],
        ),
        ("onze hond volgt iedereen die voorbij loopt, sorry daarvoor haha", "chatter", None, []),
        (
            "De kinderen spelen tikkertje in het park, ze zitten elkaar achterna 😄",
            "chatter",
            None,
            [],
        ),
        ("Ik heb hem gisteren nog gezien aan de bakker, hij zag er goed uit", "chatter", None, []),
    ],
    "x_warn": [
        (
            "Ik weet dat iedereen kwaad is, maar ga hem aub niet opwachten. Politie is ermee bezig{calm}",
            "chatter",
            None,
            ["police_called"],
        ),
        (
            "Zet uw auto NIET voor hun poort om ze tegen te houden, dat is gevaarlijk en strafbaar",
            "chatter",
            None,
            [],
        ),
        ("niemand gaat erop af hé mannen, we bellen 101 en we blijven binnen", "chatter", None, []),
        (
            "Wie voorstelt om zelf te gaan patrouilleren: dat doen we niet, dat is tegen het charter",
            "chatter",
            None,
            [],
        ),
    ],
    "x_vig": [
        (
            "we moeten die gasten eens een lesje leren, desnoods met de honkbalknuppel{emo}",
            "chatter",
            None,
            ["vigilantism"],
        ),
        (
            "Ik en mijn broer gaan er vannacht op af, ze gaan het zich beklagen{emo}",
            "chatter",
            None,
            ["vigilantism"],
        ),
        (
            "als de flikken niks doen, dan gaan wij die dief zelf wel eens gaan halen{emo}",
            "chatter",
            None,
            ["vigilantism"],
        ),
        (
            "Kom, we zetten hem klem tussen onze auto's als hij nog eens passeert",
            "chatter",
            None,
            ["vigilantism"],
        ),
        (
            "{man} aan het inbreken in {street}! wie is er in de buurt? pak hem vast tot de politie komt",
            "alert",
            "burglary",
            ["emergency", "vigilantism"],
        ),
        (
            "wie weet waar {him} woont? dan gaan we daar eens aanbellen met een paar man{emo}",
            "chatter",
            None,
            ["vigilantism"],
        ),
        (
            "Morgen sta ik aan de schoolpoort en dan zal ik hem eens zeggen waar het op staat{emo}",
            "chatter",
            None,
            ["vigilantism"],
        ),
    ],
    "x_emg": [
        (
            "HELP er zit iemand vast in een brandende auto aan {street}!!!",
            "alert",
            "fire",
            ["emergency"],
        ),
        (
            "snel bellen, er wordt hier gevochten met messen, kzie bloed",
            "alert",
            "violence",
            ["emergency"],
        ),
        (
            "ze zijn NU binnen bij de buren, ik hoor glas breken!!",
            "alert",
            "burglary",
            ["emergency"],
        ),
        (
            "iemand moet 112 bellen, een oud manneke is gevallen en bloedt aan zijn hoofd aan {street}",
            "alert",
            "other",
            ["emergency"],
        ),
    ],
    "x_resolved": [
        (
            "De inbrekers van {time} zijn gevat, de politie heeft ze meegenomen. Einde melding",
            "follow_up",
            None,
            ["police_called"],
        ),
        (
            "update: de gaslucht kwam van een werf, Fluvius heeft alles nagekeken, geen gevaar meer",
            "follow_up",
            None,
            [],
        ),
        (
            "Voor de duidelijkheid: de brand van {time} was in een container en is al lang geblust",
            "follow_up",
            None,
            [],
        ),
        (
            "ik heb er {time} al aangifte van gedaan bij de wijkagent, dossier loopt",
            "follow_up",
            None,
            ["police_called"],
        ),
        (
            "al een week elke avond lawaai aan {street}, we hebben al drie keer gebeld naar de politie",
            "alert",
            "other",
            ["police_called"],
        ),
    ],
    "x_disc": [
        (
            "Die asielzoekers van het centrum, die zitten altijd rond te hangen om iets te pikken",
            "chatter",
            None,
            ["discrimination"],
        ),
        (
            "Weer een Arabier aan {street} aan het rondlopen, wees maar op uw hoede{emo}",
            "alert",
            "suspicious_person",
            ["discrimination"],
        ),
        (
            "Verdacht: man rond de 40, gezet, kaal, donkere huid, grijs trainingspak, rode rugzak, probeerde klinken. 101 gebeld",
            "alert",
            "suspicious_person",
            ["police_called"],
        ),
    ],
    "x_clean": [
        (
            "Opgelet: valse collectanten van 'het Rode Kruis' in {street}, politie is verwittigd{calm}",
            "alert",
            "scam",
            ["police_called"],
        ),
        (
            "{vehicle} volgt al 10 minuten de schoolkinderen aan {street}, 101 is gebeld",
            "alert",
            "suspicious_vehicle",
            ["police_called"],
        ),
        (
            "iemand heeft {time} de banden van 3 auto's lek gestoken aan {street}, pv opgemaakt",
            "alert",
            "vandalism",
            ["police_called"],
        ),
    ],
}
