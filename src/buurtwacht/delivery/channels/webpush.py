"""The Web Push channel: a notification on the member's phone or desktop through the browser's
push service, with the payload encrypted for that browser (RFC 8291) and signed with our VAPID
key (RFC 8292), so the push service can neither read it nor forge a sender.

A member's browser subscribes on /me/channels/ (static/web/push.js); each subscription is a
PushSubscription row. One delivery goes to every subscription of the member; it counts as sent
when one push service accepted it. A push service answering 404/410 says the subscription is
gone: the row is deleted, and without any left the failure is permanent, so the member's next
channel carries the message (delivery.fallback). The payload carries only what the members'
copy says (already masked), cut to fit the push services' 4 KB limit.
"""

import json

from django.conf import settings
from django.urls import reverse

from .base import Channel, Content, SendResult

MAX_TEXT = 1000  # characters; the encrypted record must stay under 4096 bytes
ALERT_KINDS = {"alert", "follow_up", "closed", "police_message", "acknowledgement"}
GONE = {404, 410}


class WebPushChannel(Channel):
    name = "webpush"
    max_per_second = 50.0
    batch_size = 50

    @classmethod
    def configured(cls) -> bool:
        return bool(settings.VAPID_PUBLIC_KEY and settings.VAPID_PRIVATE_KEY)

    def send(self, delivery, content: Content) -> SendResult:
        from buurtwacht.delivery.models import PushSubscription

        subscriptions = list(PushSubscription.objects.filter(user_id=delivery.recipient_id))
        if not subscriptions:
            return SendResult(ok=False, error="member has no push subscription", permanent=True)
        data = self.payload(delivery, content)
        errors, sent, retry = [], False, False
        for sub in subscriptions:
            status, error = self._push(sub, data)
            if 200 <= status < 300:
                sent = True
            elif status in GONE:
                sub.delete()
                errors.append(f"subscription gone ({status})")
            else:
                retry = True
                errors.append(error)
        if sent:
            return SendResult(ok=True)
        return SendResult(ok=False, error="; ".join(errors), permanent=not retry)

    def payload(self, delivery, content: Content) -> str:
        """The notification: title, body and the page it opens (JSON, read by sw.js)."""
        message = delivery.message
        if message.kind in ALERT_KINDS and message.ref_id is not None:
            url = reverse("alerts:detail", args=[message.ref_id])
        else:
            url = reverse("alerts:feed", args=[message.group_id])
        text = content.text.strip()
        if len(text) > MAX_TEXT:
            text = text[: MAX_TEXT - 1].rsplit(" ", 1)[0] + "…"
        return json.dumps(
            {"title": content.subject or "Buurtwacht", "body": text, "url": url,
             "tag": f"bw-{message.kind}-{message.ref_id or message.pk}", "lang": content.lang},
            ensure_ascii=False,
        )  # fmt: skip

    def _push(self, sub, data: str) -> tuple[int, str]:
        """(HTTP status, error text) of one push; 0 for a network error. The endpoint URL is
        the browser's capability and stays out of the error text coordinators read."""
        from pywebpush import WebPushException, webpush

        try:
            response = webpush(
                subscription_info=sub.as_info(),
                data=data,
                vapid_private_key=settings.VAPID_PRIVATE_KEY,
                vapid_claims={"sub": settings.VAPID_SUBJECT},
                timeout=settings.WEBPUSH_TIMEOUT_SECONDS,
                ttl=3600,
            )
        except WebPushException as exc:
            status = exc.response.status_code if exc.response is not None else 0
            return status, f"push service refused ({status or 'no answer'})"
        except Exception as exc:  # noqa: BLE001 - network errors of requests, bad keys
            return 0, f"push failed: {type(exc).__name__}"
        return response.status_code, ""
