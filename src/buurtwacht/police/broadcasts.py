"""Broadcasts: one message from the police or the prevention service to many groups.

Targets: chosen groups, every group of a municipality or zone, or the groups whose
neighbourhoods overlap an area drawn as a GeoJSON polygon. Only groups inside the sender's
scope are ever reached (a police contact: the groups of their zone(s) and the groups they are
contact of; a prevention officer: their municipality's groups, and only with prevention tips).
Each live group gets one OutboundMessage of kind `broadcast` through the outbox; groups that
are not live are listed as skipped, so the sender sees exactly who was and was not told.
"""

from django.db import transaction
from django.db.models import Q, QuerySet
from django.utils.translation import gettext as _
from shapely.geometry import shape

from buurtwacht.delivery.models import OutboundMessage
from buurtwacht.delivery.outbox import publish
from buurtwacht.delivery.status import delivery_summary
from buurtwacht.organisation.geometry import GeometryError, check_boundary
from buurtwacht.organisation.models import Group, Municipality, StaffRole

from .console import ConsoleRefused
from .messages import check_text, reply_url
from .models import Broadcast, BroadcastGroup
from .rendering import render

Kind, Target = Broadcast.Kind, Broadcast.Target
POLICE_KINDS = frozenset(Kind.values)
PREVENTION_KINDS = frozenset({Kind.PREVENTION_TIP})


def _role_scope(user, kind: str) -> tuple[set[int], set[int]]:
    """(zone ids, municipality ids) in which `user` holds the StaffRole `kind`."""
    rows = StaffRole.objects.filter(user=user, kind=kind).values_list("zone_id", "municipality_id")
    zones = {z for z, _ in rows if z}
    munis = {m for _, m in rows if m}
    munis |= set(Municipality.objects.filter(zone_id__in=zones).values_list("pk", flat=True))
    return zones, munis


def allowed_kinds(user) -> frozenset[str]:
    kinds = frozenset()
    if StaffRole.objects.filter(user=user, kind=StaffRole.Kind.POLICE_CONTACT).exists() or (
        Group.objects.filter(police_contact=user).exists()
    ):
        kinds |= POLICE_KINDS
    if StaffRole.objects.filter(user=user, kind=StaffRole.Kind.PREVENTION_OFFICER).exists():
        kinds |= PREVENTION_KINDS
    return kinds


def scope(user, kind: str) -> tuple[QuerySet, set[int], set[int]]:
    """(groups, zone ids, municipality ids) this sender may reach with this kind."""
    q, zones, munis = Q(pk__in=[]), set(), set()
    if kind in POLICE_KINDS and kind in allowed_kinds(user):
        z, m = _role_scope(user, StaffRole.Kind.POLICE_CONTACT)
        q |= Q(neighbourhood__municipality__zone_id__in=z) | Q(police_contact=user)
        zones, munis = zones | z, munis | m
    if kind in PREVENTION_KINDS:
        z, m = _role_scope(user, StaffRole.Kind.PREVENTION_OFFICER)
        q |= Q(neighbourhood__municipality_id__in=m)
        zones, munis = zones | z, munis | m
    groups = Group.objects.filter(q).select_related("neighbourhood__municipality__zone")
    return groups, zones, munis


def check_kind(user, kind: str) -> None:
    kinds = allowed_kinds(user)
    if not kinds:
        raise ConsoleRefused(
            _("Only police contacts and prevention officers send broadcasts."),
            code="not_allowed",
            status=403,
        )
    if kind not in Kind.values:
        raise ConsoleRefused(_("Unknown kind of broadcast: %(k)s") % {"k": kind}, code="bad_kind")
    if kind not in kinds:
        raise ConsoleRefused(
            _("Prevention officers may send prevention tips only; warnings and requests for "
              "information come from the police."),
            code="kind_not_allowed",
            status=403,
        )  # fmt: skip


def overlaps(area, boundary: dict) -> bool:
    """A neighbourhood is in the area when they share surface; touching edges do not count."""
    other = shape(boundary)
    return area.intersects(other) and area.intersection(other).area > 0


def target_groups(user, kind: str, target: str, detail: dict) -> list[Group]:
    """The groups a target means, restricted to the sender's scope (refused when outside)."""
    groups, zones, munis = scope(user, kind)
    outside = _("That lies outside the area you may send to.")
    if target == Target.GROUPS:
        ids = {int(i) for i in detail.get("groups") or [] if str(i).isdigit()}
        found = list(groups.filter(pk__in=ids))
        if not ids or len(found) != len(ids):
            raise ConsoleRefused(outside if ids else _("Choose at least one group."),
                                 code="outside_scope" if ids else "no_groups")  # fmt: skip
        return found
    if target == Target.MUNICIPALITY:
        muni = _int(detail.get("municipality"))
        if muni not in munis:
            raise ConsoleRefused(outside, code="outside_scope")
        return list(groups.filter(neighbourhood__municipality_id=muni))
    if target == Target.ZONE:
        zone = _int(detail.get("zone"))
        if zone not in zones:
            raise ConsoleRefused(outside, code="outside_scope")
        return list(groups.filter(neighbourhood__municipality__zone_id=zone))
    if target == Target.AREA:
        area = _area(detail.get("area"))
        return [g for g in groups if overlaps(area, g.neighbourhood.boundary)]
    raise ConsoleRefused(_("Choose whom to send to."), code="bad_target")


def _int(value) -> int | None:
    return int(value) if str(value).isdigit() else None


def _area(geometry):
    try:
        check_boundary(geometry)
    except GeometryError:
        raise ConsoleRefused(
            _("The area must be a valid GeoJSON polygon."), code="bad_area"
        ) from None
    return shape(geometry)


def send_broadcast(*, by, kind: str, title: str, text: str, target: str, detail: dict) -> Broadcast:
    """Send to every live group the target means; refused (nothing stored) when the sender may
    not send this kind, the target leaves their scope or means no group at all."""
    check_kind(by, kind)
    title, text = check_text(title, text)
    groups = target_groups(by, kind, target, detail)
    if not groups:
        raise ConsoleRefused(_("No group lies in that area."), code="no_groups")
    with transaction.atomic():
        item = Broadcast.objects.create(
            sender=by, kind=kind, title=title, text=text, target=target, target_detail=detail
        )
        for group in sorted(groups, key=lambda g: g.pk):
            _send_to(item, group)
    return item


def _send_to(item: Broadcast, group: Group) -> BroadcastGroup:
    if not group.may_send:
        return BroadcastGroup.objects.create(broadcast=item, group=group, skipped=group.status)
    message = OutboundMessage.objects.create(
        group=group, kind=OutboundMessage.Kind.BROADCAST, ref_id=item.pk, payload={}
    )
    from_police = item.kind != Kind.PREVENTION_TIP
    sender = group.zone.name if from_police else group.neighbourhood.municipality.name
    message.payload = render(
        "broadcast",
        {"item": item, "sender": sender, "group": group},
        kind="broadcast",
        reply_url=reply_url(message) if item.takes_replies else "",
    )
    if not from_police:
        for part in message.payload.values():
            part["from_police"] = False
    message.save(update_fields=["payload"])
    publish(message)
    return BroadcastGroup.objects.create(broadcast=item, group=group, message=message)


def delivery_per_group(item: Broadcast) -> list[dict]:
    """What the sender sees: each group, sent or skipped, and its deliveries per channel."""
    rows = item.groups.select_related("group", "message").order_by("group__name")
    return [
        {
            "group_id": r.group_id,
            "group": r.group.name,
            "skipped": r.skipped,
            "message_id": r.message_id,
            "delivery": delivery_summary(r.message) if r.message else {},
        }
        for r in rows
    ]


def sent_by(user) -> QuerySet:
    return Broadcast.objects.filter(sender=user)
