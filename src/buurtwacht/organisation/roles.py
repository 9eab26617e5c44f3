"""Role checks and role-scoped querysets, the one place that says who may see what."""

from enum import IntEnum

from django.db.models import Q, QuerySet

from .models import Group, Membership, Municipality, Neighbourhood, PoliceZone, StaffRole

Kind = StaffRole.Kind


def has_role(user, kind: str, *, zone=None, municipality=None) -> bool:
    """True when the user holds `kind` for that zone or municipality.

    A role scoped to a zone also covers the zone's municipalities.
    """
    if not getattr(user, "is_authenticated", False):
        return False
    roles = StaffRole.objects.filter(user=user, kind=kind)
    if municipality is not None:
        return roles.filter(Q(municipality=municipality) | Q(zone=municipality.zone_id)).exists()
    if zone is not None:
        return roles.filter(zone=zone).exists()
    return roles.exists()


def is_coordinator(user, group: Group) -> bool:
    return Membership.objects.filter(
        group=group,
        user=user,
        role=Membership.Role.COORDINATOR,
        status=Membership.Status.ACTIVE,
    ).exists()


class Reader(IntEnum):
    """How far a person reads into a group's messages; higher levels read all that lower ones do.

    MEMBER reads what the group was sent, MODERATOR (a coordinator) also what is held for
    review, POLICE (the group's police contact, or a police contact of its zone) also the
    originals. Everyone else, prevention officers included, reads no content at all.
    """

    NONE = 0
    MEMBER = 1
    MODERATOR = 2
    POLICE = 3


#: Membership states that may read (a suspended member still reads; only posting stops).
READING_STATUSES = (Membership.Status.ACTIVE, Membership.Status.SUSPENDED)

#: The live feed's audiences (LiveEvent.audience) and the level each needs.
AUDIENCES = {"members": Reader.MEMBER, "moderators": Reader.MODERATOR}


def is_police_for(user, group: Group) -> bool:
    return group.police_contact_id == user.pk or has_role(
        user, StaffRole.Kind.POLICE_CONTACT, zone=group.zone
    )


def reader_level(user, group: Group) -> Reader:
    """The one answer to "how much of this group's content may this person read?"."""
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return Reader.NONE
    if is_police_for(user, group):
        return Reader.POLICE
    membership = (
        Membership.objects.filter(group=group, user=user, status__in=READING_STATUSES)
        .only("role", "status")
        .first()
    )
    if membership is None:
        return Reader.NONE
    if membership.role == Membership.Role.COORDINATOR and (
        membership.status == Membership.Status.ACTIVE
    ):
        return Reader.MODERATOR
    return Reader.MEMBER


def reader_levels(pairs, *, inactive: set[int] = frozenset()) -> dict[tuple[int, int], Reader]:
    """`reader_level` for many (user id, group id) pairs in three queries, whatever their
    number: the live feed re-checks every open stream of a process at once. Same rules as
    `reader_level` (tests/live/test_front.py compares the two); users in
    `inactive` (or missing) read nothing. Callers check authentication and is_active."""
    pairs = set(pairs)
    user_ids = {u for u, _ in pairs} - set(inactive)
    group_ids = {g for _, g in pairs}
    groups = {
        pk: (contact, zone)
        for pk, contact, zone in Group.objects.filter(pk__in=group_ids).values_list(
            "pk", "police_contact_id", "neighbourhood__municipality__zone_id"
        )
    }
    police = set(
        StaffRole.objects.filter(
            user_id__in=user_ids,
            kind=StaffRole.Kind.POLICE_CONTACT,
            zone_id__in={zone for _, zone in groups.values()},
        ).values_list("user_id", "zone_id")
    )
    members: dict[tuple[int, int], Reader] = {}
    for user_id, group_id, role, status in Membership.objects.filter(
        user_id__in=user_ids, group_id__in=group_ids, status__in=READING_STATUSES
    ).values_list("user_id", "group_id", "role", "status"):
        moderator = role == Membership.Role.COORDINATOR and status == Membership.Status.ACTIVE
        level = Reader.MODERATOR if moderator else Reader.MEMBER
        members[(user_id, group_id)] = max(level, members.get((user_id, group_id), Reader.NONE))
    levels = {}
    for user_id, group_id in pairs:
        contact, zone = groups.get(group_id, (None, None))
        if user_id not in user_ids or group_id not in groups:
            levels[(user_id, group_id)] = Reader.NONE
        elif contact == user_id or (user_id, zone) in police:
            levels[(user_id, group_id)] = Reader.POLICE
        else:
            levels[(user_id, group_id)] = members.get((user_id, group_id), Reader.NONE)
    return levels


def audiences_for(level: Reader) -> set[str]:
    """The live-feed audiences a reader of this level receives."""
    return {name for name, needed in AUDIENCES.items() if level >= needed}


def zone_ids(user) -> set[int]:
    """Zones the user administers or works in (zone-scoped staff roles)."""
    return set(
        StaffRole.objects.filter(user=user, zone__isnull=False).values_list("zone_id", flat=True)
    )


def municipality_ids(user) -> set[int]:
    """Municipalities in the user's reach: direct roles plus every municipality of their zones."""
    direct = set(
        StaffRole.objects.filter(user=user, municipality__isnull=False).values_list(
            "municipality_id", flat=True
        )
    )
    via_zone = set(
        Municipality.objects.filter(zone_id__in=zone_ids(user)).values_list("id", flat=True)
    )
    return direct | via_zone


def scope_queryset(user, queryset: QuerySet) -> QuerySet:
    """Restrict a queryset of organisation objects to what this staff member may manage."""
    if user.is_superuser:
        return queryset
    model = queryset.model
    munis = municipality_ids(user)
    paths = {
        PoliceZone: "id__in",
        Municipality: "id__in",
        Neighbourhood: "municipality_id__in",
        Group: "neighbourhood__municipality_id__in",
        Membership: "group__neighbourhood__municipality_id__in",
    }
    if model is PoliceZone:
        return queryset.filter(id__in=zone_ids(user))
    if model in paths:
        return queryset.filter(**{paths[model]: munis})
    return queryset.none()
