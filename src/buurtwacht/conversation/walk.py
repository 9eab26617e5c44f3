"""The SAAR questions of the draft alert: which one is next, how it is asked, how answered.

The draft is a plain dict (it lives in Conversation.data); a key that is absent or None is
still to be asked. `next_step` asks only what is missing, so an alert typed in one go, a
"change" from the summary and a step-by-step walk all run through the same questions.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from buurtwacht.alerts.models import Category

from .extract import split_what
from .parse import CANCEL, NO, NOT_YET, UNKNOWN, is_in, match_option, norm, parse_time
from .replies import Reply, cut

TEXT_MAX, PLACE_MAX = 1500, 200
SUMMARY_FIELD_MAX = 250  # the summary shows long texts shortened, so it fits one message


@dataclass
class Ctx:
    """What every step needs to know about this turn."""

    user: object
    group: object
    protocol: object
    at: datetime


class Again(Exception):
    """The answer does not fit the question: say why, ask the same question, change nothing."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


def next_step(draft: dict, protocol) -> str:
    numbers = protocol.numbers
    if draft.get("emergency") is None:
        return "emergency"
    if draft["emergency"] and draft.get("called_number") != numbers.emergency:
        return "call_112"
    if not draft.get("called_number") or not draft.get("called_at"):
        return "called_time" if draft.get("_ask_time") else "called"
    if not draft.get("category"):
        return "category"
    if not draft.get("where"):
        return "where"
    if not draft.get("what"):
        return "what"
    required = protocol.categories[draft["category"]].required_fields
    if "description" in required and not draft.get("description"):
        return "description"
    if draft.get("direction") is None:
        return "direction"
    return "summary"


def _call_first(protocol) -> str:
    n = protocol.numbers
    return _(
        "Call the police first: %(police)s (or your zone: %(zone)s). If %(police)s "
        "is busy, stay on the line. Then tell us when you called."
    ) % {"police": n.police, "zone": n.zone or n.police}


def _call_112(protocol) -> str:
    return _(
        "Call %(n)s now. Someone may be in danger or it is happening now: the "
        "police come first. Confirm here once you have called %(n)s."
    ) % {"n": protocol.numbers.emergency}


def category_label(name: str) -> str:
    return str(Category(name).label)


def ask(step: str, draft: dict, ctx: Ctx) -> Reply:
    """The question for a draft step, in the active language."""
    n = ctx.protocol.numbers
    if step == "emergency":
        return Reply(
            _("Is someone in danger, or is it happening right now?"),
            [("emergency:yes", _("Yes")), ("emergency:no", _("No"))],
        )
    if step == "call_112":
        return Reply(
            _call_112(ctx.protocol), [("112:called", _("I called %(n)s") % {"n": n.emergency})]
        )
    if step == "called":
        question = (
            _("Did you call the police (%(police)s or your zone, %(zone)s)? When?")
            if n.zone
            else _("Did you call the police (%(police)s)? When?")
        )
        return Reply(
            question % {"police": n.police, "zone": n.zone}
            + "\n"
            + _("Not called yet? Call first, then answer here."),
            [
                ("called:now", _("Just now")),
                ("called:recent", _("5-15 min ago")),
                ("called:other", _("Other time")),
            ],
        )
    if step == "called_time":
        return Reply(_("At what time did you call? For example 22:14."))
    if step == "category":
        return Reply(
            _("What kind of incident?"),
            [(f"category:{c}", category_label(c)) for c in ctx.protocol.categories],
            kind="list",
            list_button=pgettext("list button", "Choose"),
        )
    if step == "where":
        if draft.get("lon") is not None:
            return Reply(
                _(
                    "Location received. Near which street or landmark is it? Members see "
                    "that text, not your exact location."
                )
            )
        return Reply(_("Where is it? Type the street, corner or landmark, or share your location."))
    if step == "what":
        return Reply(
            _(
                "What did you see? Describe persons or vehicles too (height, clothing, "
                "age, hair, build)."
            )
        )
    if step == "description":
        return Reply(_("Description of persons or vehicles (height, clothing, age, hair, build)"))
    if step == "direction":
        return Reply(_("Which way did they go?"), [("direction:unknown", _("Don't know"))])
    raise ValueError(f"no question for step {step!r}")


def chosen(event, options) -> str | None:
    """The option id the member tapped or typed (number, title), if it is one of ours."""
    if event.kind == "choice":
        ids = [oid for oid, _ in options]
        return event.choice_id if event.choice_id in ids else None
    if event.kind == "text":
        return match_option(event.text, options)
    return None


def _text(event, *, limit: int = TEXT_MAX) -> str:
    text = event.text.strip() if event.kind == "text" else ""
    if not text:
        raise Again(_("Please answer in a few words."))
    if len(text) > limit:
        raise Again(_("Please keep it shorter: at most %(n)s characters.") % {"n": limit})
    return text


def answer(step: str, event, draft: dict, options, ctx: Ctx) -> str:
    """Apply an answer to the draft (only when it fits); return a note for the next reply."""
    choice = chosen(event, options)
    numbers = ctx.protocol.numbers
    if step == "emergency":
        if choice not in ("emergency:yes", "emergency:no"):
            raise Again(_("Please answer yes or no."))
        draft["emergency"] = choice == "emergency:yes"
        if not draft["emergency"] and draft.get("called_number") == numbers.emergency:
            draft["called_number"] = ""  # a 112 guess from the text no longer applies
        return ""
    if step == "call_112":
        typed = event.kind == "text" and norm(event.text) == numbers.emergency
        if choice != "112:called" and not typed:
            raise Again(_call_112(ctx.protocol))
        draft["called_number"], draft["called_at"] = numbers.emergency, ctx.at.isoformat()
        return _("Thank you.")
    if step == "called":
        return _answer_called(choice, event, draft, ctx)
    if step == "called_time":
        when = parse_time(_text(event), at=ctx.at)
        if when is None:
            raise Again(_("I could not read that time. Type it like 22:14."))
        _set_call(draft, ctx, when)
        return ""
    if step == "category":
        if not choice or not choice.startswith("category:"):
            raise Again(_("Please choose one of the categories in the list."))
        draft["category"] = choice.removeprefix("category:")
        return ""
    if step == "where":
        draft["where"] = _text(event, limit=PLACE_MAX)
        return ""
    if step == "what":
        what, description = split_what(_text(event))
        draft["what"] = what
        if description and not draft.get("description"):
            draft["description"] = description
        return ""
    if step == "description":
        draft["description"] = _text(event)
        return ""
    if step == "direction":
        if choice == "direction:unknown" or (event.kind == "text" and is_in(event.text, UNKNOWN)):
            draft["direction"] = _("unknown")
        else:
            draft["direction"] = _text(event, limit=PLACE_MAX)
        return ""
    raise ValueError(f"no answer for step {step!r}")


def _answer_called(choice, event, draft, ctx) -> str | None:
    if choice == "called:now":
        _set_call(draft, ctx, ctx.at)
    elif choice == "called:recent":
        _set_call(draft, ctx, ctx.at - timedelta(minutes=10))
    elif choice == "called:other":
        draft["_ask_time"] = True
    elif event.kind == "text" and (is_in(event.text, NO | NOT_YET) or is_in(event.text, CANCEL)):
        raise Again(_call_first(ctx.protocol))
    else:
        when = parse_time(event.text, at=ctx.at) if event.kind == "text" else None
        if when is None:
            raise Again(
                _call_first(ctx.protocol)
                + "\n"
                + _("Tap a button or type the time of your call, for example 22:14.")
            )
        _set_call(draft, ctx, when)
    return ""


def _set_call(draft: dict, ctx: Ctx, when: datetime) -> None:
    draft["called_number"] = draft.get("called_number") or ctx.protocol.numbers.police
    draft["called_at"] = when.isoformat()
    draft.pop("_ask_time", None)


def summary_lines(draft: dict) -> list[str]:
    """The draft as the member will check it, in the active language."""
    called = datetime.fromisoformat(draft["called_at"])
    lines = [
        f"{_('Category')}: {category_label(draft['category'])}",
        _("%(number)s called at %(time)s")
        % {"number": draft["called_number"], "time": timezone.localtime(called).strftime("%H:%M")},
        f"{_('What')}: {cut(draft['what'], SUMMARY_FIELD_MAX)}",
        f"{_('Where')}: {draft['where']}",
    ]
    if draft.get("description"):
        lines.append(f"{_('Description')}: {cut(draft['description'], SUMMARY_FIELD_MAX)}")
    if draft.get("direction"):
        lines.append(f"{_('Direction')}: {draft['direction']}")
    return lines
