"""The SAAR flow: a member's alert and follow-ups, from the police call to the group.

Signaleren and Alarmeren happen before anything is stored: an emergency needs a confirmed
112 call, anything else a 101 (or zone) call with its time. Attenderen is the structured
alert, screened under the group's protocol: allow fans out, hold goes to the coordinator,
block is refused and counts as a strike. Reageren is the reminder every copy carries.
"""

import math
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.db import transaction
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from buurtwacht.organisation.models import Group

from . import publishing, rules, strikes
from .models import Alert, AlertEvent, FollowUp, Status
from .rules import Refused
from .screening_glue import screen_fields


@dataclass
class AlertDraft:
    """What the form or API hands in; nothing of it is stored until every check passed."""

    category: str
    what: str
    where: str
    when: datetime | None = None
    description: str = ""
    direction: str = ""
    lon: float | None = None
    lat: float | None = None
    emergency: bool = False  # "is someone in danger, or is it happening now?"
    called_number: str = ""  # 112, 101 or the zone's number; empty: not called yet
    called_at: datetime | None = None
    force_new: bool = False  # the sender declined the offer to add a follow-up instead


def check_call_first(draft: AlertDraft, protocol, now: datetime) -> None:
    """Alarmeren: the police are called before the group is told."""
    numbers = protocol.numbers
    if draft.emergency and draft.called_number != numbers.emergency:
        raise Refused(
            _(
                "Call %(n)s now. Someone may be in danger or it is happening now: the "
                "police come first. Confirm here once you have called %(n)s."
            )
            % {"n": numbers.emergency},
            code="call_112_first",
        )
    if not draft.called_number or draft.called_at is None:
        raise Refused(
            _(
                "Call the police first: %(police)s (or your zone: %(zone)s). If %(police)s "
                "is busy, stay on the line. Then tell us when you called."
            )
            % {"police": numbers.police, "zone": numbers.zone or numbers.police},
            code="call_first",
        )
    if draft.called_at > now + timedelta(minutes=2):
        raise Refused(_("The time of your call lies in the future."), code="bad_call_time")


def submit_alert(*, group: Group, author, draft: AlertDraft) -> Alert:
    """Store and (when allowed) fan out an alert, or raise Refused with the reason."""
    now = timezone.now()
    membership = rules.posting_membership(group, author)
    protocol = rules.protocol_of(group)
    check_call_first(draft, protocol, now)
    fields = {
        "what": draft.what,
        "where": draft.where,
        "when": draft.when or now,
        "description": draft.description,
        "direction": draft.direction,
    }
    rules.check_required_fields(draft.category, fields, protocol)
    rules.check_rate_limit(group, author, protocol)
    if not draft.force_new:
        _offer_follow_up_if_close(group, draft, protocol, now)
    lang = (get_language() or author.language or "nl")[:2]
    screened = screen_fields(
        {
            "what": draft.what,
            "where": draft.where,
            "description": draft.description,
            "direction": draft.direction,
        },
        lang=lang,
        protocol=protocol,
        context="alert",
        call_confirmed=True,
    )
    if screened.verdict == "block":
        strikes.record_block(membership, screened, text=draft.what + "\n" + draft.description)
        raise Refused(screened.reason_text, code="blocked", reasons=screened.reasons)
    return _store_alert(group, author, draft, screened, lang, now)


@transaction.atomic
def _store_alert(group, author, draft, screened, lang, now) -> Alert:
    alert = Alert.objects.create(
        group=group,
        author=author,
        category=draft.category,
        lang=lang,
        status=Status.HELD if screened.verdict == "hold" else Status.OPEN,
        emergency=draft.emergency,
        called_number=draft.called_number,
        called_at=draft.called_at,
        what=draft.what,
        place=draft.where,
        lon=draft.lon,
        lat=draft.lat,
        occurred_at=draft.when or now,
        description=draft.description,
        direction=draft.direction,
        findings=screened.findings,
        verdict=screened.verdict,
        reasons=screened.reasons,
        members_copy=screened.members_copy,
        police_only=screened.police_only,
    )
    AlertEvent.objects.create(
        alert=alert,
        actor=author,
        kind="created",
        detail={
            "verdict": screened.verdict,
            "findings": screened.findings,
            "called": f"{draft.called_number}@{draft.called_at}",
        },
    )
    if screened.verdict == "hold":
        AlertEvent.objects.create(
            alert=alert, kind="held", detail={"reasons": [r["rule"] for r in screened.reasons]}
        )
        publishing.tell_moderators(alert)
    else:
        publishing.publish_alert(alert, actor=author)
    return alert


def _distance_m(lon1, lat1, lon2, lat2) -> float:
    """Haversine distance: good to a metre at neighbourhood scale."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6_371_000 * math.asin(math.sqrt(a))


def _offer_follow_up_if_close(group, draft, protocol, now) -> None:
    """A second alert close in place and time to an open one becomes a follow-up offer."""
    merge = protocol.follow_up_merge
    recent = Alert.objects.filter(
        group=group, status=Status.OPEN, created_at__gte=now - timedelta(minutes=merge.minutes)
    )
    for other in recent:
        if draft.lon is not None and other.lon is not None:
            close = _distance_m(draft.lon, draft.lat, other.lon, other.lat) <= merge.distance_m
        else:
            close = draft.where.strip().lower() == other.place.strip().lower()
        if close:
            raise Refused(
                _(
                    "An open alert close by (%(place)s, %(minutes)s minutes ago) may be "
                    "about the same thing. Add your observation to it as a follow-up, "
                    "or send a new alert anyway."
                )
                % {
                    "place": other.members_copy.get("where", ""),
                    "minutes": int((now - other.created_at).total_seconds() // 60),
                },
                code="offer_follow_up",
                alert_id=other.pk,
            )


def submit_follow_up(*, alert: Alert, author, text: str) -> FollowUp:
    """An additional observation under an open alert; chatter and thanks are held."""
    if alert.status != Status.OPEN:
        raise Refused(
            _(
                "This alert is closed. If something new happens, call the police and "
                "post a new alert."
            ),
            code="alert_closed",
        )
    if not text.strip():
        raise Refused(_("Please write your observation."), code="missing_fields")
    membership = rules.posting_membership(alert.group, author)
    protocol = rules.protocol_of(alert.group)
    lang = (get_language() or author.language or "nl")[:2]
    screened = screen_fields(
        {"text": text}, lang=lang, protocol=protocol, context="follow_up", call_confirmed=True
    )
    if screened.verdict == "block":
        strikes.record_block(membership, screened, text=text)
        raise Refused(screened.reason_text, code="blocked", reasons=screened.reasons)
    return _store_follow_up(alert, author, text, screened)


@transaction.atomic
def _store_follow_up(alert, author, text, screened) -> FollowUp:
    held = screened.verdict == "hold" or screened.kind == "chatter"
    follow_up = FollowUp.objects.create(
        alert=alert,
        author=author,
        text=text,
        members_text=screened.members_copy["text"],
        findings=screened.findings,
        verdict="hold" if held else screened.verdict,
        reasons=screened.reasons,
        status=Status.HELD if held else Status.PUBLISHED,
    )
    AlertEvent.objects.create(
        alert=alert,
        actor=author,
        kind="follow_up_held" if held else "follow_up",
        detail={"follow_up": follow_up.pk},
    )
    if held:
        publishing.tell_moderators(follow_up)
    else:
        publishing.publish_follow_up(follow_up)
    return follow_up
