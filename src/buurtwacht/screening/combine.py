"""Rules and model together: the final findings, kind, category, and what is unsure.

The rules run first (they carry negation, quotes, the police as subject, spans) and their
results become features of the linear model (learned.py), which gives every finding a
probability. For vigilantism and emergency, the two findings where a miss means harm:
- p >= hi: the finding stands, with confidence p (a rule match is kept as its span);
- lo <= p < hi, or a rule match the model doubts (p < hi): *unsure*. The message is held for
  the coordinator ("unsure: please review") instead of being delivered or blocked;
- p < lo and no rule match: nothing.
Discrimination and police_called are rule-led (grouped cross-validation showed the rules
better than the model there): a rule finding stands with confidence 0.5 + p/2, and the model
alone adds one only when p >= hi. Pattern findings (plates, phone
numbers, e-mail, IBAN, names, addresses) are the detectors' own, with a fixed confidence.
"""

from __future__ import annotations

from dataclasses import dataclass

from .learned import LinearModel, sigmoid
from .model import CATEGORIES, KINDS, Finding
from .scope import Analysis

UNSURE_FINDINGS = ("vigilantism", "emergency")
RULE_LED = ("discrimination", "police_called")
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
    kind = max(KINDS, key=lambda k: sc["kind:" + k])  # argmax: no softmax needed
    found = [
        Finding(f.name, f.start, f.end, f.text, f.detail, PATTERN_CONFIDENCE.get(f.detail, 0.97))
        for f in stage.found
        if f.name in ("licence_plate", "third_party_data")
    ]
    unsure: list[Finding] = []
    for name in ("vigilantism", "emergency", "discrimination", "police_called"):
        p = sigmoid(sc[name])
        th = model.thresholds[name]
        if name in RULE_LED:
            # The rules are better at these than the model: a rule finding stands (the model
            # only lowers its confidence), and the model alone adds one only when quite sure.
            if name in rule:
                found.append(_with(model, an, rule[name], name, 0.5 + p / 2))
            elif p >= th["hi"]:
                found.append(_with(model, an, None, name, p))
        elif p >= th["hi"]:
            found.append(_with(model, an, rule.get(name), name, p))
        elif name in UNSURE_FINDINGS and (p >= th["lo"] or name in rule):
            unsure.append(_with(model, an, rule.get(name), name, p, "unsure"))
    cat = None
    if kind == "alert":
        cat = max(CATEGORIES, key=lambda c: sc["cat:" + c])
    return found, kind, cat, unsure


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
