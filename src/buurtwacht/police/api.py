"""JSON API of the police side (/api/police/...): the console, acknowledgements, case
references, police messages, broadcasts and replies to the police. Same rules as the pages:
everything goes through alerts.access and this package's action modules."""

from django.http import Http404
from django.shortcuts import get_object_or_404
from ninja import Query, Router, Schema, Status
from ninja.security import django_auth

from buurtwacht.alerts import access
from buurtwacht.api_errors import STANDARD
from buurtwacht.organisation.models import Group
from buurtwacht.privacy.subject_rights import display_name

from . import broadcasts, console, messages
from .acknowledgements import acknowledge
from .models import Broadcast, PoliceReply

router = Router(auth=django_auth, tags=["police"])


class ErrorOut(Schema):
    code: str
    message: str


class FiltersIn(Schema):
    group: int | None = None
    category: str = ""
    status: str = ""
    call_first: str = ""


class ReasonIn(Schema):
    reason: str = ""


class StateIn(Schema):
    state: str


class ReferenceIn(Schema):
    # Required: with a default, a body that is not an object (`42`) was read as "no
    # reference" and silently removed the case's reference. DELETE removes it.
    reference: str


class MessageIn(Schema):
    title: str
    text: str


class BroadcastIn(Schema):
    kind: str
    title: str
    text: str
    target: str
    groups: list[int] = []
    municipality: int | None = None
    zone: int | None = None
    area: dict | None = None


class ReplyIn(Schema):
    text: str


ERRORS = {**STANDARD, 403: ErrorOut, 404: ErrorOut, 409: ErrorOut, 422: ErrorOut}


def _refused(exc: console.ConsoleRefused):
    return Status(exc.status, {"code": exc.code, "message": exc.message})


@router.get("/police/zones/{zone_id}/alerts", response={200: list[dict], **ERRORS})
def zone_alerts(request, zone_id: int, filters: Query[FiltersIn]):
    """The console list: newest first; unmasked text (each row an audited read)."""
    _zone, roles = console.zone_console(request.user, zone_id)
    qs = console.alerts(roles, console.Filters.from_query(filters.dict()))[: console.PAGE_SIZE]
    return [console.row(a, reader=request.user, role=roles[a.group_id], via="api") for a in qs]


@router.get("/police/alerts/{alert_id}", response={200: dict, **ERRORS})
def alert(request, alert_id: int):
    item, role = access.console_alert(request.user, alert_id)
    return console.row(item, reader=request.user, role=role, via="api")


@router.post("/police/alerts/{alert_id}/reveal", response={200: dict, **ERRORS})
def reveal(request, alert_id: int, payload: ReasonIn):
    """The original text and the police-only fields; needs a reason, which the audit log
    keeps."""
    item, role = access.console_alert(request.user, alert_id)
    try:
        return console.reveal(item, by=request.user, role=role, reason=payload.reason)
    except console.ConsoleRefused as exc:
        return _refused(exc)


@router.post("/police/alerts/{alert_id}/acknowledgements", response={201: dict, **ERRORS})
def post_acknowledgement(request, alert_id: int, payload: StateIn):
    item, role = access.console_alert(request.user, alert_id)
    try:
        ack = acknowledge(item, by=request.user, role=role, state=payload.state)
    except console.ConsoleRefused as exc:
        return _refused(exc)
    return Status(201, {"id": ack.pk, "state": ack.state, "at": ack.at.isoformat(),
                        "message_id": ack.message_id})  # fmt: skip


@router.put("/police/alerts/{alert_id}/case-reference", response={200: dict, **ERRORS})
def put_case_reference(request, alert_id: int, payload: ReferenceIn):
    """Set the case reference ("" removes it)."""
    item, role = access.console_alert(request.user, alert_id)
    try:
        item = console.set_case_reference(
            item, by=request.user, role=role, reference=payload.reference
        )
    except console.ConsoleRefused as exc:
        return _refused(exc)
    return {"id": item.pk, "case_reference": item.case_reference}


@router.delete("/police/alerts/{alert_id}/case-reference", response={200: dict, **ERRORS})
def delete_case_reference(request, alert_id: int):
    return put_case_reference(request, alert_id, ReferenceIn(reference=""))


@router.post("/police/groups/{group_id}/messages", response={201: dict, **ERRORS})
def post_police_message(request, group_id: int, payload: MessageIn):
    group = get_object_or_404(Group, pk=group_id)
    from buurtwacht.organisation.roles import is_police_for

    if not is_police_for(request.user, group):
        raise Http404
    try:
        item = messages.send_police_message(
            group, by=request.user, title=payload.title, text=payload.text
        )
    except console.ConsoleRefused as exc:
        return _refused(exc)
    return Status(201, {"id": item.pk, "message_id": item.message_id})


@router.post("/police/broadcasts", response={201: dict, **ERRORS})
def post_broadcast(request, payload: BroadcastIn):
    detail = {
        Broadcast.Target.GROUPS: {"groups": payload.groups},
        Broadcast.Target.MUNICIPALITY: {"municipality": payload.municipality},
        Broadcast.Target.ZONE: {"zone": payload.zone},
        Broadcast.Target.AREA: {"area": payload.area},
    }.get(payload.target, {})
    try:
        item = broadcasts.send_broadcast(
            by=request.user, kind=payload.kind, title=payload.title, text=payload.text,
            target=payload.target, detail=detail,
        )  # fmt: skip
    except console.ConsoleRefused as exc:
        return _refused(exc)
    return Status(201, _broadcast_out(item))


def _broadcast_out(item: Broadcast) -> dict:
    return {"id": item.pk, "kind": item.kind, "groups": broadcasts.delivery_per_group(item)}


@router.get("/police/broadcasts/{broadcast_id}", response={200: dict, **ERRORS})
def get_broadcast(request, broadcast_id: int):
    """Delivery per group, for the sender only."""
    item = get_object_or_404(Broadcast, pk=broadcast_id, sender=request.user)
    return _broadcast_out(item)


@router.post("/police/messages/{message_id}/replies", response={201: dict, **ERRORS})
def post_reply(request, message_id: int, payload: ReplyIn):
    """A member answers a police message or request for information (police only read it)."""
    try:
        reply = messages.reply_to_police(
            outbound_message_id=message_id, user=request.user, text=payload.text, channel="web"
        )
    except messages.ReplyRefused as exc:
        status = 404 if exc.code == "not_member" else 422
        return Status(status, {"code": exc.code, "message": exc.message})
    return Status(201, {"id": reply.pk})


def _reply_out(reply: PoliceReply) -> dict:
    author = reply.author
    return {
        "id": reply.pk,
        "message_id": reply.message_id,
        "group_id": reply.group_id,
        "author": display_name(author),
        "text": reply.text,
        "channel": reply.channel,
        "created_at": reply.created_at.isoformat(),
    }


@router.get("/police/replies/{reply_id}", response={200: dict, **ERRORS})
def get_reply(request, reply_id: int):
    """Police only: every other reader, the group's members included, gets 404."""
    reply = get_object_or_404(PoliceReply.objects.select_related("message", "author"), pk=reply_id)
    if not messages.may_read_reply(request.user, reply):
        raise Http404
    messages.audit_read(request.user, reply)
    return _reply_out(reply)


@router.get("/police/messages/{message_id}/replies", response={200: list[dict], **ERRORS})
def list_replies(request, message_id: int):
    replies = list(
        PoliceReply.objects.filter(message_id=message_id).select_related("message", "author")
    )
    if not replies:
        return []
    if not messages.may_read_reply(request.user, replies[0]):
        raise Http404
    for reply in replies:
        messages.audit_read(request.user, reply)
    return [_reply_out(r) for r in replies]
