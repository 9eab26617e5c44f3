"""GET /live/groups/<id>/events: the SSE endpoint (async, so an open feed costs no thread)."""

from asgiref.sync import sync_to_async
from django.db import connection
from django.http import HttpResponseForbidden, StreamingHttpResponse

from . import pubsub, stream


def requested_last_id(request) -> int | None:
    """Last-Event-ID header (EventSource reconnects), else ?last_event_id= (first connect
    from a page that knows where it stands). Garbage counts as absent."""
    raw = request.headers.get("Last-Event-ID") or request.GET.get("last_event_id")
    try:
        value = int(raw)
    except (TypeError, ValueError):
        return None
    return value if value >= 0 else None


def _close_connection() -> None:
    connection.close()  # looked up here: the connection of the thread this runs in


async def group_events(request, group_id: int):
    user = await request.auser()
    # The session and the user were read by sync middleware in this request's own thread,
    # whose connection Django closes only when the response ends: hours for a feed, one
    # connection per open feed (PostgreSQL refuses clients past ~100). Close it before the
    # stream's own queries (which open and close theirs in other threads), or with a pool
    # every request would hold one connection while waiting for a second.
    await sync_to_async(_close_connection)()
    allowed = await stream.audiences(user_id=user.pk, group_id=group_id) if user.pk else set()
    if not allowed:
        return HttpResponseForbidden("Only members of this group can follow its feed.")
    response = StreamingHttpResponse(
        stream.event_stream(
            pubsub.get_hub(),
            group_id=group_id,
            user_id=user.pk,
            last_id=requested_last_id(request),
            allowed=allowed,
        ),
        content_type="text/event-stream; charset=utf-8",
    )
    response["Cache-Control"] = "no-cache, no-store"
    response["X-Accel-Buffering"] = "no"  # nginx would otherwise hold events back
    return response
