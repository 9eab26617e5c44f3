"""The coordinator's member list: names and roles (never contact data), pending requests, and
the actions a coordinator takes on them (admit, remove, rename the group)."""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from . import actions, roles, sanctions
from .models import Group, Membership

NAME_MAX = Group._meta.get_field("name").max_length


def member_rows(group: Group, *, viewer) -> list[dict]:
    """Everyone not removed, coordinators first; the columns a coordinator needs, no more."""
    rows = []
    memberships = (
        group.memberships.exclude(status=Membership.Status.REMOVED)
        .select_related("user")
        .order_by("-role", "status", "user__first_name", "user__username")
    )
    for m in memberships:
        rows.append(
            {
                "pk": m.pk,
                "name": m.user.get_full_name() or m.user.username,
                "role": m.get_role_display(),
                "role_code": m.role,
                "status": m.get_status_display(),
                "status_code": m.status,
                "accepted": m.accepted_protocol_version == group.protocol_version,
                "admitted_at": m.admitted_at,
                "may_remove": m.status != Membership.Status.PENDING
                and sanctions.may_sanction(viewer, m),
                "may_admit": m.status == Membership.Status.PENDING,
                "address_checked": m.location_checked_at is not None,
            }
        )
    return rows


@transaction.atomic
def admit_pending(membership: Membership, *, by) -> Membership:
    """Admit a pending request whose address was checked when it was made.

    The point itself is never kept, so a request without a check cannot be admitted here: the
    person should use an invitation link, which checks the address (invitations.join).
    """
    group = membership.group
    if not (by.is_superuser or roles.is_coordinator(by, group)):
        raise actions.NotAllowed(_("Only a coordinator of this group can admit members."))
    if membership.status != Membership.Status.PENDING:
        raise actions.AdmissionRefused(_("This request was already handled."))
    if membership.location_checked_at is None:
        raise actions.AdmissionRefused(
            _("The address of this request was not checked. Send the person an invitation link.")
        )
    user = membership.user
    minimum = actions.minimum_age(group)
    age = user.age_on(timezone.localdate())
    if age is None or age < minimum:
        raise actions.AdmissionRefused(
            _("Members must be %(n)s or older; this request has no valid date of birth.")
            % {"n": minimum}
        )
    actions.check_group_size(group)
    membership.status = Membership.Status.ACTIVE
    membership.admitted_by, membership.admitted_at = by, timezone.now()
    membership.save(update_fields=["status", "admitted_by", "admitted_at"])
    from buurtwacht.delivery.outbox import set_default_channels

    set_default_channels([user])
    return membership


def rename(group: Group, *, by, name: str) -> Group:
    """What a coordinator may change about their group: its name (the rest is the zone's)."""
    if not (by.is_superuser or roles.is_coordinator(by, group)):
        raise actions.NotAllowed(_("Only a coordinator of this group can change its settings."))
    name = " ".join(name.split())
    if not name:
        raise ValueError(_("The group needs a name."))
    if len(name) > NAME_MAX:
        raise ValueError(_("Please keep the name under %(n)s characters.") % {"n": NAME_MAX})
    group.name = name
    group.save(update_fields=["name"])
    return group
