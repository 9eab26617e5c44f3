"""After erasure no table holds the person's phone, e-mail or name: checked in the raw SQLite
file (secure_delete zeroes freed space) and in a pg_dump of the PostgreSQL test database."""

import os
import subprocess

import pytest
from django.db import connection

from buurtwacht.organisation.models import User
from buurtwacht.privacy import subject_rights
from tests.conftest import require_tool

from .test_subject_rights import ANNA_WHAT


@pytest.fixture
def erased(audit_log_emptied, live, submit, django_capture_on_commit_callbacks):
    from buurtwacht.alerts.models import Strike
    from buurtwacht.delivery.outbox import set_default_channels

    set_default_channels([live.anna, live.bert])
    with django_capture_on_commit_callbacks(execute=True):
        submit(live.group, live.anna, what=ANNA_WHAT)
    Strike.objects.create(group=live.group, user=live.anna, findings=["vigilantism"], text="x")
    stored = User.objects.filter(pk=live.anna.pk).values("phone_index", "contact_email_index")[0]
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT phone, contact_email FROM organisation_user WHERE id = %s", [live.anna.pk]
        )
        ciphertexts = list(cursor.fetchone())
    secrets = [
        "+32470111111",
        "anna@example.be",
        "Annelies",
        "Vermeulen",
        live.anna.username,
        *stored.values(),
        *ciphertexts,
        "klinken van de voordeuren",
    ]
    subject_rights.erase(live.anna, actor=live.anna, reason="own request")
    return live, secrets


def _dump_bytes() -> bytes:
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        name = connection.settings_dict["NAME"]
        return _read_in_a_child([p for p in (name, name + "-wal") if os.path.exists(p)])
    require_tool("pg_dump", "the erasure check reads a dump of the test database")
    s = connection.settings_dict
    env = {**os.environ, "PGPASSWORD": s.get("PASSWORD") or ""}
    return subprocess.run(
        [
            "pg_dump",
            "-h",
            s["HOST"] or "127.0.0.1",
            "-p",
            str(s["PORT"] or 5432),
            "-U",
            s["USER"],
            "--data-only",
            s["NAME"],
        ],
        env=env,
        check=True,
        capture_output=True,
    ).stdout


def _read_in_a_child(paths: list[str]) -> bytes:
    """The files' bytes, read by another process. Never open() a database file that SQLite
    has open in this process: SQLite's locks are POSIX locks, which belong to the process,
    and closing any descriptor of the file releases all of them. A connection this process
    keeps (one in another thread) then holds no lock that other processes can see, so the
    next server process takes itself for the file's last user on closing and deletes the
    -wal and -shm files: what this process writes afterwards goes to a deleted WAL that
    no server reads (the browser tests' injected sessions were "not seen" in the full run)."""
    return subprocess.run(["cat", *paths], check=True, capture_output=True).stdout


def test_no_trace_of_the_person_in_the_database(erased):
    live, secrets = erased
    data = _dump_bytes()
    assert live.bert.username.encode() in data  # the dump does contain the database
    for secret in secrets:
        assert secret.encode() not in data, secret
