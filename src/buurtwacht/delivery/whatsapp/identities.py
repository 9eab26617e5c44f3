"""Who wrote to the hub: a member found by their number (wa_id) or by their BSUID.

Members' numbers are stored encrypted with a blind index, so a wa_id is looked up by the
index of its E.164 form and never by a clear number. A username user who hides their number
is known only by a business-scoped user id (BSUID); they link it by sending the one-time code
shown on their settings page ("KOPPEL 123456").
"""

import re
import secrets
from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from buurtwacht.organisation.models import User
from buurtwacht.privacy import crypto

from .models import Contact

LINK_RE = re.compile(r"^\s*(?:koppel|lier|verknüpfen|link)\s+(\d{6})\s*$", re.IGNORECASE)
LINK_CODE_MINUTES = 30


def wa_id_of(user) -> str:
    """The digits WhatsApp uses for the member's number ("+32470..." -> "32470...")."""
    return (user.phone or "").lstrip("+")


def find_member(*, wa_id: str = "", bsuid: str = "") -> User | None:
    if wa_id:
        index = crypto.blind_index("+" + wa_id.lstrip("+"), purpose="phone")
        user = User.objects.filter(phone_index=index, is_active=True).first()
        if user:
            return user
    if bsuid:
        index = crypto.blind_index(bsuid, purpose="bsuid")
        contact = Contact.objects.select_related("user").filter(bsuid_index=index).first()
        if contact and contact.user.is_active:
            return contact.user
    return None


def new_link_code(user) -> str:
    """A six-digit code the member sends from WhatsApp to link a hidden-number account."""
    code = f"{secrets.randbelow(10**6):06d}"
    contact, _ = Contact.objects.get_or_create(user=user)
    contact.link_code = code
    contact.link_code_expires_at = timezone.now() + timedelta(minutes=LINK_CODE_MINUTES)
    contact.save(update_fields=["link_code", "link_code_expires_at"])
    return code


@transaction.atomic
def link_by_code(text: str, *, bsuid: str) -> User | None:
    """Link a BSUID to the account whose valid code the text carries; None if it is not one."""
    match = LINK_RE.match(text or "")
    if not match or not bsuid:
        return None
    contact = (
        Contact.objects.select_for_update()
        .filter(link_code=match.group(1), link_code_expires_at__gt=timezone.now())
        .select_related("user")
        .first()
    )
    if contact is None:
        return None
    contact.bsuid = bsuid
    contact.bsuid_index = crypto.blind_index(bsuid, purpose="bsuid")
    contact.link_code, contact.link_code_expires_at = "", None
    contact.save(update_fields=["bsuid", "bsuid_index", "link_code", "link_code_expires_at"])
    return contact.user


def note_inbound(user, at, *, bsuid: str = "") -> None:
    """The member wrote: their 24-hour customer-service window is open from `at`. Their
    BSUID is kept too, so they stay reachable if they later hide their number."""
    contact, _ = Contact.objects.get_or_create(user=user)
    contact.last_inbound_at = at
    fields = ["last_inbound_at"]
    if bsuid and contact.bsuid != bsuid:
        contact.bsuid, contact.bsuid_index = bsuid, crypto.blind_index(bsuid, purpose="bsuid")
        fields += ["bsuid", "bsuid_index"]
    contact.save(update_fields=fields)


def window_open(user, now) -> bool:
    last = Contact.objects.filter(user=user).values_list("last_inbound_at", flat=True).first()
    return in_window(last, now)


def in_window(last_inbound, now) -> bool:
    return bool(last_inbound and now - last_inbound < timedelta(hours=24))


def contact_state(user) -> tuple[str, object]:
    """(BSUID, last inbound time) in one query, for the channel's hot path."""
    row = Contact.objects.filter(user=user).values_list("bsuid", "last_inbound_at").first()
    return (row[0] or "", row[1]) if row else ("", None)


def bsuid_of(user) -> str:
    return Contact.objects.filter(user=user).values_list("bsuid", flat=True).first() or ""


def close_window(user) -> None:
    """Meta says the window is closed (131047): trust it over our own clock."""
    Contact.objects.filter(user=user).update(last_inbound_at=None)
