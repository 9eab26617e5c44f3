"""THE key test: 5,000 e-mails, the real `python -m buurtwacht worker` SIGKILLed twice in the
middle and restarted; every recipient gets exactly one distinct message, and the only
duplicates are the in-doubt resends (at most one per kill, same Message-ID)."""

import os
import signal
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection, transaction

from buurtwacht.delivery.channels.email import message_id
from buurtwacht.delivery.models import Delivery, OutboundMessage
from buurtwacht.delivery.outbox import publish
from tests.conftest import subprocess_database_url

from .conftest import payload

N = 5_000
KILLS_AT = (1_200, 2_800)
ROOT = Path(__file__).resolve().parents[2]


def start_worker(smtp_port: int) -> subprocess.Popen:
    env = {
        **os.environ,
        "DATABASE_URL": subprocess_database_url(connection),
        "DJANGO_SETTINGS_MODULE": "tests.delivery.worker_settings",
        "PYTHONPATH": os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")]),
        "BUURTWACHT_VAR_DIR": str(settings.VAR_DIR),  # same field-encryption key
        "EMAIL_HOST": "127.0.0.1",
        "EMAIL_PORT": str(smtp_port),
    }
    return subprocess.Popen([sys.executable, "-m", "buurtwacht", "worker"], cwd=ROOT, env=env)


def wait_until(condition, timeout: float, what: str) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        time.sleep(0.05)


class Killer:
    """SIGKILLs the running worker from inside the SMTP server, at the worst moment: the
    message is stored by the server but the worker never hears "250", so it is in doubt."""

    def __init__(self, at: tuple[int, ...], sig=signal.SIGKILL):
        self.at, self.sig, self.worker, self.in_doubt = list(at), sig, None, []

    def __call__(self, count: int) -> None:
        if self.at and count >= self.at[0] and self.worker:
            self.at.pop(0)
            self.in_doubt.append(count - 1)  # index of the message now in doubt
            os.kill(self.worker.pid, self.sig)


@pytest.mark.slow
@pytest.mark.django_db(transaction=True)
def test_killed_worker_neither_loses_nor_duplicates(smtp, live_group, add_members):
    users = add_members(live_group, N, prefix="k")
    with transaction.atomic():
        msg = OutboundMessage.objects.create(group=live_group, kind="alert", payload=payload())
        publish(msg)
    expected = {
        message_id(f"{msg.pk}:{u.pk}:email"): f"k{i}@example.org" for i, u in enumerate(users)
    }
    smtp.on_message = killer = Killer(KILLS_AT)
    workers = []
    try:
        for _ in range(len(KILLS_AT) + 1):
            killer.worker = start_worker(smtp.port)
            workers.append(killer.worker)
            if len(workers) <= len(KILLS_AT):
                workers[-1].wait(60)  # returns once the killer struck
                assert len(smtp) < N, "the kill must land in the middle of the fan-out"
        done = Delivery.objects.filter(message=msg, channel="email", status="sent")
        wait_until(lambda: done.count() == N, 90, "all deliveries sent")
    finally:
        for w in workers:
            if w.poll() is None:
                w.terminate()
                w.wait(10)
    received = smtp.headers()
    per_id = Counter(mid for mid, _ in received)
    assert set(per_id) == set(expected), "every recipient got the message, and nobody else"
    assert all(expected[mid] == to for mid, to in received), "each Message-ID to its recipient"
    assert len(received) - N <= len(KILLS_AT), "at most one in-doubt resend per kill"
    assert [per_id[received[i][0]] for i in killer.in_doubt] == [2] * len(KILLS_AT)
    assert [w.returncode for w in workers[:-1]] == [-signal.SIGKILL] * len(KILLS_AT)
    assert not Delivery.objects.filter(message=msg).exclude(status="sent").exists()


@pytest.mark.slow
@pytest.mark.django_db(transaction=True)
def test_sigterm_stops_after_the_send_on_the_wire_leaving_nothing_in_doubt(
    smtp, live_group, add_members
):
    add_members(live_group, 600, prefix="t")
    with transaction.atomic():
        msg = OutboundMessage.objects.create(group=live_group, kind="alert", payload=payload())
        publish(msg)
    smtp.on_message = killer = Killer((150,), sig=signal.SIGTERM)
    killer.worker = first = start_worker(smtp.port)
    try:
        assert first.wait(30) == 0
        emails = Delivery.objects.filter(message=msg, channel="email")
        assert not emails.filter(status="sending").exists(), "a graceful stop leaves no claim"
        assert emails.filter(status="sent").count() == len(smtp) < 600
        second = start_worker(smtp.port)
        wait_until(lambda: emails.filter(status="sent").count() == 600, 60, "all sent")
    finally:
        for w in (first, locals().get("second")):
            if w is not None and w.poll() is None:
                w.terminate()
                w.wait(10)
    assert len(smtp) == len({mid for mid, _ in smtp.headers()}) == 600, "no resend at all"
