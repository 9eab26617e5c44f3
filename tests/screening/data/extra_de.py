# ruff: noqa: E501  (message templates are kept whole)
"""Second batch of German templates (corpus v2); see extra_nl.py."""

FAMILIES = {
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
