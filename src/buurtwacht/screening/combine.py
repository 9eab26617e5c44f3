"""Rules and model together: the final findings, kind, category, and what is unsure.

The rules run first (they carry negation, quotes, the police as subject, spans) and their
results become features of the linear model (learned.py), which gives every finding a
probability. For vigilantism and emergency, the two findings where a miss means harm:
- a rule match stands with confidence p unless the model is nearly sure it is wrong
  (p < keep): then it is *unsure*;
- without a rule match, p >= add makes the finding (its span: the token that weighs most),
  lo <= p < add makes it *unsure*, below lo nothing. An unsure message is held for the
  coordinator ("unsure: please review") instead of being delivered or blocked.
The model can only doubt, never find alone, when the rules' own lexicon matched and the
rules rejected it (idiom, harmless context, negation, police as subject: they know that
scope better than a bag of words), and needs a word of the finding's make-up (GATES).
Discrimination and police_called are rule-led (grouped cross-validation showed the rules
better than the model there): a rule finding stands with confidence 0.5 + p/2, and the model
alone adds one only when p >= add. Pattern findings (plates, phone
numbers, e-mail, IBAN, names, addresses) are the detectors' own, with a fixed confidence.
"""

from __future__ import annotations

from dataclasses import dataclass

from .learned import LinearModel, classes, sigmoid
from .model import CATEGORIES, KINDS, Finding
from .scope import Analysis

UNSURE_FINDINGS = ("vigilantism", "emergency")  # the others are RULE_LED
RULE_LED = ("discrimination", "police_called")
# The model alone may add (or doubt) a finding only when a word of its make-up is there:
# vigilantism needs an action family, a group going somewhere, a position ("erachter", "voor
# en achter"), a shaming word or a purpose of making someone leave ("ze zullen wel snappen");
# an emergency needs "now", help, a danger, hazard or crime word, or someone missing.
# The rules' lexicon matched but the rules rejected it (an idiom, a harmless context, negation,
# the police as subject, a past event): the rules know this scope better than a bag of words,
# so the model may then only doubt (hold for review), never find on its own.
SCOPED = ("vigilantism", "shaming", "danger", "now", "attempt", "in_trouble", "disc_meta")
REJECTED = {
    "vigilantism": frozenset(("matched:vigilantism", "matched:shaming")),
    "emergency": frozenset(
        ("matched:danger", "matched:now", "matched:attempt", "matched:in_trouble")
    ),
}
# Where the rules saw a warning against vigilantism (a negated or quoted match, a
# discouraging sentence: "Personne ne va les confronter", "Ga ze aub niet zelf tegenhouden"),
# the model may only doubt it, never find it: negation scope is what the rules do best.
FORBIDDEN = {
    "vigilantism": frozenset(("negated:vigilantism", "matched:distancing")),
    "emergency": frozenset(),
}
# ... and a warning must leave the model at least even that it is incitement after all.
WARNED_LO = 0.5
# Where the rules read a live resolution ("is gesust", "colmatée", "sealed", "geen gevaar
# meer", "einde melding"), the event is over: the model may neither add nor doubt an emergency.
RESOLVED = frozenset(("live:resolved",))
# Talk about the rule against discrimination ("verboden", "based on", "interdits"): the rules
# read its scope; the model may not add discrimination there.
ABOUT_THE_RULE = frozenset(("matched:disc_meta",))
GATES = {
    "vigilantism": frozenset(("act", "group", "around", "shame")),
    "emergency": frozenset(("now", "danger", "missing")),
}
# A purpose of making someone leave ("warnoff": leave, lopen, verschwinden, comprendre) is a
# gate only beside a group of residents or an intent: on its own it is the suspects walking
# off in a plain alert ("two men ... they leave towards the station"), held as unsure before.
PURPOSE_GATE = {"vigilantism": (frozenset(("warnoff",)), frozenset(("group", "intent")))}


def gated(name: str, cues: set[str]) -> bool:
    """Whether a word of the finding's make-up is there, so that the model may add or doubt it."""
    if GATES[name] & cues:
        return True
    purpose, beside = PURPOSE_GATE.get(name, (frozenset(), frozenset()))
    return bool(purpose & cues and beside & cues)


# Pattern detectors: validated numbers are near certain, a name or a partial plate less so.
PATTERN_CONFIDENCE = {"name": 0.8, "address": 0.85, "partial": 0.7}


@dataclass(slots=True)
class RuleStage:
    an: Analysis
    found: list[Finding]
    kind: str
    scores: dict[str, float]
    category: str | None


def combine(
    model: LinearModel, stage: RuleStage
) -> tuple[list[Finding], str, str | None, list[Finding]]:
    an = stage.an
    rule = {f.name: f for f in stage.found}
    sc = model.score_message(an, set(rule), stage.kind, stage.category)
    cues: set[str] = set().union(*classes(an))
    cues |= scope_cues(an)
    kind, cat, sure, doubt = policy(
        sc, set(rule), stage.kind, model.thresholds, cues, stage.category
    )
    found = [
        Finding(f.name, f.start, f.end, f.text, f.detail, PATTERN_CONFIDENCE.get(f.detail, 0.97))
        for f in stage.found
        if f.name in ("licence_plate", "third_party_data")
    ]
    found += [_with(model, an, rule.get(n), n, p) for n, p in sure.items()]
    unsure = [_with(model, an, rule.get(n), n, p, "unsure") for n, p in doubt.items()]
    return found, kind, cat, unsure


def scope_cues(an: Analysis) -> set[str]:
    """What the rules' lexicon matched (SCOPED) and whether a vigilantism match was negated,
    quoted, or a discouraging sentence was there (FORBIDDEN)."""
    out = {f"matched:{c}" for c in SCOPED if an.get(c)}
    if an.get("distancing"):
        out.add("matched:distancing")
    if any(an.negated(m) or an.quoted(m) for m in an.get("vigilantism")):
        out.add("negated:vigilantism")
    if any(not an.negated(m) for m in an.get("resolved")):
        out.add("live:resolved")
    return out


def policy(
    sc: dict[str, float],
    rule: set[str],
    rule_kind: str,
    thresholds: dict[str, dict[str, float]],
    cues: set[str],
    rule_cat: str | None = None,
) -> tuple[str, str | None, dict[str, float], dict[str, float]]:
    """(kind, category, {finding: confidence}, {unsure finding: confidence}) from the model's
    scores and the rules' findings: the whole decision, shared with the trainer's
    cross-validation so that what is tuned there is what runs here."""
    kind = max(KINDS, key=lambda k: sc["kind:" + k])  # argmax: no softmax needed
    if sc["kind:" + kind] - sc["kind:" + rule_kind] < thresholds["kind"]["margin"]:
        kind = rule_kind  # the model must clearly disagree to overrule the rules' kind
    sure: dict[str, float] = {}
    doubt: dict[str, float] = {}
    for name in ("vigilantism", "emergency", "discrimination", "police_called"):
        p = sigmoid(sc[name])
        th = thresholds[name]
        if name in RULE_LED:
            # The rules are better at these than the model: a rule finding stands (the model
            # only lowers its confidence), and the model alone adds one only when quite sure.
            if name in rule:
                sure[name] = 0.5 + p / 2
            elif p >= th["add"] and not (name == "discrimination" and ABOUT_THE_RULE & cues):
                sure[name] = p  # (never in a sentence about the rule against it)
        elif name in rule:
            (sure if p >= th["keep"] else doubt)[name] = p
        elif not gated(name, cues):
            continue  # no word of the kind this finding is made of: the model alone cannot add it
        elif name == "emergency" and RESOLVED & cues:
            continue  # the event is over (the rules' emergency check already said so)
        elif FORBIDDEN[name] & cues:
            if p >= max(th["lo"], WARNED_LO):
                doubt[name] = p  # a warning against it: at most held for review
        elif p >= th["add"] and not REJECTED[name] & cues:
            sure[name] = p
        elif p >= th.get("add_scoped", 2.0):
            sure[name] = p  # the rules rejected their match; the model is sure enough anyway
        elif p >= th["lo"]:
            doubt[name] = p
    cat = None
    if kind == "alert":
        cat = max(CATEGORIES, key=lambda c: sc["cat:" + c])
        margin = thresholds.get("category", {}).get("margin", -99.0)
        if rule_cat in CATEGORIES and sc["cat:" + cat] - sc["cat:" + rule_cat] < margin:
            cat = rule_cat  # as for the kind: the model must clearly disagree
    return kind, cat, sure, doubt


def _with(
    model: LinearModel,
    an: Analysis,
    ruled: Finding | None,
    name: str,
    p: float,
    detail: str = "",
) -> Finding:
    """The rule's finding with the model's confidence, or a span from the model's evidence."""
    p = round(p, 3)
    if ruled is not None:
        return Finding(ruled.name, ruled.start, ruled.end, ruled.text, detail or ruled.detail, p)
    i = model.top_token(an, name)
    if i < 0:
        return Finding(name, 0, len(an.tokens.text), an.tokens.text, detail or "model", p)
    a, b = an.tokens.span(i, i)
    return Finding(name, a, b, an.tokens.text[a:b], detail or "model", p)
