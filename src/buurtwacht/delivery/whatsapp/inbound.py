"""What the worker does with stored webhooks: statuses onto deliveries, messages into the
conversation, replies back to the member.

Claiming is one conditional UPDATE per batch (as for deliveries), so two worker processes
never handle the same event; together with the unique key on the stored event, a message
Meta delivers twice is handled once. A processed event keeps only its key (for dedupe):
the payload, which holds the sender's number, is emptied.
"""

import json
import logging
import uuid
from datetime import UTC, datetime, timedelta

from django.db import transaction
from django.db.models import Q
from django.utils import timezone, translation

from buurtwacht.delivery import receipts
from buurtwacht.delivery.models import Delivery
from buurtwacht.organisation.models import Membership
from buurtwacht.organisation.roles import READING_STATUSES

from . import identities, numbers, replies
from .client import ApiError, Recipient
from .models import BusinessNumber, InboundEvent

logger = logging.getLogger(__name__)
LEASE = timedelta(seconds=60)
# A status that arrives before its send was recorded waits this long for its delivery row;
# statuses of conversation replies (not deliveries) match none and are dropped after it.
STATUS_WAIT = timedelta(minutes=2)


def process_pending(worker_id: str = "", limit: int = 200) -> int:
    """Handle what is waiting (one claim); returns how many events were handled."""
    done = 0
    for event in _claim(worker_id, limit):
        try:
            finished = _handle(event)
        except Exception as exc:  # one bad event must not stop the others
            logger.exception("whatsapp: event %s failed", event.pk)
            _release(event, f"{type(exc).__name__}: {exc}")
            continue
        if finished:
            InboundEvent.objects.filter(pk=event.pk).update(
                processed_at=timezone.now(), payload="", error=""
            )
            done += 1
        else:
            _release(event, "waiting for its delivery row")
    return done


def _claim(worker_id: str, limit: int) -> list[InboundEvent]:
    token = f"{worker_id[:40]}:{uuid.uuid4().hex}"
    now = timezone.now()
    free = Q(processed_at__isnull=True) & (Q(claimed_by="") | Q(claimed_at__lt=now - LEASE))
    with transaction.atomic():
        ids = list(
            InboundEvent.objects.filter(free).order_by("id").values_list("id", flat=True)[:limit]
        )
        if not ids:
            return []
        InboundEvent.objects.filter(free, id__in=ids).update(claimed_by=token, claimed_at=now)
    return list(InboundEvent.objects.filter(claimed_by=token).order_by("id"))


def _release(event: InboundEvent, error: str) -> None:
    InboundEvent.objects.filter(pk=event.pk).update(claimed_by="", error=error[:300])


def _handle(event: InboundEvent) -> bool:
    item = json.loads(event.payload or "{}")
    if event.kind == InboundEvent.Kind.STATUS:
        return _status(item["status"], received_at=event.received_at)
    _message(item, number_id=event.phone_number_id)
    return True


def _timestamp(value) -> datetime:
    try:
        return datetime.fromtimestamp(int(value), tz=UTC)
    except (TypeError, ValueError):
        return timezone.now()


def _status(status: dict, *, received_at) -> bool:
    """A receipt for one of our sends. 131047 (the window had closed) re-queues the delivery
    so the channel sends the template instead; any other failure falls back."""
    state, wamid = status.get("status"), status.get("id", "")
    if state not in ("sent", "delivered", "read", "failed"):
        return True
    errors = status.get("errors") or [{}]
    code = int(errors[0].get("code") or 0)
    error = f"WhatsApp {code}: {errors[0].get('title', '')}".strip() if state == "failed" else ""
    if state == "failed" and code in (131047,):
        return _requeue_as_template(wamid)
    known = receipts.apply_receipt(
        channel="whatsapp", provider_id=wamid, status=state, at=_timestamp(status.get("timestamp")),
        error=error,
    )  # fmt: skip
    return known or timezone.now() - received_at > STATUS_WAIT


def _requeue_as_template(wamid: str) -> bool:
    rows = Delivery.objects.filter(channel="whatsapp", provider_id=wamid)
    row = rows.first()
    if row is None:
        return False
    identities.close_window(row.recipient)
    rows.update(
        status=Delivery.Status.PENDING, provider_id="", next_attempt_at=timezone.now(),
        last_error="131047: outside the 24-hour window, re-sent as a template",
    )  # fmt: skip
    return True


def _message(item: dict, *, number_id: str) -> None:
    message, contacts = item["message"], item.get("contacts") or [{}]
    wa_id = message.get("from") or contacts[0].get("wa_id") or ""
    bsuid = message.get("from_user_id") or contacts[0].get("user_id") or ""
    sender = Recipient(wa_id=wa_id, bsuid=bsuid)
    client = numbers.client_for(number_id or numbers.default_number_id())
    _mark_read(client, message.get("id"))
    user = identities.find_member(wa_id=wa_id, bsuid=bsuid)
    text = replies.text_of(message)
    if user is None:
        user = identities.link_by_code(text, bsuid=bsuid)
        if user is not None:
            with translation.override(user.language):
                replies.send(client, sender, [replies.linked()])
            return
        logger.info("whatsapp: message from an unknown sender (number not kept)")
        replies.send(client, sender, [replies.how_to_join(text)])
        return
    identities.note_inbound(user, _timestamp(message.get("timestamp")), bsuid=bsuid)
    group = _group_of(user, number_id)
    with translation.override(user.language):
        if group is None:
            replies.send(client, sender, [replies.no_group()])
            return
        answers = replies.answer(user=user, group=group, message=message)
        replies.send(client, sender, answers)


def _mark_read(client, message_id: str | None) -> None:
    if not message_id:
        return
    try:
        client.mark_read(message_id)
    except ApiError as exc:  # a read mark is a courtesy: never a reason to drop the message
        logger.warning("whatsapp: mark read failed: %s", exc)


def _group_of(user, number_id: str):
    """The group whose number was written to, else the member's first group."""
    own = BusinessNumber.objects.filter(phone_number_id=number_id, group__isnull=False).first()
    memberships = Membership.objects.filter(user=user, status__in=READING_STATUSES)
    if own is not None:
        memberships = memberships.filter(group_id=own.group_id)
    first = memberships.select_related("group").order_by("id").first()
    return first.group if first else None


#: Meta redelivers a webhook for up to 7 days; a processed event's key must outlive that.
KEEP_PROCESSED = timedelta(days=8)
KEEP_TEMPLATE_SENDS = timedelta(days=2)  # the tier counts the last 24 h


def purge(now=None) -> int:
    """Retention for this channel's own rows (they belong to no group, so the per-protocol
    registry does not cover them): processed webhook keys after the redelivery window,
    template sends after the tier's 24 hours. Returns the number of rows deleted."""
    from .models import TemplateSend

    now = now or timezone.now()
    events, _ = InboundEvent.objects.filter(processed_at__lt=now - KEEP_PROCESSED).delete()
    sends, _ = TemplateSend.objects.filter(sent_at__lt=now - KEEP_TEMPLATE_SENDS).delete()
    return events + sends
