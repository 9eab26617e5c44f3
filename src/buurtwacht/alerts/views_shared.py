"""What each reader may see of an alert: members the masked copy, the police the original."""

from django.utils import timezone
from django.utils.translation import gettext as _

from buurtwacht.organisation import roles
from buurtwacht.organisation.models import Membership, StaffRole
from buurtwacht.privacy.models import audit

from .models import Alert, Status

READING_STATUSES = (Membership.Status.ACTIVE, Membership.Status.SUSPENDED)


def may_read(user, group) -> bool:
    return Membership.objects.filter(group=group, user=user, status__in=READING_STATUSES).exists()


def is_police_for(user, group) -> bool:
    return group.police_contact_id == user.pk or roles.has_role(
        user, StaffRole.Kind.POLICE_CONTACT, zone=group.zone
    )


def feed(group, limit: int = 50):
    return (
        Alert.objects.filter(group=group, status__in=[Status.OPEN, Status.CLOSED])
        .prefetch_related("follow_ups")
        .order_by("-created_at")[:limit]
    )


def called_line(alert: Alert) -> str:
    return _("%(number)s called at %(time)s") % {
        "number": alert.called_number,
        "time": timezone.localtime(alert.called_at).strftime("%H:%M"),
    }


def members_view(alert: Alert) -> dict:
    copy = alert.members_copy
    return {
        "id": alert.pk,
        "group_id": alert.group_id,
        "category": alert.category,
        "category_label": str(alert.get_category_display()),
        "status": alert.status,
        "called": called_line(alert),
        "what": copy.get("what", ""),
        "where": copy.get("where", ""),
        "description": copy.get("description", ""),
        "direction": copy.get("direction", ""),
        "occurred_at": alert.occurred_at.isoformat(),
        "outcome": alert.outcome,
        "follow_ups": [
            {"id": f.pk, "text": f.members_text, "at": f.created_at.isoformat()}
            for f in alert.follow_ups.all()
            if f.status == Status.PUBLISHED
        ],
    }


def police_view(alert: Alert, *, reader) -> dict:
    """The unredacted alert for the police contact; every read is audited."""
    audit(
        actor=reader, action="read_alert_original", subject=alert, detail=f"group {alert.group_id}"
    )
    return {
        **members_view(alert),
        "original": {
            "what": alert.what,
            "where": alert.place,
            "description": alert.description,
            "direction": alert.direction,
            "lon": alert.lon,
            "lat": alert.lat,
        },
        "police_only": alert.police_only,
        "findings": alert.findings,
        "author": alert.author.get_full_name() if alert.author else None,
    }


def moderation_view(alert: Alert) -> dict:
    return {
        "id": alert.pk,
        "category": alert.category,
        "what": alert.what,
        "where": alert.place,
        "description": alert.description,
        "direction": alert.direction,
        "reasons": alert.reasons,
        "findings": alert.findings,
        "members_copy": alert.members_copy,
        "author": alert.author.get_full_name() or alert.author.username,
    }
