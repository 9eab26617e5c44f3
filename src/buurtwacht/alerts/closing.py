"""Closing an alert ("einde melding") by hand or, after the protocol's hours, automatically."""

from datetime import datetime, timedelta

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from buurtwacht.organisation import roles
from buurtwacht.organisation.actions import NotAllowed
from buurtwacht.organisation.models import StaffRole

from . import publishing
from .models import Alert, AlertEvent, Outcome, Status
from .rules import Refused, protocol_of


def may_close(user, alert: Alert) -> bool:
    """The sender, a coordinator of the group, or the police contact (of the zone)."""
    group = alert.group
    return (
        user.is_superuser
        or alert.author_id == user.pk
        or roles.is_coordinator(user, group)
        or group.police_contact_id == user.pk
        or roles.has_role(user, StaffRole.Kind.POLICE_CONTACT, zone=group.zone)
    )


@transaction.atomic
def close_alert(alert: Alert, *, by, outcome: str, automatic: bool = False) -> Alert:
    if not automatic and not may_close(by, alert):
        raise NotAllowed(
            _("Only the sender, a coordinator or the police contact can close this alert.")
        )
    if outcome not in Outcome.values:
        raise Refused(_("Unknown outcome: %(o)s") % {"o": outcome}, code="bad_outcome")
    alert = Alert.objects.select_for_update().get(pk=alert.pk)
    if alert.status != Status.OPEN:
        raise Refused(_("This alert is not open."), code="not_open")
    alert.status, alert.outcome, alert.closed_at = Status.CLOSED, outcome, timezone.now()
    alert.save(update_fields=["status", "outcome", "closed_at"])
    AlertEvent.objects.create(
        alert=alert,
        actor=None if automatic else by,
        kind="auto_closed" if automatic else "closed",
        detail={"outcome": outcome},
    )
    if alert.group.may_send:
        publishing.publish_closing(alert)
    return alert


def close_stale_alerts(*, now: datetime | None = None) -> int:
    """Close open alerts older than their protocol's auto_close_hours as "unresolved"."""
    now = now or timezone.now()
    closed = 0
    for alert in Alert.objects.filter(status=Status.OPEN).select_related("group"):
        hours = protocol_of(alert.group).auto_close_hours
        if alert.published_at and alert.published_at <= now - timedelta(hours=hours):
            close_alert(alert, by=None, outcome=Outcome.UNRESOLVED, automatic=True)
            closed += 1
    return closed
