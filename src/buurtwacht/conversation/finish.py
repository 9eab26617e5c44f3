"""Where a conversation meets the alert flow: send, follow up, close.

Everything goes through the same functions as the web form (`flow.submit_alert`,
`flow.submit_follow_up`, `closing.close_alert`), so screening verdicts, strikes, the
call-first rule and the follow-up offer apply exactly as on the web. This module only turns
their outcome (or their `Refused`) into a reply in the member's language.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from buurtwacht.alerts import closing, flow
from buurtwacht.alerts.models import Alert, Outcome, Status
from buurtwacht.alerts.rules import Refused
from buurtwacht.organisation.actions import NotAllowed

from .replies import Reply
from .walk import Ctx, category_label, summary_lines

#: Refusals after which the member can still fix the draft from the summary.
KEEP_DRAFT = {"missing_fields", "bad_call_time", "call_first", "call_112_first", "bad_category"}
CHANGES = ("call", "category", "where", "what", "description", "direction")
CLEARS = {
    "call": ("emergency", "called_number", "called_at", "_ask_time"),
    "where": ("where", "lon", "lat"),
}


@dataclass
class Result:
    """The replies of a finishing step and what becomes of the conversation."""

    replies: list[Reply]
    step: str = ""  # "" ends the conversation
    data: dict = field(default_factory=dict)  # extra state for `step` (e.g. the offer)


def ask_summary(draft: dict) -> Reply:
    return Reply(
        _("Check your alert before it goes to the group:") + "\n" + "\n".join(summary_lines(draft)),
        [
            ("summary:send", pgettext("button", "Send")),
            ("summary:change", pgettext("button", "Change")),
            ("summary:cancel", pgettext("button", "Cancel")),
        ],
    )


def ask_change() -> Reply:
    labels = {
        "call": _("Emergency and call"),
        "category": _("Category"),
        "where": _("Where"),
        "what": _("What"),
        "description": _("Description"),
        "direction": _("Direction"),
    }
    return Reply(
        _("What do you want to change?"),
        [(f"change:{key}", labels[key]) for key in CHANGES],
        kind="list",
        list_button=pgettext("list button", "Choose"),
    )


def apply_change(choice: str, draft: dict) -> None:
    key = choice.removeprefix("change:")
    for name in CLEARS.get(key, (key,)):
        draft.pop(name, None)


def _alert_draft(draft: dict, *, force_new: bool) -> flow.AlertDraft:
    return flow.AlertDraft(
        category=draft["category"],
        what=draft["what"],
        where=draft["where"],
        description=draft.get("description") or "",
        direction=draft.get("direction") or "",
        lon=draft.get("lon"),
        lat=draft.get("lat"),
        emergency=bool(draft.get("emergency")),
        called_number=draft.get("called_number") or "",
        called_at=datetime.fromisoformat(draft["called_at"]) if draft.get("called_at") else None,
        force_new=force_new,
    )


def send(draft: dict, ctx: Ctx, *, force_new: bool = False) -> Result:
    try:
        alert = flow.submit_alert(
            group=ctx.group, author=ctx.user, draft=_alert_draft(draft, force_new=force_new)
        )
    except Refused as exc:
        if exc.code == "offer_follow_up":
            return Result(
                [
                    Reply(
                        exc.message,
                        [
                            ("offer:follow_up", _("Add as follow-up")),
                            ("offer:new", _("Send anyway")),
                        ],
                        ref_alert_id=exc.extra["alert_id"],
                    )
                ],
                step="offer",
                data={"offer": exc.extra["alert_id"]},
            )
        if exc.code in KEEP_DRAFT:
            summary = ask_summary(draft)
            return Result([Reply(exc.message + "\n\n" + summary.text, summary.options)], "summary")
        return Result([Reply(exc.message)])
    return Result([_sent(alert)])


def _sent(alert: Alert) -> Reply:
    if alert.status == Status.OPEN:
        text = _(
            "Your alert was sent to the group. Stay home and observe; pass new "
            "observations to the police."
        )
        hint = _(
            'Reply to this message to add a new observation, or reply "end" to close '
            "the alert with its outcome."
        )
        return Reply(text + "\n\n" + hint, ref_alert_id=alert.pk)
    reasons = " ".join(r["message"] for r in alert.reasons)
    return Reply(
        _("Your alert is held for the coordinator: %(r)s") % {"r": reasons},
        ref_alert_id=alert.pk,
    )


def follow_up_text(draft: dict) -> str:
    """A draft that became a follow-up: what was seen, with place and direction."""
    parts = [draft.get("what") or "", draft.get("description") or ""]
    if draft.get("where"):
        parts.append(f"{_('Where')}: {draft['where']}")
    if draft.get("direction"):
        parts.append(f"{_('Direction')}: {draft['direction']}")
    return "\n".join(p for p in parts if p)


def follow_up(alert: Alert, text: str, ctx: Ctx) -> Reply:
    try:
        item = flow.submit_follow_up(alert=alert, author=ctx.user, text=text)
    except Refused as exc:
        return Reply(exc.message, ref_alert_id=alert.pk)
    if item.status == Status.PUBLISHED:
        return Reply(_("Your observation was added."), ref_alert_id=alert.pk)
    reasons = " ".join(r["message"] for r in item.reasons)
    return Reply(
        _("Your message is held for the coordinator: %(r)s") % {"r": reasons},
        ref_alert_id=alert.pk,
    )


def outcome_label(value: str) -> str:
    if value == Outcome.POLICE_HANDLED:
        return pgettext("short", "Police handled it")  # the long label is over 24 characters
    return str(Outcome(value).label)


def ask_close(alert: Alert, ctx: Ctx) -> Result:
    """The outcome question for closing one's alert, if this member may close it."""
    if not closing.may_close(ctx.user, alert):
        return Result(
            [Reply(_("Only the sender, a coordinator or the police contact can close this alert."))]
        )
    if alert.status != Status.OPEN:
        return Result([Reply(_("This alert is not open."), ref_alert_id=alert.pk)])
    text = _("Close your alert (%(category)s, %(place)s)? Choose the outcome.") % {
        "category": category_label(alert.category),
        "place": alert.members_copy.get("where") or alert.place,
    }
    options = [(f"outcome:{value}", outcome_label(value)) for value in Outcome.values]
    reply = Reply(text, options, kind="list", list_button=_("Outcome"), ref_alert_id=alert.pk)
    return Result([reply], step="close", data={"close": alert.pk})


def close(alert: Alert, outcome: str, ctx: Ctx) -> Reply:
    try:
        closing.close_alert(alert, by=ctx.user, outcome=outcome)
    except (Refused, NotAllowed) as exc:
        return Reply(str(exc), ref_alert_id=alert.pk)
    return Reply(
        _("The alert is closed.") + f" {_('Outcome')}: {outcome_label(outcome)}.",
        ref_alert_id=alert.pk,
    )
