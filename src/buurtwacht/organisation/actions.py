"""State changes of groups and memberships (views and admin stay thin and call these).

Structural embedding lives here in code: a group only goes live with a coordinator, a police
contact of its own zone, municipal approval and a protocol version; admission checks age and
address against the group's protocol and neighbourhood.
"""

from datetime import date

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from buurtwacht.protocols import ProtocolError, load_protocol

from . import roles
from .models import Group, Membership, StaffRole


class GoLiveRefused(Exception):
    """The group lacks parts it needs before it may send alerts; `missing` lists them."""

    def __init__(self, missing: list[str]):
        self.missing = missing
        super().__init__(
            _("This group cannot go live yet. Missing: %(parts)s") % {"parts": "; ".join(missing)}
        )


class AdmissionRefused(Exception):
    """A person cannot be admitted; the message says why and what to do."""


class NotAllowed(PermissionError):
    """The acting user does not hold the role this action needs."""


def missing_for_go_live(group: Group) -> list[str]:
    """The parts a group still lacks, in the reader's language; empty when it may go live."""
    missing = []
    if not group.memberships.filter(
        role=Membership.Role.COORDINATOR, status=Membership.Status.ACTIVE
    ).exists():
        missing.append(_("at least one coordinator"))
    contact = group.police_contact
    if contact is None or not roles.has_role(
        contact, StaffRole.Kind.POLICE_CONTACT, zone=group.zone
    ):
        missing.append(_("a police contact of zone %(zone)s") % {"zone": group.zone.name})
    if group.approved_at is None:
        missing.append(
            _("approval by a prevention officer of %(m)s")
            % {"m": group.neighbourhood.municipality.name}
        )
    if not group.protocol_version:
        missing.append(_("a protocol version"))
    return missing


def go_live(group: Group, *, by) -> Group:
    """Make a draft or suspended group live, or raise GoLiveRefused listing what is missing."""
    require_zone_staff(by, group)
    missing = missing_for_go_live(group)
    if missing:
        raise GoLiveRefused(missing)
    group.status = Group.Status.LIVE
    group.save(update_fields=["status"])
    return group


def suspend_group(group: Group, *, by) -> Group:
    """Stop all sending for a group (status checked by every sending path)."""
    require_zone_staff(by, group)
    group.status = Group.Status.SUSPENDED
    group.save(update_fields=["status"])
    return group


def approve_group(group: Group, *, by) -> Group:
    """Municipal approval: only a prevention officer of the group's municipality may give it."""
    if not roles.has_role(
        by, StaffRole.Kind.PREVENTION_OFFICER, municipality=group.neighbourhood.municipality
    ):
        raise NotAllowed(
            _("Only a prevention officer of %(m)s can approve this group.")
            % {"m": group.neighbourhood.municipality.name}
        )
    group.approved_by = by
    group.approved_at = timezone.now()
    group.save(update_fields=["approved_by", "approved_at"])
    return group


def pin_protocol(group: Group, *, protocol_id: str) -> Group:
    """Pin the group to the current version of a shipped protocol."""
    protocol = load_protocol(protocol_id)
    group.protocol_id = protocol.id
    group.protocol_version = str(protocol.version)
    group.save(update_fields=["protocol_id", "protocol_version"])
    return group


def require_zone_staff(user, group: Group) -> None:
    """Refuse unless the user manages the group's zone or municipality (staff pages use it too)."""
    if user.is_superuser:
        return
    zone = group.zone
    if roles.has_role(user, StaffRole.Kind.ZONE_ADMIN, zone=zone) or roles.has_role(
        user, StaffRole.Kind.PREVENTION_OFFICER, municipality=group.neighbourhood.municipality
    ):
        return
    raise NotAllowed(_("You do not manage this group."))


def minimum_age(group: Group) -> int:
    """The protocol's minimum age; 18 (the national floor) when the protocol cannot be loaded."""
    try:
        return load_protocol(group.protocol_id).admission.minimum_age
    except ProtocolError:
        return 18


@transaction.atomic
def admit_member(
    group: Group,
    user,
    *,
    by,
    lon: float,
    lat: float,
    role: str = Membership.Role.MEMBER,
    today: date | None = None,
) -> Membership:
    """Admit a resident after checking age, address and group size.

    The address point is checked and then forgotten: we keep only that it was checked.
    """
    if not (by.is_superuser or roles.is_coordinator(by, group)):
        raise NotAllowed(_("Only a coordinator of this group can admit members."))
    today = today or timezone.localdate()
    age = user.age_on(today)
    minimum = minimum_age(group)
    if age is None:
        raise AdmissionRefused(
            _("We need a date of birth to check that members are %(n)s or older.") % {"n": minimum}
        )
    if age < minimum:
        raise AdmissionRefused(
            _("Members must be %(n)s or older; this person is %(age)s.")
            % {"n": minimum, "age": age}
        )
    if not group.neighbourhood.contains(lon=lon, lat=lat):
        raise AdmissionRefused(
            _(
                "This address lies outside %(n)s. Members must live or work "
                "inside the neighbourhood."
            )
            % {"n": group.neighbourhood.name}
        )
    check_group_size(group)
    membership, _created = Membership.objects.update_or_create(
        group=group,
        user=user,
        defaults={
            "role": role,
            "status": Membership.Status.ACTIVE,
            "admitted_by": by,
            "admitted_at": timezone.now(),
            "location_checked_at": timezone.now(),
        },
    )
    from buurtwacht.delivery.outbox import set_default_channels

    set_default_channels([user])  # web, plus e-mail when the member gave an address
    return membership


def check_group_size(group: Group) -> None:
    """Refuse an admission that would take the group past its protocol's max_group_size."""
    try:
        limit = load_protocol(group.protocol_id).max_group_size
    except ProtocolError:
        return
    active = group.memberships.filter(status=Membership.Status.ACTIVE).count()
    if active >= limit:
        raise AdmissionRefused(
            _("This group is full (%(n)s members, the protocol's maximum).") % {"n": limit}
        )
