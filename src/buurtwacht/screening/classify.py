"""Kind (alert / follow_up / chatter) and category of a message.

A vote over vocabulary, by design simple enough to explain to a coordinator:
- alert signals: crime and danger vocabulary per category, suspicious behaviour, warnings,
  a plate, an emergency;
- follow-up signals: resolution and reference words ("teruggevonden", "fausse alerte",
  "festgenommen", "update", "het waren ..."), not negated ("nog niet teruggevonden" is not one);
- chatter signals: sales, events, greetings, everyday nuisances.
Lost pets and found objects are chatter, a lost child is an alert. The category is the
strongest specific crime (fire, violence, missing person, burglary, scam, theft, vandalism);
without one, a vehicle makes it suspicious_vehicle and a person suspicious_person; else other.
"""

from __future__ import annotations

from .scope import Analysis

SPECIFIC = ("fire", "violence", "missing_person", "burglary", "scam", "theft", "vandalism")
_CONCEPT = {
    "fire": "fire", "violence": "violence", "missing_person": "missing", "burglary": "burglary",
    "scam": "scam", "theft": "theft", "vandalism": "vandalism",
}  # fmt: skip


def _count(an: Analysis, concept: str) -> int:
    ms = an.get(concept)
    if not ms:
        return 0
    vig = [(v.i, v.j) for v in an.get("vigilantism")]
    n = 0
    for m in ms:
        if an.quoted(m) or an.negated(m):
            continue
        if vig and any(a <= m.i and m.j <= b for a, b in vig):
            continue  # "à coups de pied": a threat
        n += 1
    return n


def category_scores(an: Analysis) -> dict[str, float]:
    scores = {}
    for cat in SPECIFIC:
        c = _CONCEPT[cat]
        scores[cat] = 2.0 * _count(an, f"cat_{c}") + 1.0 * _count(an, f"weak_{c}")
    harmless = {an.sentence(m) for m in an.get("harmless")}
    if harmless:
        fire = [m for m in an.get("cat_fire") if an.sentence(m) not in harmless]
        scores["fire"] = 2.0 * len(fire)
    if an.get("pet") and not an.get("desc_age"):
        scores["missing_person"] = 0.0  # "kat vermist", "perruche envolée": not a person
        scores["theft"] = 2.0 * _count(an, "cat_theft")  # "onze kat is weg" is not a theft
    return scores


_DESCRIPTORS = ("desc_age", "desc_height", "desc_build", "desc_hair", "desc_clothing")


def classify(
    an: Analysis, *, emergency: bool, plate: bool, vigilantism: bool, police: bool = False
) -> tuple[str, dict[str, float]]:
    scores = category_scores(an)
    # A person described by two or more kinds of descriptor is someone being reported.
    described = sum(1 for c in _DESCRIPTORS if an.get(c)) >= 2 and bool(an.get("person"))
    strong = sum(v for v in scores.values())
    suspicious = _count(an, "suspicious")
    warning = _count(an, "warning")
    origin = 1.0 if an.get("origin") or an.get("slur") else 0.0
    alert = (
        strong + 1.5 * suspicious + 0.5 * warning + (3 if emergency else 0) + plate
        + (1 if vigilantism and an.get("vigilantism") else 0) + origin
        + (1 if police else 0) + (1 if described else 0)
    )  # fmt: skip
    follow = float(_count(an, "follow_up"))
    chatter = float(_count(an, "chatter"))
    # "Die Zigeuner sind wieder da, passt auf!": people said to be back, with a warning to
    # members, is an alert about them, not an update on an earlier one.
    people_back = follow < 2 and warning and (origin or an.get("slur"))
    if (
        follow >= 1
        and not (emergency and follow < 2)
        and not people_back
        and follow * 3 >= alert - 1
    ):
        return "follow_up", scores
    if alert >= 2 and alert > chatter:
        return "alert", scores
    if alert >= 1 and chatter == 0:
        return "alert", scores
    return "chatter", scores


def category(an: Analysis, scores: dict[str, float], plate: bool) -> str:
    best = max(SPECIFIC, key=lambda c: (scores[c], -SPECIFIC.index(c)))
    if scores[best] >= 2:
        return best
    vehicles = an.get("vehicle")
    persons = an.get("person") + an.get("origin")
    # Whichever is mentioned first is what the message is about ("BMW met twee mannen" vs
    # "man die aan auto's prutst"); a plate makes it about a vehicle.
    vehicle = plate or (
        bool(vehicles) and (not persons or min(v.i for v in vehicles) < min(p.i for p in persons))
    )
    if vehicle and (an.get("suspicious") or plate or an.get("warning")):
        return "suspicious_vehicle"
    person = bool(persons)
    if person and (an.get("suspicious") or an.get("warning") or an.get("origin")):
        return "suspicious_person"
    if scores[best] >= 1:
        return best
    if vehicle or vehicles:
        return "suspicious_vehicle"
    if person:
        return "suspicious_person"
    return "other"
