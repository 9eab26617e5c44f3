"""Screening applied to an alert's free-text fields, under the group's protocol.

The screening library is pure (no Django); this module turns its result into what we store:
findings, verdict, reasons in the sender's language, the masked members' copy per field and
the police-only extract (plates, third-party data).
"""

from dataclasses import dataclass, field

from buurtwacht.protocols import Protocol
from buurtwacht.screening import mask, screen

POLICE_ONLY_FINDINGS = {"licence_plate": "plates", "third_party_data": "third_party_data"}


@dataclass
class Screened:
    kind: str
    category: str | None
    findings: list[str]
    verdict: str
    reasons: list[dict]
    members_copy: dict[str, str] = field(default_factory=dict)
    police_only: dict[str, list[str]] = field(default_factory=dict)

    @property
    def reason_text(self) -> str:
        return " ".join(r["message"] for r in self.reasons)


def screen_fields(
    fields: dict[str, str], *, lang: str, protocol: Protocol, context: str, call_confirmed: bool
) -> Screened:
    """Screen the fields as one message (context matters), then mask each field alone."""
    text = "\n".join(v for v in fields.values() if v)
    # "unsure" (hold/block) travels with the finding actions, like call_first/chatter do.
    actions = {**protocol.findings, "unsure": protocol.unsure}
    result = screen(text, lang, actions=actions, call_confirmed=call_confirmed, context=context)
    police_only: dict[str, list[str]] = {}
    for finding in result.findings:
        bucket = POLICE_ONLY_FINDINGS.get(finding.name)
        if bucket and finding.text not in police_only.setdefault(bucket, []):
            police_only[bucket].append(finding.text)
    return Screened(
        kind=result.kind,
        category=result.category,
        findings=list(result.finding_names),
        verdict=result.verdict,
        reasons=[
            {"rule": r.rule, "action": r.action, "message": r.message}
            for r in result.reasons
            if r.action != "allow" or r.rule == "licence_plate"
        ],
        members_copy={
            name: mask(value, lang=lang) if value else value for name, value in fields.items()
        },
        police_only=police_only,
    )
