"""Reading what a member typed: keywords, yes/no, times, and answers to the last question.

Members type in nl, fr, de or en whatever language their profile says, so every word list
holds all four. SMS has no buttons: "2", the option's title, or a title with a typo count
as a tap on that option.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from datetime import datetime, timedelta

from django.utils import timezone

CANCEL = {"stop", "stoppen", "annuleer", "annuleren", "annuler", "abbrechen", "cancel"}
START = {"melding", "alert", "alerte", "meldung", "signalement", "alarm", "nieuwe melding"}
CLOSE = {
    "einde", "einde melding", "fin", "fin de l'alerte", "fin alerte", "ende", "end",
    "afsluiten", "sluiten", "cloturer", "schliessen", "close",
}  # fmt: skip
YES = {"ja", "yes", "oui", "y", "j", "jawel", "yep", "ok", "oké", "d'accord", "si"}
NO = {"nee", "neen", "no", "non", "nein", "n", "nope"}
NOT_YET = {"nog niet", "niet gebeld", "pas encore", "noch nicht", "not yet", "nicht"}
UNKNOWN = {
    "weet ik niet", "weet niet", "geen idee", "onbekend", "je ne sais pas", "sais pas",
    "aucune idee", "inconnu", "weiss nicht", "weiss ich nicht", "keine ahnung", "unbekannt",
    "don't know", "dont know", "do not know", "unknown", "no idea", "?",
}  # fmt: skip


def norm(text: str) -> str:
    """Lower case, no accents or trailing punctuation, single spaces: for keyword look-ups."""
    text = unicodedata.normalize("NFKD", text.casefold().replace("ß", "ss"))
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = text.replace("’", "'")
    return re.sub(r"\s+", " ", text).strip(' .!?,;:-_*"()[]').strip() or text.strip()


def is_in(text: str, words: set[str]) -> bool:
    return norm(text) in words


_CLOCK = re.compile(r"(?<![\d:.])([01]?\d|2[0-3])\s*(?:[:.hu]\s*([0-5]\d)|h|u|uur|heures?|uhr)\b")
_AGO = re.compile(r"(?<![\d:.])(\d{1,3})\s*(?:min(?:uten|utes|ute|\.)?|m)\b", re.IGNORECASE)


def parse_time(text: str, *, at: datetime) -> datetime | None:
    """ "22:14", "22.14", "22u14", "22h", "om 22 uur" or "10 min geleden" -> an aware datetime.

    A clock time later than now is yesterday's (a call at 23:50 reported at 00:05).
    """
    text = norm(text)
    ago = _AGO.search(text)
    if ago and not _CLOCK.search(text):
        minutes = int(ago.group(1))
        return at - timedelta(minutes=minutes) if minutes <= 24 * 60 else None
    clock = _CLOCK.search(text)
    if not clock:
        return None
    local = timezone.localtime(at)
    value = local.replace(
        hour=int(clock.group(1)), minute=int(clock.group(2) or 0), second=0, microsecond=0
    )
    if value > local + timedelta(minutes=2):
        value -= timedelta(days=1)
    return value


def match_option(text: str, options: list[tuple[str, str]] | list[list[str]]) -> str | None:
    """The id of the option a typed answer means: its number, its title, or a near title."""
    if not options:
        return None
    answer = norm(text)
    if answer.isdigit():
        n = int(answer)
        return options[n - 1][0] if 1 <= n <= len(options) else None
    titles = {norm(title): oid for oid, title in options}
    if answer in titles:
        return titles[answer]
    close = difflib.get_close_matches(answer, list(titles), n=2, cutoff=0.8)
    if len(close) == 1 or (close and _ratio(answer, close[0]) - _ratio(answer, close[1]) > 0.1):
        return titles[close[0]]
    for oid, _ in options:  # yes/no typed in any language answers a yes/no question
        if (oid.endswith(":yes") and answer in YES) or (oid.endswith(":no") and answer in NO):
            return oid
    return None


def _ratio(a: str, b: str) -> float:
    return difflib.SequenceMatcher(None, a, b).ratio()
