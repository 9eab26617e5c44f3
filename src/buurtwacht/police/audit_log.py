"""The police side's one door to the audit log.

The privacy branch gives `privacy.models.audit` its own `reason=` and `zone=` arguments; until
it is merged the reason travels in `detail`. At merge, change only this function (pass
`reason=reason, zone=zone` through) and every police and sanction path follows.
"""

from buurtwacht.privacy.models import AuditEntry, audit


def record(*, actor, action: str, subject, reason: str = "", detail: str = "", zone=None):
    """Write one audit row; `reason` is what the person gave for the access or change."""
    text = f"{detail} | reason: {reason}" if reason and detail else (reason or detail)
    return audit(actor=actor, action=action, subject=subject, detail=text)


__all__ = ["AuditEntry", "record"]
