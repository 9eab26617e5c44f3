"""JSON API for a member's channels and their order (the same rules as the settings page)."""

from django.core.exceptions import ValidationError
from ninja import Router, Schema, Status
from ninja.security import django_auth

from buurtwacht.api_errors import STANDARD

from . import preferences

router = Router(auth=django_auth, tags=["channels"])


class ChannelsOut(Schema):
    order: list[str]
    available: list[dict]


class ChannelsIn(Schema):
    order: list[str]


class ProblemOut(Schema):
    code: str
    message: str


@router.get("/me/channels", response={**STANDARD, 200: ChannelsOut})
def get_channels(request):
    """The member's push channels in their fallback order, and what can be chosen."""
    user = request.user
    return {"order": preferences.current_order(user), "available": preferences.available(user)}


@router.put("/me/channels", response={**STANDARD, 200: ChannelsOut, 422: ProblemOut})
def put_channels(request, payload: ChannelsIn):
    """Set the order (first first); channels left out are switched off. 422 changes nothing."""
    try:
        preferences.set_order(request.user, payload.order)
    except ValidationError as exc:
        return Status(422, {"code": exc.code or "invalid", "message": " ".join(exc.messages)})
    return get_channels(request)
