# ruff: noqa: E501  (message templates are kept whole)
"""German (Ostbelgien) message families for the generated corpus (see families_nl.py)."""

SLOTS = {
    "street": [
        "der Kirchstraße",
        "dem Marktplatz",
        "der Bahnhofstraße",
        "dem Aldi-Parkplatz",
        "der Lindenallee",
        "dem Park",
    ],
    "man": ["ein Typ", "ein Mann", "zwei Männer", "ein junger Kerl", "drei Jugendliche"],
    "him": ["den Typen", "die Kerle", "diesen Kerl", "das Pack"],
    "vehicle": [
        "ein weißer Transporter",
        "ein grauer Golf",
        "ein schwarzer BMW",
        "ein alter Lieferwagen",
    ],
    "time": ["heute Nacht", "heute Morgen", "gestern Abend", "gegen 3 Uhr", "vorhin"],
    "obj": ["das Fahrrad", "den Briefkasten", "das Auto", "die Gartenhütte", "das Garagentor"],
    "emo": ["", "", " 😡", " 🤬", " !!"],
    "calm": ["", "", " 🙏", " 👍", " danke"],
    "plate": ["1-ABC-234", "EU-AB 123", "AC-XY 412"],
}

FAMILIES = {
    "vig_group": [
        (
            "Wer kommt heute Abend mit? Zu fünft statten wir denen mal einen Besuch ab{emo}",
            "chatter",
            None,
            ["vigilantism"],
        ),
        (
            "Mit ein paar Nachbarn warten wir an {street} auf {him}{emo}",
            "chatter",
            None,
            ["vigilantism"],
        ),
    ],
    "vig_word": [
        (
            "Ich werde mir {him} mal zur Brust nehmen, der wird sich wundern{emo}",
            "chatter",
            None,
            ["vigilantism"],
        ),
        (
            "dem muss mal einer Angst machen, dann kommt er nicht wieder",
            "chatter",
            None,
            ["vigilantism"],
        ),
    ],
    "vig_hold": [
        (
            "Wenn ich ihn sehe, halte ich ihn fest bis die Polizei da ist, der kommt nicht weg{emo}",
            "chatter",
            None,
            ["vigilantism"],
        ),
        (
            "Nächstes Mal kesseln wir ihn in der Sackgasse ein{emo}",
            "chatter",
            None,
            ["vigilantism"],
        ),
    ],
    "vig_block": [
        (
            "{vehicle} steht wieder an {street}, stellt eure Autos davor und dahinter, dann kommt er nicht weg{emo}",
            "alert",
            "suspicious_vehicle",
            ["vigilantism"],
        ),
        (
            "wenn die wiederkommen, sperren wir die Straße mit unseren Autos ab",
            "chatter",
            None,
            ["vigilantism"],
        ),
    ],
    "vig_follow": [
        (
            "{vehicle} fährt gerade weg, ich fahre hinterher und sage euch wohin",
            "alert",
            "suspicious_vehicle",
            ["vigilantism"],
        ),
        (
            "Ich bin denen gestern bis zur Autobahn nachgefahren, heute mache ich das wieder",
            "chatter",
            None,
            ["vigilantism"],
        ),
    ],
    "vig_self": [
        (
            "Die Polizei tut eh nichts, dann regeln wir das eben selbst{emo}",
            "chatter",
            None,
            ["vigilantism"],
        ),
        (
            "Wenn die Polizei nicht kommt, nehmen wir die Sache in die eigene Hand{emo}",
            "chatter",
            None,
            ["vigilantism"],
        ),
    ],
    "vig_threat": [
        (
            "Wenn ich {him} erwische, kann er sich auf was gefasst machen{emo}",
            "chatter",
            None,
            ["vigilantism"],
        ),
        (
            "Der soll sich hier nochmal blicken lassen, dann gibt's eine Abreibung{emo}",
            "chatter",
            None,
            ["vigilantism"],
        ),
    ],
    "vig_past": [
        (
            "Letzte Woche haben wir schon einen aus dem Viertel gejagt, das machen wir wieder",
            "chatter",
            None,
            ["vigilantism"],
        ),
    ],
    "vig_shame": [
        (
            "Ich stelle sein Foto mit Namen auf Facebook, jeder soll wissen wer das ist{emo}",
            "chatter",
            None,
            ["vigilantism"],
        ),
    ],
    "warn": [
        (
            "Lasst den Baseballschläger zu Hause, niemand jagt hier jemandem hinterher. 101 anrufen{calm}",
            "chatter",
            None,
            [],
        ),
        (
            "Bitte nicht selbst hingehen oder die Leute ansprechen, das ist Sache der Polizei{calm}",
            "chatter",
            None,
            [],
        ),
        (
            "Zur Erinnerung: beobachten, notieren, anrufen. Keine Hilfssheriffs{calm}",
            "chatter",
            None,
            [],
        ),
    ],
    "emg_caps": [
        (
            "DA WIRD GERADE EINGEBROCHEN in {street}!!! RUFT DIE POLIZEI",
            "alert",
            "burglary",
            ["emergency"],
        ),
        (
            "Schnell, ruft jemand an!! Eine Frau liegt an {street} am Boden und bewegt sich nicht",
            "alert",
            "other",
            ["emergency"],
        ),
        ("FEUER an {street} 🔥 Rauch kommt aus dem Dach", "alert", "fire", ["emergency"]),
    ],
    "emg_plain": [
        (
            "Gerade in diesem Moment versucht {man}, die Tür von Nummer 3 aufzuhebeln",
            "alert",
            "burglary",
            ["emergency"],
        ),
        (
            "Starker Gasgeruch in der ganzen Straße bei {street}, die Leute gehen raus",
            "alert",
            "fire",
            ["emergency"],
        ),
        (
            "An der Bushaltestelle wird jemand zusammengeschlagen, es passiert jetzt",
            "alert",
            "violence",
            ["emergency"],
        ),
    ],
    "emg_called": [
        (
            "Einbruch läuft gerade an {street}, 112 ist angerufen und unterwegs",
            "alert",
            "burglary",
            ["emergency", "police_called"],
        ),
        (
            "{man} bedroht eine Frau mit einem Messer an {street}, die Polizei ist unterwegs",
            "alert",
            "violence",
            ["emergency", "police_called"],
        ),
    ],
    "resolved": [
        (
            "Das Gasleck an {street} ist abgedichtet, alle dürfen wieder rein. Entwarnung{calm}",
            "follow_up",
            None,
            [],
        ),
        (
            "Der Dieb von {time} wurde von der Polizei festgenommen, danke an alle{calm}",
            "follow_up",
            None,
            ["police_called"],
        ),
        (
            "Ich habe {time} schon Anzeige erstattet wegen des Einbruchs in den Keller",
            "follow_up",
            None,
            ["police_called"],
        ),
        (
            "Update: Fehlalarm, es war der Nachbar, der seinen Schlüssel vergessen hatte{calm}",
            "follow_up",
            None,
            [],
        ),
    ],
    "clean_alert": [
        (
            "{vehicle} fährt seit einer halben Stunde langsam durch die Straße bei {street}. Polizei ist informiert",
            "alert",
            "suspicious_vehicle",
            ["police_called"],
        ),
        (
            "{man} klingelt überall und gibt sich als Wasserwerk aus. Ich habe die 101 angerufen{calm}",
            "alert",
            "scam",
            ["police_called"],
        ),
        (
            "{vehicle} mit Kennzeichen {plate} stand {time} lange vor der Schule, Polizei angerufen",
            "alert",
            "suspicious_vehicle",
            ["licence_plate", "police_called"],
        ),
    ],
    "alert_nocall": [
        (
            "{man} schleicht schon eine Weile hinter den Häusern an {street} herum",
            "alert",
            "suspicious_person",
            [],
        ),
        ("Fahrrad {time} am Bahnhof gestohlen, ein blaues Mountainbike", "alert", "theft", []),
    ],
    "disc": [
        (
            "Schon wieder diese Zigeuner an {street}, die spähen immer aus um zu klauen{emo}",
            "alert",
            "suspicious_person",
            ["discrimination"],
        ),
        (
            "Vorsicht vor den Rumänen, die kommen nur zum Stehlen her",
            "chatter",
            None,
            ["discrimination"],
        ),
    ],
    "desc_ok": [
        (
            "Verdächtiger Mann an {street}: etwa 30, 1,80 m, dunkle Hautfarbe, schwarze Jacke, graue Mütze, weiße Sporttasche. Polizei angerufen",
            "alert",
            "suspicious_person",
            ["police_called"],
        ),
    ],
    "chatter": [
        ("Hat jemand eine Leiter, die ich morgen ausleihen kann?{calm}", "chatter", None, []),
        (
            "Nachbarschaftsfest am Samstag an {street}, ab 15 Uhr, alle willkommen{calm}",
            "chatter",
            None,
            [],
        ),
        ("Unsere Katze ist seit {time} weg, grau mit weißen Pfoten{calm}", "chatter", None, []),
    ],
    "lookalike": [
        (
            "Samstag schneiden wir zu fünft die Hecke an der Schule, wer kommt mit helfen?{calm}",
            "chatter",
            None,
            [],
        ),
        (
            "Feuerwehrübung morgen an {street}, keine Sorge wegen des Rauchs{calm}",
            "chatter",
            None,
            [],
        ),
    ],
    "followup": [
        (
            "Mein gestohlenes Fahrrad ist wieder aufgetaucht, danke fürs Teilen{calm}",
            "follow_up",
            None,
            [],
        ),
    ],
}
