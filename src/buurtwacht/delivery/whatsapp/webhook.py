"""/webhooks/whatsapp: Meta's verification handshake and the signed event posts.

A POST is checked (X-Hub-Signature-256 = HMAC-SHA256 of the raw body with the app secret,
compared in constant time), split into its messages and statuses, stored with their ids as
unique keys (a redelivery inserts nothing), and answered at once; the worker processes them
(`inbound.process_pending`). Nothing is stored for a request that fails the signature check.
"""

import hashlib
import hmac
import json
import logging

from django.conf import settings
from django.db import transaction
from django.http import HttpResponse, HttpResponseForbidden
from django.views.decorators.csrf import csrf_exempt

from .models import InboundEvent

logger = logging.getLogger(__name__)


def signature_ok(raw: bytes, header: str) -> bool:
    secret = settings.WHATSAPP_APP_SECRET
    if not secret or not header.startswith("sha256="):
        return False
    expected = hmac.new(secret.encode(), raw, hashlib.sha256).hexdigest()
    return hmac.compare_digest(expected, header.removeprefix("sha256="))


def events_of(envelope: dict) -> list[InboundEvent]:
    """The stored rows for one webhook body: one per message, one per (status id, status)."""
    rows = []
    if envelope.get("object") != "whatsapp_business_account":
        return rows
    for entry in envelope.get("entry") or []:
        for change in entry.get("changes") or []:
            value = change.get("value") or {}
            number = str((value.get("metadata") or {}).get("phone_number_id", ""))
            contacts = value.get("contacts") or []
            for message in value.get("messages") or []:
                item = {"message": message, "contacts": contacts, "metadata": value.get("metadata")}
                rows.append(_row(f"m:{message.get('id')}", "message", number, item))
            for status in value.get("statuses") or []:
                key = f"s:{status.get('id')}:{status.get('status')}"
                rows.append(_row(key, "status", number, {"status": status}))
    return [r for r in rows if "None" not in r.key]


def _row(key: str, kind: str, number: str, item: dict) -> InboundEvent:
    return InboundEvent(key=key[:200], kind=kind, phone_number_id=number, payload=json.dumps(item))


@csrf_exempt
def whatsapp_webhook(request):
    if request.method == "GET":
        return _verify(request)
    if request.method != "POST":
        return HttpResponse(status=405)
    raw = request.body
    if not signature_ok(raw, request.headers.get("X-Hub-Signature-256", "")):
        return HttpResponse("bad signature", status=401)
    try:
        envelope = json.loads(raw)
    except ValueError:
        return HttpResponse("not JSON", status=400)
    rows = events_of(envelope) if isinstance(envelope, dict) else []
    if rows:
        with transaction.atomic():
            InboundEvent.objects.bulk_create(rows, ignore_conflicts=True)
            transaction.on_commit(_wake_worker, robust=True)
    return HttpResponse("ok")


def _verify(request):
    """Meta's subscription handshake: echo the challenge if the verify token matches."""
    mode = request.GET.get("hub.mode")
    token = request.GET.get("hub.verify_token", "")
    expected = settings.WHATSAPP_VERIFY_TOKEN
    if mode == "subscribe" and expected and hmac.compare_digest(token, expected):
        return HttpResponse(request.GET.get("hub.challenge", ""), content_type="text/plain")
    return HttpResponseForbidden("verification failed")


def _wake_worker() -> None:
    from .tasks import process_inbound_task

    process_inbound_task.enqueue()
