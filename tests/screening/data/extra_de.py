# ruff: noqa: E501  (message templates are kept whole)
"""Second batch of German templates (corpus v2); see extra_nl.py."""

FAMILIES = {
    "y_vig": [
        (
            "Ich kenne seine Adresse, wer kommt mit und sagt ihm mal die Meinung?{emo}",
            "chatter",
            None,
            ["vigilantism"],
        ),
        (
            "Wenn wir ihn erwischen, rufen wir niemanden, das klären wir auf unsere Art{emo}",
            "chatter",
            None,
            ["vigilantism"],
        ),
    ],
    "y_lookalike": [
        (
            "Wer kommt mit zum Infoabend über Einbruchschutz mit dem Bezirksbeamten?{calm}",
            "chatter",
            None,
            [],
        ),
        (
            "Der Bezirksbeamte kommt Donnerstag vorbei, um mit uns über den Lärm zu reden{calm}",
            "chatter",
            None,
            [],
        ),
    ],
    "y_emg": [
        (
            "Ein Kind ist in den Teich gefallen an {street} und kommt nicht hoch!!!",
            "alert",
            "other",
            ["emergency"],
        ),
    ],
    "y_resolved": [
        (
            "Alles wieder ruhig an {street}, die Feuerwehr ist weg, nichts Schlimmes",
            "follow_up",
            None,
            [],
        ),
    ],
    "x_everyday": [
        ("Wir holen nachher noch ein paar Kisten Bier für das Fest{calm}", "chatter", None, []),
        ("Ich hole ihn morgen von der Kita ab, er war krank{calm}", "chatter", None, []),
        (
            "Wenn er seine Hausaufgaben nicht macht, gibt es eine Woche kein Handy haha",
            "chatter",
            None,
            [],
        ),
    ],
    "x_lookalike": [
        (
            "Samstag fahren wir zu mehreren mit dem Bus zum Weihnachtsmarkt, wer kommt mit?{calm}",
            "chatter",
            None,
            [],
        ),
        (
            "Der Umzugswagen steht noch vor Nummer 8, das ist in Ordnung{calm}",
            "follow_up",
            None,
            [],
        ),
        (
            "Ich schaue morgen bei den neuen Nachbarn vorbei, um sie zu begrüßen{calm}",
            "chatter",
            None,
            [],
        ),
    ],
    "x_vig": [
        (
            "Denen muss man mal eine Lektion erteilen, notfalls mit dem Schläger{emo}",
            "chatter",
            None,
            ["vigilantism"],
        ),
        (
            "Mein Bruder und ich gehen heute Nacht hin, die werden es bereuen{emo}",
            "chatter",
            None,
            ["vigilantism"],
        ),
    ],
    "x_emg": [
        (
            "HILFE jemand sitzt in einem brennenden Auto fest an {street}!!!",
            "alert",
            "fire",
            ["emergency"],
        ),
    ],
    "x_resolved": [
        (
            "Die Einbrecher von {time} wurden gefasst, die Polizei hat sie mitgenommen. Entwarnung",
            "follow_up",
            None,
            ["police_called"],
        ),
    ],
    "x_warn": [
        (
            "Stellt eure Autos bitte NICHT vor deren Ausfahrt, das ist gefährlich{calm}",
            "chatter",
            None,
            [],
        ),
    ],
}
