"""A small linear model on top of the rules: it generalises where phrase lists cannot.

The rules (findings.py, classify.py) know the protocol's grammar: negation, quotes, the police
as subject, resolved events. What they cannot do is recognise a sentence shape nobody wrote
down ("met een man of vijf langs gaan", "il va passer un sale quart d'heure"). The model sees
the message as a bag of cheap, language-independent features:

- every token key (already folded, de-stretched and typo-corrected by the tokeniser) and
  its 5-letter prefix (a stem: "achtervolg*", "cambriol*", "einzubr*" without a stemmer);
- every lexicon concept that matched, and whether it was negated or quoted (the rules' own
  vocabulary of police, danger, resolution, wishes... as generalising features);
- word classes per sentence and their conjunctions (cues.py: actor + intent + action family
  + target, a "nobody"/negator near the action, the police said to do nothing, resolution,
  past tense, "now"), the compositional part that carries across sentences and languages;
- the rules' verdicts (their kind, category, findings) and the shape of the message
  (all caps, "!!", emoji),

and scores them with one weight vector per output ("head"): vigilantism, emergency,
discrimination, police_called (binary), kind (3 classes), category (10 classes). The weights
are trained at build time by `python -m buurtwacht.screening.train` from labelled data in
the repository and shipped as data/model.json; nothing is downloaded, and scoring is a dict
look-up per feature plus a sum (pure Python, no numpy at run time).
"""

from __future__ import annotations

import gc
import json
import math
from functools import lru_cache
from pathlib import Path

from .cues import sentence_classes, sentence_features
from .model import CATEGORIES, KINDS
from .scope import Analysis

MODEL_PATH = Path(__file__).with_name("data") / "model.json"
BINARY = ("vigilantism", "emergency", "discrimination", "police_called")
HEADS = (*BINARY, *(f"kind:{k}" for k in KINDS), *(f"cat:{c}" for c in CATEGORIES))
FEATURE_VERSION = 4
NGRAM = 4  # character n-grams per token (0: none); chosen by grouped CV
MAX_TOKENS = 300
# Concepts whose scope (idiom, harmless, police subject) only the rules judge: the model sees
# them through the rules' finding, not as raw matches ("dan pakken we 10 bakken").
_RULED = frozenset(
    ("vigilantism", "shaming")
)  # a 10,000-character message is scored on its first 300 tokens


def features(
    an: Analysis, rule_findings: set[str], rule_kind: str, rule_cat: str | None
) -> list[str]:
    """The features of one message (see the module docstring)."""
    keys = an.keys
    n = min(len(keys), MAX_TOKENS)
    out = [f for k in keys[:n] if k for f in key_features(k)]
    return out + message_features(an, rule_findings, rule_kind, rule_cat)


@lru_cache(maxsize=100_000)
def key_features(k: str) -> tuple[str, ...]:
    """The features of one token key: the word, its 5-letter prefix (a stem) and its
    character 4-grams with word boundaries ("^ach", "acht", "chte"...: stems, suffixes and
    compounds in every language, "weggejaagd" shares "jaag" with "wegjagen")."""
    out = ["w:" + k]
    if len(k) > 5 and k.isalpha():
        out.append("p:" + k[:5])
    if NGRAM and len(k) >= NGRAM and k.isalpha():
        s = "^" + k + "$"
        out += ["h:" + s[i : i + NGRAM] for i in range(len(s) - NGRAM + 1)]
    return tuple(out)


def message_features(
    an: Analysis, rule_findings: set[str], rule_kind: str, rule_cat: str | None
) -> list[str]:
    """Everything but the per-token word and prefix features."""
    n = min(len(an.keys), MAX_TOKENS)
    out = sentence_features(classes(an))
    scoped = bool(an.negators) or an.has_quotes
    by = an.by_concept
    for concept in an.matched - _RULED:
        ms = by[concept]
        if ms[0].i >= n:
            continue
        if not scoped:
            out.append("c:" + concept)
            continue
        live = [m for m in ms if not an.negated(m) and not an.quoted(m)]
        if live:
            out.append("c:" + concept)
        if len(live) < len(ms):
            out.append("n:" + concept)
    out += ["r:" + f for f in rule_findings]
    out.append("k:" + rule_kind)
    out.append("g:" + str(rule_cat))
    text = an.tokens.text
    if an.tokens.caps:
        out.append("s:caps")
    if "!!" in text:
        out.append("s:excl")
    if not text.isascii() and max(text[:2000]) > "\u2500":
        out.append("s:emoji")
    out.append("s:bias")
    return out


def classes(an: Analysis) -> list[frozenset[str]]:
    """The word classes of each sentence of the message, computed once and kept on it."""
    if an.sentence_classes is None:
        n = min(len(an.keys), MAX_TOKENS)
        sents = [t.sentence for t in an.tokens.items[:n]]
        an.sentence_classes = sentence_classes(an.keys, sents, n)
    return an.sentence_classes


class LinearModel:
    """Weights per feature (one float per head), loaded once from model.json."""

    def __init__(self, data: dict):
        if data.get("heads") != list(HEADS) or data.get("version") != FEATURE_VERSION:
            raise ValueError("model.json does not match this code: retrain the model")
        self.weights: dict[str, tuple[float, ...]] = {
            f: tuple(w) for f, w in data["weights"].items()
        }
        self.thresholds: dict[str, float] = data["thresholds"]
        self.meta = {k: v for k, v in data.items() if k != "weights"}
        self._token_cache: dict[str, tuple[float, ...]] = {}

    def scores(self, feats: list[str]) -> dict[str, float]:
        vecs = [w for w in map(self.weights.get, feats) if w is not None]
        return self._sum(vecs)

    def score_message(
        self, an: Analysis, rule_findings: set[str], rule_kind: str, rule_cat: str | None
    ) -> dict[str, float]:
        """scores(features(...)) with the word and prefix weights of a token key looked up
        once per key and remembered (a test checks both give the same scores)."""
        cache = self._token_cache
        vecs = []
        for k in an.keys[:MAX_TOKENS]:
            if k:
                hit = cache.get(k)
                if hit is None:
                    hit = self._key_vector(k)
                if hit:
                    vecs.append(hit)
        get = self.weights.get
        vecs += [
            w
            for w in map(get, message_features(an, rule_findings, rule_kind, rule_cat))
            if w is not None
        ]
        return self._sum(vecs)

    def _sum(self, vecs: list[tuple[float, ...]]) -> dict[str, float]:
        if not vecs:
            return dict.fromkeys(HEADS, 0.0)
        return dict(zip(HEADS, map(sum, zip(*vecs, strict=True)), strict=True))

    def top_token(self, an: Analysis, head: str) -> int:
        """The token whose own features push `head` up most: the span of a model-only
        finding (computed only then, from the per-key sums score_message remembered)."""
        h = HEADS.index(head)
        best, best_i = 0.0, -1
        for i, k in enumerate(an.keys[:MAX_TOKENS]):
            vec = self._key_vector(k) if k else ()
            if vec and vec[h] > best:
                best, best_i = vec[h], i
        return best_i

    def _key_vector(self, k: str) -> tuple[float, ...]:
        """The summed weights of one token key's features (() when none has a weight)."""
        hit = self._token_cache.get(k)
        if hit is None:
            ws = [w for w in map(self.weights.get, key_features(k)) if w is not None]
            # one pre-summed vector per key (or none): fewer vectors to add per message
            hit = tuple(map(sum, zip(*ws, strict=True))) if ws else ()
            if len(self._token_cache) < 100_000:
                self._token_cache[k] = hit
        return hit


def sigmoid(x: float) -> float:
    if x >= 0:
        return 1.0 / (1.0 + math.exp(-x))
    e = math.exp(x)
    return e / (1.0 + e)


def softmax(scores: dict[str, float], names: tuple[str, ...], prefix: str) -> dict[str, float]:
    vals = [scores[prefix + n] for n in names]
    m = max(vals)
    exps = [math.exp(v - m) for v in vals]
    total = sum(exps)
    return {n: e / total for n, e in zip(names, exps, strict=True)}


@lru_cache(maxsize=1)
def load() -> LinearModel | None:
    """The shipped model, or None when none has been trained yet (rules only)."""
    if not MODEL_PATH.exists():
        return None
    model = LinearModel(json.loads(MODEL_PATH.read_text(encoding="utf-8")))
    gc.freeze()  # lives as long as the process, like the lexicon index (lexicon.index)
    return model
