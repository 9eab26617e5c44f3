"""Group health: members, active members, joins and leaves, protocol acceptance, channel test.

These read the stored rows only: memberships are current state, and "active" (posted an alert
or a follow-up in the period) can only be known while the posts are stored, that is, within
the retention window. Older periods show the membership figures and no activity.
"""

from collections import defaultdict

from django.db.models import Count, F, Q

from buurtwacht.alerts.models import Alert, FollowUp
from buurtwacht.delivery.models import Delivery, OutboundMessage
from buurtwacht.organisation.models import Membership
from buurtwacht.privacy.models import MembershipEnd

from .data import Period, Scope, groups_in

READING = (Membership.Status.ACTIVE, Membership.Status.SUSPENDED)


def group_health(scope: Scope, period: Period) -> list[dict]:
    """One dict per group in scope: members, active, joined, left, accepted, test_sent,
    test_total (deliveries of the latest monthly channel test in the period)."""
    start, end = Period.utc(period.first_week), Period.utc(period.end_week)
    groups = list(
        groups_in(scope)
        .select_related("neighbourhood")
        .annotate(
            members=Count("memberships", filter=Q(memberships__status__in=READING)),
            accepted=Count(
                "memberships",
                filter=Q(memberships__status__in=READING)
                & Q(memberships__accepted_protocol_version=F("protocol_version")),
            ),
            joined=Count(
                "memberships",
                filter=Q(memberships__admitted_at__gte=start, memberships__admitted_at__lt=end),
            ),
        )
        .order_by("name")
    )
    ids = [g.pk for g in groups]
    left = dict(
        MembershipEnd.objects.filter(
            membership__group_id__in=ids, ended_at__gte=start, ended_at__lt=end
        )
        .values_list("membership__group_id")
        .annotate(n=Count("id"))
    )
    authors: dict[int, set] = defaultdict(set)
    window = {"created_at__gte": start, "created_at__lt": end}
    by_week = {"week__gte": period.first_week, "week__lt": period.end_week}  # the report index
    for g, a in (
        Alert.objects.filter(group_id__in=ids, author__isnull=False, **by_week)
        .values_list("group_id", "author_id")
        .order_by()
        .distinct()
    ):
        authors[g].add(a)
    for g, a in FollowUp.objects.filter(
        alert__group_id__in=ids, author__isnull=False, **window
    ).values_list("alert__group_id", "author_id"):
        authors[g].add(a)
    tests = _latest_tests(ids, start, end)
    return [
        {
            "group_id": g.pk,
            "name": g.name,
            "neighbourhood_id": g.neighbourhood_id,
            "members": g.members,
            "active": len(authors[g.pk]),
            "joined": g.joined,
            "left": left.get(g.pk, 0),
            "accepted": g.accepted,
            "test_sent": tests.get(g.pk, (0, 0))[0],
            "test_total": tests.get(g.pk, (0, 0))[1],
        }
        for g in groups
    ]


def _latest_tests(group_ids, start, end) -> dict[int, tuple[int, int]]:
    """{group: (sent, total)} of the last channel test (OutboundMessage kind "test")."""
    latest: dict[int, int] = {}
    for message_id, group_id in (
        OutboundMessage.objects.filter(
            group_id__in=group_ids,
            kind=OutboundMessage.Kind.TEST,
            created_at__gte=start,
            created_at__lt=end,
        )
        .order_by("created_at", "id")
        .values_list("id", "group_id")
    ):
        latest[group_id] = message_id
    counts = (
        Delivery.objects.filter(message_id__in=latest.values())
        .values("message__group_id")
        .annotate(total=Count("id"), sent=Count("id", filter=Q(status=Delivery.Status.SENT)))
    )
    return {c["message__group_id"]: (c["sent"], c["total"]) for c in counts}


HEALTH_FIELDS = ("members", "active", "joined", "left", "accepted", "test_sent", "test_total")


def by_area(rows: list[dict], area_of) -> dict:
    """Sum the per-group figures per area (the analyst sees neighbourhoods, not groups)."""
    out: dict = defaultdict(lambda: dict.fromkeys(HEALTH_FIELDS, 0))
    for row in rows:
        target = out[area_of(row)]
        for key in HEALTH_FIELDS:
            target[key] += row[key]
    return dict(out)
