"""The coordinator's delivery status: the group's recent messages with counts per channel, and
per message each recipient's state and receipt (names only: delivery.status)."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext_lazy as _

from buurtwacht.organisation.invitation_views import coordinated_group

from .models import OutboundMessage
from .preferences import LABELS
from .status import delivery_summary, recipient_states

PAGE = 30
STATUS = {"pending": _("waiting"), "sending": _("sending"), "sent": _("sent"),
          "failed": _("failed, will retry"), "dead": _("gave up")}  # fmt: skip
RECEIPT = {"delivered": _("delivered"), "read": _("read"), "failed": _("not delivered")}
CHANNEL = {"web": _("Web app"), **LABELS}


def label(table: dict, code: str) -> str:
    return str(table.get(code, code))


def _subject(message: OutboundMessage, lang: str) -> str:
    payload = message.payload or {}
    part = payload.get(lang) or payload.get("nl") or next(iter(payload.values()), {})
    return part.get("subject", "") or message.get_kind_display()


@login_required
def message_list(request, group_id):
    group = coordinated_group(request, group_id)
    lang = (request.LANGUAGE_CODE or "nl")[:2]
    rows = []
    for message in group.outbound_messages.order_by("-created_at")[:PAGE]:
        summary = delivery_summary(message)
        rows.append(
            {
                "message": message,
                "subject": _subject(message, lang),
                "channels": sorted(
                    (label(CHANNEL, channel), sum(counts.values()), counts.get("sent", 0))
                    for channel, counts in summary.items()
                ),
            }
        )
    return render(request, "delivery/status_list.html", {"group": group, "rows": rows})


@login_required
def message_detail(request, group_id, message_id):
    group = coordinated_group(request, group_id)
    message = get_object_or_404(OutboundMessage, pk=message_id, group=group)
    lang = (request.LANGUAGE_CODE or "nl")[:2]
    summary = delivery_summary(message)
    codes = [s for s in STATUS if any(s in counts for counts in summary.values())]
    recipients = recipient_states(message)
    for r in recipients:
        r["channel_label"] = label(CHANNEL, r["channel"])
        r["status_label"] = label(STATUS, r["status"])
        r["receipt_label"] = label(RECEIPT, r["receipt"]) if r["receipt"] else ""
    return render(
        request,
        "delivery/status_detail.html",
        {
            "group": group,
            "message": message,
            "subject": _subject(message, lang),
            "statuses": [label(STATUS, s) for s in codes],
            "summary": [
                (label(CHANNEL, channel), [counts.get(s, 0) for s in codes])
                for channel, counts in sorted(summary.items())
            ],
            "recipients": recipients,
        },
    )
