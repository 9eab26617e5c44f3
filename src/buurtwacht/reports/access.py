"""Who may open which report: the one place that turns a person and a URL into a Scope.

coordinator: their group; prevention officer: their municipality; zone admin and police
contact: their zone (and its municipalities and groups); provincial analyst: their province,
suppressed, by neighbourhood and week only; national admin: all provinces, suppressed.
Anything else is a 404 (a report's existence is not confirmed to someone outside it).
"""

from django.http import Http404

from buurtwacht.organisation.models import Group, Municipality, PoliceZone, StaffRole
from buurtwacht.organisation.roles import is_coordinator, municipality_ids, zone_ids

from .data import Scope

Kind = StaffRole.Kind


def _kinds(user) -> set[str]:
    return set(StaffRole.objects.filter(user=user).values_list("kind", flat=True))


def provinces(user) -> set[str]:
    if user.is_superuser or Kind.NATIONAL_ADMIN in _kinds(user):
        return set(PoliceZone.objects.values_list("province", flat=True))
    return set(
        StaffRole.objects.filter(user=user, kind=Kind.PROVINCIAL_ANALYST).values_list(
            "province", flat=True
        )
    )


def may_see_national(user) -> bool:
    return user.is_superuser or Kind.NATIONAL_ADMIN in _kinds(user)


def group_scope(user, group_id: int) -> Scope:
    group = Group.objects.select_related("neighbourhood").filter(pk=group_id).first()
    if group is None:
        raise Http404
    allowed = user.is_superuser or is_coordinator(user, group)
    allowed = allowed or group.neighbourhood.municipality_id in municipality_ids(user)
    if not allowed:
        raise Http404
    return Scope("group", (group.pk,), area="group", label=group.name)


def municipality_scope(user, nis: str) -> Scope:
    muni = Municipality.objects.filter(nis_code=nis).first()
    if muni is None or not (user.is_superuser or muni.pk in municipality_ids(user)):
        raise Http404
    return Scope("municipality", (muni.pk,), label=muni.name, extra=_hoods(municipality=muni))


def zone_scope(user, number: str) -> Scope:
    zone = PoliceZone.objects.filter(number=number).first()
    if zone is None or not (user.is_superuser or zone.pk in zone_ids(user)):
        raise Http404
    return Scope("zone", (zone.pk,), label=zone.name, extra=_hoods(municipality__zone=zone))


def province_scope(user, province: str) -> Scope:
    if province not in provinces(user):
        raise Http404
    ids = tuple(PoliceZone.objects.filter(province=province).values_list("pk", flat=True))
    return Scope(
        "zone",
        ids,
        suppress=True,
        label=province,
        extra=_hoods(municipality__zone_id__in=ids),
    )


def national_scope(user) -> Scope:
    if not may_see_national(user):
        raise Http404
    return Scope("national", area="province", suppress=True, label="Belgium")


def _hoods(**where) -> dict:
    """Every neighbourhood of the scope is a row (and a polygon), even one without alerts."""
    from buurtwacht.organisation.models import Neighbourhood

    return {"areas": set(Neighbourhood.objects.filter(**where).values_list("pk", flat=True))}


def reports_for(user) -> dict:
    """What the index page lists: the reports this person may open."""
    munis = Municipality.objects.all() if user.is_superuser else None
    zones = PoliceZone.objects.all() if user.is_superuser else None
    if munis is None:
        munis = Municipality.objects.filter(pk__in=municipality_ids(user))
        zones = PoliceZone.objects.filter(pk__in=zone_ids(user))
    groups = Group.objects.filter(
        memberships__user=user, memberships__role="coordinator", memberships__status="active"
    )
    return {
        "groups": list(groups.order_by("name")),
        "municipalities": list(munis.order_by("name")),
        "zones": list(zones.order_by("name")),
        "provinces": sorted(provinces(user)),
        "national": may_see_national(user),
    }
