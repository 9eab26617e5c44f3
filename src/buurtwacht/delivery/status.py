"""What coordinators see of a message's delivery: counts per channel and status, and each
recipient's state. Names only: no phone numbers, no addresses, no provider errors."""

from collections import defaultdict

from django.db.models import Count

from .models import Delivery, OutboundMessage


def delivery_summary(message: OutboundMessage) -> dict[str, dict[str, int]]:
    """{channel: {status: count}} in one GROUP BY."""
    rows = (
        Delivery.objects.filter(message=message)
        .values("channel", "status")
        .annotate(n=Count("id"))
        .order_by()
    )
    summary: dict[str, dict[str, int]] = defaultdict(dict)
    for row in rows:
        summary[row["channel"]][row["status"]] = row["n"]
    return dict(summary)


def recipient_states(message: OutboundMessage) -> list[dict]:
    """One entry per delivery: who (username, display name), channel, status, attempts, when.

    Only non-contact columns are selected, so contact data is never even decrypted here.
    """
    rows = (
        Delivery.objects.filter(message=message)
        .order_by("recipient__username", "channel")
        .values(
            "recipient__username", "recipient__first_name", "recipient__last_name",
            "channel", "status", "attempts", "sent_at", "next_attempt_at", "receipt",
            "receipt_at",
        )
    )  # fmt: skip
    return [
        {
            "username": r["recipient__username"],
            "display_name": f"{r['recipient__first_name']} {r['recipient__last_name']}".strip()
            or r["recipient__username"],
            "channel": r["channel"],
            "status": r["status"],
            "attempts": r["attempts"],
            "sent_at": r["sent_at"],
            "next_attempt_at": r["next_attempt_at"] if r["status"] == "failed" else None,
            "receipt": r["receipt"],  # what the provider reported: delivered, read, failed
            "receipt_at": r["receipt_at"],
        }
        for r in rows
    ]
