"""A browser's Web Push subscription, sent by static/web/push.js (JSON, CSRF header)."""

import json

from django.contrib.auth.decorators import login_required
from django.http import JsonResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from .channels.webpush import WebPushChannel
from .models import PushSubscription


def _parse(request) -> tuple[str, str, str]:
    try:
        data = json.loads(request.body or b"{}")
        endpoint, keys = data["endpoint"], data.get("keys") or {}
        p256dh, auth = keys["p256dh"], keys["auth"]
    except (ValueError, KeyError, TypeError):
        return "", "", ""
    if not (isinstance(endpoint, str) and endpoint.startswith("https://")):
        return "", "", ""
    if not all(isinstance(v, str) and 0 < len(v) <= 200 for v in (p256dh, auth)):
        return "", "", ""
    return endpoint[:1000], p256dh, auth


@login_required
@require_POST
def subscribe(request):
    if not WebPushChannel.configured():
        return JsonResponse({"error": _("Push notifications are not set up here.")}, status=409)
    endpoint, p256dh, auth = _parse(request)
    if not endpoint:
        return JsonResponse({"error": _("This is not a push subscription.")}, status=400)
    PushSubscription.objects.update_or_create(
        endpoint=endpoint, defaults={"user": request.user, "p256dh": p256dh, "auth": auth}
    )
    return JsonResponse({"ok": True, "message": _("Push notifications are on for this device.")})


@login_required
@require_POST
def unsubscribe(request):
    endpoint, _p, _a = _parse(request)
    deleted, _rows = PushSubscription.objects.filter(user=request.user, endpoint=endpoint).delete()
    return JsonResponse({"ok": True, "deleted": deleted})
