"""The coordinator's moderation queue: approve, redact (re-screened) or reject held messages."""

from django.db import transaction
from django.utils.translation import gettext as _

from buurtwacht.organisation import roles
from buurtwacht.organisation.actions import NotAllowed

from . import publishing
from .models import Alert, AlertEvent, FollowUp, Status, Strike
from .rules import Refused, protocol_of
from .screening_glue import screen_fields

ALERT_TEXT_FIELDS = ("what", "place", "description", "direction")


def _require_coordinator(user, group) -> None:
    if not (user.is_superuser or roles.is_coordinator(user, group)):
        raise NotAllowed(_("Only a coordinator of this group can moderate its messages."))


def queue(group) -> dict:
    """What waits for the coordinator: held alerts and follow-ups, and recent blocks."""
    return {
        "alerts": list(
            Alert.objects.filter(group=group, status=Status.HELD)
            .select_related("author")
            .order_by("created_at")
        ),
        "follow_ups": list(
            FollowUp.objects.filter(alert__group=group, status=Status.HELD)
            .select_related("author", "alert")
            .order_by("created_at")
        ),
        "blocked": list(
            Strike.objects.filter(group=group).select_related("user").order_by("-created_at")[:50]
        ),
    }


def _require_held(item) -> None:
    if item.status != Status.HELD:
        raise Refused(_("This message is no longer waiting for moderation."), code="not_held")


@transaction.atomic
def approve(item: Alert | FollowUp, *, by) -> Alert | FollowUp:
    """Send a held message as it is (the coordinator takes responsibility)."""
    alert = item if isinstance(item, Alert) else item.alert
    _require_coordinator(by, alert.group)
    _require_held(item)
    AlertEvent.objects.create(
        alert=alert,
        actor=by,
        kind="approved",
        detail={"follow_up": None if item is alert else item.pk},
    )
    if isinstance(item, Alert):
        publishing.publish_alert(item, actor=by)
    else:
        publishing.publish_follow_up(item)
    return item


@transaction.atomic
def redact(item: Alert | FollowUp, *, by, changes: dict[str, str]) -> Alert | FollowUp:
    """Replace text with a redacted version; it is screened again and sent only if allowed."""
    alert = item if isinstance(item, Alert) else item.alert
    _require_coordinator(by, alert.group)
    _require_held(item)
    allowed = ALERT_TEXT_FIELDS if isinstance(item, Alert) else ("text",)
    for name, value in changes.items():
        if name not in allowed:
            raise Refused(_("This field cannot be edited: %(f)s") % {"f": name}, code="bad_field")
        setattr(item, name, value)
    fields = (
        {
            "what": item.what,
            "where": item.place,
            "description": item.description,
            "direction": item.direction,
        }
        if isinstance(item, Alert)
        else {"text": item.text}
    )
    screened = screen_fields(
        fields,
        lang=alert.lang,
        protocol=protocol_of(alert.group),
        context="alert" if isinstance(item, Alert) else "follow_up",
        call_confirmed=True,
    )
    item.findings, item.verdict, item.reasons = (
        screened.findings,
        screened.verdict,
        screened.reasons,
    )
    if isinstance(item, Alert):
        item.members_copy, item.police_only = screened.members_copy, screened.police_only
    else:
        item.members_text = screened.members_copy["text"]
    item.save()
    AlertEvent.objects.create(
        alert=alert,
        actor=by,
        kind="redacted",
        detail={"verdict": screened.verdict, "fields": sorted(changes)},
    )
    if screened.verdict == "allow":
        approve(item, by=by)
    return item


@transaction.atomic
def reject(item: Alert | FollowUp, *, by, reason: str) -> Alert | FollowUp:
    """Refuse a held message; the sender sees the coordinator's reason."""
    alert = item if isinstance(item, Alert) else item.alert
    _require_coordinator(by, alert.group)
    _require_held(item)
    if not reason.strip():
        raise Refused(_("Please give the sender a reason."), code="missing_fields")
    item.status, item.moderation_note = Status.REJECTED, reason.strip()
    item.save(update_fields=["status", "moderation_note"])
    AlertEvent.objects.create(
        alert=alert,
        actor=by,
        kind="rejected",
        detail={"reason": item.moderation_note, "follow_up": None if item is alert else item.pk},
    )
    return item
