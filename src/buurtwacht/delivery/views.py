"""The member's channel settings page (/me/channels/)."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from . import preferences
from .channels.webpush import WebPushChannel

SLOTS = 3


@login_required
def channel_settings(request):
    if request.method == "POST":
        order = [request.POST.get(f"slot{i}", "") for i in range(SLOTS)]
        try:
            preferences.set_order(request.user, order)
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
        else:
            messages.success(request, _("Your channels are saved."))
            return redirect("delivery:channels")
    order = preferences.current_order(request.user)
    slots = [order[i] if i < len(order) else "" for i in range(SLOTS)]
    return render(
        request,
        "delivery/channels.html",
        {"channels": preferences.available(request.user), "slots": slots,
         "link_code": _link_code(request),
         "vapid_public_key": settings.VAPID_PUBLIC_KEY if WebPushChannel.configured() else ""},
    )  # fmt: skip


def _link_code(request) -> str:
    """For members who hide their number on WhatsApp: a code to link their BSUID."""
    if request.GET.get("link") != "whatsapp":
        return ""
    from .whatsapp.identities import new_link_code

    return new_link_code(request.user)
