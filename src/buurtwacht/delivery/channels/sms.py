"""The SMS channel: for members without a smartphone, or whose WhatsApp gave up.

The text is the rendered subject and text, its typography made GSM-7 where that changes no
letter, and cut at a word to SMS_MAX_SEGMENTS parts with a link to the web copy when it is
longer, so an alert never costs more than the cap and nothing is silently lost. The number
is the member's own (User.phone, decrypted on access, E.164); a member without one is a
permanent failure, so the next channel in their order carries the message.
"""

from collections.abc import Iterator
from contextlib import contextmanager

from django.conf import settings
from django.urls import reverse

from buurtwacht.delivery.sms import providers, segments

from .base import Channel, Content, SendResult

# kinds whose ref_id is an alert: the link goes to the alert's page, others to the group feed
ALERT_KINDS = {"alert", "follow_up", "closed", "police_message", "acknowledgement"}
ELLIPSIS = " ... "  # "…" is not GSM-7: it would turn the whole message into UCS-2


class SmsChannel(Channel):
    name = "sms"
    max_per_second = 10.0
    batch_size = 50

    def __init__(self):
        self.max_per_second = float(getattr(settings, "SMS_MAX_PER_SECOND", self.max_per_second))
        self._provider = None
        self._links: dict[int, str] = {}  # message id -> link to its web copy

    @classmethod
    def configured(cls) -> bool:
        """A provider is set: "log" (development and demo: nothing leaves the machine) or
        "http" with a URL. Production has no default, so SMS is skipped until it is set."""
        return providers.from_settings() is not None

    def status(self) -> str:
        if settings.SMS_PROVIDER == providers.LOG:
            return "log only: messages are written to the log, not sent"
        return super().status()

    @contextmanager
    def batch(self) -> Iterator[None]:
        self._provider = providers.from_settings()
        try:
            yield
        finally:
            if self._provider is not None:
                self._provider.close()
            self._provider = None

    def send(self, delivery, content: Content) -> SendResult:
        number = delivery.recipient.phone
        if not number:
            return SendResult(ok=False, error="member has no phone number", permanent=True)
        provider = self._provider or providers.from_settings()
        if provider is None:
            return SendResult(ok=False, error="SMS is not configured (SMS_PROVIDER)")
        text = self.text(content, self.link(delivery.message_id))
        return provider.send(
            providers.Sms(to=number, text=text, reference=delivery.idempotency_key)
        )

    @staticmethod
    def text(content: Content, link: str) -> str:
        """Subject and text within the part cap; cut at a word, with the link, when longer."""
        full = "\n".join(p for p in (content.subject.strip(), content.text.strip()) if p)
        return segments.fit(
            segments.normalise(full), settings.SMS_MAX_SEGMENTS, f"{ELLIPSIS}{link}"
        )

    def link(self, message_id: int) -> str:
        """The web copy of what the message is about (once per message and batch)."""
        if message_id not in self._links:
            from buurtwacht.delivery.models import OutboundMessage

            kind, ref_id, group_id = OutboundMessage.objects.values_list(
                "kind", "ref_id", "group_id"
            ).get(pk=message_id)
            if kind in ALERT_KINDS and ref_id is not None:
                path = reverse("alerts:detail", args=[ref_id])
            else:
                path = reverse("alerts:feed", args=[group_id])
            self._links[message_id] = settings.SMS_PUBLIC_BASE_URL.rstrip("/") + path
        return self._links[message_id]

    def verify_signature(self, request) -> bool:
        """Whether a delivery report really comes from the provider (SMS_CALLBACK_SECRET)."""
        from buurtwacht.delivery.sms.callback import signature_ok

        return signature_ok(request.body, request.headers.get("X-Signature", ""))
