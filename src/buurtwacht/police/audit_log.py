"""The police side's one door to the audit log: every police and sanction path writes
through here, with the reason the person gave and the zone whose admin reads the row."""

from buurtwacht.privacy.models import AuditEntry, audit


def record(*, actor, action: str, subject, reason: str = "", detail: str = "", zone=None):
    """Write one audit row; `reason` is what the person gave for the access or change."""
    return audit(
        actor=actor, action=action, subject=subject, detail=detail, reason=reason, zone=zone
    )


__all__ = ["AuditEntry", "record"]
