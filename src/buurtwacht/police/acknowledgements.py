"""One click by the police contact that the whole group sees at once: "police informed",
"patrol on its way", "on site", "handled".

The acknowledgement is a row of its own (who, when, which state), an AlertEvent in the alert's
history, and an OutboundMessage of kind `acknowledgement` rendered in every language and handed
to the outbox in the same transaction, so it reaches every channel and the live feed (the
outbox broadcasts it after commit) or nothing at all.
"""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from buurtwacht.alerts import access
from buurtwacht.alerts.access import ConsoleRole
from buurtwacht.alerts.models import Alert, AlertEvent, Status
from buurtwacht.alerts.rules import protocol_of
from buurtwacht.delivery.models import OutboundMessage
from buurtwacht.delivery.outbox import publish

from .console import ConsoleRefused, require_police
from .models import Acknowledgement
from .rendering import render

State = Acknowledgement.State


def acknowledge(alert: Alert, *, by, role: ConsoleRole, state: str) -> Acknowledgement:
    """Record and send one acknowledgement, or raise ConsoleRefused (nothing changes)."""
    require_police(role)
    if state not in State.values:
        raise ConsoleRefused(_("Unknown acknowledgement: %(s)s") % {"s": state}, code="bad_state")
    with transaction.atomic():
        alert = Alert.objects.select_for_update().select_related("group").get(pk=alert.pk)
        if alert.status != Status.OPEN:
            raise ConsoleRefused(
                _("Only an open alert can be acknowledged; this one is %(s)s.")
                % {"s": alert.get_status_display()},
                code="not_open",
                status=409,
            )
        access.assert_for_group(alert)
        ack = Acknowledgement.objects.create(alert=alert, state=state, actor=by, at=timezone.now())
        message = OutboundMessage.objects.create(
            group=alert.group,
            kind=OutboundMessage.Kind.ACKNOWLEDGEMENT,
            ref_id=alert.pk,
            payload=render("acknowledgement", _context(alert, ack), kind="acknowledgement"),
        )
        count = publish(message)
        ack.message = message
        ack.save(update_fields=["message"])
        AlertEvent.objects.create(
            alert=alert,
            actor=by,
            kind="acknowledged",
            detail={"state": state, "acknowledgement": ack.pk, "message": message.pk,
                    "deliveries": count},
        )  # fmt: skip
    return ack


def _context(alert: Alert, ack: Acknowledgement) -> dict:
    return {
        "alert": alert,
        "copy": alert.members_copy,
        "ack": ack,
        "at": timezone.localtime(ack.at),
        "zone": alert.group.zone,
        "reminder": protocol_of(alert.group).reminder,
    }
