"""Turning an alert into the message members receive, and handing it to the outbox.

The members' copy carries the call ("101 called at 22:14"), category, place, time and the
masked description, plus the protocol's reminder to stay home and observe. It is rendered
once per language, so fan-out never renders per recipient.
"""

from django.template.loader import render_to_string
from django.utils import timezone, translation

from buurtwacht.delivery import live
from buurtwacht.delivery.models import OutboundMessage
from buurtwacht.delivery.outbox import publish
from buurtwacht.protocols import LANGUAGES

from . import access
from .models import Alert, AlertEvent, FollowUp, Status
from .rules import protocol_of


def _render(template: str, context: dict) -> dict:
    payload = {}
    for lang in LANGUAGES:
        with translation.override(lang):
            text = render_to_string(f"alerts/messages/{template}.txt", {**context, "lang": lang})
            html = render_to_string(f"alerts/messages/{template}.html", {**context, "lang": lang})
        subject, _, body = text.strip().partition("\n")
        payload[lang] = {"subject": subject.strip(), "text": body.strip(), "html": html}
    return payload


def _context(alert: Alert) -> dict:
    protocol = protocol_of(alert.group)
    return {
        "alert": alert,
        "copy": alert.members_copy,
        "reminder": protocol.reminder,
        "called_at": timezone.localtime(alert.called_at),
        "occurred_at": timezone.localtime(alert.occurred_at),
        "group": alert.group,
    }


def publish_alert(alert: Alert, *, actor) -> OutboundMessage:
    """Open the alert and write its deliveries in the caller's transaction."""
    alert.status = Status.OPEN
    alert.published_at = timezone.now()
    alert.save(update_fields=["status", "published_at"])
    access.assert_for_group(alert)
    message = OutboundMessage.objects.create(
        group=alert.group, kind="alert", ref_id=alert.pk, payload=_render("alert", _context(alert))
    )
    count = publish(message)
    AlertEvent.objects.create(
        alert=alert,
        actor=actor,
        kind="published",
        detail={"message": message.pk, "deliveries": count},
    )
    return message


def publish_follow_up(follow_up: FollowUp) -> OutboundMessage:
    follow_up.status = Status.PUBLISHED
    follow_up.save(update_fields=["status"])
    alert = follow_up.alert
    access.assert_for_group(alert)
    message = OutboundMessage.objects.create(
        group=alert.group,
        kind="follow_up",
        ref_id=alert.pk,
        payload=_render("follow_up", {**_context(alert), "follow_up": follow_up}),
    )
    publish(message)
    return message


def publish_closing(alert: Alert) -> OutboundMessage:
    access.assert_for_group(alert)
    message = OutboundMessage.objects.create(
        group=alert.group,
        kind="closed",
        ref_id=alert.pk,
        payload=_render("closed", _context(alert)),
    )
    publish(message)
    return message


def tell_moderators(item: Alert | FollowUp) -> int:
    """A held message appears at once on the coordinators' (and police) live feed, never on
    the members': the event's audience comes from `access`, as every reader's does."""
    alert = item if isinstance(item, Alert) else item.alert
    return live.broadcast(
        group_id=alert.group_id,
        kind="held",
        data={
            "ref_id": alert.pk,
            "follow_up": None if item is alert else item.pk,
            "reasons": [r["rule"] for r in item.reasons],
        },
        audience=access.live_audience(item),
    )
