"""Role checks and role-scoped querysets, the one place that says who may see what."""

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
