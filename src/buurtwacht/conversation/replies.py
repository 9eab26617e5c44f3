"""What a transport hands in (Event) and gets back (Reply), with the WhatsApp limits.

The WhatsApp Cloud API accepts some over-long payloads and then never delivers them, so a
Reply checks its shape when it is made: too many options is a programming error (ValueError);
a text that is too long is cut with an ellipsis so the message still arrives. Tests check
that no translated title needs cutting.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

EVENT_KINDS = ("text", "choice", "location", "image")
REPLY_KINDS = ("text", "buttons", "list")
BODY_MAX = 1024
BUTTONS_MAX, BUTTON_TITLE_MAX = 3, 20
LIST_MAX, LIST_TITLE_MAX, LIST_BUTTON_MAX = 10, 24, 20
OPTION_ID_MAX = 200  # WhatsApp allows 256


@dataclass(frozen=True)
class Event:
    """One inbound message: typed text, a tapped button/list row, a shared location, a photo.

    `choice_id` is the id of an option of ours; `reply_to_alert_id` is set when the member
    answered (reply context) a message of ours that carried that alert; `text` on a location
    may carry the place name or address the phone attached to it.
    """

    kind: str
    text: str = ""
    choice_id: str = ""
    lat: float | None = None
    lon: float | None = None
    reply_to_alert_id: int | None = None
    at: datetime | None = None


def cut(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


@dataclass
class Reply:
    """One outbound message: a text, or a question with reply buttons or a list."""

    text: str
    options: list[tuple[str, str]] = field(default_factory=list)
    kind: str = ""
    list_button: str = ""
    ref_alert_id: int | None = None

    def __post_init__(self):
        self.options = [(str(i), str(t)) for i, t in self.options]
        if not self.kind:
            self.kind = (
                "text" if not self.options else "buttons" if len(self.options) <= 3 else "list"
            )
        if self.kind not in REPLY_KINDS:
            raise ValueError(f"unknown reply kind {self.kind!r}")
        if self.kind == "text" and self.options:
            raise ValueError("a text reply has no options")
        if self.kind != "text" and not self.options:
            raise ValueError(f"a {self.kind} reply needs options")
        most, title_max = (
            (BUTTONS_MAX, BUTTON_TITLE_MAX)
            if self.kind == "buttons"
            else (LIST_MAX, LIST_TITLE_MAX)
        )
        if len(self.options) > most:
            raise ValueError(f"{self.kind}: at most {most} options, got {len(self.options)}")
        ids = [i for i, _ in self.options]
        if len(set(ids)) != len(ids) or any(not i or len(i) > OPTION_ID_MAX for i in ids):
            raise ValueError(f"option ids must be unique and 1..{OPTION_ID_MAX} chars: {ids}")
        self.options = [(i, cut(t.strip(), title_max)) for i, t in self.options]
        self.text = cut(self.text.strip(), BODY_MAX)
        if not self.text:
            raise ValueError("a reply needs a text")
        if self.kind == "list":
            self.list_button = cut(self.list_button.strip() or "…", LIST_BUTTON_MAX)

    def limit_violations(self) -> list[str]:
        """What a payload built from this reply would break (empty: fine); for tests."""
        bad = []
        if len(self.text) > BODY_MAX:
            bad.append("body")
        title_max = BUTTON_TITLE_MAX if self.kind == "buttons" else LIST_TITLE_MAX
        bad += [f"title {t!r}" for _, t in self.options if len(t) > title_max or t.endswith("…")]
        if self.kind == "list" and len(self.list_button) > LIST_BUTTON_MAX:
            bad.append("list_button")
        return bad

    def as_text(self) -> str:
        """For text-only channels (SMS): the options as a numbered list to answer with."""
        if not self.options:
            return self.text
        lines = [f"{n}. {title}" for n, (_, title) in enumerate(self.options, start=1)]
        return self.text + "\n\n" + "\n".join(lines)


def merge(notes: list[str], question: Reply) -> Reply:
    """One message per turn: the notes ("Thanks", "expired") go above the next question."""
    notes = [n for n in notes if n]
    if not notes:
        return question
    return Reply(
        "\n\n".join([*notes, question.text]),
        options=question.options,
        kind=question.kind,
        list_button=question.list_button,
        ref_alert_id=question.ref_alert_id,
    )
