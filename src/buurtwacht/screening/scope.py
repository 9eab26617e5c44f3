"""Scope rules shared by all findings: negation, questions, quotes, conditionals, distance.

Words alone do not make a finding: "heb nog niet gebeld" is not a police call, "NIET achterna
gaan" is the opposite of vigilantism, "wil 'aanpakken': niet doen" quotes a word to reject it,
"voor de politie er is" is a hypothetical police, and "Politie al gebeld?" asks rather than
tells. This module answers those questions for any phrase match, by token positions.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from .normalise import Tokens
from .phrases import Match, PhraseIndex

NEG_WINDOW = 5


@dataclass
class Analysis:
    """Tokens of one message and every phrase match, grouped by concept."""

    tokens: Tokens
    keys: list[str]
    lang: str
    by_concept: dict[str, list[Match]] = field(default_factory=lambda: defaultdict(list))
    negators: set[int] = field(default_factory=set)
    contrasts: set[int] = field(default_factory=set)
    conditionals: set[int] = field(default_factory=set)
    not_now: set[int] = field(default_factory=set)
    has_quotes: bool = False
    matched: set[str] = field(default_factory=set)  # concepts with at least one match
    # word classes per sentence (cues.sentence_classes), filled once by learned.classes()
    sentence_classes: list[frozenset[str]] | None = None

    def get(self, concept: str) -> list[Match]:
        return self.by_concept.get(concept, [])

    def sentence(self, m: Match) -> int:
        return self.tokens.items[m.i].sentence

    def clause(self, m: Match) -> int:
        return self.tokens.items[m.i].clause

    def negated(self, m: Match, after: bool = True) -> bool:
        """A negator shortly before the match (same clause, no "but" in between), or right after."""
        if not self.negators:
            return False
        items = self.tokens.items
        clause = items[m.i].clause
        for k in range(m.i - 1, max(-1, m.i - 1 - NEG_WINDOW), -1):
            if items[k].clause != clause or k in self.contrasts:
                break
            if k in self.negators:
                return True
        literal = set(m.source.replace("|", " ").split())
        for k in range(m.i, m.j + 1):
            if k in self.negators and self.keys[k] not in literal:
                return True  # "klacht niet neergelegd" through a gap
        if after:
            k = m.j + 1
            if k < len(items) and items[k].clause == clause and k in self.negators:
                return True
        return False

    def quoted(self, m: Match) -> bool:
        if not self.has_quotes:
            return False
        quoted = self.tokens.quoted
        return any(k in quoted for k in range(m.i, m.j + 1))

    def question(self, m: Match) -> bool:
        return m.j in self.tokens.question

    def conditional_before(self, m: Match, window: int = 2) -> bool:
        items = self.tokens.items
        for k in range(m.i - 1, max(-1, m.i - 1 - window), -1):
            if items[k].sentence != items[m.i].sentence:
                break
            if k in self.conditionals:
                return True
        return False

    def in_sentence(self, concept: str, sentence: int) -> list[Match]:
        return [m for m in self.get(concept) if self.sentence(m) == sentence]

    def in_clause(self, concept: str, clause: int) -> list[Match]:
        return [m for m in self.get(concept) if self.clause(m) == clause]

    def text_of(self, m: Match) -> tuple[int, int, str]:
        a, b = self.tokens.span(m.i, m.j)
        return a, b, self.tokens.text[a:b]


class _Concepts(dict):
    """Matches per concept; an unknown concept has none."""

    def __missing__(self, key: str) -> list[Match]:
        return []


def analyse(tokens: Tokens, index: PhraseIndex, lang: str) -> Analysis:
    keys = index.keys(tokens)
    by = _Concepts()
    an = Analysis(tokens, keys, lang, by)
    an.get = by.__getitem__  # type: ignore[method-assign]  # C-level look-up, called ~60x
    an.has_quotes = bool(tokens.quoted)
    for m in index.match(tokens, keys, lang):
        ms = by.get(m.concept)
        if ms is None:
            by[m.concept] = [m]
        else:
            ms.append(m)
    an.matched = set(by)
    for concept, target in (
        ("negator", an.negators),
        ("contrast", an.contrasts),
        ("conditional", an.conditionals),
        ("not_now", an.not_now),
    ):
        for m in an.get(concept):
            target.update(range(m.i, m.j + 1))
    return an
