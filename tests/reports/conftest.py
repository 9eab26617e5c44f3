"""A fixture with known numbers: every figure of tests/reports is worked out by hand here.

Group "BIN Centrum" (Hasselt, zone Hazodi), weeks W0..W3 of a period starting 10 weeks ago:
ten alerts that reached the group (i = 0..9)
  week         0 0 0 1 1 1 2 2 3 3
  category     burglary x4, theft x3, vandalism x3
  status       closed 0..7, open 8, 9
  outcome      false alarm 0..3, police handled 4, 5, suspect caught 6, unresolved 7
  call         "101" for 0..7 (delay 1..8 min), none for 8 (but "police called" in the
               text: confirmed) and 9 (unconfirmed)              -> compliance 9/10
  ack          0..5 after 3, 5, 7, 9, 11, 60 min (a second, later ack each)
  close        0..7 after 30, 60, 90, 120, 150, 180, 210, 600 min
plus a held alert (third-party data), a rejected one (held for discrimination) and a strike
(vigilantism). "BIN Kiewit" (Hasselt) has 2 open alerts in W0; "BIN Neerharen" (Lanaken,
other zone) 3 alerts in W1. Households: Centrum 2000, Kiewit 500.
"""

from datetime import timedelta

import pytest
from django.utils import timezone

from buurtwacht.alerts.models import Alert, AlertEvent, Strike
from buurtwacht.organisation.demo import hexagon
from buurtwacht.organisation.models import Group, Neighbourhood
from buurtwacht.reports.data import BRUSSELS, Period
from buurtwacht.reports.models import NeighbourhoodStats

CALL = [1, 2, 3, 4, 5, 6, 7, 8]
ACK = [3, 5, 7, 9, 11, 60]
CLOSE = [30, 60, 90, 120, 150, 180, 210, 600]
OUTCOMES = ["false_alarm"] * 4 + ["police_handled"] * 2 + ["suspect_caught", "unresolved"]
WEEKS = [0, 0, 0, 1, 1, 1, 2, 2, 3, 3]
CATEGORIES = ["burglary"] * 4 + ["theft"] * 3 + ["vandalism"] * 3


def _monday_weeks_ago(n):
    today = timezone.localdate()
    return today - timedelta(days=today.weekday(), weeks=n)


def make(group, author, created, *, called="101", call_min=0, status="open", **extra):
    alert = Alert.objects.create(
        group=group,
        author=author,
        category=extra.pop("category", "burglary"),
        status=status,
        called_number=called,
        called_at=created - timedelta(minutes=call_min),
        what="Twee mannen aan de achterdeur",
        place="Kerkstraat 12",
        occurred_at=created,
        verdict=extra.pop("verdict", "allow"),
        **extra,
    )
    Alert.objects.filter(pk=alert.pk).update(created_at=created)
    alert.created_at = created
    return alert


@pytest.fixture
def fixture(world, make_user):
    w = world
    first = _monday_weeks_ago(10)
    w.period = Period(first, 4)
    w.first = first

    def at(week, minute=0):
        from datetime import datetime, time

        day = first + timedelta(weeks=week, days=2)
        return datetime.combine(day, time(10, 0), tzinfo=BRUSSELS) + timedelta(minutes=minute)

    w.at = at
    w.kiewit = Neighbourhood.objects.create(
        name="Kiewit", municipality=w.hasselt, boundary=hexagon(5.35, 50.956)
    )
    w.kiewit_group = Group.objects.create(name="BIN Kiewit", neighbourhood=w.kiewit)
    NeighbourhoodStats.objects.create(neighbourhood=w.hood, households=2000)
    NeighbourhoodStats.objects.create(neighbourhood=w.kiewit, households=500)
    author = w.coordinator
    w.alerts = []
    for i in range(10):
        created = at(WEEKS[i], i)
        closed = i < 8
        alert = make(
            w.group,
            author,
            created,
            called="101" if i < 8 else "",
            call_min=CALL[i] if i < 8 else 0,
            status="closed" if closed else "open",
            category=CATEGORIES[i],
            outcome=OUTCOMES[i] if closed else "",
            closed_at=created + timedelta(minutes=CLOSE[i]) if closed else None,
            findings=["police_called"] if i == 8 else [],
        )
        if i < len(ACK):
            for kind, minutes in (("acknowledged", ACK[i]), ("acknowledged", ACK[i] + 30)):
                event = AlertEvent.objects.create(alert=alert, kind=kind)
                AlertEvent.objects.filter(pk=event.pk).update(
                    at=created + timedelta(minutes=minutes)
                )
        w.alerts.append(alert)
    make(w.group, author, at(1), status="held", verdict="hold", findings=["third_party_data"])
    make(w.group, author, at(2), status="rejected", verdict="hold", findings=["discrimination"])
    strike = Strike.objects.create(group=w.group, user=author, findings=["vigilantism"], text="x")
    Strike.objects.filter(pk=strike.pk).update(created_at=at(3))
    for n in range(2):
        make(w.kiewit_group, author, at(0, n), call_min=0)
    for n in range(3):
        make(w.other_group, author, at(1, n), call_min=2)
    w.analyst = make_user("analyst", role="provincial_analyst", province="Limburg")
    return w
