"""The vocabulary of screening (kinds, categories, findings, actions) and its result types.

These names are shared with the protocols (which map findings to actions), the alerts app and
the corpus labels, so they live in one place and nowhere else.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

KINDS = ("alert", "follow_up", "chatter")
CATEGORIES = (
    "burglary", "suspicious_person", "suspicious_vehicle", "theft", "vandalism", "scam",
    "missing_person", "fire", "violence", "other",
)  # fmt: skip
FINDINGS = (
    "emergency", "police_called", "vigilantism", "third_party_data", "licence_plate",
    "discrimination",
)  # fmt: skip
ACTIONS = ("allow", "hold", "block")
SEVERITY = {"allow": 0, "hold": 1, "block": 2}

# The be-type defaults (product.md, "Screening"). A protocol variant may only tighten them.
DEFAULT_ACTIONS: dict[str, str] = {
    "emergency": "hold",
    "police_called": "allow",
    "vigilantism": "block",
    "third_party_data": "hold",
    "licence_plate": "allow",
    "discrimination": "hold",
}


@dataclass(frozen=True, slots=True)
class Finding:
    """One finding with the span of original text that triggered it.

    `detail` says what exactly was found (e.g. "phone", "email", "iban", "national_number",
    "name", "address" for third_party_data; the country for a licence plate; "partial").
    """

    name: str
    start: int
    end: int
    text: str
    detail: str = ""
    # How sure screening is, in [0, 1]: the model's probability for vigilantism, emergency,
    # discrimination and police_called; a fixed value per pattern detector otherwise.
    confidence: float = 1.0

    def to_dict(self) -> dict[str, Any]:
        d = {"name": self.name, "start": self.start, "end": self.end, "text": self.text}
        if self.detail:
            d["detail"] = self.detail
        d["confidence"] = self.confidence
        return d


@dataclass(frozen=True, slots=True)
class Reason:
    """Why the verdict is what it is: the rule, the action it asks for, a message to the sender."""

    rule: str
    action: str
    message: str

    def to_dict(self) -> dict[str, str]:
        return {"rule": self.rule, "action": self.action, "message": self.message}


@dataclass(slots=True)
class ScreeningResult:
    text: str
    lang: str
    kind: str
    category: str | None
    findings: list[Finding]
    verdict: str
    reasons: list[Reason] = field(default_factory=list)
    # Vigilantism or emergency that screening is unsure of: held for review (rule "unsure").
    unsure: list[Finding] = field(default_factory=list)

    @property
    def finding_names(self) -> list[str]:
        return sorted({f.name for f in self.findings})

    def to_dict(self) -> dict[str, Any]:
        return {
            "lang": self.lang,
            "kind": self.kind,
            "category": self.category,
            "findings": [f.to_dict() for f in self.findings],
            "finding_names": self.finding_names,
            "verdict": self.verdict,
            "reasons": [r.to_dict() for r in self.reasons],
            "unsure": [f.to_dict() for f in self.unsure],
        }
