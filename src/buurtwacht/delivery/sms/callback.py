"""POST /webhooks/sms/status: the provider's delivery reports, signed, onto our deliveries.

The provider signs the raw body: `X-Signature: sha256=<hex HMAC-SHA256(body, SMS_CALLBACK_SECRET)>`,
compared in constant time; anything unsigned or wrongly signed is 401 and changes nothing
(and with no secret set, every report is refused: an open endpoint would let anyone mark
alerts "failed" and trigger fallbacks). A report for an id we do not know is answered 200
all the same, since providers retry what is not 2xx for days, and nothing is stored.

The body is one report or a list of them: {"id": ..., "status": ..., "error": ...}; the field
names are settings (SMS_CALLBACK_FIELD_ID / _STATUS / _ERROR, dotted paths allowed).
"""

import hashlib
import hmac
import json
import logging

from django.conf import settings
from django.http import JsonResponse
from django.utils import timezone
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from buurtwacht.delivery import receipts

from .providers import dotted, scrub

logger = logging.getLogger("buurtwacht.delivery.sms")

# Provider vocabularies, folded onto the receipts the outbox knows; anything else
# ("queued", "accepted", "sent", "buffered" ...) is an intermediate state and is ignored.
STATUSES = {
    "delivered": "delivered", "delivrd": "delivered", "delivered_to_handset": "delivered",
    "failed": "failed", "undelivered": "failed", "undeliv": "failed", "rejected": "failed",
    "rejectd": "failed", "expired": "failed", "unknown_number": "failed",
}  # fmt: skip


def signature_ok(body: bytes, header: str) -> bool:
    secret = settings.SMS_CALLBACK_SECRET
    if not secret or not header.startswith("sha256="):
        return False
    expected = hmac.new(secret.encode(), body, hashlib.sha256).hexdigest().encode()
    given = header.removeprefix("sha256=").strip().lower().encode("utf-8", "replace")
    return hmac.compare_digest(expected, given)  # bytes: a non-ASCII header is just wrong


@csrf_exempt
@require_POST
def status(request):
    if not signature_ok(request.body, request.headers.get("X-Signature", "")):
        return JsonResponse({"error": "bad or missing signature"}, status=401)
    try:
        data = json.loads(request.body)
    except ValueError:
        return JsonResponse({"error": "body is not JSON"}, status=400)
    reports = data if isinstance(data, list) else [data]
    matched = sum(apply(report) for report in reports if isinstance(report, dict))
    return JsonResponse({"received": len(reports), "matched": matched})


def apply(report: dict) -> bool:
    """One report onto its delivery; False when it is not ours or says nothing final."""
    provider_id = dotted(report, settings.SMS_CALLBACK_FIELD_ID)
    raw_status = str(dotted(report, settings.SMS_CALLBACK_FIELD_STATUS) or "").strip().lower()
    receipt = STATUSES.get(raw_status)
    if provider_id in (None, "") or receipt is None:
        return False
    error = dotted(report, settings.SMS_CALLBACK_FIELD_ERROR) or ""
    if receipt == "failed" and not error:
        error = f"SMS provider reported {raw_status}"
    found = receipts.apply_receipt(
        channel="sms",
        provider_id=str(provider_id)[:128],
        status=receipt,
        at=timezone.now(),
        error=scrub(str(error), "")[:1000],  # reports may quote the number
    )
    if not found:
        logger.info("SMS report for an unknown id (%s): ignored", raw_status)
    return found
