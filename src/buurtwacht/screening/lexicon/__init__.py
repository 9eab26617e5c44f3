"""Lexicons for nl, fr, de and en, compiled once into a single phrase index.

All languages share concept names ("police", "call_done", "vigilantism", ...), and a message is
matched against every language at once: chat in Belgium mixes languages freely ("J'ai téléphoné
à la police, ze zijn onderweg"). False friends are marked language-strict in the data.
"""

from __future__ import annotations

from functools import lru_cache

from ..phrases import PhraseIndex, parse
from . import de, en, fr, nl

LANGUAGES = ("nl", "fr", "de", "en")
_MODULES = {"nl": nl, "fr": fr, "de": de, "en": en}


def concepts(lang: str) -> dict[str, list[str]]:
    return _MODULES[lang].CONCEPTS


@lru_cache(maxsize=1)
def index() -> PhraseIndex:
    phrases = []
    for lang, mod in _MODULES.items():
        for concept, entries in mod.CONCEPTS.items():
            for entry in entries:
                phrases.append(parse(concept, lang, entry))
    return PhraseIndex(phrases)
