"""A small phrase matcher over tokens, so lexicons can be written as readable word lists.

Lexicons are data: lists of phrases such as ``"heb|hebben ~ politie gebeld"``. Compiling them
into one giant regular expression would be slow (Python's `re` tries every alternative at every
position) and would make spans and negation scope awkward. Instead every phrase becomes a short
sequence of token tests, indexed by its first token, and the whole message is matched in one
pass over its tokens: a dictionary look-up per token plus a few bounded checks. Time is linear
in the number of tokens; gaps are bounded, so nothing can blow up.

Phrase syntax (items separated by spaces):
  ``word``        the folded token equals `word` (accents, case, repeated letters ignored)
  ``word*``       the token starts with `word`;  ``*word`` ends with it;  ``*word*`` contains it
  ``a|b*|*c``     any of the alternatives
  ``~`` / ``~N``  skip 0..3 (or 0..N) tokens inside the same sentence
  ``=`` prefix on the whole phrase: only counts when the message is in the lexicon's language
                  (for false friends such as Dutch "mes" = knife vs French "mes" = my)
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import NamedTuple

from .normalise import Tokens, fold, squeeze


@dataclass(frozen=True, slots=True)
class Alt:
    mode: str  # "eq", "pre", "suf", "sub"
    value: str

    def test(self, key: str) -> bool:
        if self.mode == "eq":
            return key == self.value
        if self.mode == "pre":
            return key.startswith(self.value)
        if self.mode == "suf":
            return key.endswith(self.value)
        return self.value in key


class Item:
    """One position of a phrase: alternatives compiled for fast tests (set, tuple prefixes)."""

    __slots__ = ("alts", "gap", "eq", "pre", "suf", "sub")

    def __init__(self, alts: tuple[Alt, ...], gap: int = -1):
        self.alts = alts
        self.gap = gap  # >= 0 for a gap item
        self.eq = frozenset(a.value for a in alts if a.mode == "eq")
        self.pre = tuple(a.value for a in alts if a.mode == "pre")
        self.suf = tuple(a.value for a in alts if a.mode == "suf")
        self.sub = tuple(a.value for a in alts if a.mode == "sub")

    def test(self, key: str) -> bool:
        if key in self.eq:
            return True
        if self.pre and key.startswith(self.pre):
            return True
        if self.suf and key.endswith(self.suf):
            return True
        return any(s in key for s in self.sub)


@dataclass(frozen=True, slots=True)
class Phrase:
    concept: str
    lang: str
    strict: bool
    items: tuple[Item, ...]
    source: str
    # Word sets of the later exact-word items: a phrase can only match a message that contains
    # one word of each (checked with set operations before any token-by-token matching).
    need: tuple[frozenset[str], ...] = ()


class Match(NamedTuple):  # a tuple: many are made per message, and tuples are cheapest
    concept: str
    lang: str
    i: int  # first token index
    j: int  # last token index (inclusive)
    source: str


def _norm(word: str) -> str:
    return squeeze(fold(word))


def _parse_alt(raw: str) -> Alt:
    if raw.startswith("*") and raw.endswith("*") and len(raw) > 2:
        return Alt("sub", _norm(raw[1:-1]))
    if raw.endswith("*"):
        return Alt("pre", _norm(raw[:-1]))
    if raw.startswith("*"):
        return Alt("suf", _norm(raw[1:]))
    return Alt("eq", _norm(raw))


def parse(concept: str, lang: str, text: str) -> Phrase:
    strict = text.startswith("=")
    body = text[1:] if strict else text
    items: list[Item] = []
    for part in body.split():
        if part.startswith("~"):
            items.append(Item((), int(part[1:] or 3)))
        else:
            # "'" and "-" inside a phrase word split into tokens, like the tokeniser does.
            subs = [p for p in part.replace("'", " ").replace("-", " ").split() if p]
            if len(subs) > 1 and "|" not in part:
                items.extend(Item((_parse_alt(s),)) for s in subs)
            else:
                items.append(Item(tuple(_parse_alt(a) for a in part.split("|") if a)))
    if not items or items[0].gap >= 0 or items[-1].gap >= 0:
        raise ValueError(f"bad phrase for {concept}: {text!r}")
    need = tuple(
        it.eq for it in items[1:] if it.gap < 0 and it.eq and not (it.pre or it.suf or it.sub)
    )
    # Rarest-looking (smallest) sets first: they fail fastest.
    need = tuple(sorted(need, key=len))
    return Phrase(concept, lang, strict, tuple(items), text, need)


class PhraseIndex:
    """All phrases of all lexicons, indexed by how their first item can match a token."""

    def __init__(self, phrases: Iterable[Phrase]):
        phrases = list(phrases)
        self.eq: dict[str, list[Phrase]] = {}
        self.pre: dict[str, list[Phrase]] = {}
        self.suf: dict[str, list[Phrase]] = {}
        self.sub: list[tuple[str, Phrase]] = []
        self.vocab: set[str] = set()
        self._pre_lens: set[int] = set()
        self._suf_lens: set[int] = set()
        for ph in phrases:
            for item in ph.items:
                for a in item.alts:
                    if a.mode == "eq":
                        self.vocab.add(a.value)
            for a in ph.items[0].alts:
                if a.mode == "eq":
                    self.eq.setdefault(a.value, []).append(ph)
                elif a.mode == "pre":
                    self.pre.setdefault(a.value, []).append(ph)
                    self._pre_lens.add(len(a.value))
                elif a.mode == "suf":
                    self.suf.setdefault(a.value, []).append(ph)
                    self._suf_lens.add(len(a.value))
                else:
                    self.sub.append((a.value, ph))
        self._pre_sorted = sorted(self._pre_lens)
        self._suf_sorted = sorted(self._suf_lens)
        self.concepts: frozenset[str] = frozenset(ph.concept for ph in phrases)
        self._typo = _TypoIndex(w for w in self.vocab if len(w) >= 7)
        self._cache: dict[str, list[Phrase]] = {}
        self._split_cache: dict[str, dict[str, _Entry]] = {}  # language -> key -> entry
        self._key_cache: dict[str, tuple[str, str | None]] = {}

    def keys(self, tokens: Tokens) -> list[str]:
        """Matching keys for tokens: squeezed, and typo-corrected against the lexicon vocabulary
        (not a capitalised word inside a normal sentence: a proper noun is not a typo)."""
        out = []
        text = tokens.text
        caps = tokens.caps
        records = self._key_cache
        for t in tokens.items:
            record = records.get(t.key)
            if record is None:
                record = self._key_record(t.key)
            k, fixed = record
            if fixed is not None and (caps or not text[t.start].isupper() or k[0] == "p"):
                k = fixed
            out.append(k)
        return out

    def _key_record(self, key: str) -> tuple[str, str | None]:
        """(squeezed key, its typo correction or None), remembered per folded key."""
        k = squeeze(key)
        fixed = None
        if k not in self.vocab and len(k) >= 5 and k.isalpha():
            fixed = (self._typo.correct(k) if len(k) >= 7 else None) or _critical(k)
            fixed = None if fixed == k else fixed
        record = (k, fixed)
        if len(self._key_cache) < 50_000:
            self._key_cache[key] = record
        return record

    def candidates(self, key: str) -> list[Phrase]:
        found = self._cache.get(key)
        if found is None:
            found = self._candidates(key)
            if len(self._cache) > 50_000:
                self._cache.clear()
            self._cache[key] = found
        return found

    def _candidates(self, key: str) -> list[Phrase]:
        found: list[Phrase] = list(self.eq.get(key, ()))
        n = len(key)
        for ln in self._pre_sorted:
            if ln > n:
                break
            found.extend(self.pre.get(key[:ln], ()))
        for ln in self._suf_sorted:
            if ln > n:
                break
            found.extend(self.suf.get(key[n - ln :], ()))
        for value, ph in self.sub:
            if value in key:
                found.append(ph)
        return found

    def _split(self, key: str, lang: str) -> _Entry:
        """Candidate phrases for a token in a message of `lang`: one-word phrases, longer
        phrases that need nothing more, and longer phrases by a trigger word (one word of their
        smallest `need` set), so that a message only tries the few whose words it holds."""
        by_key = self._split_cache.setdefault(lang, {})
        found = by_key.get(key)
        if found is None:
            cands = [ph for ph in self.candidates(key) if not ph.strict or ph.lang == lang]
            singles: dict[str, Phrase] = {}
            always: list[tuple[int, Phrase]] = []
            by_trigger: dict[str, list[tuple[int, Phrase]]] = {}
            for order, ph in enumerate(cands):
                if len(ph.items) == 1:
                    singles.setdefault(ph.concept, ph)  # one match per concept and token
                    continue
                entry = (order, ph)
                if ph.need:
                    for word in ph.need[0]:
                        by_trigger.setdefault(word, []).append(entry)
                else:
                    always.append(entry)
            found = _Entry(
                tuple(singles.values()),
                tuple(always),
                {w: tuple(v) for w, v in by_trigger.items()},
                frozenset(by_trigger),
            )
            if len(by_key) > 100_000:
                by_key.clear()
            by_key[key] = found
        return found

    def match(self, tokens: Tokens, keys: Sequence[str], lang: str) -> list[Match]:
        sents = [t.sentence for t in tokens.items]
        present = set(keys)
        out: list[Match] = []
        seen: set[tuple[str, int, int]] = set()
        cache = self._split_cache.get(lang, {})
        for i, key in enumerate(keys):
            entry = cache.get(key) or self._split(key, lang)
            # one-word phrases: unique per concept; a longer phrase never ends where it starts
            for ph in entry.singles:
                out.append(Match(ph.concept, ph.lang, i, i, ph.source))
            longer = entry.always
            if entry.triggers and not present.isdisjoint(entry.triggers):
                hits = entry.triggers & present
                if len(hits) == 1 and not longer:
                    longer = entry.by_trigger[next(iter(hits))]
                elif hits:
                    picked = dict(longer)
                    for word in hits:
                        picked.update(entry.by_trigger[word])
                    longer = sorted(picked.items())  # the lexicon's order, as before the index
            for _, ph in longer:
                for need in ph.need:
                    if need.isdisjoint(present):
                        break
                else:
                    end = _match_rest(ph.items, 1, i + 1, keys, sents, sents[i])
                    if end is not None:
                        sig = (ph.concept, i, end)
                        if sig not in seen:
                            seen.add(sig)
                            out.append(Match(ph.concept, ph.lang, i, end, ph.source))
        return out


class _Entry(NamedTuple):
    """What one token key (in one language) can start: see PhraseIndex._split."""

    singles: tuple[Phrase, ...]
    always: tuple[tuple[int, Phrase], ...]
    by_trigger: dict[str, tuple[tuple[int, Phrase], ...]]
    triggers: frozenset[str]


def _match_rest(phrase_items, k, pos, keys, sents, sentence) -> int | None:
    """Match phrase items[k:] starting at token `pos`; return the last token index or None."""
    n = len(keys)
    last = len(phrase_items)
    while k < last:
        item = phrase_items[k]
        if item.gap >= 0:
            for skip in range(item.gap + 1):
                p = pos + skip
                if p > n or (p < n and sents[p] != sentence):
                    break
                r = _match_rest(phrase_items, k + 1, p, keys, sents, sentence)
                if r is not None:
                    return r
            return None
        if pos >= n or sents[pos] != sentence or not item.test(keys[pos]):
            return None
        k += 1
        pos += 1
    return pos - 1


class _TypoIndex:
    """Single-edit typo correction (symmetric delete) for long lexicon words only.

    "polietie", "inbaak", "achtervolgenn": a dictionary look-up per deletion of the token, so a
    token costs at most ~20 look-ups. Only words of 7+ letters are corrected, and only to a
    unique candidate, to avoid turning an ordinary word into a keyword.
    """

    def __init__(self, words: Iterable[str]):
        self.words: set[str] = set(words)
        self.deletes: dict[str, set[str]] = {}
        for w in self.words:
            for i in range(len(w)):
                self.deletes.setdefault(w[:i] + w[i + 1 :], set()).add(w)

    def correct(self, token: str) -> str | None:
        if len(token) < 7 or len(token) > 30:
            return None
        cands: set[str] = set()
        if len(token) >= 8:
            cands.update(self.deletes.get(token, ()))  # a letter was dropped
        for i in range(len(token)):
            d = token[:i] + token[i + 1 :]
            if d in self.words:  # a letter was added
                cands.add(d)
            cands.update(self.deletes.get(d, ()))  # a letter was replaced
        # Keep the word's frame: same first two letters and last letter ("polietie" -> "politie").
        cands = {c for c in cands if len(c) >= 7 and c[:2] == token[:2] and c[-1] == token[-1]}
        # An edit in the last three letters is an inflection far more often than a typo
        # ("controleren" is not "controleerden", "geschlafen" is not "geschlagen").
        if token.endswith(_INFLECTED):
            cands = {
                c
                for c in cands
                if not c.endswith(_INFLECTED)
                or _common_prefix(c, token) < min(len(c), len(token)) - 3
            }
        if len(cands) == 1:
            return next(iter(cands))
        return None


_INFLECTED = ("en", "d", "t", "s", "er")

# The police words decide the call-first rule and exempt police action from vigilantism, and
# they are short ("plitie", "poilce", "Ploizei", "polcie"): a letter dropped, added or two
# letters swapped is corrected even below 7 letters. Not a replaced letter: "polite",
# "policy" and Dutch "polis" stay themselves.
_CRITICAL = ("politie", "police", "polizei")


def _critical(token: str) -> str | None:
    if token[0] != "p" or not 5 <= len(token) <= 8:
        return None
    for word in _CRITICAL:
        if token != word and _one_typing_slip(token, word):
            return word
    return None


def _one_typing_slip(a: str, b: str) -> bool:
    """One deletion, insertion or adjacent transposition turns a into b (no substitution)."""
    if len(a) == len(b):
        diff = [i for i in range(len(a)) if a[i] != b[i]]
        return (
            len(diff) == 2
            and diff[1] == diff[0] + 1
            and a[diff[0]] == b[diff[1]]
            and (a[diff[1]] == b[diff[0]])
        )
    if abs(len(a) - len(b)) != 1:
        return False
    short, long_ = (a, b) if len(a) < len(b) else (b, a)
    return any(long_[:i] + long_[i + 1 :] == short for i in range(len(long_)))


def _common_prefix(a: str, b: str) -> int:
    n = min(len(a), len(b))
    i = 0
    while i < n and a[i] == b[i]:
        i += 1
    return i
