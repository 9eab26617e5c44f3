"""A member's phone talking to the engine, over a live group (tests/alerts/conftest.py)."""

from datetime import timedelta

import pytest
from django.utils import timezone

from buurtwacht.conversation.engine import Event, Reply, handle
from buurtwacht.organisation.demo import hexagon
from tests.alerts.conftest import live  # noqa: F401  (the live group fixture)
from tests.conftest import HASSELT

INSIDE = HASSELT  # the centre of the live group's neighbourhood (lon, lat)
OUTSIDE = (HASSELT[0] + 0.05, HASSELT[1])  # about 3.5 km east


class Phone:
    """What a member's phone sends and receives. Taps only what the last reply offered."""

    def __init__(self, user, group, channel="whatsapp"):
        self.user, self.group, self.channel = user, group, channel
        self.at = timezone.now()
        self.last: Reply | None = None
        self.log: list[Reply] = []

    def _handle(self, event: Event) -> Reply:
        replies = handle(user=self.user, group=self.group, channel=self.channel, event=event)
        assert len(replies) == 1, [r.text for r in replies]  # one message per turn
        for reply in replies:
            assert not reply.limit_violations(), reply
        self.last = replies[0]
        self.log.append(self.last)
        return self.last

    def later(self, **delta) -> None:
        self.at += timedelta(**delta)

    def send(self, text: str, *, reply_to=None) -> Reply:
        self.later(seconds=20)
        return self._handle(Event("text", text=text, reply_to_alert_id=reply_to, at=self.at))

    def tap(self, option_id: str, *, reply_to=None, on_other_message=False) -> Reply:
        """Tap an option of our last reply (or, on_other_message, a button of another
        message of ours, such as a close button on an alert's copy)."""
        assert on_other_message or option_id in self.ids(), (option_id, self.ids())
        self.later(seconds=5)
        return self._handle(
            Event("choice", choice_id=option_id, reply_to_alert_id=reply_to, at=self.at)
        )

    def share(self, lon: float, lat: float, name: str = "") -> Reply:
        self.later(seconds=20)
        return self._handle(Event("location", lon=lon, lat=lat, text=name, at=self.at))

    def photo(self) -> Reply:
        self.later(seconds=20)
        return self._handle(Event("image", at=self.at))

    def ids(self) -> list[str]:
        return [oid for oid, _ in self.last.options] if self.last else []


@pytest.fixture
def phone(live):  # noqa: F811
    def make(user=None, *, language="nl", channel="whatsapp"):
        user = user or live.author
        user.language = language
        user.save(update_fields=["language"])
        return Phone(user, live.group, channel)

    return make


__all__ = ["Phone", "INSIDE", "OUTSIDE", "hexagon"]
