"""The WhatsApp channel of the outbox: one 1:1 message per member from the group's number.

Inside the member's 24-hour window the message goes as text; outside it only an approved
template may be sent (settings.WHATSAPP_TEMPLATE, with the subject and the text as its two
body parameters), and templates to users outside their window count against the messaging
tier: a fan-out that would exceed it falls back to the member's next channel. Pacing: the
worker's token bucket per channel holds the number's rate (WHATSAPP_MAX_PER_SECOND); a member
is not sent a second message within WHATSAPP_PAIR_INTERVAL_SECONDS (error 131056) but is
retried after it.
"""

import logging
import threading
import time
from datetime import timedelta

from django.conf import settings
from django.utils import timezone

from buurtwacht.delivery.channels.base import Channel, Content, SendResult
from buurtwacht.privacy import crypto

from . import identities, merging, numbers
from .client import ApiError, PayloadError, Recipient, template_message, text_message
from .models import TemplateSend

logger = logging.getLogger(__name__)
TEMPLATE_LANGUAGES = {"nl": "nl_BE", "fr": "fr_BE", "de": "de_DE", "en": "en_GB"}

_last_sent: dict[str, float] = {}
_last_sent_lock = threading.Lock()


def body_of(content: Content) -> str:
    text = f"*{content.subject}*\n{content.text}" if content.subject else content.text
    return text[:4096]


def pair_wait(key: str) -> float:
    """Seconds until this recipient may be sent another message (0: now, and reserved)."""
    interval = settings.WHATSAPP_PAIR_INTERVAL_SECONDS
    now = time.monotonic()
    with _last_sent_lock:
        last = _last_sent.get(key)
        if last is not None and now - last < interval:
            return interval - (now - last)
        _last_sent[key] = now
        return 0.0


class WhatsAppChannel(Channel):
    name = "whatsapp"
    max_per_second = 80.0
    burst = 1.0  # evenly spaced: Meta's bucket stays full, jitter never earns a 130429
    batch_size = 200

    def __init__(self):
        self.max_per_second = settings.WHATSAPP_MAX_PER_SECOND
        self._numbers: dict[int, str] = {}  # outbound message id -> phone number id
        self._paused: dict[str, str] = {}  # per instance: a fresh instance per worker run

    @classmethod
    def configured(cls) -> bool:
        return numbers.configured()

    def status(self) -> str:
        return numbers.health()

    def send(self, delivery, content: Content) -> SendResult:
        if merging.already_merged(delivery):
            return SendResult(ok=False, deferred=True)  # sent inside an earlier message
        user = delivery.recipient
        bsuid, last_inbound = identities.contact_state(user)
        recipient = Recipient(wa_id=identities.wa_id_of(user), bsuid=bsuid)
        if not recipient.key:
            return SendResult(ok=False, error="member has no WhatsApp", permanent=True)
        number_id = self._number_for(delivery)
        paused = self._paused.get(number_id)
        if paused is None:
            paused = self._paused[number_id] = numbers.paused_reason(number_id)
        if paused:
            return SendResult(ok=False, error=f"number paused: {paused}", permanent=True)
        wait = pair_wait(recipient.key)
        if wait:
            return SendResult(ok=False, deferred=True, retry_after=wait)
        queued = merging.take_queued(delivery)
        text, merged = merging.combined_text(body_of(content), queued, content.lang, body_of)
        merging.hand_back([r for r in queued if r not in merged])
        window_open = identities.in_window(last_inbound, timezone.now())
        client = numbers.client_for(number_id)
        result = self._send(client, user, recipient, content, text, number_id, window_open)
        if result.ok:
            merging.mark_sent(merged, result.provider_id)
        else:
            merging.hand_back(merged)
        return result

    def _send(self, client, user, recipient, content, text, number_id, window_open: bool):
        try:
            if window_open:
                try:
                    return self._ok(client.send(recipient, text_message(text)))
                except ApiError as exc:
                    if exc.action != "template":
                        raise
                    identities.close_window(user)
            return self._template(client, recipient, content, text)
        except PayloadError as exc:
            logger.error("whatsapp: payload refused before sending: %s", exc)
            return SendResult(ok=False, error=f"payload: {exc}", permanent=True)
        except ApiError as exc:
            return self._failed(exc, number_id)

    def _number_for(self, delivery) -> str:
        """The number that speaks for the message's group (looked up once per message)."""
        number_id = self._numbers.get(delivery.message_id)
        if number_id is None:
            from buurtwacht.organisation.models import Group

            group = Group.objects.select_related("neighbourhood__municipality").get(
                outbound_messages__pk=delivery.message_id
            )
            number_id = self._numbers[delivery.message_id] = numbers.number_id_for(group)
        return number_id

    def _template(self, client, recipient: Recipient, content: Content, text: str) -> SendResult:
        index = crypto.blind_index(recipient.key, purpose="whatsapp")
        if not tier_allows(index):
            return SendResult(
                ok=False, permanent=True,
                error=f"messaging tier reached ({settings.WHATSAPP_TIER} users per 24 h)",
            )  # fmt: skip
        body = text.removeprefix(f"*{content.subject}*\n") if content.subject else text
        params = [content.subject or "Buurtwacht", body[:1024] or "-"]
        language = TEMPLATE_LANGUAGES.get(content.lang, "nl_BE")
        wamid = client.send(recipient, template_message(settings.WHATSAPP_TEMPLATE, language,
                                                        params))  # fmt: skip
        TemplateSend.objects.create(recipient_index=index, sent_at=timezone.now())
        return self._ok(wamid)

    @staticmethod
    def _ok(wamid: str) -> SendResult:
        return SendResult(ok=True, provider_id=wamid)

    def _failed(self, exc: ApiError, number_id: str) -> SendResult:
        action = exc.action
        if action == "retry":
            retry_after = settings.WHATSAPP_PAIR_INTERVAL_SECONDS if exc.code == 131056 else None
            return SendResult(ok=False, error=str(exc), retry_after=retry_after)
        if action == "stop_number":
            numbers.pause(number_id, str(exc))
            self._paused[number_id] = str(exc)
        elif action == "token":
            numbers.token_invalid(str(exc))
            self._paused[number_id] = str(exc)
        elif action == "payload":
            logger.error("whatsapp: payload error, not retried: %s", exc)
        return SendResult(ok=False, error=str(exc), permanent=True)


def tier_allows(index: str) -> bool:
    """Whether one more user may be reached outside their window in the last 24 h."""
    tier = settings.WHATSAPP_TIER
    if tier <= 0:
        return True
    since = timezone.now() - timedelta(hours=24)
    recent = TemplateSend.objects.filter(sent_at__gte=since)
    if recent.filter(recipient_index=index).exists():
        return True
    return recent.values("recipient_index").distinct().count() < tier
