"""A third person's full name, and a named (or pointed-at) person's address.

Names are recognised structurally, not by a list of surnames: a known given name followed by a
capitalised surname ("Nico Verstraete", "Glenn Van Damme"), or a title followed by a
capitalised name ("Mme Nadia Benali", "meneer Peeters"), or "op naam van / s'appelle / heißt /
named" followed by capitalised words. A lone given name ("Thomas", a child's or pet's name) is
not a full name. Public officials named by role ("wijkagent Tom Claes") and the sender's own
name ("ik ben Jan Peeters") are not third-party data.

An address is a street with a house number ("Gildestraat 8", "12 rue des Écoles"); it is only
third-party data when it is tied to a named person or to "woont / habite / wohnt / lives".
"""

from __future__ import annotations

import re

from .lexicon.names import GIVEN_NAMES, NOT_SURNAMES, PARTICLES, STREET_SUFFIXES, TITLES
from .model import Finding
from .normalise import Tokens, fold

_NAME_TRIGGERS = frozenset(
    "genaamd heet heette noemt s appelle appelle nomme nommee heisst heißt namens named".split()
)
_STARTERS = TITLES | _NAME_TRIGGERS | GIVEN_NAMES  # a name starts at one of these
_OFFICIAL_ROLES = frozenset(
    """wijkagent wijkinspecteur inspecteur agent commissaris burgemeester schepen
    agente policier bourgmestre echevin commissaire polizist burgermeister burgermeisterin
    officer mayor coordinator coordinatrice""".split()
)
_OWN = re.compile(
    r"(?i)\b(?:ik\s+ben|je\s+suis|ich\s+bin|i\s+am|i'm|mijn\s+naam\s+is|je\s+m'appelle|groet(?:en|jes)|mvg|cordialement|gruß|grüße|regards)\W*$"
)
_SUFFIX_RX = "|".join(sorted({s for s in STREET_SUFFIXES}, key=len, reverse=True))
_STREET = re.compile(
    r"(?<!\w)(?:[A-ZÀ-Ý][\w'\-]{1,40}?(?:" + _SUFFIX_RX + r")\.?\s{1,3}\d{1,4}[a-zA-Z]?(?!\w)"
    r"|\d{1,4}[a-zA-Z]?,?\s{1,3}(?:rue|avenue|av\.|chemin|place|boulevard|bd|allée|impasse|quai)"
    r"\s(?:[\w'\-]{1,30}\s?){1,4}"
    r"|(?:rue|avenue|chemin|place|boulevard|allée|impasse|quai)\s(?:[\w'\-]{1,30}\s){1,4}\d{1,4}(?!\w))"
)
_DIGIT = re.compile(r"\d")
_LIVES = re.compile(
    r"(?i)\b(?:woont|wonen|woonde|verblijft|habite|habitent|wohnt|wohnen|lives|living)\b"
)
_FIRST_PERSON = re.compile(r"(?i)\b(?:ik|je|j|ich|i|we|wij|nous|wir|moi|mij)\W+(?:\w+\W+){0,2}$")


def _cap(word: str, caps_text: bool) -> bool:
    if not word[:1].isupper():
        return False
    if word.isupper() and len(word) > 1:
        return not caps_text  # in an ALL CAPS message every word looks capitalised
    return True


def find_names(tokens: Tokens) -> list[Finding]:
    text = tokens.text
    items = tokens.items
    if _STARTERS.isdisjoint(tokens.folded):
        return []  # no title, trigger or given name: most messages end here
    out: list[Finding] = []
    n = len(items)
    i = 0
    while i < n:
        t = items[i]
        word = text[t.start : t.end]
        key = t.key
        start_name: int | None = None
        need = 1
        if key in TITLES and _cap(word, False) and i + 1 < n:
            start_name, need = i + 1, 1
        elif key in _NAME_TRIGGERS and i + 1 < n:
            start_name, need = i + 1, 2
        elif key in GIVEN_NAMES and _cap(word, tokens.caps) and i + 1 < n:
            start_name, need = i, 2
        if start_name is None:
            i += 1
            continue
        j, caps_count = start_name, 0
        last = None
        while j < n and j - start_name < 5:
            tj = items[j]
            if j > start_name and text[items[j - 1].end : tj.start].strip(" ") not in ("", "-"):
                break  # punctuation ends the name
            wj = text[tj.start : tj.end]
            if tj.key in PARTICLES and j > start_name:
                j += 1
                continue
            if not _cap(wj, tokens.caps) or tj.key in NOT_SURNAMES or not wj[0].isalpha():
                break
            if tj.key.endswith(STREET_SUFFIXES) and j > start_name:
                if last == j - 1:
                    caps_count = 0  # "Jan Breydelstraat": a street, not a person
                # else "Bram Verlinden van de Koolmijnlaan": the name, then where he lives
                break
            caps_count += 1
            last = j
            j += 1
        if last is not None and caps_count >= need and not _excluded(tokens, i):
            a, b = items[i if key in TITLES else start_name].start, items[last].end
            out.append(Finding("third_party_data", a, b, text[a:b], "name"))
            i = last + 1
            continue
        i += 1
    return out


def _excluded(tokens: Tokens, i: int) -> bool:
    items = tokens.items
    text = tokens.text
    prev = items[i - 1].key if i > 0 else ""
    if prev in _OFFICIAL_ROLES or prev in ("sint", "saint", "st", "sankt"):
        return True
    if prev and fold(prev) in ("de", "la", "le") and i > 1 and items[i - 2].key in _OFFICIAL_ROLES:
        return True
    return bool(_OWN.search(text[max(0, items[i].start - 30) : items[i].start]))


_LIVES_WORDS = frozenset(
    "woont wonen woonde verblijft habite habitent wohnt wohnen lives living".split()
)


def find_addresses(text: str, names: list[Finding], keys=None) -> list[Finding]:
    """Street + number tied to a named person or to a 'lives at' verb (not the sender's own).

    `keys`: the message's folded token keys, if the caller has them (saves a regex scan)."""
    if not names:
        # An address is only reported when tied to a name or to "lives at".
        if keys is not None:
            if _LIVES_WORDS.isdisjoint(keys):
                return []
        elif not _LIVES.search(text):
            return []
    if not _DIGIT.search(text):
        return []
    out: list[Finding] = []
    for m in _STREET.finditer(text):
        a, b = m.start(), m.end()
        seg = m.group().rstrip()
        b = a + len(seg)
        tied = any(0 <= a - f.end <= 40 and "." not in text[f.end : a] for f in names)
        if not tied:
            for lv in _LIVES.finditer(text, max(0, a - 40), a):
                if not _FIRST_PERSON.search(text[max(0, lv.start() - 25) : lv.start()]):
                    tied = True
        if tied:
            out.append(Finding("third_party_data", a, b, text[a:b], "address"))
    return out
