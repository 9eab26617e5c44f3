"""Police messages ("politiebericht") to one group, and the replies that go to the police only.

A police message is its own type: sent by the group's police contact, marked as a police
message in every language, with no replies in the group. A member who wants to answer uses
`reply_to_police` (the web page does, and so do the chat channels): the reply is stored as a
PoliceReply, which only the police read. Requests for information (broadcasts) take replies
the same way.
"""

from django.conf import settings
from django.db import transaction
from django.db.models import QuerySet
from django.urls import reverse
from django.utils.translation import gettext as _

from buurtwacht.alerts.rules import Refused
from buurtwacht.delivery.models import OutboundMessage
from buurtwacht.delivery.outbox import publish
from buurtwacht.organisation import roles
from buurtwacht.organisation.models import Group, Membership

from .console import ConsoleRefused
from .models import Broadcast, PoliceMessage, PoliceReply
from .rendering import render

TITLE_MAX, TEXT_MAX, REPLY_MAX = 120, 4000, 2000


class ReplyRefused(Refused):
    """A reply to the police that cannot be stored; the message is in the member's language."""


def reply_url(message: OutboundMessage) -> str:
    """Absolute, since it travels in e-mails and chat messages (settings.PUBLIC_BASE_URL)."""
    return settings.PUBLIC_BASE_URL.rstrip("/") + reverse("police:reply", args=[message.pk])


def check_text(title: str, text: str) -> tuple[str, str]:
    title, text = (title or "").strip(), (text or "").strip()
    if not title or not text:
        raise ConsoleRefused(_("Please give a title and a text."), code="missing_fields")
    if len(title) > TITLE_MAX or len(text) > TEXT_MAX:
        raise ConsoleRefused(
            _("The title may have %(t)s characters and the text %(n)s at most.")
            % {"t": TITLE_MAX, "n": TEXT_MAX},
            code="too_long",
        )
    return title, text


def send_police_message(group: Group, *, by, title: str, text: str) -> PoliceMessage:
    """Send a politiebericht to the group through the outbox (every channel, live feed)."""
    if not roles.is_police_for(by, group):
        raise ConsoleRefused(
            _("Only the police contact of this group can send a police message."),
            code="police_only",
            status=403,
        )
    title, text = check_text(title, text)
    if not group.may_send:
        raise ConsoleRefused(
            _("This group is not live, so it cannot receive messages now."), code="not_live"
        )
    with transaction.atomic():
        item = PoliceMessage.objects.create(group=group, sender=by, title=title, text=text)
        message = OutboundMessage.objects.create(
            group=group, kind=OutboundMessage.Kind.POLICE_MESSAGE, ref_id=item.pk, payload={}
        )
        message.payload = render(
            "police_message",
            {"item": item, "zone": group.zone, "group": group},
            kind="police_message",
            reply_url=reply_url(message),
        )
        message.save(update_fields=["payload"])
        publish(message)
        item.message = message
        item.save(update_fields=["message"])
    return item


def replyable(message: OutboundMessage) -> bool:
    """Police messages and requests for information take replies (to the police only)."""
    if message.kind == OutboundMessage.Kind.POLICE_MESSAGE:
        return True
    if message.kind == OutboundMessage.Kind.BROADCAST:
        return Broadcast.objects.filter(
            pk=message.ref_id, kind=Broadcast.Kind.REQUEST_FOR_INFORMATION
        ).exists()
    return False


def message_for_member(user, outbound_message_id: int) -> OutboundMessage:
    """The police message a member may answer, or ReplyRefused (one answer for all cases)."""
    message = OutboundMessage.objects.select_related("group").filter(pk=outbound_message_id).first()
    if (
        message is None
        or not replyable(message)
        or not Membership.objects.filter(
            group=message.group, user=user, status__in=roles.READING_STATUSES
        ).exists()
    ):
        raise ReplyRefused(
            _("You can only answer police messages of a group you are a member of."),
            code="not_member",
        )
    return message


def reply_to_police(*, outbound_message_id: int, user, text: str, channel: str) -> PoliceReply:
    """Store a member's answer to a police message or request for information; only the
    police read it. Raises ReplyRefused (an alerts.rules.Refused) with a translated message."""
    message = message_for_member(user, outbound_message_id)
    text = (text or "").strip()
    if not text:
        raise ReplyRefused(_("Please write your answer to the police."), code="missing_fields")
    if len(text) > REPLY_MAX:
        raise ReplyRefused(
            _("Your answer may have %(n)s characters at most.") % {"n": REPLY_MAX},
            code="too_long",
        )
    return PoliceReply.objects.create(
        message=message, group=message.group, author=user, text=text, channel=channel[:20]
    )


def may_read_reply(user, reply: PoliceReply) -> bool:
    """The police of the group, and the sender of the broadcast it answers. Not the group."""
    if roles.is_police_for(user, reply.group):
        return True
    if reply.message.kind == OutboundMessage.Kind.BROADCAST:
        return Broadcast.objects.filter(pk=reply.message.ref_id, sender=user).exists()
    return False


def replies_to(message: OutboundMessage) -> QuerySet:
    return PoliceReply.objects.filter(message=message).select_related("author")


def audit_read(user, reply: PoliceReply) -> None:
    """A member's words read by staff: one audit row per reply read."""
    from .audit_log import record

    record(actor=user, action="read_police_reply", subject=reply, detail=f"group {reply.group_id}")
