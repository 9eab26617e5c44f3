"""Storing, reading and serialising live events: the synchronous (ORM) half of the feed."""

from django.db import IntegrityError, transaction

from buurtwacht.organisation import roles
from buurtwacht.organisation.models import Group, User

from .models import LiveEvent

REPLAY_LIMIT = 1000  # more missed events than this: the client is told to reload instead


def as_payload(event: LiveEvent) -> dict:
    """The wire form of an event; the same dict travels through pub/sub and replay."""
    return {
        "id": event.pk,
        "group": event.group_id,
        "kind": event.kind,
        "audience": event.audience,
        "data": event.data,
        "created_at": event.created_at.isoformat(),
    }


def store(
    *, group_id: int, kind: str, data: dict, message_id: int | None, audience: str = "members"
) -> tuple[dict, bool]:
    """Insert the row (or find the one already stored for this outbox message).

    Returns the payload and whether it is new; a retried outbox message must not reach
    clients twice, so only a new row is published.
    """
    if message_id is not None:
        existing = LiveEvent.objects.filter(message_id=message_id).first()
        if existing:
            return as_payload(existing), False
    try:
        with transaction.atomic():
            event = LiveEvent.objects.create(
                group_id=group_id, kind=kind, data=data, message_id=message_id, audience=audience
            )
    except IntegrityError:
        if message_id is None:
            raise
        return as_payload(LiveEvent.objects.get(message_id=message_id)), False
    return as_payload(event), True


def missed(*, group_id: int, after: int, audiences: set[str]) -> list[dict] | None:
    """Events of the group with id > after for these audiences, oldest first; None when too
    many to replay."""
    rows = list(
        LiveEvent.objects.filter(group_id=group_id, pk__gt=after, audience__in=audiences).order_by(
            "pk"
        )[: REPLAY_LIMIT + 1]
    )
    if len(rows) > REPLAY_LIMIT:
        return None
    return [as_payload(e) for e in rows]


def latest_event_id(group_id: int) -> int:
    """The id a freshly rendered page starts from (0 when the group has no events yet)."""
    last = LiveEvent.objects.filter(group_id=group_id).order_by("-pk").values_list("pk").first()
    return last[0] if last else 0


def latest_event_ids(group_ids: list[int]) -> list[int]:
    """latest_event_id for several feeds' groups in one call (and one connection): connects
    that arrive together share it (stream.Batched). One index lookup per distinct group."""
    latest = {g: latest_event_id(g) for g in set(group_ids)}
    return [latest[g] for g in group_ids]


def audiences(*, user_id: int, group_id: int) -> set[str]:
    """The audiences this person receives in this group; empty: may not follow the feed.

    The same level that decides who reads an alert (organisation.roles.reader_level) decides
    who follows its feed, so a held message never reaches a member by the live path either.
    """
    user = User.objects.filter(pk=user_id).first()
    group = Group.objects.select_related("neighbourhood__municipality").filter(pk=group_id).first()
    if user is None or group is None:
        return set()
    return roles.audiences_for(roles.reader_level(user, group))
