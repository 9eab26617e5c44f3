"""What the navigation shows: only the places the person's roles open (context processor).

Computed lazily, so a page that never renders the navigation pays nothing; a rendered page
pays a few small queries (memberships, staff roles) once.
"""

from django.utils.functional import SimpleLazyObject

from buurtwacht.organisation.models import Membership, StaffRole
from buurtwacht.organisation.roles import READING_STATUSES

Kind = StaffRole.Kind


def _nav(user) -> dict:
    if not getattr(user, "is_authenticated", False):
        return {"groups": [], "police": False, "staff": False, "audit": False, "appeals": []}
    memberships = (
        Membership.objects.filter(user=user, status__in=READING_STATUSES)
        .select_related("group")
        .order_by("group__name")
    )
    kinds = {}
    for role in StaffRole.objects.filter(user=user).select_related("zone"):
        kinds.setdefault(role.kind, []).append(role)
    return {
        "groups": [
            {
                "pk": m.group_id,
                "name": m.group.name,
                "coordinator": m.role == Membership.Role.COORDINATOR and m.status == "active",
            }
            for m in memberships
        ],  # fmt: skip
        "police": Kind.POLICE_CONTACT in kinds or user.is_superuser,
        "staff": Kind.PREVENTION_OFFICER in kinds or Kind.ZONE_ADMIN in kinds or user.is_superuser,
        "audit": Kind.ZONE_ADMIN in kinds,
        "appeals": [r.zone for r in kinds.get(Kind.ZONE_ADMIN, []) if r.zone is not None],
        "admin": user.is_staff,
    }


def navigation(request):
    user = getattr(request, "user", None)
    return {"nav": SimpleLazyObject(lambda: _nav(user))}
