"""Shared fixtures: real objects in the real test database, no mocks of our own code."""

from datetime import date

import pytest

from buurtwacht.organisation.demo import hexagon
from buurtwacht.organisation.models import (
    Group,
    Membership,
    Municipality,
    Neighbourhood,
    PoliceZone,
    StaffRole,
    User,
)
from tests.accounts.otp_sessions import staff_sessions_pass_the_second_factor  # noqa: F401

HASSELT = (5.3378, 50.9307)
LANAKEN = (5.6470, 50.8930)


@pytest.fixture
def make_user(db):
    counter = iter(range(1, 1_000_000))

    def make(username=None, *, birth_date=date(1985, 3, 1), role=None, **scope):
        user = User.objects.create(
            username=username or f"user{next(counter)}", birth_date=birth_date
        )
        if role:
            StaffRole.objects.create(user=user, kind=role, **scope)
        return user

    return make


@pytest.fixture
def world(db, make_user):
    """Two zones, each with a municipality, a neighbourhood, staff and a draft group."""
    w = type("World", (), {})()
    w.zone = PoliceZone.objects.create(number="5380", name="PZ Hazodi")
    w.other_zone = PoliceZone.objects.create(number="5379", name="PZ Lanaken-Maasmechelen")
    w.hasselt = Municipality.objects.create(nis_code="71022", name="Hasselt", zone=w.zone)
    w.lanaken = Municipality.objects.create(nis_code="73042", name="Lanaken", zone=w.other_zone)
    w.hood = Neighbourhood.objects.create(
        name="Centrum", municipality=w.hasselt, boundary=hexagon(*HASSELT)
    )
    w.other_hood = Neighbourhood.objects.create(
        name="Neerharen", municipality=w.lanaken, boundary=hexagon(*LANAKEN)
    )
    w.group = Group.objects.create(name="BIN Centrum", neighbourhood=w.hood)
    w.other_group = Group.objects.create(name="BIN Neerharen", neighbourhood=w.other_hood)
    w.zone_admin = make_user("za", role=StaffRole.Kind.ZONE_ADMIN, zone=w.zone)
    w.police = make_user("wi", role=StaffRole.Kind.POLICE_CONTACT, zone=w.zone)
    w.other_police = make_user("wi2", role=StaffRole.Kind.POLICE_CONTACT, zone=w.other_zone)
    w.prevention = make_user("po", role=StaffRole.Kind.PREVENTION_OFFICER, municipality=w.hasselt)
    w.coordinator = make_user("coord")
    Membership.objects.create(
        group=w.group,
        user=w.coordinator,
        role=Membership.Role.COORDINATOR,
        status=Membership.Status.ACTIVE,
    )
    return w


@pytest.fixture(autouse=True)
def english_by_default():
    """Tests read messages in English unless they switch language themselves."""
    from django.utils import translation

    with translation.override("en"):
        yield


def require_tool(path: str, why: str) -> None:
    """Skip locally when a tool is missing, but fail under CI=true: CI must run everything."""
    import os
    import shutil

    if shutil.which(path) or os.path.exists(path):
        return
    if os.environ.get("CI") == "true":
        pytest.fail(f"{path} is required in CI ({why}) but is missing")
    pytest.skip(f"{path} is missing ({why}); CI installs it")


def close_connections_opened_under_playwright() -> None:
    """Django keeps its connections in context variables, and leaving sync_playwright()
    gives this thread back the context it had before: a connection the test opened in
    between is then no longer the one the database teardown closes, and stays open until
    garbage collection. On SQLite such a stray connection kept the lock state that once let
    a server delete the WAL this process wrote to (see tests/privacy/test_erasure_on_disk.py);
    so close them while they are still reachable."""
    from django.db import connections

    connections.close_all()


def subprocess_database_url(connection) -> str:
    """A DATABASE_URL pointing a child process at the current test database."""
    s = connection.settings_dict
    if connection.vendor == "sqlite":
        return f"sqlite:///{s['NAME']}"
    auth = s["USER"] + (f":{s['PASSWORD']}" if s.get("PASSWORD") else "")
    return f"postgres://{auth}@{s['HOST'] or '127.0.0.1'}:{s['PORT'] or 5432}/{s['NAME']}"


@pytest.fixture
def server_process(transactional_db, tmp_path):
    """Start `buurtwacht runserver` on a free port against the test database."""
    import os
    import socket
    import subprocess
    import sys
    import time
    import urllib.request

    from django.db import connection

    started = []

    def start(**extra_env):
        """Start a server and make sure the one answering is ours: a port looked up as free
        can be taken by another listener before the child binds it (then the child exits)."""
        for _ in range(5):
            with socket.socket() as s:
                s.bind(("127.0.0.1", 0))
                port = s.getsockname()[1]
            env = {**os.environ, "DATABASE_URL": subprocess_database_url(connection), **extra_env}
            proc = subprocess.Popen(
                [sys.executable, "-m", "buurtwacht", "runserver", f"127.0.0.1:{port}"], env=env
            )
            started.append(proc)
            url = f"http://127.0.0.1:{port}"
            if _answers_as_buurtwacht(url, proc):
                return url
            proc.kill()
        raise RuntimeError("server did not start")

    def _answers_as_buurtwacht(url, proc) -> bool:
        for _ in range(150):
            if proc.poll() is not None:
                return False  # could not bind: someone else has the port
            try:
                body = urllib.request.urlopen(url + "/healthz", timeout=1).read()
            except urllib.error.HTTPError as exc:
                body = exc.read()
            except OSError:
                time.sleep(0.1)
                continue
            if b'"database"' in body:
                time.sleep(0.2)
                return proc.poll() is None
            time.sleep(0.1)
        return False

    yield start
    for proc in started:
        proc.terminate()
        proc.wait(timeout=10)


@pytest.fixture(scope="session", autouse=True)
def _end_stray_database_sessions(django_db_setup, django_db_blocker):
    """Before the PostgreSQL test database is dropped, end sessions that server threads or
    child processes of the live-feed tests may still hold, so the drop cannot fail."""
    yield
    from django.db import connection

    if connection.vendor != "postgresql":
        return
    with django_db_blocker.unblock(), connection.cursor() as cursor:
        cursor.execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
            "WHERE datname = current_database() AND pid <> pg_backend_pid()"
        )
