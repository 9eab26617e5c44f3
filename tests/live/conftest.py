"""Real servers for the live feed: uvicorn in a thread (shares the in-process hub with the
test, so `broadcast` here reaches it) or `buurtwacht runserver` subprocesses (separate
processes, joined through Redis). The database is the test database, committed
(transactional_db), so servers see what the test wrote."""

import asyncio
import json
import os
import queue
import random
import socket
import subprocess
import sys
import threading
import time
from contextlib import contextmanager

import httpx
import pytest
import uvicorn
from django.conf import settings
from django.db import connection
from django.test import Client

from buurtwacht.organisation.models import Membership
from tests.conftest import subprocess_database_url


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for_port(port: int, timeout: float = 20.0, proc=None) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc is not None and proc.poll() is not None:
            raise RuntimeError(f"server exited with {proc.returncode}")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.2):
                return
        except OSError:
            time.sleep(0.05)
    raise RuntimeError(f"nothing listening on port {port}")


def server_env(**extra) -> dict:
    """Same database and secrets as the test process (session cookies must verify)."""
    env = {
        **os.environ,
        "DATABASE_URL": subprocess_database_url(connection),
        "SECRET_KEY": settings.SECRET_KEY,
        "FIELD_ENCRYPTION_KEY": settings.FIELD_ENCRYPTION_KEYS,
        "BLIND_INDEX_KEY": settings.BLIND_INDEX_KEY,
        "REDIS_URL": "",
    }
    env.update(extra)
    return env


@contextmanager
def subprocess_servers(env: dict, count: int):
    """`count` real `buurtwacht runserver` processes, started together (startup is the slow
    part), yielding their base URLs."""
    ports = [free_port() for _ in range(count)]
    procs = [
        subprocess.Popen(
            [sys.executable, "-m", "buurtwacht", "runserver", f"127.0.0.1:{port}"], env=env
        )
        for port in ports
    ]
    try:
        for port, proc in zip(ports, procs, strict=True):
            wait_for_port(port, proc=proc)
        yield [f"http://127.0.0.1:{port}" for port in ports]
    finally:
        for proc in procs:
            proc.terminate()  # all at once: each may wait out uvicorn's graceful shutdown
        for proc in procs:
            stop(proc)


def stop(proc) -> None:
    proc.terminate()
    try:
        proc.wait(timeout=3)  # uvicorn waits for open feeds; tests close theirs first
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()


@pytest.fixture
def thread_server(transactional_db):
    """The ASGI app in this process, served by uvicorn on its own thread and loop. The socket
    is bound here and handed to uvicorn, so no other process can take the port in between
    (a free port looked up and bound later races with parallel test processes)."""
    from buurtwacht.asgi import application

    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    config = uvicorn.Config(
        application,
        lifespan="off",
        log_level="warning",
        timeout_graceful_shutdown=1,
    )
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    wait_for_port(port)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=10)
    sock.close()


@pytest.fixture
def cookie_for(transactional_db):
    def make(user) -> dict:
        client = Client()
        client.force_login(user, backend="django.contrib.auth.backends.ModelBackend")
        return {settings.SESSION_COOKIE_NAME: client.cookies[settings.SESSION_COOKIE_NAME].value}

    return make


@pytest.fixture
def member(world, make_user):
    def make(group=None, status=Membership.Status.ACTIVE):
        user = make_user()
        Membership.objects.create(group=group or world.group, user=user, status=status)
        return user

    return make


@pytest.fixture
def redis_url():
    """A Redis database for this test; missing Redis fails on CI, skips elsewhere."""
    import redis

    base = os.environ.get("LIVE_TEST_REDIS", "redis://127.0.0.1:6379")
    url = f"{base}/{random.randint(1, 15)}"
    try:
        redis.Redis.from_url(url, socket_connect_timeout=1).ping()
    except redis.exceptions.ConnectionError as exc:
        if os.environ.get("CI") == "true":
            pytest.fail(f"Redis is required on CI ({url}): {exc}")
        pytest.skip(f"no Redis at {url} (set CI=true to make this a failure)")
    return url


class SSEClient:
    """An EventSource-like reader on a background loop: events land in a thread-safe queue."""

    def __init__(self, loop, url, cookies, last_event_id=None):
        self.events: queue.Queue = queue.Queue()
        self.connected = threading.Event()
        self.status = None
        headers = {"Accept": "text/event-stream"}
        if last_event_id is not None:
            headers["Last-Event-ID"] = str(last_event_id)
        self._future = asyncio.run_coroutine_threadsafe(self._run(url, cookies, headers), loop)

    async def _run(self, url, cookies, headers):
        async with httpx.AsyncClient(cookies=cookies, timeout=None) as client:
            async with client.stream("GET", url, headers=headers) as response:
                self.status = response.status_code
                self.content_type = response.headers.get("content-type", "")
                if response.status_code != 200:
                    self.connected.set()
                    return
                await self._read(response)

    async def _read(self, response):
        fields = {}
        async for line in response.aiter_lines():
            if line.startswith(": connected"):
                self.connected.set()
            elif line == "" and "data" in fields:
                self.events.put((time.perf_counter(), fields))
                fields = {}
            elif line and not line.startswith(":"):
                name, _, value = line.partition(":")
                fields[name] = value.removeprefix(" ")

    def wait_connected(self, timeout=5.0):
        assert self.connected.wait(timeout), "feed did not open"
        return self

    def next(self, timeout=1.0) -> dict:
        received_at, fields = self.events.get(timeout=timeout)
        return {
            "id": int(fields["id"]),
            "event": fields.get("event", "message"),
            "data": json.loads(fields["data"]),
            "received_at": received_at,
        }

    def close(self):
        self._future.cancel()
        try:
            self._future.result(timeout=5)
        except BaseException:  # cancelled: that is the point
            pass


@pytest.fixture
def sse():
    """Factory of SSE clients sharing one background loop; all closed at the end."""
    loop = asyncio.new_event_loop()
    thread = threading.Thread(target=loop.run_forever, daemon=True)
    thread.start()
    clients = []

    def open_(url, cookies, last_event_id=None):
        client = SSEClient(loop, url, cookies, last_event_id)
        clients.append(client)
        return client

    def close_all():
        while clients:
            clients.pop().close()

    open_.close_all = close_all
    yield open_
    close_all()
    loop.call_soon_threadsafe(loop.stop)
    thread.join(timeout=5)
    loop.close()
