"""The police console: a zone's alerts for its police contact (and, read only, its zone admin).

Who sees which alert is `alerts.access` (console_roles / console_alert); this module only
filters, times and shapes what that reader may see. Every row shows the unmasked text, so
every row shown is an audited read; the police-only fields (plates, third-party data,
attachments) come out only through `reveal`, which needs a reason and records it.
"""

from dataclasses import dataclass

from django.db import transaction
from django.db.models import F, Q
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _

from buurtwacht.alerts import access
from buurtwacht.alerts.access import ConsoleRole
from buurtwacht.alerts.models import Alert, AlertEvent, Category, Status
from buurtwacht.alerts.views_shared import called_line
from buurtwacht.organisation.models import Group, PoliceZone
from buurtwacht.privacy.subject_rights import display_name

from .audit_log import record

PAGE_SIZE = 50
CASE_REFERENCE_MAX = 40


class ConsoleRefused(Exception):
    """A console action refused before anything changed; the message is in the reader's
    language, `status` the HTTP status a view answers with."""

    def __init__(self, message: str, *, code: str, status: int = 422):
        super().__init__(message)
        self.message, self.code, self.status = message, code, status


@dataclass
class Filters:
    group: int | None = None
    category: str = ""
    status: str = ""
    call_first: str = ""  # "yes": the call came before the alert; "no": not (or unknown)

    @classmethod
    def from_query(cls, query) -> "Filters":
        group = query.get("group") or ""
        return cls(
            group=int(group) if str(group).isdigit() else None,
            category=query.get("category", "") if query.get("category") in Category else "",
            status=query.get("status", "") if query.get("status") in Status else "",
            call_first=query.get("call_first", "")
            if query.get("call_first") in ("yes", "no")
            else "",
        )


def zones_of(user) -> list[PoliceZone]:
    """Zones in which this person has a console (police contact or zone admin)."""
    candidates = PoliceZone.objects.filter(
        Q(staffrole__user=user) | Q(municipalities__neighbourhoods__groups__police_contact=user)
    ).distinct()
    return [z for z in candidates if access.console_roles(user, z)]


def zone_console(user, zone_id: int) -> tuple[PoliceZone, dict[int, ConsoleRole]]:
    """The zone and the reader's role per group, or Http404 (other zones, other roles)."""
    zone = PoliceZone.objects.filter(pk=zone_id).first()
    roles = access.console_roles(user, zone) if zone else {}
    if not roles:
        raise Http404
    return zone, roles


CALL_FIRST = Q(called_number__gt="", called_at__isnull=False, called_at__lte=F("created_at"))


def alerts(roles: dict[int, ConsoleRole], filters: Filters):
    """Newest first, with the time of the first acknowledgement annotated."""
    qs = access.console_alerts(roles).select_related("group", "author")
    if filters.group is not None:
        if filters.group not in roles:
            raise Http404
        qs = qs.filter(group_id=filters.group)
    if filters.category:
        qs = qs.filter(category=filters.category)
    if filters.status:
        qs = qs.filter(status=filters.status)
    if filters.call_first == "yes":
        qs = qs.filter(CALL_FIRST)
    elif filters.call_first == "no":
        qs = qs.exclude(CALL_FIRST)
    return qs.prefetch_related("acknowledgements").order_by("-created_at", "-pk")


def started_at(alert: Alert):
    """When the group was told (publication), else when it was posted."""
    return alert.published_at or alert.created_at


def seconds_to_first_ack(alert: Alert) -> int | None:
    """Whole seconds from the group being told to the first acknowledgement (uses a prefetch)."""
    acks = list(alert.acknowledgements.all())
    if not acks:
        return None
    first = min(a.at for a in acks)
    return int((first - started_at(alert)).total_seconds())


def latest_acknowledgement(alert: Alert):
    return max(alert.acknowledgements.all(), key=lambda a: (a.at, a.pk), default=None)


def duration_text(seconds: int | None) -> str:
    if seconds is None:
        return _("not acknowledged yet")
    minutes, secs = divmod(max(seconds, 0), 60)
    hours, minutes = divmod(minutes, 60)
    if hours:
        return _("%(h)s h %(m)s min") % {"h": hours, "m": minutes}
    return _("%(m)s min %(s)s s") % {"m": minutes, "s": secs}


def row(alert: Alert, *, reader, role: ConsoleRole, via: str = "console") -> dict:
    """One console row: the members' copy (masked, as the group read it). The original text
    and the police-only fields come out only through `reveal`, which needs a reason."""
    copy = alert.members_copy
    latest = latest_acknowledgement(alert)
    seconds = seconds_to_first_ack(alert)
    return {
        "id": alert.pk,
        "group_id": alert.group_id,
        "group": alert.group.name,
        "category": alert.category,
        "category_label": str(alert.get_category_display()),
        "status": alert.status,
        "status_label": str(alert.get_status_display()),
        "called": called_line(alert),
        "call_first": alert.called_number != ""
        and alert.called_at is not None
        and alert.called_at <= alert.created_at,
        "emergency": alert.emergency,
        "what": copy.get("what", ""),
        "where": copy.get("where", ""),
        "description": copy.get("description", ""),
        "direction": copy.get("direction", ""),
        "lon": alert.lon,
        "lat": alert.lat,
        "occurred_at": alert.occurred_at.isoformat(),
        "created_at": alert.created_at.isoformat(),
        "has_police_only": bool(alert.police_only),
        "case_reference": alert.case_reference,
        "acknowledgement": _ack(latest),
        "seconds_to_first_ack": seconds,
        "time_to_first_ack": duration_text(seconds),
        "author": display_name(alert.author),
        "may_act": role == ConsoleRole.POLICE,
    }


def _ack(ack) -> dict | None:
    if ack is None:
        return None
    return {
        "state": ack.state,
        "label": str(ack.get_state_display()),
        "at": ack.at.isoformat(),
        "time": timezone.localtime(ack.at).strftime("%H:%M"),
    }


def require_police(role: ConsoleRole) -> None:
    if role != ConsoleRole.POLICE:
        raise ConsoleRefused(
            _("Only the police contact can do this; the zone admin reads the console only."),
            code="police_only",
            status=403,
        )


def reveal(alert: Alert, *, by, role: ConsoleRole, reason: str) -> dict:
    """The original text and the police-only fields, for a stated reason that the audit log
    keeps: every unmasked view is one audit row with its reason."""
    require_police(role)
    reason = (reason or "").strip()
    if not reason:
        raise ConsoleRefused(
            _("Say why you need the police-only details (for example a case number)."),
            code="reason_required",
        )
    record(
        actor=by,
        action="reveal_police_only",
        subject=alert,
        reason=reason[:250],
        zone=alert.group.zone,
    )
    return {
        "original": {
            "what": alert.what,
            "where": alert.place,
            "description": alert.description,
            "direction": alert.direction,
        },
        "police_only": dict(alert.police_only),
    }


@transaction.atomic
def set_case_reference(alert: Alert, *, by, role: ConsoleRole, reference: str) -> Alert:
    """Attach (or with "" remove) a case reference; an alert with one outlives retention."""
    require_police(role)
    reference = (reference or "").strip()
    if len(reference) > CASE_REFERENCE_MAX:
        raise ConsoleRefused(
            _("A case reference has at most %(n)s characters.") % {"n": CASE_REFERENCE_MAX},
            code="reference_too_long",
        )
    old = alert.case_reference
    if old == reference:
        return alert
    alert.case_reference = reference
    alert.save(update_fields=["case_reference"])
    action = "case_reference_set" if reference else "case_reference_removed"
    AlertEvent.objects.create(
        alert=alert, actor=by, kind=action, detail={"old": old, "new": reference}
    )
    record(actor=by, action=action, subject=alert, detail=f"{old!r} -> {reference!r}")
    return alert


def groups_for_filter(roles: dict[int, ConsoleRole]) -> list[Group]:
    return list(Group.objects.filter(pk__in=list(roles)).order_by("name"))
