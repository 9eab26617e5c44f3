"""Who may read an alert or a follow-up in its current state: the one place every reader asks.

A held message is held precisely because it may not reach the group yet (third-party data,
discrimination, "unsure: please review"), so the state decides the audience:

| state              | who reads it                                                     |
|--------------------|------------------------------------------------------------------|
| open, closed       | the group's members, its coordinators, its police contact        |
| published (reply)  | the same                                                         |
| held, rejected     | coordinators and the police contact; the author sees their own   |

Everybody else gets "not found" (404, never 403), so walking ids reveals nothing. The API,
the pages, the live feed (through `live_audience`) and the outbox (through `assert_for_group`)
all ask here; the group-level part ("how far does this person read into this group?") is
`organisation.roles.reader_level`, which the live feed can use without knowing about alerts.
"""

from enum import IntEnum

from django.db.models import Q, QuerySet
from django.http import Http404

from buurtwacht.organisation.models import Group, StaffRole
from buurtwacht.organisation.roles import Reader, has_role, reader_level

from .models import Alert, FollowUp, Status

#: The lowest reader level that sees an item in each state.
AUDIENCE: dict[str, Reader] = {
    Status.OPEN: Reader.MEMBER,
    Status.CLOSED: Reader.MEMBER,
    Status.PUBLISHED: Reader.MEMBER,
    Status.HELD: Reader.MODERATOR,
    Status.REJECTED: Reader.MODERATOR,
}
#: States in which the author keeps seeing their own message (with the reason).
AUTHOR_SEES = (Status.HELD, Status.REJECTED)
GROUP_STATES = tuple(s for s, level in AUDIENCE.items() if level == Reader.MEMBER)

LIVE_AUDIENCE = {Reader.MEMBER: "members", Reader.MODERATOR: "moderators"}


class NotForGroup(RuntimeError):
    """An item in a state the group may not see was about to be sent to the group (a bug)."""


def may_read(user, item: Alert | FollowUp, level: Reader | None = None) -> bool:
    """Whether `user` may read `item` now; pass `level` when the caller already knows it."""
    alert = item if isinstance(item, Alert) else item.alert
    if level is None:
        level = reader_level(user, alert.group)
    if level == Reader.NONE:
        return False
    if isinstance(item, FollowUp) and not may_read(user, alert, level):
        return False
    if level >= AUDIENCE[item.status]:
        return True
    return item.status in AUTHOR_SEES and item.author_id == user.pk


def readable_alert(user, alert_id: int) -> tuple[Alert, Reader]:
    """The alert and the reader's level, or Http404 whether it is missing or not theirs."""
    alert = Alert.objects.select_related("group", "author").filter(pk=alert_id).first()
    if alert is None:
        raise Http404
    level = reader_level(user, alert.group)
    if not may_read(user, alert, level):
        raise Http404
    return alert, level


def group_feed(user, group, level: Reader, limit: int = 50) -> QuerySet:
    """The feed of a group for one reader: what the group was sent, plus the reader's own
    held or rejected alerts (so they see they wait). Held items of others are in the
    moderation queue, not in the feed, whoever reads."""
    if level == Reader.NONE:
        return Alert.objects.none()
    mine = Q(status__in=AUTHOR_SEES, author_id=user.pk)
    return (
        Alert.objects.filter(group=group)
        .filter(Q(status__in=GROUP_STATES) | mine)
        .order_by("-created_at")[:limit]
    )


def visible_follow_ups(user, alert: Alert, level: Reader) -> list[FollowUp]:
    """The thread under an alert as this reader may see it (uses a prefetch when present)."""
    if level == Reader.NONE:
        return []
    return [f for f in alert.follow_ups.all() if may_read(user, f, level)]


def live_audience(item: Alert | FollowUp) -> str:
    """The live-feed audience an event about `item` in its current state goes to."""
    return LIVE_AUDIENCE[AUDIENCE[item.status]]


def assert_for_group(item: Alert | FollowUp) -> None:
    """The outbox fans out to every member: refuse anything the group may not read yet."""
    if AUDIENCE[item.status] != Reader.MEMBER:
        raise NotForGroup(f"{type(item).__name__} {item.pk} is {item.status}: not for the group")


# --- The police console (issue 9) -------------------------------------------------------------
#
# | who                                   | console of a zone reads                        |
# |---------------------------------------|------------------------------------------------|
# | police contact (of the zone/group)    | every alert of its groups, in every state      |
# | zone admin of the zone (read only)    | what the group was sent (open, closed)         |
# | everyone else                         | nothing: 404                                   |
#
# The police level is the same `reader_level` the group pages use, so the console can never
# show a police contact more than the alert page would. Police-only fields (plates, third-party
# data, attachments) are revealed separately, with a reason (police.console.reveal).


class ConsoleRole(IntEnum):
    NONE = 0
    ZONE_ADMIN = 1  # reads, never acts
    POLICE = 2


def console_role(user, group) -> ConsoleRole:
    if reader_level(user, group) == Reader.POLICE:
        return ConsoleRole.POLICE
    if has_role(user, StaffRole.Kind.ZONE_ADMIN, zone=group.zone):
        return ConsoleRole.ZONE_ADMIN
    return ConsoleRole.NONE


def console_states(role: ConsoleRole) -> tuple[str, ...]:
    if role == ConsoleRole.POLICE:
        return tuple(AUDIENCE)
    if role == ConsoleRole.ZONE_ADMIN:
        return GROUP_STATES
    return ()


def console_roles(user, zone) -> dict[int, ConsoleRole]:
    """{group id: role} for the groups of `zone` this person reads in the console; empty when
    none. The same rule as `is_police_for` (the group's own contact, or a police contact of the
    zone), decided for the whole zone in three queries instead of two per group."""
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return {}
    zone_police = has_role(user, StaffRole.Kind.POLICE_CONTACT, zone=zone)
    zone_admin = has_role(user, StaffRole.Kind.ZONE_ADMIN, zone=zone)
    rows = Group.objects.filter(neighbourhood__municipality__zone=zone).values_list(
        "pk", "police_contact_id"
    )
    found = {}
    for pk, contact_id in rows:
        if zone_police or contact_id == user.pk:
            found[pk] = ConsoleRole.POLICE
        elif zone_admin:
            found[pk] = ConsoleRole.ZONE_ADMIN
    return found


def console_alerts(roles: dict[int, ConsoleRole]) -> QuerySet:
    """The alerts of these groups each reader may see in the console (roles: console_roles)."""
    q = Q(pk__in=[])
    for role in (ConsoleRole.POLICE, ConsoleRole.ZONE_ADMIN):
        ids = [pk for pk, r in roles.items() if r == role]
        if ids:
            q |= Q(group_id__in=ids, status__in=console_states(role))
    return Alert.objects.filter(q)


def console_alert(user, alert_id: int) -> tuple[Alert, ConsoleRole]:
    """The alert and the reader's console role, or Http404 whether missing or not theirs."""
    alert = (
        Alert.objects.select_related("group__neighbourhood__municipality__zone", "author")
        .filter(pk=alert_id)
        .first()
    )
    if alert is None:
        raise Http404
    role = console_role(user, alert.group)
    if alert.status not in console_states(role):
        raise Http404
    return alert, role
