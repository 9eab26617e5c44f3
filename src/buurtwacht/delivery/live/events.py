"""Storing, reading and serialising live events: the synchronous (ORM) half of the feed."""

from django.db import IntegrityError, transaction
from django.db.models import Q

from buurtwacht.organisation.models import Group, Membership

from .models import LiveEvent

REPLAY_LIMIT = 1000  # more missed events than this: the client is told to reload instead


def as_payload(event: LiveEvent) -> dict:
    """The wire form of an event; the same dict travels through pub/sub and replay."""
    return {
        "id": event.pk,
        "group": event.group_id,
        "kind": event.kind,
        "data": event.data,
        "created_at": event.created_at.isoformat(),
    }


def store(*, group_id: int, kind: str, data: dict, message_id: int | None) -> tuple[dict, bool]:
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
                group_id=group_id, kind=kind, data=data, message_id=message_id
            )
    except IntegrityError:
        if message_id is None:
            raise
        return as_payload(LiveEvent.objects.get(message_id=message_id)), False
    return as_payload(event), True


def missed(*, group_id: int, after: int) -> list[dict] | None:
    """Events of the group with id > after, oldest first; None when too many to replay."""
    rows = list(
        LiveEvent.objects.filter(group_id=group_id, pk__gt=after).order_by("pk")[: REPLAY_LIMIT + 1]
    )
    if len(rows) > REPLAY_LIMIT:
        return None
    return [as_payload(e) for e in rows]


def latest_event_id(group_id: int) -> int:
    """The id a freshly rendered page starts from (0 when the group has no events yet)."""
    last = LiveEvent.objects.filter(group_id=group_id).order_by("-pk").values_list("pk").first()
    return last[0] if last else 0


def may_follow(*, user_id: int, group_id: int) -> bool:
    """An active member of the group, or its police contact, both with an active account."""
    active_member = Q(
        memberships__user_id=user_id,
        memberships__status=Membership.Status.ACTIVE,
        memberships__user__is_active=True,
    )
    police = Q(police_contact_id=user_id, police_contact__is_active=True)
    return Group.objects.filter(pk=group_id).filter(active_member | police).exists()
