"""Fan-out benchmark: API accepts an alert -> all deliveries recorded -> live clients notified.

    python bench/fanout.py [--sizes 100,1000,10000,100000] [--json] [--clients 3]

Uses the database DATABASE_URL names (SQLite under a temporary folder by default). For each
size it builds a live group of that many members, connects live clients (in-process pub/sub
subscribers, the same path the SSE view uses), posts an alert through the JSON API (Django's
test client, in process) and stops the clock when every delivery row exists and every client
has the event. Beside it: the floor, the time the same database needs for a bare bulk insert
of the same number of rows in one transaction.
"""

import argparse
import asyncio
import json
import os
import sys
import tempfile
import threading
import time
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
if not os.environ.get("DATABASE_URL"):
    os.environ["BUURTWACHT_VAR_DIR"] = tempfile.mkdtemp(prefix="bw-bench-")
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "buurtwacht.settings")
os.environ["REDIS_URL"] = ""

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection, transaction  # noqa: E402
from django.test import Client  # noqa: E402
from django.utils import timezone  # noqa: E402

from buurtwacht.delivery.live import pubsub  # noqa: E402
from buurtwacht.delivery.models import Delivery, OutboundMessage  # noqa: E402
from buurtwacht.organisation.demo import hexagon  # noqa: E402
from buurtwacht.organisation.models import (  # noqa: E402
    Group,
    Membership,
    Municipality,
    Neighbourhood,
    PoliceZone,
    User,
)
from buurtwacht.protocols import load_protocol  # noqa: E402


def build_group(size: int, tag: str) -> tuple[Group, User]:
    """A live group of `size` members, created directly (admission is not what we measure)."""
    zone, _ = PoliceZone.objects.get_or_create(number="9999", defaults={"name": "Bench zone"})
    muni, _ = Municipality.objects.get_or_create(
        nis_code="99999", defaults={"name": "Bench", "zone": zone}
    )
    hood = Neighbourhood.objects.create(
        name=f"bench {tag}", municipality=muni, boundary=hexagon(5.33, 50.93)
    )
    version = load_protocol("be-type").version
    group = Group.objects.create(
        name=f"bench {tag}",
        neighbourhood=hood,
        status="live",
        protocol_id="be-type",
        protocol_version=version,
    )
    users = [
        User(username=f"b{tag}-{n}", password="!", birth_date=date(1980, 1, 1)) for n in range(size)
    ]
    User.objects.bulk_create(users, batch_size=5000)
    ids = User.objects.filter(username__startswith=f"b{tag}-").values_list("id", flat=True)
    Membership.objects.bulk_create(
        [
            Membership(group=group, user_id=i, status="active", accepted_protocol_version=version)
            for i in ids
        ],
        batch_size=5000,
    )
    return group, User.objects.get(username=f"b{tag}-0")


class LiveClients:
    """Subscribers on their own event loop, like the ASGI server's open feeds."""

    def __init__(self, group_id: int, count: int):
        self.group_id, self.count = group_id, count
        self.received: list[float] = []
        self.ready = threading.Event()
        self.done = threading.Event()
        threading.Thread(target=lambda: asyncio.run(self._run()), daemon=True).start()
        self.ready.wait(5)

    async def _run(self):
        hub = pubsub.get_hub()
        async with _subscribe_all(hub, self.group_id, self.count) as subs:
            self.ready.set()
            await asyncio.gather(*(self._wait(s) for s in subs))
        self.done.set()

    async def _wait(self, sub):
        await asyncio.wait_for(sub.queue.get(), timeout=120)
        self.received.append(time.perf_counter())


class _subscribe_all:
    def __init__(self, hub, group_id, count):
        self.cms = [hub.subscribe(group_id) for _ in range(count)]

    async def __aenter__(self):
        return [await cm.__aenter__() for cm in self.cms]

    async def __aexit__(self, *exc):
        for cm in self.cms:
            await cm.__aexit__(*exc)


def post_alert(client: Client, group: Group) -> None:
    now = timezone.now()
    response = client.post(
        f"/api/groups/{group.pk}/alerts",
        {
            "category": "suspicious_person",
            "what": "Twee mannen voelen aan deurklinken.",
            "where": "Kerkstraat",
            "description": "Donkere jassen, ongeveer 30 jaar.",
            "direction": "richting station",
            "called_number": "101",
            "called_at": (now - timedelta(minutes=2)).isoformat(),
            "force_new": True,
        },
        content_type="application/json",
    )
    assert response.status_code == 201 and response.json()["status"] == "open", response.content


def measure_fanout(group: Group, author: User, clients: int) -> float:
    live = LiveClients(group.pk, clients)
    client = Client()
    client.force_login(author)
    start = time.perf_counter()
    post_alert(client, group)
    assert live.done.wait(120), "live clients were not notified"
    elapsed = max([time.perf_counter()] + live.received) - start
    size = group.memberships.count()
    recorded = Delivery.objects.filter(message__group=group).count()
    assert recorded == size, f"{recorded} deliveries for {size} members"
    return elapsed


def measure_floor(group: Group) -> float:
    """A bare bulk insert of one delivery row per member into the same delivery table (same
    indexes and constraints), in one transaction, with the rows built beforehand."""
    message = OutboundMessage.objects.create(group=group, kind="bench", payload={})
    members = list(group.memberships.values_list("user_id", flat=True))
    now = timezone.now()
    rows = [
        (message.pk, uid, "web", "pending", 0, now, "", "", f"{message.pk}:{uid}:web")
        for uid in members
    ]
    table = connection.ops.quote_name(Delivery._meta.db_table)
    sql = (
        f"INSERT INTO {table} (message_id, recipient_id, channel, status, attempts, "
        "next_attempt_at, claimed_by, last_error, idempotency_key) "
        "VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s)"
    )
    start = time.perf_counter()
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.executemany(sql, rows)
    elapsed = time.perf_counter() - start
    message.delete()  # cascades to the floor rows
    return elapsed


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="100,1000,10000,100000")
    parser.add_argument("--clients", type=int, default=3)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    call_command("migrate", verbosity=0)
    db = connection.vendor
    if not args.json:
        print(f"{'size':>8} {'db':>10} {'fanout_s':>9} {'floor_s':>8} {'ratio':>6}")
    group, author = build_group(10, "warmup")  # load templates, protocols, connections
    measure_fanout(group, author, 1)
    for size in [int(s) for s in args.sizes.split(",")]:
        group, author = build_group(size, f"{size}-{time.time_ns()}")
        floor = measure_floor(group)
        fanout = measure_fanout(group, author, args.clients)
        row = {"size": size, "db": db, "fanout_s": round(fanout, 4), "floor_s": round(floor, 4)}
        if args.json:
            print(json.dumps(row), flush=True)
        else:
            print(
                f"{size:>8} {db:>10} {fanout:>9.3f} {floor:>8.3f} {fanout / floor:>6.2f}",
                flush=True,
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
