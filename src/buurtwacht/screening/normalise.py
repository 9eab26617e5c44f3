"""Text folding and tokenisation that never loses the way back to the original text.

Chat text arrives in every shape: ALL CAPS, accents or none ("politie", "Polizei", "téléphoné" /
"telephone"), leetspeak ("p0litie"), stretched words ("NUUU", "politieeee"), emoji and
apostrophes glued to words ("J'ai", "'s nachts", "is't"). Lexicon matching works on folded
*tokens*: every token keeps the offsets of the characters it came from, so a finding can always
point at the exact triggering text in the original message, whatever folding happened.

The tokeniser also records sentence and clause boundaries, question marks and quotation, which
the negation and scope rules need ("NIET achterna gaan", "wil 'aanpakken': niet doen").
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from typing import NamedTuple

# A token is a run of letters and digits. `[^\W_]` is "word character except underscore"; the
# pattern has a single character class, so it is linear-time on any input.
_TOKEN_RE = re.compile(r"[^\W_]+")
_SENTENCE_END = frozenset(".!?;\n")
_CLAUSE_END = frozenset(",:()[]{}–—/|")
_LEET = str.maketrans({"0": "o", "1": "i", "3": "e", "4": "a", "5": "s", "7": "t", "@": "a"})
_RUN_RE = re.compile(r"([^\W\d_])\1+")  # letters only: "112" stays "112"
_QUOTED_RES = (
    # Bounded, lazy and delimiter-excluding: linear, no catastrophic backtracking.
    re.compile(r"(?<!\w)['‘]([^'‘’\n]{2,60}?)['’](?!\w)"),
    re.compile(r'"([^"\n]{1,80})"'),
    re.compile(r"“([^”\n]{1,80})”"),
    re.compile(r"«([^»\n]{1,80})»"),
    re.compile(r"„([^“”\n]{1,80})[“”]"),
)


@lru_cache(maxsize=65536)
def fold(word: str) -> str:
    """Lower-case, strip accents (é -> e, ß -> ss) and undo leetspeak inside real words."""
    s = word.casefold()
    if not s.isascii():
        s = "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c))
    if not s.isalpha() and not s.isdigit():
        letters = sum(c.isalpha() for c in s)
        # "p0litie", "1nbraak": letters with a few digits. Not "3u15" (a time), "a4", "e313".
        if letters >= 3 and letters > len(s) - letters:
            s = s.translate(_LEET)
    return s


@lru_cache(maxsize=65536)
def squeeze(word: str) -> str:
    """Collapse repeated letters: "politieeee" and "politie" both become "politie"."""
    return _RUN_RE.sub(r"\1", word)


class Token(NamedTuple):
    """One word of the message: folded key, offsets into the original, and its scope.

    A tuple, made with the C-level tuple constructor: a message makes one per word, and this is
    the tokeniser's largest cost. Quotation and questions are kept on Tokens, by index."""

    key: str
    start: int
    end: int
    sentence: int
    clause: int


_new_token = tuple.__new__


@dataclass(slots=True)
class Tokens:
    """Tokens plus the structural facts rules need."""

    text: str
    items: list[Token]
    caps: bool  # the message is (mostly) written in capitals
    folded: list[str]  # every token's key, in order (made once, read often)
    quoted: frozenset[int] = frozenset()  # indices of tokens inside quotation marks
    question: frozenset[int] = frozenset()  # indices of tokens whose clause ends with "?"

    def span(self, i: int, j: int) -> tuple[int, int]:
        """Original offsets covering tokens i..j (inclusive)."""
        return self.items[i].start, self.items[j].end


def _opening_apostrophe(text: str) -> bool:
    """An apostrophe or ‘ that is not inside a word ("J'ai", "is't" are not quotes)."""
    for ch in "'‘":
        i = text.find(ch)
        while i != -1:
            if i == 0 or not text[i - 1].isalnum():
                return True
            i = text.find(ch, i + 1)
    return False


def _quoted_ranges(text: str) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for k, rx in enumerate(_QUOTED_RES):
        if k == 0:
            if not _opening_apostrophe(text):
                continue
        elif rx.pattern[0] not in text:
            continue
        out.extend((m.start(1), m.end(1)) for m in rx.finditer(text))
    return out


_SHAPES: dict[str, tuple[str, int, int]] = {}


def _shape(raw: str) -> tuple[str, int, int]:
    """(folded key, counts as lower-case word, counts as capitals word) of a raw token,
    remembered: chat repeats its words, and the case tests cost more than the look-up."""
    low = up = 0
    if raw.islower():
        low = 1
    elif raw.isupper():
        up = int(len(raw) > 1)
    elif raw[0].isupper() and len(raw) > 1 and not raw.isdigit():
        low = 1  # Capitalised
    shape = (fold(raw), low, up)
    if len(_SHAPES) < 100_000:
        _SHAPES[raw] = shape
    return shape


def tokenise(text: str) -> Tokens:
    """Split `text` into folded tokens with sentence/clause indices and quote/question flags."""
    items: list[Token] = []
    append = items.append
    sentence = clause = 0
    pos = 0
    upper = lower = 0
    sentence_end = _SENTENCE_END
    clause_end = _CLAUSE_END
    shapes = _SHAPES
    folded: list[str] = []
    fold_append = folded.append
    for m in _TOKEN_RE.finditer(text):
        start, end = m.span()
        if start != pos:
            gap = text[pos:start]
            if gap != " ":  # the common case: one space, no boundary
                if not sentence_end.isdisjoint(gap):
                    sentence += 1
                    clause += 1
                elif not clause_end.isdisjoint(gap) or " - " in gap:
                    clause += 1
        raw = m.group()
        shape = shapes.get(raw)
        if shape is None:
            shape = _shape(raw)
        lower += shape[1]
        upper += shape[2]
        append(_new_token(Token, (shape[0], start, end, sentence, clause)))
        fold_append(shape[0])
        pos = end
    question = _questions(text, items) if "?" in text else frozenset()
    quoted: frozenset[int] = frozenset()
    if "'" in text or "‘" in text or '"' in text or "“" in text or "«" in text or "„" in text:
        ranges = _quoted_ranges(text)
        if ranges:
            quoted = frozenset(
                k
                for k, t in enumerate(items)
                if any(a <= t.start and t.end <= b for a, b in ranges)
            )
    caps = upper >= 3 and upper > 2 * lower  # counted in words, not letters
    return Tokens(text, items, caps, folded, quoted, question)


def _questions(text: str, items: list[Token]) -> frozenset[int]:
    """Indices of tokens whose clause (up to the next sentence end) ends with a question mark."""
    out: list[int] = []
    n = len(items)
    i = 0
    while i < n:
        j = i
        while j + 1 < n and items[j + 1].clause == items[i].clause:
            j += 1
        nxt = items[j + 1].start if j + 1 < n else len(text)
        if "?" in text[items[j].end : nxt]:
            out.extend(range(i, j + 1))
        i = j + 1
    return frozenset(out)
