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
    """Record one receipt; False when no delivery carries that provider id (not ours, or
    not recorded yet: the caller may keep it and try again)."""
    row = (
        Delivery.objects.select_for_update()
        .filter(channel=channel, provider_id=provider_id)
        .first()
    )
    if row is None:
        return False
    if status == "failed":
        if RANK.get(row.receipt, 0) == 0:
            row.receipt, row.receipt_at = "failed", at
            row.status, row.last_error = Delivery.Status.DEAD, error[:1000]
            row.save(update_fields=["receipt", "receipt_at", "status", "last_error"])
            fallback.fall_back(row, reason=error or "provider reported failure")
        return True
    if status in RANK and RANK[status] > RANK.get(row.receipt, 0):
        row.receipt, row.receipt_at = status, at
        row.save(update_fields=["receipt", "receipt_at"])
    return True
