"""The member's rights over their data: take it all out (export) and erase it (erase).

Export is everything stored about the person and written by them, and nothing about anyone
else: the masked copies of other members' alerts they received are left out (a delivery says
only which message, when, over which channel), and so are the police-only extracts of their
alerts (plates and third persons' data are someone else's).

Erasure anonymises instead of deleting the account, so the counts that reports need stay
true (an alert still happened, in that week, in that category) while nothing identifies the
person: contact data and its blind indexes, name, birth date and everything they wrote are
emptied; their alerts read "a former member". It is idempotent and audited.
"""

import secrets
from datetime import datetime

from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from .models import AuditEntry, Erasure, audit

FORMAT_VERSION = 1
OPEN_DELIVERY_STATUSES = ("pending", "sending", "failed")


def _iso(value: datetime | None) -> str | None:
    return value.isoformat() if value else None


def is_erased(user) -> bool:
    return user is not None and Erasure.objects.filter(user_id=user.pk).exists()


def display_name(user) -> str:
    """How a person is named to staff: "a former member" once erased."""
    if user is None or is_erased(user):
        return _("a former member")
    return user.get_full_name() or user.username


# --- export -----------------------------------------------------------------------------


def export_data(user) -> dict:
    """Everything about `user` as plain JSON-ready data (the format is documented)."""
    return {
        "format": FORMAT_VERSION,
        "exported_at": timezone.now().isoformat(),
        "profile": _profile(user),
        "staff_roles": _staff_roles(user),
        "memberships": _memberships(user),
        "alerts": _alerts(user),
        "follow_ups": _follow_ups(user),
        "strikes": _strikes(user),
        "channel_preferences": [
            {"channel": p.channel, "enabled": p.enabled} for p in user.channel_preferences.all()
        ],
        "deliveries": _deliveries(user),
        "replies_to_the_police": _police_replies(user),
        "whatsapp": _whatsapp(user),
        "reads_of_your_data": [
            {"action": e.action, "at": _iso(e.created_at), "reason": e.reason}
            for e in AuditEntry.objects.filter(
                subject_type=user._meta.label, subject_id=str(user.pk)
            )
        ],
    }


def _profile(user) -> dict:
    return {
        "username": user.username,
        "first_name": user.first_name,
        "last_name": user.last_name,
        "language": user.language,
        "birth_date": user.birth_date.isoformat() if user.birth_date else None,
        "phone": user.phone,
        "email": user.contact_email,
        "date_joined": _iso(user.date_joined),
        "last_login": _iso(user.last_login),
        "is_active": user.is_active,
    }


def _staff_roles(user) -> list[dict]:
    return [
        {
            "kind": r.kind,
            "zone": r.zone.name if r.zone else None,
            "municipality": r.municipality.name if r.municipality else None,
            "province": r.province,
        }
        for r in user.staff_roles.select_related("zone", "municipality")
    ]


def _memberships(user) -> list[dict]:
    rows = user.memberships.select_related("group").prefetch_related("protocol_acceptances")
    return [
        {
            "group": {"id": m.group_id, "name": m.group.name},
            "role": m.role,
            "status": m.status,
            "admitted_at": _iso(m.admitted_at),
            "location_checked_at": _iso(m.location_checked_at),
            "accepted_protocol_version": m.accepted_protocol_version,
            "posting_suspended_at": _iso(m.posting_suspended_at),
            "protocol_acceptances": [
                {
                    "protocol": a.protocol_id,
                    "version": a.version,
                    "lang": a.lang,
                    "accepted_at": _iso(a.accepted_at),
                }
                for a in m.protocol_acceptances.all()
            ],
        }
        for m in rows
    ]


def _alerts(user) -> list[dict]:
    from buurtwacht.alerts.models import Alert

    return [
        {
            "id": a.pk,
            "group_id": a.group_id,
            "category": a.category,
            "status": a.status,
            "emergency": a.emergency,
            "called_number": a.called_number,
            "called_at": _iso(a.called_at),
            "what": a.what,
            "where": a.place,
            "lon": a.lon,
            "lat": a.lat,
            "occurred_at": _iso(a.occurred_at),
            "description": a.description,
            "direction": a.direction,
            "members_copy": a.members_copy,
            "findings": a.findings,
            "verdict": a.verdict,
            "moderation_note": a.moderation_note,
            "outcome": a.outcome,
            "created_at": _iso(a.created_at),
            "closed_at": _iso(a.closed_at),
        }
        for a in Alert.objects.filter(author=user).order_by("created_at")
    ]


def _follow_ups(user) -> list[dict]:
    from buurtwacht.alerts.models import FollowUp

    return [
        {
            "id": f.pk,
            "alert_id": f.alert_id,
            "text": f.text,
            "members_text": f.members_text,
            "status": f.status,
            "findings": f.findings,
            "moderation_note": f.moderation_note,
            "created_at": _iso(f.created_at),
        }
        for f in FollowUp.objects.filter(author=user).order_by("created_at")
    ]


def _strikes(user) -> list[dict]:
    return [
        {
            "group_id": s.group_id,
            "text": s.text,
            "findings": s.findings,
            "reasons": s.reasons,
            "created_at": _iso(s.created_at),
        }
        for s in user.strikes.order_by("created_at")
    ]


def _deliveries(user) -> list[dict]:
    rows = user.deliveries.select_related("message").order_by("message__created_at", "pk")
    return [
        {
            "message_id": d.message_id,
            "kind": d.message.kind,
            "group_id": d.message.group_id,
            "channel": d.channel,
            "status": d.status,
            "attempts": d.attempts,
            "sent_at": _iso(d.sent_at),
        }
        for d in rows
    ]


# --- erasure ----------------------------------------------------------------------------


@transaction.atomic
def erase(user, *, actor=None, reason: str = "", automatic: bool = False) -> bool:
    """Anonymise `user` and everything they wrote; False when they were already erased.

    Counts first: their strikes are folded into the anonymous tables before the rows go.
    """
    from buurtwacht.organisation.models import User

    user = User.objects.select_for_update().get(pk=user.pk)
    if Erasure.objects.filter(user=user).exists():
        return False
    zones = {m.group.zone for m in user.memberships.select_related("group__neighbourhood")}
    old_username = user.username
    _erase_contents(user)
    _erase_delivery_state(user)
    _end_memberships(user)
    _erase_logins(user, old_username)
    _anonymise_account(user)
    Erasure.objects.create(user=user, erased_at=timezone.now(), automatic=automatic)
    for zone in sorted(zones, key=lambda z: z.pk) or [None]:
        audit(
            actor=actor,
            action="erase_account",
            subject=user,
            reason=reason,
            detail="automatic: left, grace period over" if automatic else "",
            zone=zone,
        )
    return True


def _erase_contents(user) -> None:
    from buurtwacht.alerts.models import Alert, FollowUp, Strike
    from buurtwacht.reports.counts import fold_strikes

    strikes = Strike.objects.filter(user=user)
    fold_strikes(strikes)
    strikes.delete()
    alerts = Alert.objects.filter(author=user)
    alert_ids = list(alerts.values_list("pk", flat=True))
    alerts.update(
        what="",
        place="",
        description="",
        direction="",
        members_copy={},
        police_only={},
        lon=None,
        lat=None,
        moderation_note="",
    )
    follow_ups = list(FollowUp.objects.filter(author=user).exclude(members_text=""))
    _remove_sent_copies(alert_ids, follow_ups)
    FollowUp.objects.filter(author=user).update(text="", members_text="", moderation_note="")


def _removed_payload(payload: dict) -> dict:
    result = {}
    for lang in payload:
        with translation.override(lang):
            note = _("This message was removed: its author's data was erased.")
        result[lang] = {"subject": note, "text": note, "html": f"<p>{note}</p>"}
    return result


def _remove_sent_copies(alert_ids: list[int], follow_ups: list) -> None:
    """The rendered copies in the outbox and the live feed carry the text too."""
    from buurtwacht.delivery.live.models import LiveEvent
    from buurtwacht.delivery.models import OutboundMessage

    mine = OutboundMessage.objects.filter(ref_id__in=alert_ids).exclude(
        kind__in=["police_message", "notice", "test"]
    )
    messages = list(mine)
    for follow_up in follow_ups:
        for message in OutboundMessage.objects.filter(kind="follow_up", ref_id=follow_up.alert_id):
            if any(
                follow_up.members_text in str(p.get("text", "")) for p in message.payload.values()
            ):
                messages.append(message)
    for message in messages:
        message.payload = _removed_payload(message.payload)
        message.save(update_fields=["payload"])
        content = {
            lang: {"subject": p["subject"], "text": p["text"]}
            for lang, p in message.payload.items()
        }
        for event in LiveEvent.objects.filter(message_id=message.pk):
            event.data = {**event.data, "content": content}
            event.save(update_fields=["data"])


def _police_replies(user) -> list[dict]:
    from buurtwacht.police.models import PoliceReply

    return [
        {"group": r.group_id, "text": r.text, "channel": r.channel, "at": _iso(r.created_at)}
        for r in PoliceReply.objects.filter(author=user).order_by("created_at")
    ]


def _whatsapp(user) -> dict:
    """What the WhatsApp channel keeps of the member (their number is the profile's phone)."""
    from buurtwacht.delivery.whatsapp.models import Contact

    contact = Contact.objects.filter(user=user).first()
    if contact is None:
        return {}
    return {
        "business_scoped_user_id": contact.bsuid,
        "last_message_to_the_hub_at": _iso(contact.last_inbound_at),
    }


def _erase_chat_state(user) -> None:
    """Replies to the police lose their text; the WhatsApp identity (BSUID) and any open chat
    conversation go."""
    from buurtwacht.conversation.models import Conversation
    from buurtwacht.delivery.whatsapp.models import Contact
    from buurtwacht.police.models import PoliceReply

    PoliceReply.objects.filter(author=user).update(text="")
    Contact.objects.filter(user=user).delete()
    Conversation.objects.filter(user=user).delete()


def _erase_delivery_state(user) -> None:
    from buurtwacht.delivery.models import ChannelPreference, Delivery, DeliveryAttempt

    _erase_chat_state(user)
    ChannelPreference.objects.filter(user=user).delete()
    Delivery.objects.filter(recipient=user, status__in=OPEN_DELIVERY_STATUSES).delete()
    # A refusal by a mail server may quote the address: errors go, the sent/dead state stays.
    Delivery.objects.filter(recipient=user).exclude(last_error="").update(last_error="")
    DeliveryAttempt.objects.filter(delivery__recipient=user).exclude(error="").update(error="")


def _end_memberships(user) -> None:
    from buurtwacht.organisation.models import Membership

    for membership in user.memberships.exclude(status=Membership.Status.REMOVED):
        membership.status = Membership.Status.REMOVED
        membership.save(update_fields=["status"])


def _erase_logins(user, old_username: str) -> None:
    """Login throttling and the admin's history name the person by username."""
    from axes.models import AccessAttempt, AccessFailureLog, AccessLog
    from django.contrib.admin.models import LogEntry
    from django.contrib.contenttypes.models import ContentType

    for model in (AccessAttempt, AccessFailureLog, AccessLog):
        model.objects.filter(username=old_username).delete()
    LogEntry.objects.filter(
        content_type=ContentType.objects.get_for_model(user), object_id=str(user.pk)
    ).update(object_repr="", change_message="")


def _anonymise_account(user) -> None:
    user.username = f"former-{secrets.token_hex(8)}"
    user.first_name = user.last_name = user.email = ""
    user.birth_date = None
    user.set_phone("")
    user.set_contact_email("")
    user.set_unusable_password()
    user.is_active = user.is_staff = user.is_superuser = False
    user.save()
    user.staff_roles.all().delete()
