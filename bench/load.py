"""Load benchmark (not a test): members posting alerts while thousands hold live feeds.

    .venv/bin/python bench/load.py                     # SQLite, one web process, one worker
    .venv/bin/python bench/load.py --posters 50 --feeds 500 --duration 10   # a quick look
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/bench REDIS_URL=redis://127.0.0.1:6379/5 \\
        .venv/bin/python bench/load.py --web 2 --workers 2

Real processes on loopback only: `buurtwacht runserver` (--web of them; more than one needs
REDIS_URL, which joins their live feeds) and `buurtwacht worker`, on a scratch test database
that is created and dropped here (SQLite under a temporary folder unless DATABASE_URL is set).
The clients are httpx async clients in this process: --feeds members hold SSE feeds (spread
over the web processes), --posters other members each post --posts alerts through the JSON API,
evenly over --duration seconds, spread over --groups live groups.

Prints p50/p99/max of posting (request sent -> 201) and of delivery to live clients (post
sent -> event received, per feed, and per alert on ALL its group's feeds: the last one; the
event is published on commit, before the 201 goes out, so this is the honest clock),
with the error count: failed connects, non-201 posts, held alerts, events that never came.
Bounded: every phase has a deadline and the whole run stops after --timeout seconds.
"""

import argparse
import asyncio
import json
import os
import resource
import signal
import socket
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
if not os.environ.get("DATABASE_URL"):
    os.environ["BUURTWACHT_VAR_DIR"] = tempfile.mkdtemp(prefix="bw-load-")
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "buurtwacht.settings")

import django  # noqa: E402

django.setup()

import httpx  # noqa: E402
from django.conf import settings  # noqa: E402
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY  # noqa: E402
from django.contrib.sessions.backends.db import SessionStore  # noqa: E402
from django.contrib.sessions.models import Session  # noqa: E402
from django.db import connection  # noqa: E402
from django.utils import timezone  # noqa: E402
from django.utils.crypto import get_random_string  # noqa: E402

from buurtwacht.organisation import actions  # noqa: E402
from buurtwacht.organisation.demo import hexagon  # noqa: E402
from buurtwacht.organisation.models import (  # noqa: E402
    Group,
    Membership,
    Municipality,
    Neighbourhood,
    PoliceZone,
    StaffRole,
    User,
)  # fmt: skip

CSRF = get_random_string(32)
ALERT = {
    "category": "suspicious_person",
    "what": "Twee mannen lopen van deur tot deur en voelen aan de klinken van voordeuren.",
    "description": "Donkere jassen, ongeveer 30 jaar, een met een rode rugzak.",
    "direction": "richting station",
    "called_number": "101",
}
STREETS = ["Kerkstraat", "Molenstraat", "Stationsplein", "Dorpsstraat", "Schoolstraat"]


def parse_args():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    p.add_argument("--posters", type=int, default=200, help="members who post (default 200)")
    p.add_argument("--feeds", type=int, default=2000, help="members holding a feed (2000)")
    p.add_argument("--groups", type=int, default=10, help="live groups to spread them over")
    p.add_argument("--posts", type=int, default=1, help="alerts per poster (protocol: <= 3/h)")
    p.add_argument("--duration", type=float, default=20.0, help="seconds to spread posts over")
    p.add_argument("--web", type=int, default=0, help="web processes (default 1; 2 with Redis)")
    p.add_argument("--workers", type=int, default=1, help="`buurtwacht worker` processes")
    p.add_argument("--timeout", type=float, default=180.0, help="hard stop for the whole run")
    args = p.parse_args()
    redis_url = os.environ.get("REDIS_URL", "")
    args.web = args.web or (2 if redis_url else 1)
    if args.web > 1 and not redis_url:
        p.error("several web processes share live feeds through Redis: set REDIS_URL")
    if (args.posters + args.feeds) / args.groups > 249:
        p.error("more members per group than the protocol allows (250): raise --groups")
    return args


# --- the world -----------------------------------------------------------------------------


def build_world(args) -> list[dict]:
    """Live groups with their members; returns per group its id, posters' and watchers'
    session keys."""
    zone = PoliceZone.objects.create(number="5380", name="PZ Hazodi")
    town = Municipality.objects.create(nis_code="71022", name="Hasselt", zone=zone)
    staff = {}
    for name, kind, scope in (
        ("za", StaffRole.Kind.ZONE_ADMIN, {"zone": zone}),
        ("wi", StaffRole.Kind.POLICE_CONTACT, {"zone": zone}),
        ("po", StaffRole.Kind.PREVENTION_OFFICER, {"municipality": town}),
    ):
        staff[name] = User.objects.create(username=name, birth_date=date(1980, 1, 1))
        StaffRole.objects.create(user=staff[name], kind=kind, **scope)
    posters_per, feeds_per = split(args.posters, args.groups), split(args.feeds, args.groups)
    groups = []
    for g in range(args.groups):
        hood = Neighbourhood.objects.create(
            name=f"Wijk {g}", municipality=town, boundary=hexagon(5.30 + g * 0.02, 50.93)
        )
        group = Group.objects.create(
            name=f"BIN Wijk {g}", neighbourhood=hood, police_contact=staff["wi"]
        )
        actions.approve_group(group, by=staff["po"])
        actions.pin_protocol(group, protocol_id="be-type")
        users = User.objects.bulk_create(
            [User(username=f"g{g}u{i}", birth_date=date(1985, 1, 1), language="nl")
             for i in range(1 + posters_per[g] + feeds_per[g])], batch_size=500,
        )  # fmt: skip
        Membership.objects.bulk_create(
            [Membership(group=group, user=u, status=Membership.Status.ACTIVE,
                        accepted_protocol_version=group.protocol_version,
                        role=Membership.Role.COORDINATOR if i == 0 else Membership.Role.MEMBER)
             for i, u in enumerate(users)], batch_size=500,
        )  # fmt: skip
        actions.go_live(group, by=staff["za"])
        coordinator, *keys = sessions(users)
        groups.append(
            {"id": group.pk, "coordinator": coordinator, "posters": keys[: posters_per[g]],
             "feeds": keys[posters_per[g] :]}
        )  # fmt: skip
    return groups


def split(total: int, parts: int) -> list[int]:
    return [total // parts + (1 if i < total % parts else 0) for i in range(parts)]


def sessions(users) -> list[str]:
    """Signed-in sessions written directly (a login per member would dominate the set-up)."""
    expire = timezone.now() + timedelta(days=1)
    rows, keys = [], []
    for user in users:
        key = get_random_string(32)
        data = {
            SESSION_KEY: str(user.pk),
            BACKEND_SESSION_KEY: "django.contrib.auth.backends.ModelBackend",
            HASH_SESSION_KEY: user.get_session_auth_hash(),
        }
        rows.append(Session(session_key=key, session_data=SessionStore().encode(data),
                            expire_date=expire))  # fmt: skip
        keys.append(key)
    Session.objects.bulk_create(rows, batch_size=500)
    return keys


# --- the processes -------------------------------------------------------------------------


def database_url() -> str:
    s = connection.settings_dict
    if connection.vendor == "sqlite":
        return f"sqlite:///{s['NAME']}"
    auth = s["USER"] + (f":{s['PASSWORD']}" if s.get("PASSWORD") else "")
    return f"postgres://{auth}@{s['HOST'] or '127.0.0.1'}:{s['PORT'] or 5432}/{s['NAME']}"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_processes(args) -> tuple[list[str], list[subprocess.Popen]]:
    env = {
        **os.environ,
        "DATABASE_URL": database_url(),
        "SECRET_KEY": settings.SECRET_KEY,
        "FIELD_ENCRYPTION_KEY": settings.FIELD_ENCRYPTION_KEYS,
        "BLIND_INDEX_KEY": settings.BLIND_INDEX_KEY,
        "LOG_LEVEL": "ERROR",
        # as in production: DEBUG wraps every query in CursorDebugWrapper and keeps it
        "DEBUG": os.environ.get("DEBUG", "0"),
        # PostgreSQL: a pool per process, or a burst of requests exhausts max_connections.
        "DATABASE_POOL_MAX_SIZE": os.environ.get("DATABASE_POOL_MAX_SIZE", "8"),
    }
    ports = [free_port() for _ in range(args.web)]
    cmd = [sys.executable, "-m", "buurtwacht"]
    procs = [subprocess.Popen([*cmd, "runserver", f"127.0.0.1:{p}"], env=env) for p in ports]
    procs += [subprocess.Popen([*cmd, "worker"], env=env) for _ in range(args.workers)]
    deadline = time.monotonic() + 30
    for port in ports:
        while True:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
                break
            except OSError:
                if time.monotonic() > deadline or any(p.poll() is not None for p in procs):
                    stop(procs)
                    raise SystemExit("a server process did not start") from None
                time.sleep(0.1)
    return [f"http://127.0.0.1:{p}" for p in ports], procs


def stop(procs) -> None:
    for proc in procs:
        if proc.poll() is None:
            proc.send_signal(signal.SIGTERM)
    for proc in procs:
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def cpu_seconds(proc) -> float:
    """User + system CPU time of a child so far (Linux /proc; NaN elsewhere)."""
    try:
        fields = Path(f"/proc/{proc.pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    except (OSError, IndexError, ValueError):
        return float("nan")


def raise_open_files_limit(needed: int) -> None:
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    if soft < needed:
        resource.setrlimit(resource.RLIMIT_NOFILE, (min(hard, max(needed, soft)), hard))
    soft = resource.getrlimit(resource.RLIMIT_NOFILE)[0]
    if soft < needed:
        raise SystemExit(f"need {needed} open files, the hard limit is {hard}")


# --- the clients ---------------------------------------------------------------------------


class Run:
    def __init__(self):
        self.errors: dict[str, int] = {}
        self.connected = 0
        self.received: dict[int, list[float]] = {}  # alert id -> receive times, one per feed
        # alert id -> (group id, request sent at, 201 received at)
        self.posted: dict[int, tuple[int, float, float]] = {}
        self.post_seconds: list[float] = []
        self.all_connected = asyncio.Event()
        self.expected_feeds = 0

    def error(self, kind: str) -> None:
        self.errors[kind] = self.errors.get(kind, 0) + 1


async def hold_feed(run: Run, base: str, group_id: int, key: str, gate) -> None:
    """One EventSource, on a plain asyncio connection: HTTP/1.1 GET, chunked body parsed by
    hand. (httpx per feed cost the bench more CPU than the server spent on the feeds, on the
    same cores.)"""
    host, port = base.removeprefix("http://").split(":")
    request = (
        f"GET /live/groups/{group_id}/events HTTP/1.1\r\nHost: {host}:{port}\r\n"
        f"Accept: text/event-stream\r\nCookie: sessionid={key}\r\n\r\n"
    ).encode()
    writer = None
    try:
        async with gate:  # a bounded number of connects at a time
            reader, writer = await asyncio.open_connection(host, int(port), limit=1 << 20)
            writer.write(request)
            status = int((await reader.readline()).split()[1])
            while (await reader.readline()) not in (b"\r\n", b""):
                pass  # headers
        if status != 200:
            run.error(f"feed HTTP {status}")
            return
        buffer = b""
        while True:
            size = int((await reader.readline()).strip() or b"0", 16)
            if size == 0:
                run.error("feed ended by the server")
                return
            buffer += (await reader.readexactly(size + 2))[:-2]
            *frames, buffer = buffer.split(b"\n\n")
            for text in frames:
                read_frame(run, text)
    except asyncio.CancelledError:
        raise
    except Exception as exc:  # noqa: BLE001 - counted, the run goes on
        run.error(f"feed {exc.__class__.__name__}")
    finally:
        if writer is not None:
            writer.close()


def read_frame(run: Run, text: bytes) -> None:
    """One SSE message: the connected comment, or an alert whose arrival is timed."""
    if text.startswith(b"retry:") and b": connected" in text:
        run.connected += 1
        if run.connected == run.expected_feeds:
            run.all_connected.set()
        return
    if b"event: alert\n" not in text:
        return
    data = text[text.index(b"data: ") + 6 :]
    ref = json.loads(data)["data"]["ref_id"]
    run.received.setdefault(ref, []).append(time.perf_counter())


async def post_alerts(run: Run, client, base: str, group_id: int, key: str, at: list[float],
                      start: float, n: int) -> None:  # fmt: skip
    headers = {"Cookie": f"sessionid={key}; csrftoken={CSRF}", "X-CSRFToken": CSRF}
    for i, when in enumerate(at):
        await asyncio.sleep(max(0.0, start + when - time.perf_counter()))
        now = timezone.now()
        body = {
            **ALERT,
            "where": f"{STREETS[(n + i) % len(STREETS)]} {n + 1}",
            "when": (now - timedelta(minutes=5)).isoformat(),
            "called_at": (now - timedelta(minutes=3)).isoformat(),
            "force_new": True,
        }
        sent = time.perf_counter()
        try:
            response = await client.post(f"{base}/api/groups/{group_id}/alerts", json=body,
                                         headers=headers)  # fmt: skip
        except Exception as exc:  # noqa: BLE001
            run.error(f"post {exc.__class__.__name__}")
            continue
        accepted = time.perf_counter()
        if response.status_code != 201:
            run.error(f"post HTTP {response.status_code}")
            continue
        answer = response.json()
        if answer["status"] != "open":
            run.error(f"post {answer['status']}")  # held for review: members never see it
            continue
        run.post_seconds.append(accepted - sent)
        run.posted[answer["id"]] = (group_id, sent, accepted)


async def warm_up(client, bases: list[str], groups: list[dict]) -> None:
    """One alert per web process before anything is measured, by a group's coordinator: the
    first alert a process accepts builds the screening index (lru_cache, about 1.5 s of CPU)
    and loads templates; a deployment pays that once per process start, not per alert."""
    for base, group in zip(bases, groups, strict=False):
        now = timezone.now()
        body = {**ALERT, "where": "Kerkstraat 1", "force_new": True,
                "when": (now - timedelta(minutes=5)).isoformat(),
                "called_at": (now - timedelta(minutes=3)).isoformat()}  # fmt: skip
        headers = {"Cookie": f"sessionid={group['coordinator']}; csrftoken={CSRF}",
                   "X-CSRFToken": CSRF}  # fmt: skip
        response = await client.post(f"{base}/api/groups/{group['id']}/alerts", json=body,
                                     headers=headers)  # fmt: skip
        if response.status_code != 201:
            raise SystemExit(f"warm-up post failed: HTTP {response.status_code}")


async def drive(args, bases: list[str], groups: list[dict], cpu) -> Run:
    """`cpu()`: the servers' CPU seconds so far (web, workers), sampled between phases."""
    run = Run()
    run.expected_feeds = sum(len(g["feeds"]) for g in groups)
    limits = httpx.Limits(max_connections=None, max_keepalive_connections=args.posters + 10)
    timeout = httpx.Timeout(30.0, read=None)
    async with httpx.AsyncClient(limits=limits, timeout=timeout) as client:
        # Connects in flight: each holds a database connection while it is checked (PostgreSQL
        # allows ~100 clients in all), and a burst only measures the listen backlog.
        await warm_up(client, bases, groups)
        gate = asyncio.Semaphore(20)
        feeds, n = [], 0
        for g in groups:
            for key in g["feeds"]:
                base = bases[n % len(bases)]
                feeds.append(asyncio.create_task(hold_feed(run, base, g["id"], key, gate)))
                n += 1
        t0, run.cpu = time.perf_counter(), [cpu()]
        try:
            await asyncio.wait_for(run.all_connected.wait(), timeout=120)
        except TimeoutError:
            run.error("feeds not connected in 120 s")  # they then miss alerts: counted too
        connect_s = time.perf_counter() - t0
        run.cpu.append(cpu())
        print(f"{run.connected} feeds connected in {connect_s:.1f} s", file=sys.stderr)
        total_posts = args.posters * args.posts
        start = time.perf_counter() + 0.5
        posters, n = [], 0
        for g in groups:
            for key in g["posters"]:
                at = [
                    (n + j * args.posters) * args.duration / total_posts for j in range(args.posts)
                ]
                base = bases[n % len(bases)]
                posters.append(post_alerts(run, client, base, g["id"], key, at, start, n))
                n += 1
        await asyncio.gather(*posters)
        feeds_of = {g["id"]: len(g["feeds"]) for g in groups}
        deadline = time.perf_counter() + 10  # every event must have arrived by then
        while time.perf_counter() < deadline and any(
            len(run.received.get(a, ())) < feeds_of[gid] for a, (gid, _, _) in run.posted.items()
        ):
            await asyncio.sleep(0.05)
        run.cpu.append(cpu())
        for task in feeds:
            task.cancel()
        await asyncio.gather(*feeds, return_exceptions=True)
    missing = sum(max(0, feeds_of[gid] - len(run.received.get(a, ())))
                  for a, (gid, _, _) in run.posted.items())  # fmt: skip
    if missing:
        run.errors["events never received"] = missing
    run.feeds_of, run.connect_s = feeds_of, connect_s
    return run


# --- the report ----------------------------------------------------------------------------


def percentile(values: list[float], q: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q / 100 * (len(ordered) - 1)))]


def report(args, run: Run, bases) -> None:
    """Delivery is timed from the moment the post was SENT: the event is published when the
    alert commits, before the 201 is written, so "201 -> event" is mostly below zero (the
    share that beat the 201 is printed)."""
    per_feed, per_alert, before_201 = [], [], 0
    for alert_id, (gid, sent, accepted) in run.posted.items():
        times = run.received.get(alert_id, [])
        per_feed += [t - sent for t in times]
        before_201 += sum(t < accepted for t in times)
        if len(times) == run.feeds_of[gid]:
            per_alert.append(max(times) - sent)
    backend = f"{connection.vendor}" + (" + Redis" if os.environ.get("REDIS_URL") else "")
    print(
        f"\n{backend}: {args.web} web, {args.workers} worker(s); {run.connected} feeds "
        f"(connected in {run.connect_s:.1f} s), {args.posters} posters x {args.posts} over "
        f"{args.duration:g} s, {args.groups} groups"
    )
    print(f"{'what':40} {'n':>7} {'p50 ms':>8} {'p99 ms':>8} {'max ms':>8}")
    for label, values in (
        ("posting (sent -> 201)", run.post_seconds),
        ("delivery, per feed (sent -> event)", per_feed),
        ("delivery, all feeds of the group", per_alert),
    ):
        cells = [percentile(values, q) * 1000 for q in (50, 99, 100)]
        print(f"{label:40} {len(values):>7} " + " ".join(f"{c:>8.1f}" for c in cells))
    if per_feed:
        print(f"events received before the poster's 201: {before_201 / len(per_feed):.0%}")
    total = sum(run.errors.values())
    detail = ", ".join(f"{k}: {v}" for k, v in sorted(run.errors.items()))
    print(f"errors: {total}" + (f" ({detail})" if detail else ""))
    (web0, _), (web1, work1), (web2, work2) = run.cpu
    if run.connected:
        print(f"server CPU: {(web1 - web0) * 1000 / run.connected:.1f} ms (web) per feed connect; "
              f"posting phase: web {web2 - web1:.1f} s + worker {work2 - work1:.1f} s for "
              f"{len(run.posted)} alerts and {len(per_feed)} deliveries "
              f"({(web2 - web1) * 1000 / max(1, len(per_feed)):.2f} ms web per delivery, "
              f"all costs included)")  # fmt: skip
    print(f"load average: {Path('/proc/loadavg').read_text().strip()}")


def main() -> None:
    args = parse_args()
    raise_open_files_limit(2 * (args.feeds + args.posters) + 512)  # children inherit it
    old_name = connection.creation.create_test_db(verbosity=0, autoclobber=True)
    procs = []
    try:
        groups = build_world(args)
        connection.close()  # the servers own the database from here
        bases, procs = start_processes(args)
        wall = time.perf_counter()
        web, workers = procs[: args.web], procs[args.web :]

        def cpu() -> tuple[float, float]:
            return sum(map(cpu_seconds, web)), sum(map(cpu_seconds, workers))

        run = asyncio.run(asyncio.wait_for(drive(args, bases, groups, cpu), timeout=args.timeout))
        report(args, run, bases)
        wall = time.perf_counter() - wall
        cpu = [f"{cpu_seconds(p):.1f}" for p in procs]
        web, workers = ", ".join(cpu[: args.web]), ", ".join(cpu[args.web :])
        print(f"CPU seconds over {wall:.0f} s: web {web}; worker {workers}; "
              f"clients {time.process_time():.1f}")  # fmt: skip
    finally:
        stop(procs)
        connection.creation.destroy_test_db(old_name, verbosity=0)


if __name__ == "__main__":
    main()
