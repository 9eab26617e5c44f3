"""Who may post what, now: the checks that run before anything is stored.

Each check raises Refused with a message in the sender's language that says what was wrong
and what to do. Nothing is stored when a check fails.
"""

from datetime import timedelta

from django.utils import timezone
from django.utils.translation import gettext as _

from buurtwacht.organisation.models import Group, Membership
from buurtwacht.protocols import Protocol, load_protocol

from .models import Alert


class Refused(Exception):
    """A submission refused before it was stored; `code` is stable for API clients."""

    def __init__(self, message: str, *, code: str, **extra):
        super().__init__(message)
        self.message, self.code, self.extra = message, code, extra


def protocol_of(group: Group) -> Protocol:
    return load_protocol(group.protocol_id)


def posting_membership(group: Group, user) -> Membership:
    """The author's membership, if it allows posting in this group right now."""
    if not group.may_send:
        raise Refused(_("This group is not live, so it cannot send alerts now."), code="not_live")
    membership = Membership.objects.filter(group=group, user=user).first()
    if membership is None or membership.status != Membership.Status.ACTIVE:
        raise Refused(_("You are not an active member of this group."), code="not_member")
    if membership.posting_suspended_at:
        raise Refused(
            _(
                "You may not post in this group: your posting was suspended after "
                "repeated blocked messages. Contact your coordinator to appeal."
            ),
            code="posting_suspended",
        )
    _check_protocol_accepted(membership)
    protocol = protocol_of(group)
    if protocol.posting == "coordinators" and membership.role != Membership.Role.COORDINATOR:
        raise Refused(_("In this group only coordinators post alerts."), code="coordinators_only")
    return membership


def _check_protocol_accepted(membership: Membership) -> None:
    from buurtwacht.organisation.acceptance import posting_refusal

    message = posting_refusal(membership)
    if message:
        raise Refused(message, code="protocol_not_accepted")


def check_rate_limit(group: Group, user, protocol: Protocol) -> None:
    """The protocol's limit on alerts per member per hour."""
    since = timezone.now() - timedelta(hours=1)
    recent = Alert.objects.filter(group=group, author=user, created_at__gte=since).count()
    if recent >= protocol.max_alerts_per_hour:
        raise Refused(
            _(
                "You have posted %(n)s alerts in the last hour, the most this group "
                "allows. If something new happens, call the police (101) and add it "
                "as a follow-up to your open alert."
            )
            % {"n": recent},
            code="rate_limited",
        )


def check_required_fields(category: str, fields: dict, protocol: Protocol) -> None:
    if category not in protocol.categories:
        raise Refused(_("Unknown category: %(c)s") % {"c": category}, code="bad_category")
    labels = {
        "what": _("what happened"),
        "where": _("where"),
        "when": _("when"),
        "description": _("description of persons or vehicles"),
        "direction": _("direction of flight"),
    }
    missing = [
        labels[f]
        for f in protocol.categories[category].required_fields
        if not str(fields.get(f) or "").strip()
    ]
    if missing:
        raise Refused(
            _("Please fill in: %(fields)s.") % {"fields": ", ".join(missing)},
            code="missing_fields",
            fields=missing,
        )
