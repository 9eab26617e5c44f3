"""Lexicons for nl, fr, de and en, compiled once into a single phrase index.

All languages share concept names ("police", "call_done", "vigilantism", ...), and a message is
matched against every language at once: chat in Belgium mixes languages freely ("J'ai téléphoné
à la police, ze zijn onderweg"). False friends are marked language-strict in the data.
"""

from __future__ import annotations

import gc
from functools import lru_cache

from ..normalise import fold, squeeze
from ..phrases import PhraseIndex, parse
from . import de, en, fr, nl

LANGUAGES = ("nl", "fr", "de", "en")
_MODULES = {"nl": nl, "fr": fr, "de": de, "en": en}


def concepts(lang: str) -> dict[str, list[str]]:
    return _MODULES[lang].CONCEPTS


# Grammar words (negation, "but", "if", "yesterday") belong to the sentence's language: French
# "hier" (yesterday) is Dutch "here", Dutch "voor" folds to German "vor". They only count in
# the message's language.
_GRAMMAR = frozenset({"negator", "contrast", "conditional", "past", "not_now", "wish"})
# Concepts about *who does what* stay cross-language (mixed chat: "J'ai appelé la police, ze zijn
# onderweg"), but a short single word of another language is too often a false friend
# ("komt" = German "kommt" folded; "passe"; "schade"), so those are language-strict too.
_OPEN = frozenset(
    {"police", "call_done", "complaint", "origin", "slur", "vehicle", "cry", "pet", "person"}
)


def _strict(concept: str, entry: str) -> bool:
    if entry.startswith("="):
        return False  # already strict
    if concept in _GRAMMAR:
        return True
    if concept in _OPEN:
        return False
    word = entry.strip()
    if " " in word or "|" in word or "*" in word:
        return False
    return len(squeeze(fold(word))) <= 5


@lru_cache(maxsize=1)
def index() -> PhraseIndex:
    phrases = []
    for lang, mod in _MODULES.items():
        for concept, entries in mod.CONCEPTS.items():
            for entry in entries:
                if _strict(concept, entry):
                    entry = "=" + entry
                phrases.append(parse(concept, lang, entry))
    built = PhraseIndex(phrases)
    # The index (~40,000 objects) lives as long as the process: out of the garbage
    # collector's reach, a full collection no longer walks it (a 10,000-character message
    # that triggered one took 60 ms instead of 10).
    gc.freeze()
    return built
