"""JSON API for alerts: the same flow as the web form, for apps and integrations."""

from datetime import datetime

from django.http import Http404
from django.shortcuts import get_object_or_404
from ninja import Router, Schema, Status
from ninja.security import django_auth

from buurtwacht.api_errors import STANDARD
from buurtwacht.organisation import roles
from buurtwacht.organisation.actions import NotAllowed
from buurtwacht.organisation.models import Group
from buurtwacht.organisation.roles import Reader

from . import access, closing, flow, moderation, views_shared
from .models import Alert, FollowUp
from .rules import Refused

router = Router(auth=django_auth, tags=["alerts"])


class AlertIn(Schema):
    category: str
    what: str
    where: str
    when: datetime | None = None
    description: str = ""
    direction: str = ""
    lon: float | None = None
    lat: float | None = None
    emergency: bool = False
    called_number: str = ""
    called_at: datetime | None = None
    force_new: bool = False


class Submitted(Schema):
    id: int
    status: str
    verdict: str
    findings: list[str]
    reasons: list[dict]


class RefusedOut(Schema):
    code: str
    message: str
    extra: dict = {}


class FollowUpIn(Schema):
    text: str


class CloseIn(Schema):
    outcome: str


class RedactIn(Schema):
    changes: dict[str, str]


class RejectIn(Schema):
    reason: str


#: Refusals about who the poster is, not what was posted: HTTP 403 (forbidden), not 422.
FORBIDDEN_CODES = frozenset({"not_member", "posting_suspended", "coordinators_only"})


def _refused(exc: Refused):
    """The status says whose problem it is: the person (403), a near duplicate (409), the input."""
    if exc.code in FORBIDDEN_CODES:
        status = 403
    elif exc.code == "offer_follow_up":
        status = 409
    else:
        status = 422
    return Status(status, {"code": exc.code, "message": exc.message, "extra": exc.extra})


@router.post(
    "/groups/{group_id}/alerts",
    response={**STANDARD, 201: Submitted, 403: RefusedOut, 409: RefusedOut, 422: RefusedOut},
)
def post_alert(request, group_id: int, payload: AlertIn):
    """Submit an alert (SAAR). 201 also when held: `status` says whether it was sent."""
    group = get_object_or_404(Group, pk=group_id)
    try:
        alert = flow.submit_alert(
            group=group, author=request.user, draft=flow.AlertDraft(**payload.dict())
        )
    except Refused as exc:
        return _refused(exc)
    return Status(
        201,
        {
            "id": alert.pk,
            "status": alert.status,
            "verdict": alert.verdict,
            "findings": alert.findings,
            "reasons": alert.reasons,
        },
    )


@router.get("/groups/{group_id}/alerts", response={**STANDARD, 200: list[dict], 403: RefusedOut})
def list_alerts(request, group_id: int):
    """The member's feed: published alerts, members' copy only."""
    group = get_object_or_404(Group, pk=group_id)
    level = roles.reader_level(request.user, group)
    if level == Reader.NONE:
        return Status(403, {"code": "not_member", "message": "not a member of this group"})
    return Status(200, views_shared.feed(request.user, group, level))


@router.get("/alerts/{alert_id}", response={**STANDARD, 200: dict, 404: RefusedOut})
def get_alert(request, alert_id: int):
    """Members get the masked copy; the police contact the original (audited). A held alert
    is read only by its author, the coordinators and the police: 404 for everyone else."""
    alert, level = access.readable_alert(request.user, alert_id)
    return Status(200, views_shared.reader_view(alert, reader=request.user, level=level))


@router.post(
    "/alerts/{alert_id}/follow-ups",
    response={**STANDARD, 201: Submitted, 403: RefusedOut, 404: RefusedOut, 422: RefusedOut},
)
def post_follow_up(request, alert_id: int, payload: FollowUpIn):
    alert, _ = access.readable_alert(request.user, alert_id)
    try:
        item = flow.submit_follow_up(alert=alert, author=request.user, text=payload.text)
    except Refused as exc:
        return _refused(exc)
    return Status(
        201,
        {
            "id": item.pk,
            "status": item.status,
            "verdict": item.verdict,
            "findings": item.findings,
            "reasons": item.reasons,
        },
    )


@router.post(
    "/alerts/{alert_id}/close",
    response={**STANDARD, 200: dict, 403: RefusedOut, 404: RefusedOut, 422: RefusedOut},
)
def close(request, alert_id: int, payload: CloseIn):
    alert, _ = access.readable_alert(request.user, alert_id)
    try:
        alert = closing.close_alert(alert, by=request.user, outcome=payload.outcome)
    except NotAllowed as exc:
        return Status(403, {"code": "not_allowed", "message": str(exc)})
    except Refused as exc:
        return _refused(exc)
    return Status(200, {"id": alert.pk, "status": alert.status, "outcome": alert.outcome})


@router.get("/groups/{group_id}/moderation", response={**STANDARD, 200: dict, 403: RefusedOut})
def moderation_queue(request, group_id: int):
    group = get_object_or_404(Group, pk=group_id)
    if not (request.user.is_superuser or roles.is_coordinator(request.user, group)):
        return Status(403, {"code": "not_allowed", "message": "coordinators only"})
    q = moderation.queue(group)
    return Status(
        200,
        {
            "alerts": [views_shared.moderation_view(a) for a in q["alerts"]],
            "follow_ups": [
                {"id": f.pk, "alert_id": f.alert_id, "text": f.text, "reasons": f.reasons}
                for f in q["follow_ups"]
            ],
            "blocked": [
                {
                    "id": s.pk,
                    "user": s.user.get_full_name() or s.user.username,
                    "findings": s.findings,
                    "text": s.text,
                }
                for s in q["blocked"]
            ],
        },
    )


def _item(request, kind: str, item_id: int):
    """The item to moderate; 404 unless the user may read it (ids reveal nothing)."""
    model = {"alerts": Alert, "follow-ups": FollowUp}.get(kind)
    if model is None:
        raise Http404
    item = get_object_or_404(model, pk=item_id)
    if not access.may_read(request.user, item):
        raise Http404
    return item


def _moderate(action):
    try:
        item = action()
    except NotAllowed as exc:
        return Status(403, {"code": "not_allowed", "message": str(exc)})
    except Refused as exc:
        return _refused(exc)
    return Status(
        200,
        {"id": item.pk, "status": item.status, "verdict": item.verdict, "reasons": item.reasons},
    )


MODERATION_RESPONSES = {**STANDARD, 200: dict, 403: RefusedOut, 404: RefusedOut, 422: RefusedOut}


@router.post("/moderation/{kind}/{item_id}/approve", response=MODERATION_RESPONSES)
def approve(request, kind: str, item_id: int):
    return _moderate(lambda: moderation.approve(_item(request, kind, item_id), by=request.user))


@router.post("/moderation/{kind}/{item_id}/redact", response=MODERATION_RESPONSES)
def redact(request, kind: str, item_id: int, payload: RedactIn):
    return _moderate(
        lambda: moderation.redact(
            _item(request, kind, item_id), by=request.user, changes=payload.changes
        )
    )


@router.post("/moderation/{kind}/{item_id}/reject", response=MODERATION_RESPONSES)
def reject(request, kind: str, item_id: int, payload: RejectIn):
    return _moderate(
        lambda: moderation.reject(
            _item(request, kind, item_id), by=request.user, reason=payload.reason
        )
    )
