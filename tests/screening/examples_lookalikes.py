"""Harmless look-alikes of emergency/vigilantism (idioms, objects, picking someone up, opinions
about the law, figurative fighting) and true positives close to them. Written for the
false-positive fixes; tuned on, asserted by test_lookalikes.py."""

# (lang, text, expected emergency/vigilantism findings)
LOOKALIKES = [
    # the five reported false positives
    ("de", "Die Kinder schlagen sich gut", []),
    ("nl", "Mijn fiets ligt op de grond", []),
    ("nl", "Ik pak hem op aan school", []),
    ("en", "The law should punish them harder", []),
    ("nl", "Er wordt gevochten voor elke parkeerplaats", []),
    # similar harmless look-alikes
    ("de", "Unsere Jungs haben sich im Turnier wacker geschlagen", []),
    ("de", "Die neue Nachbarin schlägt sich tapfer mit den drei Kindern", []),
    ("de", "Hier kämpfen alle um jeden Parkplatz", []),
    ("de", "Das Gericht sollte sie härter bestrafen, finde ich", []),
    ("de", "Er schlägt sich so durch seit der Kündigung", []),
    ("nl", "Er ligt een handschoen op de grond bij de bakker", []),
    ("nl", "De bladeren liggen overal op de grond", []),
    ("nl", "Ik haal haar op van het station om zes uur", []),
    ("nl", "Wie pakt de kleine op na de training?", []),
    ("nl", "De rechter moet ze veel harder straffen", []),
    ("nl", "Ze vechten om elke plek op het terras", []),
    ("fr", "Les voisins se battent pour chaque place de parking", []),
    ("fr", "La justice devrait les punir plus sévèrement", []),
    ("fr", "Mon vélo est par terre devant la boulangerie", []),
    ("fr", "Les petits se débrouillent bien à l'école", []),
    ("en", "People fight over every parking spot on this street", []),
    ("en", "The courts must punish them harder, in my opinion", []),
    ("en", "My bike is lying on the ground by the shop", []),
    ("en", "The kids are fighting for the title this weekend", []),
    ("en", "I'll pick him up at school at three", []),
    # true positives close to them: must stay detected
    ("nl", "Ze slaan hem op de grond", ["emergency"]),
    ("nl", "Er wordt gevochten voor de deur van het café", ["emergency"]),
    ("nl", "Ik pak hem als ik hem zie", ["vigilantism"]),
    ("nl", "Er ligt een man op de grond en hij beweegt niet", ["emergency"]),
    ("nl", "We spelen eigen rechter, de rechter doet toch niks", ["vigilantism"]),
    ("de", "Zwei Männer schlagen auf einen Jungen ein", ["emergency"]),
    ("de", "Die schlagen sich gegenseitig vor der Kneipe", ["emergency"]),
    ("fr", "Ils se battent devant le café, venez vite", ["emergency"]),
    ("fr", "On va faire justice nous-mêmes", ["vigilantism"]),
    ("en", "We take the law into our own hands tonight", ["vigilantism"]),
    ("nl", "De rechter zal niks doen, dus we pakken ze zelf aan", ["vigilantism"]),
    ("de", "Das Gericht wird nichts tun, wir bestrafen sie selbst", ["vigilantism"]),
    ("en", "Two guys are fighting outside the pub right now", ["emergency"]),
    # an idiom cancels only its own words, not the rest of the sentence
    ("nl", "Ik pak hem op aan school en dan slaan we hem samen in elkaar", ["vigilantism"]),
    ("nl", "Ze vechten om elke plek en iemand is gewond", ["emergency"]),
    ("de", "Die Kinder schlagen sich gut, aber ein Mann bedroht sie gerade", ["emergency"]),
    ("en", "They fight over every spot and one guy is bleeding", ["emergency"]),
]
