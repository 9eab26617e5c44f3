"""What each reader sees of an alert: members the masked copy, the police the original.

Whether a reader sees an alert or follow-up at all is decided in `access`; these functions
only shape what that reader is allowed to see.
"""

from django.db.models import Prefetch
from django.utils import timezone
from django.utils.translation import gettext as _

from buurtwacht.organisation.roles import Reader
from buurtwacht.privacy.subject_rights import display_name

from . import access
from .models import Alert, FollowUp


def feed(user, group, level: Reader, limit: int = 50) -> list[dict]:
    """The reader's feed as members' views (follow-ups fetched in one query)."""
    alerts = access.group_feed(user, group, level, limit).prefetch_related(
        Prefetch("follow_ups", queryset=FollowUp.objects.order_by("created_at")),
        "acknowledgements",
    )
    return [members_view(a, reader=user, level=level) for a in alerts]


def called_line(alert: Alert) -> str:
    return _("%(number)s called at %(time)s") % {
        "number": alert.called_number,
        "time": timezone.localtime(alert.called_at).strftime("%H:%M"),
    }


def latest_acknowledgement(alert: Alert) -> dict | None:
    """The police's latest word on the alert ("Police informed 22:31"), for every reader.

    Reads the police app's rows through the reverse relation (prefetched by `feed`), so the
    alerts app needs no import of the police app."""
    acks = getattr(alert, "acknowledgements", None)
    latest = max(acks.all(), key=lambda a: (a.at, a.pk), default=None) if acks else None
    if latest is None:
        return None
    time = timezone.localtime(latest.at).strftime("%H:%M")
    label = str(latest.get_state_display())
    return {
        "state": latest.state,
        "label": label,
        "at": latest.at.isoformat(),
        "line": _("%(state)s at %(time)s") % {"state": label, "time": time},
    }


def _own_pending(item, reader) -> dict:
    """What the author of a held or rejected message is told about it."""
    if item.author_id != getattr(reader, "pk", None) or item.status not in access.AUTHOR_SEES:
        return {}
    return {
        "reasons": [r["message"] for r in item.reasons],
        "moderation_note": item.moderation_note,
    }


def members_view(alert: Alert, *, reader, level: Reader) -> dict:
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
        "acknowledgement": latest_acknowledgement(alert),
        **_own_pending(alert, reader),
        "follow_ups": [
            {
                "id": f.pk,
                "text": f.members_text,
                "at": f.created_at.isoformat(),
                "status": f.status,
                **_own_pending(f, reader),
            }
            for f in access.visible_follow_ups(reader, alert, level)
        ],
    }


def police_view(alert: Alert, *, reader, level: Reader = Reader.POLICE) -> dict:
    """What the police read of an alert outside the console: the members' copy plus what
    screening found. The original text and the police-only fields (plates, third-party data,
    attachments) come out only in the police console, for a stated reason that is audited
    (police.console.reveal): every unmasked view is one audit row with its reason."""
    return {
        **members_view(alert, reader=reader, level=level),
        "reasons": [r["message"] for r in alert.reasons],
        "has_police_only": bool(alert.police_only),
        "findings": alert.findings,
        "author": display_name(alert.author),
        "console_url": f"/police/alerts/{alert.pk}/",
    }


def reader_view(alert: Alert, *, reader, level: Reader) -> dict:
    """The police read the original (audited); everyone else the members' copy."""
    if level == Reader.POLICE:
        return police_view(alert, reader=reader, level=level)
    return members_view(alert, reader=reader, level=level)


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
        "author": display_name(alert.author),
    }
