"""A few months of history for the demo, so the dashboards and the PDF show something real.

Sixteen weeks of alerts per live group with outcomes, call times, police acknowledgements
(an `Acknowledgement` row and its "acknowledged" event, as the police console writes them),
held and blocked messages, a monthly channel test with its deliveries, and households per
neighbourhood (invented). The retention job then runs once, so the alerts older than each
group's retention are folded into the aggregate tables exactly as in production.
Runs inside `organisation.demo.load_demo`, which loads the demo only once.
"""

import random
from datetime import timedelta

from django.utils import timezone

from buurtwacht.alerts.models import Alert, AlertEvent, Strike
from buurtwacht.delivery.models import Delivery, OutboundMessage
from buurtwacht.organisation.models import Group, Membership
from buurtwacht.police.models import Acknowledgement

from .models import NeighbourhoodStats

WEEKS = 16
CATEGORIES = ["burglary"] * 4 + ["suspicious_person"] * 3 + ["suspicious_vehicle"] * 3 + [
    "theft", "theft", "vandalism", "scam", "fire", "other",
]  # fmt: skip
OUTCOMES = ["police_handled"] * 4 + ["false_alarm"] * 3 + ["unresolved"] * 2 + ["suspect_caught"]
HELD = [["third_party_data"], ["discrimination"], ["third_party_data", "licence_plate"]]


def build_history(*, seed: int = 11) -> int:
    """Create the history once; return the number of alerts made (0 if it was there)."""
    if NeighbourhoodStats.objects.exists():
        return 0
    from buurtwacht.privacy.retention import purge

    rng = random.Random(seed)
    now = timezone.now()
    made = 0
    for group in Group.objects.filter(status=Group.Status.LIVE).select_related("police_contact"):
        NeighbourhoodStats.objects.get_or_create(
            neighbourhood_id=group.neighbourhood_id,
            defaults={"households": rng.randrange(800, 3200, 50), "source": "demo"},
        )
        members = list(
            Membership.objects.filter(group=group, status="active").values_list(
                "user_id", flat=True
            )
        )
        for _n in range(rng.randint(40, 80)):
            made += _alert(
                group, members, now - timedelta(minutes=rng.randint(60, WEEKS * 7 * 1440)), rng
            )
        for _n in range(rng.randint(1, 3)):
            strike = Strike.objects.create(
                group=group, user_id=rng.choice(members), findings=["vigilantism"],
                reasons=[], text="(demo) we pakken ze zelf",
            )  # fmt: skip
            Strike.objects.filter(pk=strike.pk).update(
                created_at=now - timedelta(days=rng.randint(1, WEEKS * 7))
            )
        _channel_test(group, members, now - timedelta(days=rng.randint(1, 20)), rng)
    purge(now=now)
    return made


def _alert(group, members, created, rng) -> int:
    held = rng.random() < 0.08
    confirmed = rng.random() < 0.9
    closed = not held and rng.random() < 0.85
    alert = Alert.objects.create(
        group=group,
        author_id=rng.choice(members),
        category=rng.choice(CATEGORIES),
        status=("rejected" if rng.random() < 0.5 else "held")
        if held
        else ("closed" if closed else "open"),
        emergency=rng.random() < 0.1,
        called_number="101" if confirmed else "",
        called_at=created - timedelta(minutes=rng.choice([1, 2, 2, 3, 4, 5, 8, 12])),
        what="(demo)",
        place="(demo)",
        occurred_at=created,
        findings=rng.choice(HELD) if held else [],
        verdict="hold" if held else "allow",
        outcome=rng.choice(OUTCOMES) if closed else "",
        closed_at=created + timedelta(minutes=rng.randint(20, 600)) if closed else None,
    )
    Alert.objects.filter(pk=alert.pk).update(
        created_at=created, published_at=None if held else created
    )
    if not held and rng.random() < 0.7 and group.police_contact_id:
        at = created + timedelta(minutes=rng.choice([2, 4, 6, 9, 12, 15, 25, 40, 90]))
        Acknowledgement.objects.create(
            alert=alert, state="informed", actor=group.police_contact, at=at
        )
        event = AlertEvent.objects.create(
            alert=alert,
            actor=group.police_contact,
            kind="acknowledged",
            detail={"state": "informed"},
        )
        AlertEvent.objects.filter(pk=event.pk).update(at=at)
    return 1


def _channel_test(group, members, at, rng) -> None:
    message = OutboundMessage.objects.create(
        group=group, kind=OutboundMessage.Kind.TEST, payload={"text": "(demo) maandelijkse test"}
    )
    OutboundMessage.objects.filter(pk=message.pk).update(created_at=at)
    Delivery.objects.bulk_create(
        [
            Delivery(
                message=message,
                recipient_id=user_id,
                channel="web",
                status=Delivery.Status.SENT if rng.random() < 0.93 else Delivery.Status.DEAD,
                next_attempt_at=at,
                idempotency_key=f"demo-test-{message.pk}-{user_id}",
            )
            for user_id in members
        ],
        batch_size=500,
    )
