"""The six findings, each with the span of text that triggered it.

Every rule here is about *how* something is said, not which sentence says it:
- police_called: a police/emergency service and a verb of contact or police action in the same
  clause ("Politie gebeld", "la police est venue", "von der Polizei kontrolliert"), or a formal
  complaint ("klacht neergelegd", "porté plainte"), unless negated, asked, or hypothetical.
- emergency: danger that is happening (fire, smoke, fighting, weapons, screams, "help!"), or a
  word for "now / in progress" together with a crime in the same sentence; not when negated,
  past, resolved ("onder controle") or harmless ("brandweeroefening", "demo").
- vigilantism: phrases of chasing, catching, confronting, punishing, shaming, or organising a
  patrol, unless negated ("NIET achterna gaan"), quoted to be rejected, discouraged ("niet
  doen!") or done by the police ("door de politie klemgereden").
- discrimination: slurs; or origin/religion/skin colour as the ground of suspicion (with a
  generalisation, or in an alert without at least three other descriptors).
- licence_plate and third_party_data: pattern detectors (plates.py, contacts.py, people.py).
"""

from __future__ import annotations

from .contacts import find_contacts
from .model import Finding
from .normalise import fold, squeeze
from .people import find_addresses, find_names
from .phrases import Match
from .plates import find_plates
from .scope import Analysis


def _key(word: str) -> str:
    return squeeze(fold(word))


_POLICE_NOT_AGENT = frozenset("station kantoor bureau commissariaat wache".split())
_CRIME_CONCEPTS = (
    "cat_burglary", "cat_theft", "cat_vandalism", "cat_violence", "cat_fire", "weak_burglary",
    "weak_vandalism", "weak_violence",
)  # fmt: skip
_FIRST_PERSON = frozenset("j je ik ich wir nous am".split())
_RESIDENTS = frozenset(
    "we wij ik i ich wir on nous je us ons uns zelf ourselves selbst memes".split()
)
_DESCRIPTORS = ("desc_age", "desc_height", "desc_build", "desc_hair", "desc_clothing")
# Nouns after an origin or colour word that are not people ("getinte ruiten").
_NOT_PEOPLE = frozenset(
    _key(w)
    for w in """ruiten ramen vitres scheiben windows nummerplaat plaat plaque plaques kennzeichen
    kenteken plate plates kentekenplaat""".split()
)


def _finding(an: Analysis, name: str, ms: list[Match], detail: str = "") -> Finding:
    i = min(m.i for m in ms)
    j = max(m.j for m in ms)
    a, b = an.tokens.span(i, j)
    return Finding(name, a, b, an.tokens.text[a:b], detail)


def _live(an: Analysis, m: Match) -> bool:
    """A match that states something: not quoted, not negated."""
    return not an.quoted(m) and not an.negated(m)


def police_called(an: Analysis) -> Finding | None:
    items = an.tokens.items
    for m in an.get("complaint"):
        if _live(an, m) and not an.question(m):
            return _finding(an, "police_called", [m])
    acts = [
        m
        for m in an.get("call_done") + an.get("police_acting")
        if _live(an, m) and not an.question(m)
    ]
    agentive = {m.i for m in an.get("agentive")}
    # "de politie moet meer patrouilleren", "il faudrait que la police passe": a wish, not a fact
    wishes = {an.clause(w) for w in an.get("wish")}
    for p in an.get("police"):
        if an.quoted(p) or an.conditional_before(p) or an.question(p):
            continue
        # "door de politie klemgereden", "par une patrouille", "von der Polizei", "by the police"
        if (p.i - 1 in agentive or p.i - 2 in agentive) and not an.negated(p):
            nxt = an.keys[p.j + 1] if p.j + 1 < len(an.keys) else ""
            if nxt not in _POLICE_NOT_AGENT:
                return _finding(
                    an, "police_called", [an_match(p.i - 1 if p.i - 1 in agentive else p.i - 2, p)]
                )
        same = [a for a in acts if items[a.i].clause == items[p.i].clause and a.i != p.i]
        if an.clause(p) in wishes:  # only a done call survives a wish ("moet nog komen")
            same = [a for a in same if a.concept == "call_done"]
        if same:
            return _finding(an, "police_called", [p, same[0]])
    return None


def an_match(i: int, p: Match) -> Match:
    return Match(p.concept, p.lang, i, p.j, p.source)


def _sentence_flags(an: Analysis, concept: str) -> set[int]:
    return {an.sentence(m) for m in an.get(concept) if not an.quoted(m)}


def _idiom(an: Analysis, m: Match) -> bool:
    """m is part of an idiom ("sich gut schlagen", "vechten voor elke parkeerplaats", "pak hem
    op aan school"): only the overlapping match is cancelled, not the sentence."""
    return any(d.i <= m.j and m.i <= d.j for d in an.get("idiom"))


def emergency(an: Analysis) -> Finding | None:
    if any(not an.negated(m) for m in an.get("resolved")):
        return None
    # A talk or meeting about crime ("réunion sur les cambriolages en cours") is no crime
    # happening; it only mutes emergencies ("vergadering: we pakken ze zelf aan" still incites).
    harmless = _sentence_flags(an, "harmless") | _sentence_flags(an, "talk")
    past = _sentence_flags(an, "past")
    text = an.tokens.text
    items = an.tokens.items
    threats = [(v.i, v.j) for v in an.get("vigilantism")]
    for m in an.get("danger"):
        s = an.sentence(m)
        if s in harmless or s in past or not _live(an, m) or _idiom(an, m):
            continue
        if any(a <= m.i and m.j <= b for a, b in threats):
            continue  # "à coups de pied au cul" is a threat (vigilantism), not a fight now
        return _finding(an, "emergency", [m], "danger")
    # A person in trouble ("ligt op de stoep en beweegt niet", "fell into the canal"): only
    # about a person named in the same sentence ("de batterij beweegt niet" is not).
    for m in an.get("in_trouble"):
        s = an.sentence(m)
        if s in harmless or s in past or an.quoted(m) or an.question(m):
            continue
        if any(an.sentence(p) == s for p in an.get("person")):
            return _finding(an, "emergency", [m], "danger")
    # An attempt in the present tense ("ze proberen de deur open te breken", "versucht
    # aufzubrechen", "trying to force the lock") is a crime in progress.
    for m in an.get("attempt"):
        s = an.sentence(m)
        if s in harmless or s in past or not _live(an, m) or an.question(m):
            continue
        before = an.keys[max(0, m.i - 2) : m.i]
        if before and (before[-1] in _FIRST_PERSON or before == ["i", "m"]):
            continue  # "j'essaie d'ouvrir le lien", "I'm trying to get into the chat"
        return _finding(an, "emergency", [m], "in_progress")
    for m in an.get("cry"):
        tail = text[items[m.j].end : items[m.j].end + 3]
        word = text[items[m.i].start : items[m.j].end]
        if ("!" in tail or (word.isupper() and len(word) > 2)) and _live(an, m):
            if an.sentence(m) not in harmless:
                return _finding(an, "emergency", [m], "danger")
    nows = [
        m for m in an.get("now") if not (set(range(m.i, m.j + 1)) & an.not_now) and _live(an, m)
    ]
    crimes = [m for c in _CRIME_CONCEPTS for m in an.get(c) if _live(an, m) and not _idiom(an, m)]
    # Emphasis (mostly capitals, "!!") marks urgency the words may not say ("BEL 112!!!").
    emphatic = an.tokens.caps or "!!" in text
    # "Bel 112!", "Appelez les secours !", "Someone call the police!" about something happening
    # (a crime, danger, suspicious behaviour or "now" in the message): an emergency.
    for m in an.get("urge_call"):
        if not _live(an, m) or an.question(m) or an.conditional_before(m, window=3):
            continue
        if an.sentence(m) in harmless:
            continue
        if nows or crimes or emphatic or any(_live(an, x) for x in an.get("suspicious")):
            return _finding(an, "emergency", [m], "danger")
    # Someone inside a home now ("ER ZIJN ER NU BINNEN!!!", "ils sont dans le garage, venez
    # vite", "someone is in my neighbours house RIGHT NOW"): said with emphasis, "now" or a
    # call for help, it is a crime in progress; said calmly it is only a report.
    urged = [m for m in an.get("urge_call") if _live(an, m) and not an.question(m)]
    for m in an.get("inside"):
        s = an.sentence(m)
        if s in harmless or s in past or not _live(an, m) or an.question(m):
            continue
        if emphatic or urged or any(abs(an.sentence(n) - s) <= 1 for n in nows):
            return _finding(an, "emergency", [m], "in_progress")
    # Help on the way ("ze zijn onderweg", "on their way") while a crime is named: in progress.
    for m in an.get("coming"):
        if not _live(an, m) or an.question(m) or an.sentence(m) in past:
            continue
        for c in crimes:
            if an.sentence(c) not in past and an.sentence(c) not in harmless:
                return _finding(an, "emergency", [c], "in_progress")
    if not nows:
        return None
    sentence_len: dict[int, int] = {}
    for t in items:
        sentence_len[t.sentence] = sentence_len.get(t.sentence, 0) + 1
    for n in nows:
        s = an.sentence(n)
        if s in harmless or s in past:
            continue
        near = {s}
        # "NU!" on its own, or an action in progress ("ze zijn nu aan het wegrennen"), refers to
        # the incident named in the sentence around it; a bare "jetzt ist das Auto weg" does not.
        if sentence_len.get(s, 0) <= 3 or n.j > n.i:
            near |= {s - 1, s + 1}
        for c in crimes:
            if an.sentence(c) in near and an.sentence(c) not in past:
                return _finding(an, "emergency", [n, c], "in_progress")
    return None


def _phrase_word(an: Analysis, m: Match, k: int) -> bool:
    """Token k is matched by a word of the phrase itself (not skipped by a `~` gap)."""
    key = an.keys[k]
    for w in m.source.replace("|", " ").split():
        if w.startswith("~"):
            continue
        w = w.lstrip("=")
        core = _key(w.strip("*"))
        if core and (key == core or (w.endswith("*") and key.startswith(core))):
            return True
        if core and w.startswith("*") and key.endswith(core):
            return True
    return False


def vigilantism(an: Analysis) -> Finding | None:
    distanced = _sentence_flags(an, "distancing")
    candidates = list(an.get("vigilantism")) + _group_talks(an) + _contained(an)
    candidates += _group_goes(an)
    # A police word that is itself a word of the phrase ("selbst Streife laufen", "eigen
    # patrouille") is residents patrolling, not the police acting: it must not exempt the
    # clause. A police word skipped by a gap ("mit der Polizei auf Streife") still does.
    police = [
        p
        for p in an.get("police")
        if not an.conditional_before(p, window=3)
        and not any(_phrase_word(an, v, p.i) for v in candidates if v.i <= p.i <= v.j)
    ]
    police_clauses = {an.clause(p) for p in police}
    # The courts or the law acting ("the law should punish them") is an opinion, not residents
    # inciting; a word of the phrase itself ("eigen rechter spelen") does not count, nor does a
    # resident subject after it ("the court will do nothing so we punish them ourselves").
    authorities = [
        a
        for a in an.get("authority")
        if not an.conditional_before(a, window=3)
        and not any(_phrase_word(an, v, a.i) for v in candidates if v.i <= a.i <= v.j)
    ]
    harmless = _sentence_flags(an, "harmless")
    if not (an.get("cat_missing") or an.get("weak_missing")):
        # Sharing a photo of a missing person is the opposite of shaming.
        candidates += an.get("shaming")
    victims = [(d.i, d.j) for d in an.get("danger") if d.j > d.i]
    for m in sorted(candidates, key=lambda m: m.i):
        if victims and any(a <= m.i and m.j <= b for a, b in victims):
            continue  # "ein Mann verfolgt eine Frau": reports an attack, does not incite
        s = an.sentence(m)
        # a hold's own "not" ("zodat hij niet weg kan", "qu'il ne sorte pas") is its meaning
        negated = an.negated(m, after=m.concept != "contain")
        if an.quoted(m) or negated or s in harmless or _idiom(an, m):
            continue  # "een achtervolging in een film"
        if s in distanced or (s + 1) in distanced:
            continue  # "wil 'aanpakken': AUB niet doen!" discourages rather than incites
        if an.clause(m) in police_clauses and not _residents_act(an, m, police):
            continue  # the police chase, catch, stop: that is their job
        if any(
            an.clause(a) == an.clause(m)
            and a.j < m.i
            and not _RESIDENTS & set(an.keys[a.j + 1 : m.j + 1])
            for a in authorities
        ):
            continue  # "the law should punish them harder": the courts' job, an opinion
        return _finding(an, "vigilantism", [m])
    return None


# Residents who can act on a suspect: the sender, "we", and the neighbours or family they name.
_ACTORS = _RESIDENTS | frozenset(
    _key(w)
    for w in """wij ge gij buren buurman buurvrouw buurjongen buurmeisje zoon zonen broer vader
    nonkel voisin voisins voisine mari fils frere pere nachbar nachbarn sohn bruder vater mann
    neighbour neighbours neighbor neighbors husband son brother dad""".split()
)


def _residents_act(an: Analysis, m: Match, police: list[Match]) -> bool:
    """A resident subject (the same residents as _contained: "wij", "mijn buurman", "le voisin")
    stands between every police word of the clause and the action ("de politie is ingelicht
    maar wij houden hem vast", "la police ne vient pas, on va le coincer"):
    the police word is not the one acting, so it does not exempt the action."""
    clause = an.clause(m)
    for p in police:
        if an.clause(p) != clause:
            continue
        lo, hi = (p.j + 1, m.j + 1) if p.i < m.i else (m.i, p.i)
        if not _ACTORS & set(an.keys[lo:hi]):
            return False
    return True


def _contained(an: Analysis) -> list[Match]:
    """Keeping a suspect from leaving ("zodat ze ni weg kunnen", "pour pas qu'ils sortent",
    "der kommt nicht raus", "so he can't get away") said in a sentence where residents act
    ("wij staan aan de poort", "mon mari et le voisin", "wir sind zu viert", "a few of us"):
    holding a person until the police come. Alone it is the suspects' escape route, or the
    police's doing (their clause is exempt in vigilantism())."""
    holds = an.get("contain")
    if not holds:
        return []
    items = an.tokens.items
    acting = {items[k].sentence for k, key in enumerate(an.keys) if key in _ACTORS}
    acting |= {an.sentence(g) for g in an.get("gang") if _live(an, g)}
    return [m for m in holds if an.sentence(m) in acting]


def _group_goes(an: Analysis) -> list[Match]:
    """A group of residents going to where the suspect is ("ik ga er met mijn buurman naartoe",
    "wir sind zu viert, wir gehen rein", "I'm running over with two guys") while the message
    reports something happening (a crime, danger, suspicious behaviour or "now"): going there
    as a group is a confrontation. Either alone is harmless ("met de buren naar de vergadering"
    has no incident; "de politie is onderweg" no group)."""
    goes = an.get("go_there")
    if not goes:
        return []
    incident = any(
        _live(an, m)
        for c in (*_CRIME_CONCEPTS, "danger", "suspicious", "attempt", "inside")
        for m in an.get(c)
    )
    # a now-word ("JETZT", "nu", "right now"), not a mere progressive ("are heading", "aan het")
    incident = incident or any(_live(an, m) and "*" not in m.source for m in an.get("now"))
    if not incident:
        return []
    gangs = {an.sentence(g) for g in an.get("gang") if _live(an, g)}
    return [g for g in goes if _live(an, g) and an.sentence(g) in gangs]


def _group_talks(an: Analysis) -> list[Match]:
    """A talk or visit aimed at someone ("babbelen met die gasten", "lui parler", "einen Besuch
    abstatten", "a quiet word with him") by a group of residents in the same or a neighbouring
    sentence ("met een man of zes", "à plusieurs", "zu dritt", "a few of us"): a confrontation
    said without an action word. Either alone is harmless ("babbelen met de buren")."""
    talks = an.get("talk_to")
    if not talks:
        return []
    gangs = {an.sentence(g) for g in an.get("gang") if _live(an, g)}
    return [t for t in talks if gangs & {an.sentence(t) - 1, an.sentence(t), an.sentence(t) + 1}]


def discrimination(an: Analysis, kind: str) -> Finding | None:
    for m in an.get("slur"):
        if not an.quoted(m):
            return _finding(an, "discrimination", [m], "slur")
    vehicles = [v for v in an.get("vehicle")]
    about_the_rule = _sentence_flags(an, "disc_meta")
    origins = []
    for m in an.get("origin"):
        if an.quoted(m) or an.negated(m, after=False) or an.sentence(m) in about_the_rule:
            continue  # "geen melding, ongeacht zijn huidskleur": a sentence about the rule
        if any(-3 <= v.i - m.j <= 2 and an.sentence(v) == an.sentence(m) for v in vehicles):
            continue  # "Poolse nummerplaat", "plaque polonaise": about a car, not a person
        if m.j + 1 < len(an.keys) and an.keys[m.j + 1] in _NOT_PEOPLE:
            continue  # "getinte ruiten", "niederländischem Kennzeichen"
        origins.append(m)
    if not origins:
        return None
    generalised = [m for m in an.get("generalise") if not an.quoted(m)]
    if generalised:
        return _finding(an, "discrimination", [origins[0]], "generalisation")
    # a habitual word next to the group ("altijd die Roemenen", "c'est tous des voyous",
    # "die klauen doch alle", "it's always the Albanians"): a claim about the whole group
    habits = {an.sentence(h) for h in an.get("habitual") if _live(an, h)}
    for m in origins:
        if habits & {an.sentence(m) - 1, an.sentence(m), an.sentence(m) + 1}:
            return _finding(an, "discrimination", [m], "generalisation")
    if kind == "chatter":
        return None
    # the protocol allows colour or origin among at least three other descriptors: counted
    # as descriptors said ("lunettes, veste en jean, 30 ans"), not as kinds of descriptor
    said = {m.i for c in _DESCRIPTORS for m in an.get(c)}
    if len(said) + len(_numeric_descriptors(an)) >= 3:
        return None
    return _finding(an, "discrimination", [origins[0]], "origin_only")


# Keys are folded and squeezed ("ongeveer" -> "ongever"), so these lists are too.
_APPROX = frozenset(
    _key(w)
    for w in "etwa ca ungefahr ungefaehr rund um about around roughly approx ongeveer rond "
    "circa environ vers la".split()
)
_AGE_UNITS = frozenset(_key(w) for w in "jaar jarige ans an jahre jahrig years yrs yo".split())
_HEIGHT_UNITS = frozenset(_key(w) for w in "m cm ft feet foot meter metre".split())


def _numeric_descriptors(an: Analysis) -> set[str]:
    """Age and height written as numbers ("etwa 30", "25 Jahre", "1,80 m", "180 cm", "6ft",
    "1 80m"), in any language; lexicon words cover "1m80", "trentaine", "tall"."""
    keys = an.keys
    found: set[str] = set()
    for i, k in enumerate(keys):
        if not k[:1].isdigit():
            continue
        digits = k.rstrip("abcdefghijklmnopqrstuvwxyz")
        unit = k[len(digits) :]
        nxt = keys[i + 1] if i + 1 < len(keys) else ""
        prev = keys[i - 1] if i else ""
        prev2 = keys[i - 2] if i > 1 else ""
        if not digits.isdigit():
            continue
        n = int(digits)
        if unit in ("ft", "cm", "m") or (
            (nxt in _HEIGHT_UNITS or nxt.endswith(("m", "cm")))
            and (n in (1, 2, 5, 6) or 140 <= n <= 210 or prev in ("1", "2"))
        ):
            found.add("height")
        elif 12 <= n <= 99 and not unit and (_APPROX & {prev, prev2} or nxt in _AGE_UNITS):
            found.add("age")
    # not counted twice when the lexicon already found that kind ("1m80", "groot")
    return found - {c.split("_")[1] for c in _DESCRIPTORS if an.get(c)}


def pattern_findings(an: Analysis) -> list[Finding]:
    text = an.tokens.text
    digit_spans = [(t.start, t.end) for t in an.tokens.items if not t.key.isalpha()]
    out = find_plates(text, an.tokens.caps, digit_spans)
    contacts = find_contacts(text)
    names = find_names(an.tokens)
    addresses = find_addresses(text, names, set(an.tokens.folded))
    taken = [(f.start, f.end) for f in out]
    for f in contacts + names + addresses:
        if not any(f.start < b and a < f.end for a, b in taken):
            out.append(f)
            taken.append((f.start, f.end))
    return out
