"""Merge what is queued for one member into one WhatsApp message.

Meta allows about one message per 6 s to the same user (131056). When an alert, a follow-up
and a police acknowledgement come within seconds, sending them one by one means waiting
(and, pushed, being refused); so when the channel sends to a member it takes the other
WhatsApp deliveries still queued for them into the same message, oldest first, as long as
the text fits. They are claimed with the sending row's claim token (two workers never take
the same row), marked sent with the same provider id on success, and handed back on failure.
"""

from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from buurtwacht.delivery.models import Delivery, OutboundMessage

S = Delivery.Status
TEXT_MAX = 4096
MERGE_MAX = 10
SEPARATOR = "\n\n———\n\n"


def already_merged(row: Delivery) -> bool:
    """True when another send of this claim took the row into its message already."""
    return not Delivery.objects.filter(
        pk=row.pk, claimed_by=row.claimed_by, status=S.SENDING
    ).exists()


def take_queued(row: Delivery) -> list[Delivery]:
    """Claim the member's other queued WhatsApp deliveries (oldest first, at most 10): those
    waiting, and those in the same claim that were not sent yet."""
    waiting = Q(status__in=[S.PENDING, S.FAILED]) | Q(status=S.SENDING, claimed_by=row.claimed_by)
    queued = (
        Delivery.objects.filter(waiting, channel="whatsapp", recipient_id=row.recipient_id)
        .exclude(pk=row.pk).order_by("id").values_list("id", flat=True)[:MERGE_MAX]
    )  # fmt: skip
    ids = list(queued)
    if not ids:
        return []
    with transaction.atomic():
        Delivery.objects.filter(pk__in=ids, status__in=[S.PENDING, S.FAILED]).update(
            status=S.SENDING, claimed_by=row.claimed_by, claimed_at=timezone.now()
        )
    return list(
        Delivery.objects.filter(pk__in=ids, claimed_by=row.claimed_by, status=S.SENDING).order_by(
            "id"
        )
    )


def combined_text(first: str, others: list[Delivery], lang: str, render) -> tuple[str, list]:
    """The texts joined, oldest first, within the limit; returns the text and the rows it holds
    (rows that do not fit stay out and are handed back)."""
    from buurtwacht.delivery.sending import content_for

    messages = OutboundMessage.objects.in_bulk({d.message_id for d in others})
    text, held = first, []
    for row in others:
        part = render(content_for(messages[row.message_id].payload, lang))
        if len(text) + len(SEPARATOR) + len(part) > TEXT_MAX:
            continue
        text, held = text + SEPARATOR + part, [*held, row]
    return text, held


def mark_sent(rows: list[Delivery], provider_id: str) -> None:
    if rows:
        Delivery.objects.filter(pk__in=[r.pk for r in rows], status=S.SENDING).update(
            status=S.SENT, sent_at=timezone.now(), provider_id=provider_id[:128], last_error=""
        )


def hand_back(rows: list[Delivery]) -> None:
    if rows:
        Delivery.objects.filter(pk__in=[r.pk for r in rows], status=S.SENDING).update(
            status=S.PENDING, claimed_by="", next_attempt_at=timezone.now()
        )
