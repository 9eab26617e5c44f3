"""What a whole alert typed in one go already answers, so that only the rest is asked.

Screening (pure, multilingual) gives the category and whether the text says the police
were called or that it is an emergency. Place, direction and the call's number and time
are read here with small patterns: street names by their suffix or prefix ("Kerkstraat",
"rue de la Gare", "Bahnhofstraße"), "richting station" / "vers la gare" / "Richtung
Bahnhof". What is not found is asked; a wrong guess shows in the summary, where the member
can change it.
"""

from __future__ import annotations

import re
from datetime import datetime

from buurtwacht.screening import screen

from .parse import parse_time

_NL_SUFFIX = (
    r"straat|laan|weg|plein|steenweg|dreef|lei|baan|kaai|markt|pad|singel|wal|hof|dijk"
    r"|berg|veld|park|ring|gracht|kade|poort|straatje"
)
_DE_SUFFIX = r"stra(?:ss|ß)e|weg|platz|gasse|allee|ring|damm|ufer|markt"
_PLACE = [
    # Kerkstraat 12, Grote Markt, Bahnhofstraße 3
    re.compile(rf"\b([A-Z][\w'-]*(?:{_NL_SUFFIX}|{_DE_SUFFIX})(?:\s\d+[a-z]?)?)\b"),
    re.compile(r"\b([A-Z][\w'-]*\s(?:Markt|Plein|Straat|Laan|Steenweg|Dreef|Kaai|Platz))\b"),
    # rue de la Gare 5, avenue Louise, place du Marché
    re.compile(
        r"\b((?:rue|avenue|av\.|place|chauss[ée]e|boulevard|bd|chemin|all[ée]e|impasse|quai"
        r"|route|square)\s(?:(?:de la|de l'|du|des|de|d')\s?)?[A-ZÉÈ][\w'-]*(?:\s\d+[a-z]?)?)",
        re.IGNORECASE,
    ),
    # 12 Church Street, Mill Lane
    re.compile(r"\b((?:\d+\s)?[A-Z][\w'-]*\s(?:Street|Road|Lane|Avenue|Square|Close|Way))\b"),
]
_DIRECTION = re.compile(
    r"\b((?:in de richting van|richting|en direction de|en direction du|direction|vers"
    r"|in richtung|richtung|towards|toward|heading to|in the direction of)\s+[^.,;!?\n]{2,60})",
    re.IGNORECASE,
)
_SENTENCE = re.compile(r"(?<=[.!?])\s+|\n+")


def place_in(text: str) -> str | None:
    for pattern in _PLACE:
        found = pattern.search(text)
        if found:
            return found.group(1).strip()
    return None


def direction_in(text: str) -> str | None:
    found = _DIRECTION.search(text)
    return found.group(1).strip() if found else None


def split_what(text: str) -> tuple[str, str | None]:
    """First sentence: what happened; the rest (when there is one): the description."""
    parts = [p.strip() for p in _SENTENCE.split(text.strip()) if p.strip()]
    if len(parts) < 2:
        return text.strip(), None
    return parts[0], " ".join(parts[1:])


def called_number_in(text: str, numbers) -> str:
    """112 when the text names it, else the zone's number when named, else the police's."""
    digits = re.sub(r"[\s./]", "", text)
    if numbers.emergency in re.findall(r"\d+", text):
        return numbers.emergency
    if numbers.zone and re.sub(r"\s", "", numbers.zone) in digits:
        return numbers.zone
    return numbers.police


def from_free_text(text: str, *, lang: str, protocol, at: datetime) -> dict:
    """The draft answers a whole message gives; keys absent where the text says nothing."""
    result = screen(text, lang, actions=protocol.findings, context="alert")
    names = set(result.finding_names)
    draft: dict = {}
    if "police_called" in names:
        draft["called_number"] = called_number_in(text, protocol.numbers)
        when = parse_time(text, at=at)
        if when is not None:
            draft["called_at"] = when.isoformat()
    called_112 = draft.get("called_number") == protocol.numbers.emergency
    if "emergency" in names or called_112:
        draft["emergency"] = True
    elif "police_called" in names:
        draft["emergency"] = False  # told the police, and nothing says it is urgent now
    if called_112 and "called_at" not in draft:
        draft["called_at"] = at.isoformat()  # "112 gebeld": just now, as on the web form
    if result.category and result.category != "other":
        draft["category"] = result.category
    place = place_in(text)
    if place:
        draft["where"] = place
    direction = direction_in(text)
    if direction:
        draft["direction"] = direction
    draft["what"], description = split_what(text)
    if description:
        draft["description"] = description
    return draft
