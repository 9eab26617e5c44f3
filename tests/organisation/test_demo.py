"""`buurtwacht demo --no-serve` and `buurtwacht runserver`, run as real processes."""

import os
import socket
import sqlite3
import subprocess
import sys
import time
import urllib.request

import pytest

pytestmark = pytest.mark.slow


def run_cli(*args, env, timeout=300):
    return subprocess.run(
        [sys.executable, "-m", "buurtwacht", *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
    )


@pytest.fixture(scope="module")
def demo_env(tmp_path_factory):
    folder = tmp_path_factory.mktemp("demo")
    env = {
        **os.environ,
        "BUURTWACHT_VAR_DIR": str(folder),
        "DATABASE_URL": f"sqlite:///{folder / 'demo.sqlite3'}",
    }
    first = run_cli("demo", "--no-serve", env=env)
    assert first.returncode == 0, first.stderr
    env["_first_stdout"] = first.stdout
    return env


def counts(path):
    with sqlite3.connect(path) as db:
        return {
            t: db.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
            for t in (
                "organisation_user",
                "organisation_group",
                "organisation_membership",
                "organisation_neighbourhood",
                "organisation_policezone",
            )
        }


def test_demo_loads_the_promised_world_and_prints_logins(demo_env):
    path = demo_env["DATABASE_URL"].removeprefix("sqlite:///")
    c = counts(path)
    assert c["organisation_policezone"] == 3 and c["organisation_group"] == 10
    assert c["organisation_neighbourhood"] >= 8
    assert 1900 <= c["organisation_membership"] <= 2100
    out = demo_env["_first_stdout"]
    for login in (
        "zoneadmin-hazodi",
        "wijkinspecteur-hazodi",
        "preventie-hasselt",
        "analist-limburg",
        "coordinator",
        "buurtwacht-demo",
    ):
        assert login in out
    with sqlite3.connect(path) as db:
        nis = {r[0] for r in db.execute("SELECT nis_code FROM organisation_municipality")}
    assert {"71022", "71004", "73042"} <= nis


def test_second_run_adds_nothing(demo_env):
    path = demo_env["DATABASE_URL"].removeprefix("sqlite:///")
    before = counts(path)
    again = run_cli("demo", "--no-serve", env=demo_env)
    assert again.returncode == 0, again.stderr
    assert "already loaded" in again.stdout
    assert counts(path) == before


def test_raw_database_file_holds_no_contact_data_in_clear(demo_env):
    path = demo_env["DATABASE_URL"].removeprefix("sqlite:///")
    subprocess.run(
        ["sqlite3", path, "PRAGMA wal_checkpoint(TRUNCATE);"], check=False, capture_output=True
    )
    raw = b""
    for suffix in ("", "-wal"):
        if os.path.exists(path + suffix):
            raw += open(path + suffix, "rb").read()
    assert len(raw) > 100_000
    # Every demo member has +3247<serial> and lid<serial>@demo.buurtwacht.be.
    for serial in (0, 1, 149, 10_000, 90_150):
        assert f"+3247{serial:07d}".encode() not in raw
        assert f"3247{serial:07d}".encode() not in raw
        assert f"lid{serial:05d}@demo".encode() not in raw
    assert b"@demo.buurtwacht.be" not in raw


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_runserver_serves_the_demo_over_http(demo_env):
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "buurtwacht", "runserver", f"127.0.0.1:{port}"], env=demo_env
    )
    try:
        body = None
        for _ in range(100):
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=2) as r:
                    body = r.read().decode()
                break
            except OSError:
                time.sleep(0.1)
        assert body is not None, "server did not answer"
        assert "BIN Hasselt-Centrum" in body
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/api/openapi.json") as r:
            assert b"Buurtwacht API" in r.read()
    finally:
        server.terminate()
        server.wait(timeout=10)
