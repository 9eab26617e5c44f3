"""The one small interface every channel implements (web, e-mail; SMS and WhatsApp later).

A channel knows how to send one rendered message to one recipient and, for two-way
channels, how to read and authenticate what comes back. Everything else (claiming,
retries, pacing, bookkeeping) is the outbox's job, so a new channel is one new module.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING, ClassVar

if TYPE_CHECKING:
    from django.http import HttpRequest

    from buurtwacht.delivery.models import Delivery


class InboundNotSupported(NotImplementedError):
    """The channel is one-way (web feed, e-mail): nothing comes back through it."""


@dataclass(frozen=True)
class Content:
    """One message in the recipient's language, as the alert side rendered it."""

    lang: str
    subject: str
    text: str
    html: str = ""


@dataclass(frozen=True)
class SendResult:
    """What happened. `permanent` means retrying cannot help on this channel (the address does
    not exist, the payload is refused): the delivery gives up and the member's next channel
    carries the message (delivery.fallback). `retry_after` asks for a retry no sooner than that
    many seconds (a provider's rate limit); `deferred` means nothing was attempted (our own
    pacing said "not yet"): the delivery waits `retry_after` without counting an attempt."""

    ok: bool
    error: str = ""
    permanent: bool = False
    provider_id: str = ""
    retry_after: float | None = None
    deferred: bool = False


@dataclass(frozen=True)
class InboundMessage:
    """A message a member sent to the hub through a two-way channel, before screening."""

    channel: str
    sender: str
    text: str
    received_at: datetime
    raw: dict = field(default_factory=dict)


class Channel:
    """Base class of channel plugins; subclasses set `name` and implement `send`.

    `max_per_second` is what the provider allows (the worker paces with a token bucket per
    channel); `batch_size` is how many deliveries one claim takes, all sent inside one
    `batch()` (e.g. one SMTP connection).
    """

    name: ClassVar[str] = ""
    max_per_second: ClassVar[float] = 10.0
    burst: ClassVar[float | None] = None  # None: a second's worth at once; 1: evenly spaced
    batch_size: ClassVar[int] = 50
    # False for a channel delivered once per message rather than per recipient (the web feed:
    # outbox.publish broadcasts and marks its rows); the worker then never claims its rows.
    per_recipient: ClassVar[bool] = True

    @classmethod
    def configured(cls) -> bool:
        """False when the channel lacks its settings (e.g. no WhatsApp credentials): it is then
        left out of fan-out, so members fall through to their next channel."""
        return True

    def status(self) -> str:
        """ "ok", or why the channel cannot send now (shown on /healthz)."""
        return "ok" if self.configured() else "not configured"

    @contextmanager
    def batch(self) -> Iterator[None]:
        """Hold what a batch of sends shares (a connection); default: nothing."""
        yield

    def send(self, delivery: Delivery, content: Content) -> SendResult:
        raise NotImplementedError

    def parse_inbound(self, request: HttpRequest) -> list[InboundMessage]:
        raise InboundNotSupported(f"channel {self.name!r} receives nothing")

    def verify_signature(self, request: HttpRequest) -> bool:
        """Whether an inbound request really comes from the provider; one-way channels: never."""
        return False
