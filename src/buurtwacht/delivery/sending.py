"""Sending what the outbox holds: claim due deliveries, send them per channel, record the result.

A claim is one UPDATE (pending/failed -> sending, with a claim token) so that two workers,
or two threads, never send the same row; only rows carrying this claim's token are sent.
Each delivery's result is committed on its own right after the send, so a worker killed at
any instant leaves at most the one delivery that was on the wire in doubt. Claims older
than the lease (the worker died) are put back and re-sent with the same idempotency key.
"""

import logging
import threading
import uuid
from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.db.models import F
from django.utils import timezone

from . import fallback
from .channels import registry
from .channels.base import Channel, Content, SendResult
from .models import Delivery, DeliveryAttempt, OutboundMessage
from .outbox import recover_broadcasts
from .pacing import bucket_for

logger = logging.getLogger(__name__)
S = Delivery.Status
DUE = [S.PENDING, S.FAILED]

# One sender per process at a time: the task runner and the worker's sweep may both call
# send_pending, and a single sender keeps "at most one delivery in flight per process".
_sending = threading.Lock()
# Set by `buurtwacht worker` on SIGTERM/SIGINT: every sender in the process stops after the
# delivery on the wire, whether it runs in the sweep or in a django-tasks task.
shutdown = threading.Event()


@dataclass(frozen=True)
class Policy:
    """Tunables, overridable in settings (DELIVERY_LEASE_SECONDS, ...)."""

    lease_seconds: float = 60.0
    max_attempts: int = 6
    backoff_base_seconds: float = 30.0
    backoff_max_seconds: float = 3600.0

    @classmethod
    def from_settings(cls) -> "Policy":
        return cls(
            lease_seconds=getattr(settings, "DELIVERY_LEASE_SECONDS", cls.lease_seconds),
            max_attempts=getattr(settings, "DELIVERY_MAX_ATTEMPTS", cls.max_attempts),
            backoff_base_seconds=getattr(
                settings, "DELIVERY_BACKOFF_BASE_SECONDS", cls.backoff_base_seconds
            ),
            backoff_max_seconds=getattr(
                settings, "DELIVERY_BACKOFF_MAX_SECONDS", cls.backoff_max_seconds
            ),
        )

    def backoff(self, attempts: int) -> timedelta:
        """Exponential: base, 2*base, 4*base ... capped, so a struggling provider recovers."""
        seconds = self.backoff_base_seconds * 2 ** max(0, attempts - 1)
        return timedelta(seconds=min(seconds, self.backoff_max_seconds))


@dataclass(frozen=True)
class _Run:
    policy: Policy
    batch_size: int | None
    worker_id: str
    stop: threading.Event | None

    def stopping(self) -> bool:
        return shutdown.is_set() or (self.stop is not None and self.stop.is_set())


def send_pending(
    *, batch_size: int | None = None, worker_id: str = "", stop: threading.Event | None = None
) -> int:
    """Send every due delivery of every channel until none is due; returns how many were sent.

    `batch_size` overrides the channels' own claim size (tests, tuning). When `stop` is set
    (graceful shutdown) the current send finishes, the rest of the claim is handed back at
    once, and nothing is left in doubt.
    """
    run = _Run(Policy.from_settings(), batch_size, worker_id, stop)
    with _sending:
        reclaim_expired(run.policy)
        recover_broadcasts(older_than_seconds=run.policy.lease_seconds)
        sent = 0
        while not run.stopping():
            progress = [_send_batch(c, run) for c in _senders()]
            sent += sum(n for n, _ in progress)
            if not any(claimed for _, claimed in progress):
                break
        return sent


def _senders() -> list[Channel]:
    return [c for c in registry.all_channels() if c.per_recipient]


def reclaim_expired(policy: Policy | None = None) -> int:
    """Put back claims whose worker stopped (lease expired); they are sent again, in doubt."""
    policy = policy or Policy.from_settings()
    now = timezone.now()
    return Delivery.objects.filter(
        status=S.SENDING, claimed_at__lt=now - timedelta(seconds=policy.lease_seconds)
    ).update(
        status=S.PENDING,
        next_attempt_at=now,
        last_error="claim expired (worker stopped): re-sent with the same message id",
    )


def claim(channel: str, limit: int, worker_id: str = "") -> list[Delivery]:
    """Atomically mark up to `limit` due deliveries of a channel as ours, and return them."""
    token = f"{worker_id[:60]}:{uuid.uuid4().hex}"
    now = timezone.now()
    with transaction.atomic():
        due = Delivery.objects.filter(channel=channel, status__in=DUE, next_attempt_at__lte=now)
        ids = list(
            due.select_for_update(skip_locked=True)
            .order_by("next_attempt_at", "id")
            .values_list("id", flat=True)[:limit]
        )
        if not ids:
            return []
        Delivery.objects.filter(id__in=ids, status__in=DUE).update(
            status=S.SENDING, claimed_by=token, claimed_at=now
        )
    rows = Delivery.objects.filter(claimed_by=token, status=S.SENDING).order_by("id")
    return list(
        rows.select_related("recipient").only(
            "id", "message_id", "channel", "attempts", "idempotency_key", "claimed_by",
            "claimed_at", "recipient__contact_email", "recipient__phone", "recipient__language",
            "recipient__username",
        )
    )  # fmt: skip


def content_for(payload: dict, lang: str) -> Content:
    """The recipient's language, else Dutch, else whatever the message has."""
    for candidate in (lang, "nl", *payload):
        part = payload.get(candidate)
        if part:
            return Content(candidate, part.get("subject", ""), part.get("text", ""),
                           part.get("html", ""))  # fmt: skip
    return Content(lang, "", "")


def _send_batch(channel: Channel, run: _Run) -> tuple[int, int]:
    rows = claim(channel.name, run.batch_size or channel.batch_size, run.worker_id)
    if not rows:
        return 0, 0
    messages = OutboundMessage.objects.in_bulk({r.message_id for r in rows})
    bucket = bucket_for(channel.name, channel.max_per_second, channel.burst)
    deadline = rows[0].claimed_at + timedelta(seconds=run.policy.lease_seconds / 3)
    sent = 0
    with channel.batch():
        for i, row in enumerate(rows):
            # never keep sending on a claim near its expiry, nor after a stop was asked
            if run.stopping() or timezone.now() > deadline:
                _release(rows[i:])
                break
            bucket.take()
            content = content_for(messages[row.message_id].payload, row.recipient.language)
            sent += record(row, _send_one(channel, row, content), run.policy)
    return sent, len(rows)


def _send_one(channel: Channel, row: Delivery, content: Content) -> tuple[SendResult, object]:
    started = timezone.now()
    try:
        return channel.send(row, content), started
    except Exception as exc:  # a channel bug must not stop the other recipients
        logger.exception("channel %s failed on delivery %s", channel.name, row.pk)
        return SendResult(ok=False, error=f"{type(exc).__name__}: {exc}"), started


def record(row: Delivery, outcome: tuple[SendResult, object], policy: Policy) -> int:
    """Commit one result: sent, retry later (failed), or give up (dead). Returns 1 if sent."""
    result, started = outcome
    if result.deferred:
        _defer(row, result.retry_after or 0)
        return 0
    attempts = row.attempts + 1
    now = timezone.now()
    if result.ok:
        changes = {"status": S.SENT, "sent_at": now, "last_error": "",
                   "provider_id": result.provider_id[:128]}  # fmt: skip
    elif result.permanent or attempts >= policy.max_attempts:
        changes = {"status": S.DEAD, "last_error": result.error}
    else:
        wait = max(policy.backoff(attempts), timedelta(seconds=result.retry_after or 0))
        changes = {"status": S.FAILED, "last_error": result.error, "next_attempt_at": now + wait}
    with transaction.atomic():
        mine = Delivery.objects.filter(pk=row.pk, claimed_by=row.claimed_by, status=S.SENDING)
        stored = mine.update(attempts=F("attempts") + 1, **changes)
        if not stored:
            logger.warning("delivery %s: claim lost before its result was stored", row.pk)
        DeliveryAttempt.objects.create(
            delivery_id=row.pk, started_at=started, ok=result.ok, error=result.error
        )
        if stored and changes["status"] == S.DEAD:
            fallback.fall_back(row, reason=result.error)
    return int(result.ok)


def _defer(row: Delivery, seconds: float) -> None:
    """Not attempted (the channel paces this recipient): back to pending, due later."""
    Delivery.objects.filter(pk=row.pk, claimed_by=row.claimed_by, status=S.SENDING).update(
        status=S.PENDING, next_attempt_at=timezone.now() + timedelta(seconds=seconds)
    )


def _release(rows: list[Delivery]) -> None:
    """Give unsent rows of a claim back at once, so no other worker has to wait for a lease."""
    Delivery.objects.filter(
        pk__in=[r.pk for r in rows], claimed_by=rows[0].claimed_by, status=S.SENDING
    ).update(status=S.PENDING)
