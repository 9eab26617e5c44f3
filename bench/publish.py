"""Benchmark (not a test): publish() fan-out to 10,000 members vs a bare bulk insert.

    .venv/bin/python bench/publish.py            # SQLite (scratch test DB)
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/bench \
        .venv/bin/python bench/publish.py

Creates and destroys its own test database; prints a table (best of 5 runs per row).
"""

import os
import sys
import tempfile
import time

os.environ.setdefault("BUURTWACHT_VAR_DIR", tempfile.mkdtemp(prefix="bw-bench-"))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "buurtwacht.settings")

import django  # noqa: E402

django.setup()

from django.db import connection, transaction  # noqa: E402
from django.utils import timezone  # noqa: E402

from buurtwacht.delivery.models import ChannelPreference, Delivery, OutboundMessage  # noqa: E402
from buurtwacht.delivery.outbox import publish  # noqa: E402
from buurtwacht.organisation.models import (  # noqa: E402
    Group,
    Membership,
    Municipality,
    Neighbourhood,
    PoliceZone,
    User,
)  # fmt: skip

N = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000
RUNS = 5


def world() -> tuple[Group, list[int]]:
    zone = PoliceZone.objects.create(number="1", name="Z")
    town = Municipality.objects.create(nis_code="1", name="T", zone=zone)
    hood = Neighbourhood.objects.create(name="H", municipality=town, boundary={})
    group = Group.objects.create(name="G", neighbourhood=hood, status=Group.Status.LIVE)
    users = User.objects.bulk_create([User(username=f"u{i}") for i in range(N)], batch_size=2000)
    Membership.objects.bulk_create(
        [Membership(group=group, user=u, status="active") for u in users], batch_size=2000
    )
    return group, [u.pk for u in users]


def timed(fn) -> float:
    """Best of RUNS, each in a rolled-back transaction so every run starts from the same state."""
    best = float("inf")
    for _ in range(RUNS):
        with transaction.atomic():
            msg = OutboundMessage.objects.create(group=GROUP, kind="test", payload={})
            start = time.perf_counter()
            rows = fn(msg)
            best = min(best, time.perf_counter() - start)
            transaction.set_rollback(True)
    return best, rows


def bare_insert(channels):
    """The floor: one executemany of ready-made rows, no ORM objects, no SELECT."""

    def run(msg):
        now = connection.ops.adapt_datetimefield_value(timezone.now())
        rows = [
            (msg.pk, uid, ch, "pending", 0, now, "", "", f"{msg.pk}:{uid}:{ch}")
            for uid in USER_IDS
            for ch in channels
        ]
        table = Delivery._meta.db_table
        sql = (
            f"INSERT INTO {table} (message_id, recipient_id, channel, status, attempts, "
            "next_attempt_at, claimed_by, last_error, idempotency_key) "
            "VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s)"
        )
        with connection.cursor() as cursor:
            cursor.executemany(sql, rows)
        return len(rows)

    return run


def orm_bulk_create(channels):
    def run(msg):
        now = timezone.now()
        objs = [
            Delivery(message=msg, recipient_id=uid, channel=ch, next_attempt_at=now,
                     idempotency_key=f"{msg.pk}:{uid}:{ch}")
            for uid in USER_IDS for ch in channels
        ]  # fmt: skip
        return len(Delivery.objects.bulk_create(objs, batch_size=1000))

    return run


def main() -> None:
    rows = [("publish (INSERT ... SELECT), web only", publish)]
    rows.append(("bare executemany, web only", bare_insert(["web"])))
    rows.append(("ORM bulk_create, web only", orm_bulk_create(["web"])))
    results = [(label, *timed(fn)) for label, fn in rows]
    ChannelPreference.objects.bulk_create(
        [ChannelPreference(user_id=u, channel=c) for u in USER_IDS for c in ("web", "email")],
        batch_size=2000,
    )
    rows = [("publish (INSERT ... SELECT), web+email", publish)]
    rows.append(("bare executemany, web+email", bare_insert(["web", "email"])))
    results += [(label, *timed(fn)) for label, fn in rows]
    print(f"\n{connection.vendor}, {N} members, best of {RUNS}")
    print(f"{'what':44} {'rows':>7} {'ms':>9}")
    for label, seconds, count in results:
        print(f"{label:44} {count:>7} {seconds * 1000:>9.1f}")


if __name__ == "__main__":
    old_name = connection.creation.create_test_db(verbosity=0, autoclobber=True)
    try:
        GROUP, USER_IDS = world()
        main()
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)
