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
    """The feed through Django's full stack: for requests the lean route in front of Django
    (delivery/live/front.py) hands over, e.g. refusals, and for anything that calls the URL
    conf directly. Same access rules (access.reader) and the same stream."""
    # The session was read by sync middleware in this request's own thread, whose connection
    # Django closes only when the response ends: hours for a feed, one connection per open
    # feed (PostgreSQL refuses clients past ~100). Close it before the stream's own queries
    # (which open and close theirs in other threads), or with a pool every request would hold
    # one connection while waiting for a second.
    await sync_to_async(_close_connection)()
    session_key = request.session.session_key
    reader = await stream.reader(session_key=session_key, group_id=group_id)
    if reader is None:
        return HttpResponseForbidden("Only members of this group can follow its feed.")
    feed = stream.Feed(session_key=session_key, group_id=group_id, reader=reader)
    response = StreamingHttpResponse(
        stream.event_stream(pubsub.get_hub(), feed, last_id=requested_last_id(request)),
        content_type=stream.CONTENT_TYPE,
    )
    for name, value in stream.STREAM_HEADERS:
        response[name] = value
    return response
