"""The hub served for real (uvicorn on a thread) against the loopback stand-in Graph API."""

import time

import pytest

from buurtwacht.delivery.models import ChannelPreference
from buurtwacht.delivery.whatsapp import channel as wa_channel
from buurtwacht.delivery.whatsapp.standin import Phone, StandIn
from buurtwacht.organisation.models import Membership, User
from tests.alerts.conftest import live, post_alert  # noqa: F401 (fixtures)
from tests.delivery.conftest import smtp  # noqa: F401 (fixture)
from tests.live.conftest import thread_server  # noqa: F401 (fixture)

SECRET, TOKEN, VERIFY, NUMBER = "test-app-secret", "test-token", "test-verify", "109876543210"
TEMPLATES = {"buurtwacht_alert": {"languages": {"nl_BE", "fr_BE", "de_DE", "en_GB"},
                                  "body_params": 2}}  # fmt: skip


@pytest.fixture
def wa_settings(settings):
    settings.WHATSAPP_API_VERSION = "v23.0"
    settings.WHATSAPP_PHONE_NUMBER_ID = NUMBER
    settings.WHATSAPP_ACCESS_TOKEN = TOKEN
    settings.WHATSAPP_APP_SECRET = SECRET
    settings.WHATSAPP_VERIFY_TOKEN = VERIFY
    settings.WHATSAPP_PAIR_INTERVAL_SECONDS = (
        0.15  # a margin over the stand-in's 0.05, as 6.5 over 6
    )
    settings.WHATSAPP_TIER = 1000
    wa_channel._last_sent.clear()
    return settings


@pytest.fixture
def standin(wa_settings, thread_server):  # noqa: F811
    hub = StandIn(
        app_secret=SECRET, access_token=TOKEN, verify_token=VERIFY, phone_number_id=NUMBER,
        webhook_url=f"{thread_server}/webhooks/whatsapp", pair_interval_seconds=0.05,
        pair_burst=1, templates=TEMPLATES,
    ).start()  # fmt: skip
    wa_settings.WHATSAPP_API_BASE = hub.base_url
    yield hub
    hub.stop()


def wa_id(n: int) -> str:
    return f"3247{n:07d}"


@pytest.fixture
def wa_member(live):  # noqa: F811
    """Add an active member of live.group with a phone, WhatsApp first in their order."""
    group = live.group

    def make(n: int, *, email: str = "", then: tuple[str, ...] = ()) -> User:
        user = User(username=f"wa{n}", language="nl", first_name=f"Buur {n}")
        user.set_phone("+" + wa_id(n))
        if email:
            user.set_contact_email(email)
        user.save()
        Membership.objects.create(
            group=group, user=user, status=Membership.Status.ACTIVE,
            accepted_protocol_version=group.protocol_version,
        )  # fmt: skip
        ChannelPreference.objects.create(user=user, channel="web")
        ChannelPreference.objects.create(user=user, channel="whatsapp", position=0)
        for position, name in enumerate(then, start=1):
            ChannelPreference.objects.create(user=user, channel=name, position=position)
        return user

    return make


def phone_of(standin, n: int, name: str = "") -> Phone:
    return Phone(standin, wa_id=wa_id(n), name=name or f"Buur {n}")


def settle(until, *, timeout: float = 10.0, step=None):
    """Run the worker's steps (inbound processing, sending) until `until()` holds."""
    from buurtwacht.delivery.sending import send_pending
    from buurtwacht.delivery.whatsapp.inbound import process_pending

    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        process_pending()
        send_pending()
        if step:
            step()
        if until():
            return
        time.sleep(0.05)
    raise AssertionError("condition not reached in time")
