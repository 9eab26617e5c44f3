"""Receipts: what a provider reports after a send (delivered, read, failed), on our rows.

Providers report late, more than once and out of order (a "read" may overtake its
"delivered"). A receipt only ever moves a delivery forward (sent < delivered < read), so a
late "delivered" never undoes a "read"; "failed" ends the delivery and hands the message to
the member's next channel, unless the message was already delivered or read.
"""

from datetime import datetime

from django.db import transaction

from . import fallback
from .models import Delivery

RANK = {"": 0, "sent": 0, "delivered": 1, "read": 2}


@transaction.atomic
def apply_receipt(
    *, channel: str, provider_id: str, status: str, at: datetime, error: str = ""
) -> bool:
    """Record one receipt on every delivery that provider message carried (several when
    queued messages were merged into one); False when none carries it (not ours, or not
    recorded yet: the caller may keep it and try again)."""
    rows = list(
        Delivery.objects.select_for_update().filter(channel=channel, provider_id=provider_id)
    )
    if not rows:
        return False
    for row in rows:
        _apply(row, status, at, error)
    return True


def _apply(row: Delivery, status: str, at: datetime, error: str) -> None:
    if status == "failed":
        if RANK.get(row.receipt, 0) == 0:
            row.receipt, row.receipt_at = "failed", at
            row.status, row.last_error = Delivery.Status.DEAD, error[:1000]
            row.save(update_fields=["receipt", "receipt_at", "status", "last_error"])
            fallback.fall_back(row, reason=error or "provider reported failure")
        return
    if status in RANK and RANK[status] > RANK.get(row.receipt, 0):
        row.receipt, row.receipt_at = status, at
        row.save(update_fields=["receipt", "receipt_at"])
