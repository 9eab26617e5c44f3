"""The deployment shape of docs/deploy.md, for real: two `buurtwacht runserver` processes and
two `buurtwacht worker` processes on one database, joined through Redis. An alert posted on
web process 1 reaches live feeds on both web processes, and every e-mail of its fan-out is
sent exactly once although two workers compete for the outbox.

Runs on SQLite (WAL lets several processes share the file) and on PostgreSQL alike; it needs
Redis, which CI starts (without it: a failure under CI=true, a skip elsewhere).
"""

import subprocess
import sys
import time
from collections import Counter

import httpx
import pytest
from django.conf import settings

from buurtwacht.delivery.channels.email import message_id
from buurtwacht.delivery.models import Delivery
from tests.alerts.conftest import alert_payload, live  # noqa: F401 - fixture
from tests.delivery.conftest import add_members, smtp  # noqa: F401 - fixtures
from tests.live.conftest import (  # noqa: F401 - fixtures
    cookie_for,
    redis_url,
    server_env,
    sse,
    stop,
    subprocess_servers,
)

RECIPIENTS = 120  # more than one claim (100) of the e-mail channel, so both workers can claim


def start_workers(env: dict, count: int) -> list[subprocess.Popen]:
    return [
        subprocess.Popen([sys.executable, "-m", "buurtwacht", "worker"], env=env)
        for _ in range(count)
    ]


def wait_until(condition, timeout: float, what: str) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        time.sleep(0.1)


@pytest.mark.slow
def test_alert_posted_on_one_web_process_reaches_the_other_and_is_mailed_once(
    live,  # noqa: F811
    add_members,  # noqa: F811
    smtp,  # noqa: F811
    redis_url,  # noqa: F811
    cookie_for,  # noqa: F811
    sse,  # noqa: F811
):
    add_members(live.group, RECIPIENTS, prefix="mp")
    env = server_env(REDIS_URL=redis_url, EMAIL_HOST="127.0.0.1", EMAIL_PORT=str(smtp.port))
    workers = start_workers(env, 2)
    try:
        with subprocess_servers(env, 2) as (web1, web2):
            feed = f"/live/groups/{live.group.pk}/events"
            on_2 = sse(web2 + feed, cookie_for(live.members[1])).wait_connected()
            on_1 = sse(web1 + feed, cookie_for(live.coordinator)).wait_connected()

            token = "c" * 32  # a well-formed CSRF secret, the same in cookie and header
            cookies = {**cookie_for(live.author), settings.CSRF_COOKIE_NAME: token}
            with httpx.Client(base_url=web1, cookies=cookies, timeout=30) as client:
                answer = client.post(
                    f"/api/groups/{live.group.pk}/alerts",
                    json=alert_payload(),
                    headers={"X-CSRFToken": token},
                )
            assert answer.status_code == 201, answer.text
            alert_id = answer.json()["id"]
            assert answer.json()["status"] == "open"

            for client in (on_2, on_1):
                event = client.next(timeout=5.0)
                assert (event["event"], event["data"]["data"]["ref_id"]) == ("alert", alert_id)

            emails = Delivery.objects.filter(message__ref_id=alert_id, channel="email")
            wait_until(
                lambda: emails.exists() and not emails.exclude(status="sent").exists(),
                60,
                "every e-mail delivery sent",
            )
            sse.close_all()
        time.sleep(1)  # a late double would arrive now, if there were one
    finally:
        for worker in workers:
            stop(worker)

    expected = {
        message_id(f"{d.message_id}:{d.recipient_id}:email"): d.recipient.contact_email
        for d in emails.select_related("recipient")
    }
    assert len(expected) == RECIPIENTS, "every member with an e-mail address, nobody else"
    received = smtp.headers()
    per_id = Counter(mid for mid, _ in received)
    assert set(per_id) == set(expected), "every recipient got the alert"
    assert max(per_id.values()) == 1, "and nobody got it twice"
    assert all(expected[mid] == to for mid, to in received), "each Message-ID to its recipient"
    # Which worker sent what (host-pid of the claim): informative, both may or may not share.
    by_worker = Counter(c.split(":")[0] for c in emails.values_list("claimed_by", flat=True))
    print("e-mails sent per worker:", dict(by_worker))
    assert sum(by_worker.values()) == RECIPIENTS
