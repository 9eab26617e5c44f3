"""A member's phone on the stand-in: what it received (`inbox`) and what it sends back.

A Phone is only a view on the stand-in plus its inbound calls: the inbox is the list of
messages the stand-in accepted for this person (by wa_id or BSUID, the same person either
way), minus the ones that never arrive (a silent limit broken, not on WhatsApp, window
closed in async mode). Sending from the phone opens the 24-hour window, as on WhatsApp.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field


@dataclass
class InboxMessage:
    """One message as the phone shows it."""

    id: str
    type: str  # the payload's type: text, interactive, template, location, reaction, image
    text: str  # text body, interactive body, or the template's body parameters joined
    payload: dict
    interactive: str | None = None  # "button" or "list"
    buttons: list[tuple[str, str]] = field(
        default_factory=list
    )  # (id, title); templates: (payload, title)
    rows: list[tuple[str, str, str | None]] = field(
        default_factory=list
    )  # (id, title, description)
    header: str | None = None
    footer: str | None = None
    context_id: str | None = None  # the message this one replies to

    @property
    def choices(self) -> list[tuple[str, str]]:
        """What can be tapped, in display order: buttons, or list rows."""
        return self.buttons or [(row_id, title) for row_id, title, _ in self.rows]

    @classmethod
    def from_payload(cls, message_id: str, payload: dict, templates: dict) -> InboxMessage:
        kind = payload.get("type", "text")
        content = payload.get(kind) or {}
        msg = cls(
            message_id,
            kind,
            "",
            payload,
            context_id=(payload.get("context") or {}).get("message_id"),
        )
        if kind == "text":
            msg.text = content["body"]
        elif kind == "interactive":
            msg.interactive = content["type"]
            msg.text = content["body"]["text"]
            msg.header = (content.get("header") or {}).get("text")
            msg.footer = (content.get("footer") or {}).get("text")
            action = content["action"]
            msg.buttons = [
                (b["reply"]["id"], b["reply"]["title"]) for b in action.get("buttons", [])
            ]
            msg.rows = [
                (r["id"], r["title"], r.get("description"))
                for s in action.get("sections", [])
                for r in s["rows"]
            ]
        elif kind == "template":
            msg.text, msg.buttons = _template_view(content, templates)
        elif kind == "location":
            msg.text = content.get("name") or f"{content['latitude']}, {content['longitude']}"
        elif kind == "reaction":
            msg.text = content.get("emoji", "")
        elif kind == "image":
            msg.text = content.get("caption", "")
        return msg


def _template_view(content: dict, templates: dict) -> tuple[str, list[tuple[str, str]]]:
    params, buttons = [], []
    titles = templates.get(content["name"], {}).get("buttons", [])
    for comp in content.get("components", []):
        if comp["type"] == "body":
            params += [p["text"] for p in comp.get("parameters", [])]
        elif comp["type"] == "button" and comp.get("sub_type") == "quick_reply":
            index = int(comp.get("index", len(buttons)))
            for p in comp.get("parameters", []):
                payload = p.get("payload", "")
                buttons.append((payload, titles[index] if index < len(titles) else payload))
    return " | ".join(params), buttons


class Phone:
    """A member's phone: `Phone(standin, wa_id="32470000001")` or `Phone(standin, wa_id=None,
    user_id="BE.1502576394655843")` for a username user who hides the number."""

    def __init__(
        self,
        standin,
        wa_id: str | None = "32470123456",
        user_id: str | None = None,
        name: str = "Jan",
        username: str | None = None,
    ):
        if not (wa_id or user_id):
            raise ValueError("a phone needs a wa_id or a user_id (BSUID)")
        self.standin, self.wa_id, self.user_id = standin, wa_id, user_id
        self.name, self.username = name, username
        self._read: set[str] = set()
        self.bsuid = standin._person(wa_id, user_id).bsuid  # one person, both identifiers

    def _who(self, context_id: str | None = None) -> dict:
        return {
            "wa_id": self.wa_id,
            "user_id": self.user_id,
            "name": self.name,
            "username": self.username,
            "context_id": context_id,
        }

    @property
    def inbox(self) -> list[InboxMessage]:
        """What arrived on this phone, oldest first."""
        return [
            InboxMessage.from_payload(m.id, m.payload, self.standin.templates)
            for m in self.standin.messages_to(self.bsuid)
            if not (m.lost or m.failed)
        ]

    def wait_for(self, count: int, timeout: float = 5.0) -> list[InboxMessage]:
        """Wait until the inbox holds at least `count` messages; return the inbox."""
        deadline = time.monotonic() + timeout
        while len(inbox := self.inbox) < count:
            if time.monotonic() > deadline:
                got = [f"{m.type}: {m.text[:60]!r}" for m in inbox]
                raise TimeoutError(
                    f"{self.wa_id or self.user_id}: {len(got)} of {count} "
                    f"messages after {timeout} s: {got}"
                )
            time.sleep(0.01)
        return inbox

    def send(self, text: str):
        return self.standin.send_text(text, **self._who())

    def reply_to(self, message_id: str, text: str):
        return self.standin.send_text(text, **self._who(message_id))

    def share_location(self, lat: float, lon: float, name: str | None = None):
        who = self._who()
        return self.standin.send_location(lat, lon, name, profile_name=who.pop("name"), **who)

    def send_image(self, caption: str | None = None):
        return self.standin.send_image(caption, **self._who())

    def last_interactive(self) -> InboxMessage:
        for msg in reversed(self.inbox):
            if msg.choices:
                return msg
        raise LookupError(f"{self.wa_id or self.user_id} received no message with buttons")

    def tap(self, choice: str | int):
        """Tap a button or list row of the LAST interactive message: by id, title, or 1-based
        number."""
        msg = self.last_interactive()
        options = msg.choices
        if isinstance(choice, int):
            if not 1 <= choice <= len(options):
                raise ValueError(f"no choice {choice}: the message has {len(options)}")
            picked = options[choice - 1]
        else:
            exact = [o for o in options if choice in o]
            loose = [o for o in options if o[1].casefold() == choice.casefold()]
            if not (exact or loose):
                raise ValueError(f"no button or row {choice!r} in the last message: {options}")
            picked = (exact or loose)[0]
        who = self._who(msg.id)
        if msg.type == "template":
            return self.standin.send_template_button(picked[0], picked[1], **who)
        if msg.interactive == "list":
            description = next(r[2] for r in msg.rows if r[0] == picked[0])
            return self.standin.send_list_reply(picked[0], picked[1], description, **who)
        return self.standin.send_button_reply(picked[0], picked[1], **who)

    def read(self) -> list[str]:
        """Read everything that arrived: queue a `read` status for each unread message."""
        unread = [m.id for m in self.inbox if m.id not in self._read]
        for message_id in unread:
            self._read.add(message_id)
            self.standin.send_statuses(message_id, ["read"])
        return unread
