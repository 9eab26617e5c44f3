"""Invitations: a coordinator's link that lets one person join the group, and the join itself.

Joining runs the same admission as a coordinator admitting someone by hand
(`actions.admit_member`: age, address inside the neighbourhood, group size), with the inviting
coordinator as the one who admits: the link is their decision to let this person in, the
checks are the protocol's. The address point is checked and forgotten. A refused join changes
nothing: no account, no membership, the invitation stays open.
"""

from dataclasses import dataclass
from datetime import date, timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.crypto import get_random_string
from django.utils.text import slugify
from django.utils.translation import gettext as _

from . import actions, roles
from .models import Group, Invitation, Membership, User


class InvitationInvalid(Exception):
    """The link is unknown, used, revoked or expired; the message says what to do."""


@dataclass(frozen=True)
class Joiner:
    """What the join form collected. Name and e-mail only for a person without an account."""

    birth_date: date | None
    lon: float
    lat: float
    first_name: str = ""
    last_name: str = ""
    email: str = ""
    language: str = ""


def create(group: Group, *, by, note: str = "", days: int | None = None) -> Invitation:
    if not (by.is_superuser or roles.is_coordinator(by, group)):
        raise actions.NotAllowed(_("Only a coordinator of this group can invite people."))
    days = days or settings.INVITATION_DAYS
    return Invitation.objects.create(
        group=group, created_by=by, note=note.strip()[:80],
        expires=timezone.now() + timedelta(days=days),
    )  # fmt: skip


def revoke(invitation: Invitation, *, by) -> Invitation:
    if not (by.is_superuser or roles.is_coordinator(by, invitation.group)):
        raise actions.NotAllowed(_("Only a coordinator of this group can revoke invitations."))
    if invitation.state == "open":
        invitation.revoked_at = timezone.now()
        invitation.save(update_fields=["revoked_at"])
    return invitation


def open_invitation(token: str) -> Invitation:
    """The invitation behind a link, if it can still be used; else InvitationInvalid."""
    invitation = (
        Invitation.objects.select_related("group__neighbourhood__municipality", "created_by")
        .filter(token=token)
        .first()
    )
    if invitation is None:
        raise InvitationInvalid(_("This invitation link is not valid. Ask your coordinator."))
    state = invitation.state
    if state == "used":
        raise InvitationInvalid(_("This invitation link was already used. Ask for a new one."))
    if state == "revoked":
        raise InvitationInvalid(_("This invitation link was withdrawn. Ask for a new one."))
    if state == "expired":
        raise InvitationInvalid(_("This invitation link has expired. Ask for a new one."))
    return invitation


@transaction.atomic
def join(token: str, joiner: Joiner, *, user=None) -> Membership:
    """Admit the person holding the link: an existing account (`user`) or a new one.

    Raises InvitationInvalid, actions.AdmissionRefused (age, address, size) or NotAllowed
    (the inviting coordinator no longer coordinates); nothing is stored then.
    """
    invitation = open_invitation(token)
    Invitation.objects.select_for_update().filter(pk=invitation.pk).first()
    group = invitation.group
    if (
        user is not None
        and Membership.objects.filter(
            group=group, user=user, status__in=roles.READING_STATUSES
        ).exists()
    ):
        raise InvitationInvalid(_("You are already a member of this group."))
    inviter = invitation.created_by
    if inviter is None or not (inviter.is_superuser or roles.is_coordinator(inviter, group)):
        raise InvitationInvalid(
            _("The coordinator who made this link no longer runs the group. Ask for a new one.")
        )
    user = _account(user, joiner)
    membership = actions.admit_member(group, user, by=inviter, lon=joiner.lon, lat=joiner.lat)
    invitation.used_by, invitation.used_at = user, timezone.now()
    invitation.save(update_fields=["used_by", "used_at"])
    return membership


def _account(user, joiner: Joiner) -> User:
    """The existing account (birth date filled in if missing) or a new resident account."""
    if user is None:
        base = slugify(f"{joiner.first_name} {joiner.last_name}")[:20] or "resident"
        user = User(
            username=f"{base}-{get_random_string(6, 'abcdefghijkmnpqrstuvwxyz23456789')}",
            first_name=joiner.first_name.strip()[:150],
            last_name=joiner.last_name.strip()[:150],
        )
        user.set_unusable_password()  # residents sign in with a code or a link, not a password
        if joiner.language:
            user.language = joiner.language
        if joiner.email:
            user.set_contact_email(joiner.email)
    if joiner.birth_date is not None:
        user.birth_date = joiner.birth_date
    user.save()
    return user
