"""The sanction ladder: warning, suspension, removal, each with its reason, visible to the
person, appealable once to the zone admin, and enforced through the membership's status.

Who gives a step: a coordinator to a member of their group, the zone admin to a coordinator
of a group in their zone. Enforcement needs no check of its own: a suspension sets the
membership to "suspended", and `alerts.rules.posting_membership` (which every channel calls
before storing anything) refuses whoever is not active; a removal sets "removed", and
`roles.reader_level` no longer lets that person read the group.
"""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from . import roles
from .actions import NotAllowed
from .models import Membership, Sanction, SanctionAppeal, StaffRole

Step, Decision = Sanction.Step, SanctionAppeal.Decision
#: What each step does to the membership (a warning changes nothing).
STATUS_AFTER = {
    Step.SUSPENSION: Membership.Status.SUSPENDED,
    Step.REMOVAL: Membership.Status.REMOVED,
}
REASON_MAX = 1000


class SanctionRefused(Exception):
    """Bad input or a step that cannot be taken now; nothing was changed."""


def _audit(**kwargs):
    from buurtwacht.police.audit_log import record

    return record(**kwargs)


def _is_zone_admin(user, membership: Membership) -> bool:
    return user.is_superuser or roles.has_role(
        user, StaffRole.Kind.ZONE_ADMIN, zone=membership.group.zone
    )


def may_sanction(user, membership: Membership) -> bool:
    """Coordinators for the members of their group; the zone admin for coordinators."""
    if membership.user_id == user.pk:
        return False
    if membership.role == Membership.Role.COORDINATOR:
        return _is_zone_admin(user, membership)
    return roles.is_coordinator(user, membership.group)


def _reason(text: str, *, message: str) -> str:
    text = (text or "").strip()
    if not text:
        raise SanctionRefused(message)
    if len(text) > REASON_MAX:
        raise SanctionRefused(_("Please keep it under %(n)s characters.") % {"n": REASON_MAX})
    return text


@transaction.atomic
def give(membership: Membership, *, by, step: str, reason: str) -> Sanction:
    """Take one step of the ladder, or raise NotAllowed / SanctionRefused (nothing changes)."""
    membership = (
        Membership.objects.select_for_update().select_related("group", "user").get(pk=membership.pk)
    )
    if not may_sanction(by, membership):
        raise NotAllowed(
            _("A coordinator sanctions the members of their group; the zone admin sanctions "
              "coordinators.")
        )  # fmt: skip
    if step not in Step.values:
        raise SanctionRefused(_("Unknown step: %(s)s") % {"s": step})
    reason = _reason(reason, message=_("Give the reason for this step; the person will read it."))
    if membership.status not in (Membership.Status.ACTIVE, Membership.Status.SUSPENDED):
        raise SanctionRefused(_("This person is no longer a member of the group."))
    if step == Step.SUSPENSION and membership.status == Membership.Status.SUSPENDED:
        raise SanctionRefused(_("This person is already suspended."))
    sanction = Sanction.objects.create(
        membership=membership,
        step=step,
        reason=reason,
        given_by=by,
        previous_status=membership.status,
    )
    if step in STATUS_AFTER:
        membership.status = STATUS_AFTER[step]
        membership.save(update_fields=["status"])
    _audit(actor=by, action="sanction", subject=membership, reason=reason, detail=step)
    _notify(sanction)
    return sanction


def _notify(sanction: Sanction) -> None:
    """Tell the person on their own channels (never the group): the step, the reason, and
    where to read and appeal it. Rendered once per language, like every message."""
    from django.utils import translation

    from buurtwacht.delivery.models import OutboundMessage
    from buurtwacht.delivery.outbox import publish_to
    from buurtwacht.protocols import LANGUAGES

    group = sanction.membership.group
    payload = {}
    for lang in LANGUAGES:
        with translation.override(lang):
            payload[lang] = {
                "subject": _("%(group)s: a %(step)s") % {
                    "group": group.name, "step": sanction.get_step_display()},
                "text": _(
                    "Reason: %(reason)s\nYou can read it and appeal once at /me/sanctions/."
                ) % {"reason": sanction.reason},
            }  # fmt: skip
    message = OutboundMessage.objects.create(
        group=group, kind=OutboundMessage.Kind.NOTICE, ref_id=sanction.pk, payload=payload
    )
    publish_to(message, [sanction.membership.user])


def of_user(user):
    """The person's own sanctions (also after a removal: they must be able to read and appeal)."""
    return Sanction.objects.filter(membership__user=user).select_related(
        "membership__group", "appeal"
    )


def _appeal_of(sanction: Sanction) -> SanctionAppeal | None:
    try:
        return sanction.appeal
    except SanctionAppeal.DoesNotExist:
        return None


@transaction.atomic
def appeal(sanction: Sanction, *, by, text: str) -> SanctionAppeal:
    """The person appeals a step, once; the zone admin of the group's zone decides."""
    if sanction.membership.user_id != by.pk:
        raise NotAllowed(_("Only the person concerned can appeal a sanction."))
    if _appeal_of(sanction) is not None:
        raise SanctionRefused(_("You have already appealed this step; an appeal is possible once."))
    if sanction.lifted_at:
        raise SanctionRefused(_("This step was already lifted."))
    text = _reason(text, message=_("Say why the step should be lifted."))
    item = SanctionAppeal.objects.create(sanction=sanction, text=text)
    _audit(actor=by, action="sanction_appeal", subject=sanction.membership, reason=text)
    return item


def pending_appeals(user, zone):
    if not (user.is_superuser or roles.has_role(user, StaffRole.Kind.ZONE_ADMIN, zone=zone)):
        raise NotAllowed(_("Only the zone admin decides appeals."))
    return SanctionAppeal.objects.filter(
        decision=Decision.PENDING,
        sanction__membership__group__neighbourhood__municipality__zone=zone,
    ).select_related("sanction__membership__user", "sanction__membership__group")


@transaction.atomic
def decide(item: SanctionAppeal, *, by, lift: bool, note: str = "") -> SanctionAppeal:
    """Uphold or lift. Lifting puts the membership back where the step found it."""
    item = (
        SanctionAppeal.objects.select_for_update()
        .select_related("sanction__membership__group")
        .get(pk=item.pk)
    )
    sanction = item.sanction
    membership = sanction.membership
    if not _is_zone_admin(by, membership):
        raise NotAllowed(_("Only the zone admin decides appeals."))
    if item.decision != Decision.PENDING:
        raise SanctionRefused(_("This appeal was already decided."))
    item.decision = Decision.LIFTED if lift else Decision.UPHELD
    item.decided_by, item.decided_at, item.decision_note = by, timezone.now(), (note or "").strip()
    item.save(update_fields=["decision", "decided_by", "decided_at", "decision_note"])
    if lift:
        sanction.lifted_at = item.decided_at
        sanction.save(update_fields=["lifted_at"])
        if membership.status == STATUS_AFTER.get(sanction.step):
            membership.status = sanction.previous_status
            membership.save(update_fields=["status"])
    _audit(actor=by, action=f"sanction_appeal_{item.decision}", subject=membership,
           reason=item.decision_note)  # fmt: skip
    return item
