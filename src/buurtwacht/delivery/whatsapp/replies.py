"""Between a WhatsApp message and the conversation: what the member said, what we answer.

The conversation (buurtwacht.conversation) is channel-agnostic; here its Reply objects become
validated WhatsApp payloads (buttons, lists, text) and WhatsApp's message types become its
Events. A reply under one of our messages (the reply context) is looked up by the message's
wamid on our delivery rows: under an alert it is a follow-up, under a police message or a
request for information it goes to the police only.
"""

import logging
import time

from django.utils.translation import gettext as _

from buurtwacht.delivery.models import Delivery
from buurtwacht.screening import screen

from .channel import pair_wait
from .client import ApiError, PayloadError, buttons_message, list_message, text_message

logger = logging.getLogger(__name__)
ALERT_KINDS = ("alert", "follow_up", "closed", "acknowledgement")
POLICE_KINDS = ("police_message", "broadcast")
SEND_TRIES = 3


def text_of(message: dict) -> str:
    kind = message.get("type")
    if kind == "text":
        return (message.get("text") or {}).get("body", "")
    if kind == "image":
        return (message.get("image") or {}).get("caption", "")
    if kind == "button":
        return (message.get("button") or {}).get("text", "")
    return ""


def _choice(message: dict) -> str:
    interactive = message.get("interactive") or {}
    picked = interactive.get("button_reply") or interactive.get("list_reply") or {}
    if picked:
        return picked.get("id", "")
    return (message.get("button") or {}).get("payload", "")


def replied_to(message: dict) -> Delivery | None:
    """Our delivery the member answered (WhatsApp reply context), if any."""
    context_id = (message.get("context") or {}).get("id")
    if not context_id:
        return None
    return (
        Delivery.objects.select_related("message")
        .filter(channel="whatsapp", provider_id=context_id)
        .first()
    )


def answer(*, user, group, message: dict) -> list:
    """The conversation's replies to one inbound message (in the member's language). The
    import is late on purpose: the conversation sits above delivery (it ends in the alert
    flow, which uses the outbox), and this transport is the one place that calls up."""
    from buurtwacht.conversation.engine import Event, Reply, handle

    kind = message.get("type")
    context = replied_to(message)
    if context is not None and context.message.kind in POLICE_KINDS:
        return [Reply(text=_to_police(context, user, text_of(message)))]
    reply_to = context.message.ref_id if context and context.message.kind in ALERT_KINDS else None
    if kind in ("interactive", "button") and _choice(message):
        event = Event(kind="choice", choice_id=_choice(message), reply_to_alert_id=reply_to)
    elif kind == "location":
        loc = message.get("location") or {}
        event = Event(kind="location", lat=loc.get("latitude"), lon=loc.get("longitude"))
    elif kind == "image":
        event = Event(kind="image", text=text_of(message), reply_to_alert_id=reply_to)
    else:
        event = Event(kind="text", text=text_of(message), reply_to_alert_id=reply_to)
    return handle(user=user, group=group, channel="whatsapp", event=event)


def _to_police(context: Delivery, user, text: str) -> str:
    """A reply under a police message goes to the police only (police.messages)."""
    from buurtwacht.police.messages import ReplyRefused, reply_to_police

    try:
        reply_to_police(outbound_message_id=context.message_id, user=user, text=text,
                        channel="whatsapp")  # fmt: skip
    except ReplyRefused as exc:
        return exc.message
    return _("Your answer went to the police only; the group does not see it.")


def payload_of(reply) -> dict:
    """A conversation Reply as a WhatsApp message (validated against the documented limits)."""
    if reply.kind == "buttons" and reply.options:
        return buttons_message(reply.text, list(reply.options))
    if reply.kind == "list" and reply.options:
        return list_message(reply.text, reply.list_button or _("Choose"), list(reply.options))
    return text_message(reply.text)


def send(client, recipient, replies: list) -> None:
    """Send each reply, retrying briefly what the API asks to retry; never raises."""
    for reply in replies:
        try:
            payload = payload_of(reply)
        except PayloadError as exc:
            logger.error("whatsapp: reply refused before sending: %s", exc)
            payload = text_message(reply.as_text()[:4096])
        for attempt in range(SEND_TRIES):
            _wait_for_pair_slot(recipient.key)
            try:
                client.send(recipient, payload)
                break
            except ApiError as exc:
                if exc.action != "retry" or attempt == SEND_TRIES - 1:
                    logger.error("whatsapp: reply not sent: %s", exc)
                    break
                time.sleep(0.5 * (attempt + 1))


def _wait_for_pair_slot(key: str) -> None:
    """A conversation answers one message with one reply, so a wait here is short (the
    member rarely answers within the pair interval); it keeps us clear of 131056."""
    while (wait := pair_wait(key)) > 0:
        time.sleep(wait)


class _Text:
    """A plain reply of our own (for senders the conversation does not handle)."""

    kind, options, list_button = "text", (), ""

    def __init__(self, text: str):
        self.text = text

    def as_text(self) -> str:
        return self.text


def how_to_join(text: str):
    """One polite message, in the language the stranger wrote in, on how to join."""
    from django.utils import translation

    with translation.override(screen(text).lang if text.strip() else "nl"):
        return _Text(
            _(
                "Hello! This is the number of a neighbourhood alert group (Buurtwacht). "
                "Only members can post here. To join, ask the coordinator of your "
                "neighbourhood for an invitation. In an emergency call 112, otherwise 101."
            )
        )


def linked():
    return _Text(_("Your WhatsApp is now linked to your Buurtwacht account."))


def no_group():
    return _Text(_("You are not a member of a live group on this number."))
