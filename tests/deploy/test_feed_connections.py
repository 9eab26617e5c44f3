"""Open live feeds must not hold database connections: PostgreSQL allows about a hundred
clients, and a deployment holds thousands of feeds (found by bench/load.py on PostgreSQL:
"too many clients already" once ~100 feeds were open)."""

import os
import subprocess
import sys
from pathlib import Path

from django.db import connection

from tests.live.conftest import (  # noqa: F401 - fixtures
    cookie_for,
    free_port,
    member,
    server_env,
    sse,
    stop,
    wait_for_port,
)

FEEDS = 30


def database_connections(server_pid: int) -> int:
    """Connections to the test database: PostgreSQL's own count (this test's one excluded),
    or for SQLite the server process's open handles on the database file."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() "
                "AND pid <> pg_backend_pid()"
            )
            return cursor.fetchone()[0]
    name = os.path.realpath(connection.settings_dict["NAME"])
    fds = Path(f"/proc/{server_pid}/fd")
    return sum(1 for fd in fds.iterdir() if os.path.realpath(fd) == name)


def test_open_feeds_hold_no_database_connection(
    transactional_db,
    world,
    member,  # noqa: F811
    cookie_for,  # noqa: F811
    sse,  # noqa: F811
):
    cookies = [cookie_for(member()) for _ in range(FEEDS)]
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "buurtwacht", "runserver", f"127.0.0.1:{port}"], env=server_env()
    )
    try:
        wait_for_port(port, proc=server)
        before = database_connections(server.pid)
        url = f"http://127.0.0.1:{port}/live/groups/{world.group.pk}/events"
        for client in [sse(url, cookie) for cookie in cookies]:
            client.wait_connected(10)
        during = database_connections(server.pid)
        sse.close_all()
    finally:
        stop(server)
    assert during - before < 5, f"{during - before} connections held by {FEEDS} open feeds"
