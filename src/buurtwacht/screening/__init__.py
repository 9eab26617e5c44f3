"""Screening of messages entering a neighbourhood group: kind, category, findings, verdict.

Pure Python: no Django, no network; a small linear model trained from repository data ships
as data/model.json. See docs/screening.md.

    >>> r = screen("Inbraak bezig in de Kerkstraat!! Politie gebeld")
    >>> r.kind, r.category, r.finding_names, r.verdict
    ('alert', 'burglary', ['emergency', 'police_called'], 'allow')
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from .classify import category as _category
from .classify import classify as _classify
from .combine import RuleStage, combine
from .findings import discrimination, emergency, pattern_findings, police_called, vigilantism
from .lang import detect, detect_scored
from .learned import load as learned_load
from .lexicon import LANGUAGES, index
from .masking import apply_mask
from .model import (
    CATEGORIES,
    DEFAULT_ACTIONS,
    FINDINGS,
    KINDS,
    Finding,
    Reason,
    ScreeningResult,
)
from .normalise import tokenise
from .scope import analyse
from .verdict import decide

__all__ = [
    "screen", "mask", "ScreeningResult", "Finding", "Reason", "DEFAULT_ACTIONS", "FINDINGS",
    "CATEGORIES", "KINDS", "LANGUAGES",
]  # fmt: skip

MAX_CHARS = 20_000  # longer inputs are screened on their first 20,000 characters


def screen(
    text: str,
    lang: str | None = None,
    *,
    actions: Mapping[str, str] | None = None,
    call_confirmed: bool = False,
    context: str = "auto",
) -> ScreeningResult:
    """Screen one message. `context` "alert"/"follow_up" forces the kind (form or reply)."""
    if not isinstance(text, str):
        raise TypeError("text must be a str")
    if context not in ("auto", "alert", "follow_up"):
        raise ValueError("context must be 'auto', 'alert' or 'follow_up'")
    an, detected = analysis(text, lang)
    stage = rule_stage(an, context)
    found, kind, cat = stage.found, stage.kind, stage.category
    unsure: list[Finding] = []
    model = learned_load()
    if model is not None:
        found, kind, cat, unsure = combine(model, stage)
    names = {f.name for f in found}
    if context == "follow_up" and _is_reaction(an, stage.scores, names):
        kind = "chatter"  # thanks and reactions under an alert are chatter, not observations
    elif context != "auto":
        kind = context
    if kind != "alert":
        cat = None
    elif cat is None:
        cat = stage.category or "other"
    if kind == "chatter" and stage.kind == "chatter":
        # origin alone is only suspect in an alert; the rules judged it on their own kind, so
        # it is dropped only when they too saw chatter (the model's kind alone does not drop it)
        found = [f for f in found if not (f.name == "discrimination" and f.detail == "origin_only")]
    if cat and "emergency" in names:
        cat = _emergency_category(found, cat, an)
    found.sort(key=lambda f: (f.start, f.name))
    verdict, reasons = decide(
        kind,
        (f.name for f in found),
        detected,
        actions=actions,
        call_confirmed=call_confirmed,
        unsure=(u.name for u in unsure),
    )
    return ScreeningResult(text, detected, kind, cat, found, verdict, reasons, unsure)


def analysis(text: str, lang: str | None = None):
    """Tokens and phrase matches of a message, in its language (given or detected)."""
    body = text[:MAX_CHARS]
    tokens = tokenise(body)
    if lang in LANGUAGES:
        detected = lang
        an = analyse(tokens, index(), detected)
    else:
        detected, evidence = detect_scored(tokens)
        an = analyse(tokens, index(), detected)
        if evidence < 1.0:
            # No function words ("Verkaufe Kinderwagen, 40 Euro"): let the lexicon hits vote.
            votes: dict[str, int] = {}
            for ms in an.by_concept.values():
                for m in ms:
                    votes[m.lang] = votes.get(m.lang, 0) + 1
            if votes:
                best = max(votes, key=lambda k: (votes[k], k == detected))
                if best != detected and votes[best] > votes.get(detected, 0):
                    detected = best
                    an = analyse(tokens, index(), detected)

    return an, detected


def rule_stage(an, context: str = "auto") -> RuleStage:
    """The rules alone: findings, kind, category (the model's inputs and its fallback)."""
    found: list[Finding] = pattern_findings(an)
    plate = any(f.name == "licence_plate" for f in found)
    for fn in (police_called, emergency, vigilantism):
        f = fn(an)
        if f:
            found.append(f)
    names = {f.name for f in found}
    kind, scores = _classify(
        an,
        emergency="emergency" in names,
        plate=plate,
        vigilantism="vigilantism" in names,
        police="police_called" in names,
    )
    disc = discrimination(an, kind if context == "auto" else context)
    if disc:
        found.append(disc)
    cat = _category(an, scores, plate)
    return RuleStage(an, found, kind, scores, cat)


def _is_reaction(an, scores: dict[str, float], names: set[str]) -> bool:
    """A reply that only thanks or reacts: social words, and nothing observed or reported."""
    reported = names & {"emergency", "police_called", "licence_plate", "vigilantism"}
    return bool(an.get("chatter")) and not any(scores.values()) and not reported


def _emergency_category(found: list[Finding], cat: str, an) -> str:
    """Immediate danger decides the category when the vocabulary vote was undecided."""
    if cat not in ("other", "suspicious_person", "suspicious_vehicle"):
        return cat
    if an.get("cat_fire"):
        return "fire"
    if an.get("cat_violence") or an.get("weak_violence"):
        return "violence"
    return cat


def mask(text: str, findings: Iterable[Finding] | None = None, lang: str | None = None) -> str:
    """Members' copy: plates and third-party data masked; 112, 101 and police numbers kept."""
    if findings is None:
        result = screen(text, lang)
        findings, lang = result.findings, result.lang
    elif lang is None:
        lang = detect(tokenise(text[:MAX_CHARS]))
    return apply_mask(text, findings, lang)
