"""Live feed of a group's alerts over server-sent events (issue 5).

    from buurtwacht.delivery.live import broadcast
    event_id = broadcast(group_id=..., kind="alert", data={...}, message_id=...)

The imports are deferred so that this package can be imported while Django loads its apps.
"""


def broadcast(
    *,
    group_id: int,
    kind: str,
    data: dict,
    message_id: int | None = None,
    audience: str = "members",
) -> int:
    """Store a LiveEvent and notify every open feed of the group; returns the SSE event id.

    Meant to be called from `transaction.on_commit` (the outbox does). Called inside a
    transaction, subscribers are notified only once it commits, so no client ever sees an
    event that is rolled back. One insert and one publish: the cost does not grow with the
    number of members. Only readers whose level reaches `audience` receive it, live or on
    replay (organisation.roles.AUDIENCES).
    """
    from django.db import transaction

    from . import events, pubsub

    payload, is_new = events.store(
        group_id=group_id, kind=kind, data=data, message_id=message_id, audience=audience
    )
    if is_new:
        transaction.on_commit(lambda: pubsub.get_hub().publish(payload))
    return payload["id"]


def latest_event_id(group_id: int) -> int:
    """For the page that includes feed.js: put this in `data-live-last-id` to miss nothing."""
    from . import events

    return events.latest_event_id(group_id)


__all__ = ["broadcast", "latest_event_id"]
