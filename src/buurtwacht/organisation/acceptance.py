"""Members accept the protocol their group runs under, and accept again whenever it changes.

A group is pinned to one protocol id and version (Group.protocol_id/protocol_version); a
member's Membership.accepted_protocol_version says which version they last accepted. While
the two differ the member still reads the group but may not post: the agreements (call the
police first, never pursue, keep others' data out) only bind someone who has accepted them.
Each acceptance is also kept as a ProtocolAcceptance row, so it can be shown later who
accepted what, when and in which language.
"""

from django.conf import settings
from django.db import transaction
from django.db.models import QuerySet
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from buurtwacht.protocols import load_protocol

from . import roles
from .actions import NotAllowed
from .models import Group, Membership, ProtocolAcceptance, StaffRole

LANGUAGE_CODES = tuple(code for code, _name in settings.LANGUAGES)


class AcceptanceRefused(Exception):
    """An acceptance that cannot be recorded; the message says why and what to do instead."""


def charter_url(group: Group) -> str:
    """Where a member reads and accepts the group's charter (a path, valid on every host)."""
    return reverse("organisation:charter", kwargs={"group_id": group.pk})


def publish_new_version(group: Group, *, protocol_id: str | None = None, by) -> Group:
    """Pin the group to the current version of its protocol (or of `protocol_id`).

    Only the zone that runs the group decides which agreements hold in it. From now on every
    member whose accepted version differs must accept again before posting. When the protocol
    itself changes, earlier acceptances were of other agreements, even if the version string
    happens to be the same, so they are cleared (the history stays in ProtocolAcceptance).
    The given group object is updated in place and returned.
    """
    _require_zone_admin(by, group)
    protocol = load_protocol(protocol_id or group.protocol_id)
    with transaction.atomic():
        pinned_id = Group.objects.select_for_update().values_list("protocol_id", flat=True)
        if protocol.id != pinned_id.get(pk=group.pk):
            group.memberships.update(accepted_protocol_version="")
        group.protocol_id = protocol.id
        group.protocol_version = str(protocol.version)
        group.save(update_fields=["protocol_id", "protocol_version"])
    return group


def _require_zone_admin(user, group: Group) -> None:
    if user.is_superuser or roles.has_role(user, StaffRole.Kind.ZONE_ADMIN, zone=group.zone):
        return
    raise NotAllowed(
        _("Only a zone admin of %(zone)s can publish a new protocol version for this group.")
        % {"zone": group.zone.name}
    )


def needs_acceptance(membership: Membership) -> bool:
    """True while the member has not accepted the version the group is pinned to.

    A group without a pinned version has nothing to accept yet (it cannot go live either).
    """
    current = membership.group.protocol_version
    return bool(current) and membership.accepted_protocol_version != current


def posting_refusal(membership: Membership) -> str | None:
    """Why this member may not post yet and how to fix it, in the active language; else None.

    The alert code calls this before accepting an alert, so the member is told where to
    accept the charter instead of just being refused.
    """
    if not needs_acceptance(membership):
        return None
    group = membership.group
    values = {
        "group": group.name,
        "version": group.protocol_version,
        "url": charter_url(group),
    }
    if membership.accepted_protocol_version:
        return (
            _(
                "You cannot post in %(group)s yet: its protocol changed to version "
                "%(version)s and you have not accepted it. You can still read the group. "
                "Read and accept the new charter at %(url)s."
            )
            % values
        )
    return (
        _(
            "You cannot post in %(group)s yet: you have not accepted its protocol "
            "(version %(version)s). You can still read the group. "
            "Read and accept the charter at %(url)s."
        )
        % values
    )


def accept(
    membership: Membership, *, version: str, lang: str, protocol_id: str | None = None
) -> ProtocolAcceptance:
    """Record that the member accepts `version`, read in `lang`, and let them post again.

    Only the version the group is pinned to can be accepted: a page left open while a new
    version (or, when `protocol_id` is given, another protocol) was published must not count
    as accepting the new agreements. Accepting the same version twice keeps the first record
    (when it was first accepted is what matters).
    """
    if lang not in LANGUAGE_CODES:
        raise AcceptanceRefused(
            _("Unknown language %(lang)s; choose one of %(langs)s.")
            % {"lang": lang, "langs": ", ".join(LANGUAGE_CODES)}
        )
    if membership.status == Membership.Status.REMOVED:
        raise AcceptanceRefused(_("You are no longer a member of this group."))
    with transaction.atomic():
        group = Group.objects.select_for_update().get(pk=membership.group_id)
        _check_current(group, version, protocol_id or group.protocol_id)
        record, _created = ProtocolAcceptance.objects.get_or_create(
            membership=membership,
            protocol_id=group.protocol_id,
            version=version,
            defaults={"lang": lang, "accepted_at": timezone.now()},
        )
        membership.accepted_protocol_version = version
        membership.save(update_fields=["accepted_protocol_version"])
    membership.group = group
    return record


def _check_current(group: Group, version: str, protocol_id: str) -> None:
    if not group.protocol_version:
        raise AcceptanceRefused(
            _("%(group)s has no protocol version yet, so there is nothing to accept.")
            % {"group": group.name}
        )
    if version != group.protocol_version or protocol_id != group.protocol_id:
        raise AcceptanceRefused(
            _(
                "You tried to accept protocol %(version)s, but %(group)s now runs under "
                "protocol %(current)s. Read the current charter at %(url)s and accept that one."
            )
            % {
                "version": f"{protocol_id} {version}",
                "group": group.name,
                "current": f"{group.protocol_id} {group.protocol_version}",
                "url": charter_url(group),
            }
        )


def latest_acceptance(membership: Membership) -> ProtocolAcceptance | None:
    """The member's acceptance of the group's current protocol version, if any."""
    group = membership.group
    return (
        membership.protocol_acceptances.filter(
            protocol_id=group.protocol_id, version=group.protocol_version
        )
        .order_by("-accepted_at")
        .first()
    )


def not_yet_accepted(group: Group) -> QuerySet[Membership]:
    """Active members who have not accepted the group's current version, by name.

    For the coordinator, who reminds them; it carries users for their names only.
    """
    if not group.protocol_version:
        return Membership.objects.none()
    return (
        group.memberships.filter(status=Membership.Status.ACTIVE)
        .exclude(accepted_protocol_version=group.protocol_version)
        .select_related("user")
        .order_by("user__last_name", "user__first_name", "user__username")
    )
