"""The conversation engine: one inbound message in, the replies out, the state in the database.

    from buurtwacht.conversation.engine import Event, Reply, handle
    replies = handle(user=member, group=group, channel="whatsapp", event=Event("text", text="..."))

A turn runs in the member's language, inside one transaction with the conversation row
locked, so two workers handling two messages of the same member take turns and a restart
continues where the last turn left off. Bad input never raises: it gets a clear answer and
changes nothing. See docs/conversation.md.
"""

from __future__ import annotations

import logging
from datetime import datetime, timedelta

from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from buurtwacht.alerts.models import Alert, Status
from buurtwacht.alerts.rules import Refused, posting_membership, protocol_of

from . import finish, walk
from .extract import from_free_text
from .models import DROPPED, Conversation
from .parse import CANCEL, CLOSE, START, is_in
from .replies import EVENT_KINDS, Event, Reply, merge
from .walk import Again, Ctx

__all__ = ["Event", "Reply", "handle", "purge_expired"]

log = logging.getLogger(__name__)
DROPPED_MARKER_HOURS = 24  # how long "your draft was dropped" waits for the member's next message


def handle(*, user, group, channel: str, event: Event) -> list[Reply]:
    """Answer one inbound message of a member of `group` on `channel`."""
    at = event.at or timezone.now()
    if timezone.is_naive(at):
        at = timezone.make_aware(at)
    with translation.override(user.language or "nl"):
        try:
            with transaction.atomic():
                return _Turn(user, group, channel, event, at).run()
        except Exception:  # a reply is still owed; the transaction rolled back
            log.exception("conversation turn failed (user %s, group %s)", user.pk, group.pk)
            return [
                Reply(_("Sorry, something went wrong here. Nothing was changed; please try again."))
            ]


def purge_expired(now: datetime | None = None) -> int:
    """The retention job: drop idle drafts (keeping a marker so the member hears of it at
    their next message), and delete markers that waited long enough. Returns rows touched."""
    now = now or timezone.now()
    expired = Conversation.objects.filter(expires_at__lte=now)
    deleted, _ = expired.filter(step__in=["", DROPPED]).delete()
    dropped = expired.exclude(step__in=["", DROPPED]).update(
        step=DROPPED, data={}, expires_at=now + timedelta(hours=DROPPED_MARKER_HOURS)
    )
    return deleted + dropped


class _Turn:
    """One message: load the state, decide, answer, store the state."""

    def __init__(self, user, group, channel, event, at):
        self.event, self.at = event, at
        self.protocol = protocol_of(group)
        self.ctx = Ctx(user=user, group=group, protocol=self.protocol, at=at)
        Conversation.objects.get_or_create(
            user=user, group=group, channel=channel, defaults={"updated_at": at, "expires_at": at}
        )
        self.conv = Conversation.objects.select_for_update().get(
            user=user, group=group, channel=channel
        )
        self.data = dict(self.conv.data)
        self.notes: list[str] = []

    # -- state ---------------------------------------------------------------------------

    @property
    def step(self) -> str:
        return self.conv.step

    @property
    def draft(self) -> dict:
        return self.data.setdefault("draft", {})

    def _save(self, step: str, replies: list[Reply]) -> list[Reply]:
        self.conv.step = step
        if not step:
            self.conv.delete()
            return replies
        asked = [r for r in replies if r.options]
        self.data["options"] = [list(o) for o in asked[-1].options] if asked else []
        self.conv.data = self.data
        self.conv.updated_at = self.at
        minutes = self.protocol.conversation_idle_minutes
        self.conv.expires_at = self.at + timedelta(minutes=minutes)
        self.conv.save()
        return replies

    def _options(self) -> list[tuple[str, str]]:
        return [tuple(o) for o in self.data.get("options", [])]

    # -- the turn --------------------------------------------------------------------------

    def run(self) -> list[Reply]:
        ev = self.event
        if self.conv.step == DROPPED or (self.conv.is_open and self.conv.expires_at <= self.at):
            self.notes.append(
                _(
                    "Your earlier draft alert was dropped after %(n)s minutes without an "
                    "answer; nothing was sent."
                )
                % {"n": self.protocol.conversation_idle_minutes}
            )
            self.conv.step, self.data = "", {}
        problem = self._bad_event()
        if problem:
            if self.conv.is_open:
                return self._again(problem)
            return self._save("", [merge(self.notes, Reply(problem))])
        if (ev.kind == "text" and is_in(ev.text, CANCEL)) or ev.choice_id == "summary:cancel":
            return self._cancel()
        if ev.kind == "choice" and ev.choice_id.startswith("close:"):
            return self._start_close(ev.choice_id.removeprefix("close:"))
        if ev.reply_to_alert_id and ev.kind != "choice":
            return self._under_alert(ev.reply_to_alert_id)
        if self.conv.is_open:
            return self._answer()
        if ev.kind == "text" and is_in(ev.text, CLOSE):
            return self._close_own_latest()
        return self._start()

    def _bad_event(self) -> str:
        ev = self.event
        if ev.kind not in EVENT_KINDS or not isinstance(ev.text, str):
            return _("I can read text, buttons, lists and shared locations.")
        if ev.kind == "location":
            try:
                float(ev.lat), float(ev.lon)
            except (TypeError, ValueError):
                return _("That location could not be read. Type the street instead.")
        if ev.kind == "choice" and not ev.choice_id:
            return _("I can read text, buttons, lists and shared locations.")
        return ""

    def _ask(self, step: str) -> Reply:
        if step == "summary":
            return finish.ask_summary(self.draft)
        if step == "change":
            return finish.ask_change()
        return walk.ask(step, self.draft, self.ctx)

    def _continue(self, note: str = "") -> list[Reply]:
        """Ask what is still missing (the summary when nothing is), with the notes above it."""
        step = walk.next_step(self.draft, self.protocol)
        return self._save(step, [merge([*self.notes, note], self._ask(step))])

    def _again(self, message: str) -> list[Reply]:
        """The same question again, nothing changed, with why above it."""
        if self.step in ("offer", "close"):
            return self._save(self.step, [merge([*self.notes, message], self._reask_pending())])
        return self._save(self.step, [merge([*self.notes, message], self._ask(self.step))])

    def _reask_pending(self) -> Reply:
        options = self._options()
        prompt = _("Please choose one of the options.")
        kind = "list" if len(options) > 3 else "buttons"
        return Reply(prompt, options, kind=kind, list_button=_("Outcome") if kind == "list" else "")

    def _cancel(self) -> list[Reply]:
        if not self.conv.is_open:
            return self._save("", [merge(self.notes, Reply(_("There is nothing to cancel.")))])
        return self._save("", [Reply(_("Cancelled. Nothing was sent to the group."))])

    def _start(self) -> list[Reply]:
        try:
            posting_membership(self.ctx.group, self.ctx.user)
        except Refused as exc:
            return self._save("", [merge(self.notes, Reply(exc.message))])
        ev, self.data = self.event, {"draft": {}}
        if ev.kind == "choice":
            self.notes.append(_("That button belongs to an earlier question."))
        if ev.kind == "text" and len(ev.text.split()) >= 3 and not is_in(ev.text, START):
            self.data["draft"] = from_free_text(
                ev.text[: walk.TEXT_MAX],
                lang=translation.get_language(),
                protocol=self.protocol,
                at=self.at,
            )
            self.notes.append(
                _(
                    "Thank you. A few questions before your alert goes to the group "
                    '(send "stop" to cancel).'
                )
            )
        else:
            self.notes.append(
                _(
                    "New alert for %(group)s. Answer a few questions; send "
                    '"stop" to cancel at any time.'
                )
                % {"group": self.ctx.group.name}
            )
        if ev.kind == "location":
            self.notes.append(self._location())
        elif ev.kind == "image":
            self.notes.append(_photo_note())
        return self._continue()

    def _answer(self) -> list[Reply]:
        ev = self.event
        if ev.kind == "image":
            return self._again(_photo_note())
        if ev.kind == "choice" and ev.choice_id not in {o for o, _ in self._options()}:
            return self._again(_("That button belongs to an earlier question."))
        if ev.kind == "location":
            note = self._location()
            if self.step in ("offer", "close", "summary", "change"):
                return self._again(note)
            return self._continue(note)
        step = self.step
        try:
            if step == "summary":
                return self._answer_summary()
            if step == "change":
                return self._answer_change()
            if step == "offer":
                return self._answer_offer()
            if step == "close":
                return self._answer_close()
            note = walk.answer(step, ev, self.draft, self._options(), self.ctx)
        except Again as exc:
            return self._again(exc.message)
        return self._continue(note)

    def _location(self) -> str:
        """A shared location: kept when inside the neighbourhood, refused politely if not."""
        ev, hood = self.event, self.ctx.group.neighbourhood
        lon, lat = float(ev.lon), float(ev.lat)
        if not hood.contains(lon=lon, lat=lat):
            return _(
                "That location lies outside %(hood)s, the area of this group. Only alert "
                "what happens in the neighbourhood; for anything else call the police "
                "(%(police)s)."
            ) % {"hood": hood.name, "police": self.protocol.numbers.police}
        self.draft["lon"], self.draft["lat"] = lon, lat
        if ev.text.strip() and not self.draft.get("where"):
            self.draft["where"] = ev.text.strip()[: walk.PLACE_MAX]
        return ""

    # -- finishing steps -------------------------------------------------------------------

    def _answer_summary(self) -> list[Reply]:
        choice = walk.chosen(self.event, self._options())
        if choice == "summary:send":
            return self._finish(finish.send(self.draft, self.ctx))
        if choice == "summary:change":
            return self._save("change", [finish.ask_change()])
        raise Again(_("Please tap Send, Change or Cancel."))

    def _answer_change(self) -> list[Reply]:
        choice = walk.chosen(self.event, self._options())
        if not choice or not choice.startswith("change:"):
            raise Again(_("Please choose what you want to change."))
        finish.apply_change(choice, self.draft)
        return self._continue()

    def _answer_offer(self) -> list[Reply]:
        choice = walk.chosen(self.event, self._options())
        if choice == "offer:new":
            return self._finish(finish.send(self.draft, self.ctx, force_new=True))
        if choice != "offer:follow_up":
            raise Again(_("Please choose one of the options."))
        alert = Alert.objects.filter(pk=self.data.get("offer"), group=self.ctx.group).first()
        if alert is None:
            return self._save("", [Reply(_("That alert no longer exists."))])
        return self._save(
            "", [finish.follow_up(alert, finish.follow_up_text(self.draft), self.ctx)]
        )

    def _answer_close(self) -> list[Reply]:
        choice = walk.chosen(self.event, self._options())
        if not choice or not choice.startswith("outcome:"):
            raise Again(_("Please choose one of the options."))
        alert = Alert.objects.filter(pk=self.data.get("close"), group=self.ctx.group).first()
        note = (
            finish.close(alert, choice.removeprefix("outcome:"), self.ctx)
            if alert
            else Reply(_("That alert no longer exists."))
        )
        return self._resume(note)

    def _finish(self, result: finish.Result) -> list[Reply]:
        self.data.update(result.data)
        return self._save(result.step, result.replies)

    def _resume(self, reply: Reply) -> list[Reply]:
        """After closing an alert, go back to the draft that was open before, if any."""
        resume = self.data.pop("resume", "")
        self.data.pop("close", None)
        if not resume:
            return self._save("", [reply])
        step = walk.next_step(self.draft, self.protocol)
        return self._save(step, [merge([reply.text], self._ask(step))])

    # -- alerts already sent: follow-ups and closing ---------------------------------------

    def _under_alert(self, alert_id) -> list[Reply]:
        ev = self.event
        alert = Alert.objects.filter(pk=alert_id, group=self.ctx.group).first()
        if alert is None:
            return self._side(Reply(_("That alert is not in this group.")))
        if ev.kind == "text" and is_in(ev.text, CLOSE):
            return self._start_close(alert.pk)
        if ev.kind != "text":
            return self._side(Reply(_photo_note(), ref_alert_id=alert.pk))
        if len(ev.text) > walk.TEXT_MAX:
            return self._side(
                Reply(_("Please keep it shorter: at most %(n)s characters.") % {"n": walk.TEXT_MAX})
            )
        return self._side(finish.follow_up(alert, ev.text, self.ctx))

    def _side(self, reply: Reply) -> list[Reply]:
        """A reply beside the open draft: the draft's question follows in the same message."""
        if not self.conv.is_open:
            return self._save("", [merge(self.notes, reply)])
        if self.step in ("offer", "close"):
            question = self._reask_pending()
        else:
            question = self._ask(self.step)
        return self._save(self.step, [merge([*self.notes, reply.text], question)])

    def _start_close(self, alert_id) -> list[Reply]:
        alert = None
        if str(alert_id).isdigit():
            alert = Alert.objects.filter(pk=int(alert_id), group=self.ctx.group).first()
        if alert is None:
            return self._side(Reply(_("That alert is not in this group.")))
        result = finish.ask_close(alert, self.ctx)
        if not result.step:
            return self._side(result.replies[0])
        if self.conv.is_open and self.step != "close":
            self.data["resume"] = self.step
        self.data.update(result.data)
        return self._save("close", [merge(self.notes, result.replies[0])])

    def _close_own_latest(self) -> list[Reply]:
        alert = (
            Alert.objects.filter(group=self.ctx.group, author=self.ctx.user, status=Status.OPEN)
            .order_by("-created_at")
            .first()
        )
        if alert is None:
            return self._save(
                "", [merge(self.notes, Reply(_("You have no open alert in this group to close.")))]
            )
        return self._start_close(alert.pk)


def _photo_note() -> str:
    return _(
        "Photos are not passed on to members (privacy). If it matters, give it to the "
        "police. Describe what you saw in words instead."
    )
