"""Reports benchmark: the zone dashboard over two years and 100,000 alerts.

    python bench/reports.py [--alerts 100000] [--repeat 5]

Uses the database DATABASE_URL names (SQLite under a temporary folder by default; on
PostgreSQL use a database of your own, the bench adds a zone numbered 9998). Builds one zone
with 4 municipalities and 20 neighbourhoods (one group each) and spreads the alerts over 104
weeks with bulk_create (60 % acknowledged, 85 % closed). Two cases: "all stored" (no purge ever
ran: the worst case for the live GROUP BYs) and "folded" (after the retention purge: what a
real deployment holds, the last 30 days stored, the rest in the aggregate tables; made by
the retention job itself, whose time is printed). Measured:
GET of the zone dashboard page through Django's test client (all queries, charts, map,
template), median and max of --repeat runs after one warm-up. Target: under 500 ms.
Also reported, being less noisy on a shared machine: the report's SQL time (the sum of the
query times Django records; on SQLite a grouped query that streams its rows finishes in
fetchall, outside that sum, so the time of reports.dashboard.build, all queries with their
fetching and the Python that merges them, is shown too), the page's CPU time in this process
(time.process_time: on SQLite all of it, queries included, and unaffected by waiting for a
core; on PostgreSQL the Python side only) and the load average.
After building and after the purge the tables are analysed (VACUUM ANALYZE on PostgreSQL,
ANALYZE on SQLite), as autovacuum or a maintenance job would have done in a deployment.
"""

import argparse
import os
import random
import statistics
import sys
import tempfile
import time
from datetime import timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
if not os.environ.get("DATABASE_URL"):
    os.environ["BUURTWACHT_VAR_DIR"] = tempfile.mkdtemp(prefix="bw-bench-")
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "buurtwacht.settings")
os.environ["ALLOWED_HOSTS"] = "testserver"

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from django.utils import timezone  # noqa: E402

from buurtwacht.alerts.models import Alert, AlertEvent  # noqa: E402
from buurtwacht.organisation.demo import hexagon  # noqa: E402
from buurtwacht.organisation.models import (  # noqa: E402
    Group,
    Municipality,
    Neighbourhood,
    PoliceZone,
    StaffRole,
    User,
)
from buurtwacht.privacy.retention import purge  # noqa: E402

ZONE = "9998"
CATEGORIES = ["burglary", "suspicious_person", "suspicious_vehicle", "theft", "vandalism", "scam"]
OUTCOMES = ["false_alarm", "police_handled", "suspect_caught", "unresolved"]


def build(n_alerts: int, rng: random.Random) -> tuple[PoliceZone, User]:
    zone = PoliceZone.objects.create(number=ZONE, name="Bench zone")
    groups = []
    for m in range(4):
        muni = Municipality.objects.create(nis_code=f"9{m}998", name=f"Bench {m}", zone=zone)
        for h in range(5):
            hood = Neighbourhood.objects.create(
                name=f"Bench {m}-{h}",
                municipality=muni,
                boundary=hexagon(5.2 + m * 0.05, 50.9 + h * 0.02),
            )
            groups.append(Group.objects.create(name=f"BIN {m}-{h}", neighbourhood=hood))
    admin = User.objects.create(username=f"bench-admin-{ZONE}")
    StaffRole.objects.create(user=admin, kind=StaffRole.Kind.ZONE_ADMIN, zone=zone)
    now = timezone.now()
    field = Alert._meta.get_field("created_at")
    field.auto_now_add = False  # bulk_create keeps the spread-out creation times
    try:
        for start in range(0, n_alerts, 5000):
            batch = []
            for _ in range(min(5000, n_alerts - start)):
                created = now - timedelta(minutes=rng.randint(60, 104 * 7 * 1440))
                closed = rng.random() < 0.85
                batch.append(
                    Alert(
                        group=rng.choice(groups),
                        category=rng.choice(CATEGORIES),
                        status="closed" if closed else "open",
                        called_number="101" if rng.random() < 0.9 else "",
                        called_at=created - timedelta(minutes=rng.randint(0, 15)),
                        what="bench",
                        place="bench",
                        occurred_at=created,
                        verdict="allow",
                        outcome=rng.choice(OUTCOMES) if closed else "",
                        closed_at=created + timedelta(minutes=rng.randint(10, 900))
                        if closed
                        else None,
                        created_at=created,
                    )
                )
            made = Alert.objects.bulk_create(batch)
            events = [
                AlertEvent(
                    alert=a,
                    kind="acknowledged",
                    at=a.created_at + timedelta(minutes=rng.randint(1, 120)),
                )
                for a in made
                if rng.random() < 0.6
            ]
            ack_field = AlertEvent._meta.get_field("at")
            ack_field.auto_now_add = False
            try:
                AlertEvent.objects.bulk_create(events)
            finally:
                ack_field.auto_now_add = True
    finally:
        field.auto_now_add = True
    return zone, admin


def analyse() -> None:
    """Table statistics, and on PostgreSQL the visibility map index-only scans need."""
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            for table in ("alerts_alert", "alerts_alertevent", "reports_alertcount"):
                cursor.execute(f"VACUUM ANALYZE {table}")
        else:
            cursor.execute("ANALYZE")


def sign_in(admin: User) -> Client:
    """A client signed in as the zone admin, second factor passed (staff pages need it)."""
    from django_otp import DEVICE_ID_SESSION_KEY
    from django_otp.plugins.otp_totp.models import TOTPDevice

    client = Client()
    client.force_login(admin)
    device = TOTPDevice.objects.create(user=admin, name="bench", confirmed=True)
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.save()
    return client


def measure(client: Client, url: str, repeat: int, scope, period) -> dict[str, list[float]]:
    """Page time and its SQL time per run, and the time of build() (the report data) alone."""
    from buurtwacht.reports.dashboard import build as report

    assert client.get(url).status_code == 200  # warm-up
    out: dict[str, list[float]] = {"page": [], "cpu": [], "sql": [], "build": []}
    for _ in range(repeat):
        with CaptureQueriesContext(connection) as queries:
            t0, c0 = time.perf_counter(), time.process_time()
            response = client.get(url)
            out["page"].append((time.perf_counter() - t0) * 1000)
            out["cpu"].append((time.process_time() - c0) * 1000)
        assert response.status_code == 200
        out["sql"].append(sum(float(q["time"]) for q in queries.captured_queries) * 1000)
        t0 = time.perf_counter()
        report(scope, period)
        out["build"].append((time.perf_counter() - t0) * 1000)
    return out


def _line(name: str, stored: int, times: dict[str, list[float]]) -> str:
    page, median = times["page"], {k: statistics.median(v) for k, v in times.items()}
    ok = "ok" if median["page"] < 500 else "SLOW"
    return (
        f"{name:<12} {stored:>8} {median['page']:>7.0f} {max(page):>7.0f} {median['cpu']:>7.0f} "
        f"{median['sql']:>7.0f} {median['build']:>7.0f}  <500 {ok}"
    )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--alerts", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--no-purge", action="store_true", help="skip the folded case")
    args = parser.parse_args()
    call_command("migrate", verbosity=0)
    if PoliceZone.objects.filter(number=ZONE).exists():
        sys.exit(f"zone {ZONE} exists already in this database: use a fresh one")
    t0 = time.perf_counter()
    zone, admin = build(args.alerts, random.Random(3))
    built = time.perf_counter() - t0
    analyse()
    client = sign_in(admin)
    today = timezone.localdate()
    url = f"/reports/zone/{ZONE}/?from={(today - timedelta(weeks=104)).isoformat()}&to={today}"
    from buurtwacht.reports.access import zone_scope
    from buurtwacht.reports.data import Period

    scope = zone_scope(admin, ZONE)  # as the page builds it
    period = Period.covering(today - timedelta(weeks=104), today)
    header = (
        f"{'case':<12} {'stored':>8} {'page ms':>7} {'max':>7} {'cpu ms':>7} {'sql ms':>7} "
        f"{'build':>7}"
    )
    rows = [("all stored", Alert.objects.count(), measure(client, url, args.repeat, scope, period))]
    print(f"built in {built:.1f} s\n{header}\n{_line(*rows[0])}", flush=True)
    if not args.no_purge:
        t1 = time.perf_counter()
        purge()
        purged = time.perf_counter() - t1
        analyse()
        stored = Alert.objects.count()
        rows.append(("folded", stored, measure(client, url, args.repeat, scope, period)))
        print(f"purge (fold) in {purged:.1f} s")
    print(f"\ndatabase: {connection.vendor}; {args.alerts} alerts over 104 weeks, 20 groups")
    print(f"medians of {args.repeat} runs (page: also the max); load average {_load()}\n")
    print(header)
    for row in rows:
        print(_line(*row))


def _load() -> str:
    try:
        return " ".join(Path("/proc/loadavg").read_text().split()[:3])
    except OSError:
        return "unknown"


if __name__ == "__main__":
    main()
