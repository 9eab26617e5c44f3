"""Delivery fixtures: a real SMTP server on loopback (aiosmtpd) and a live group with members."""

import email
import socket
import threading
from email import policy

import pytest
from aiosmtpd.controller import Controller

from buurtwacht.delivery.outbox import set_default_channels
from buurtwacht.organisation.models import Group, Membership, User


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Recorder:
    """An aiosmtpd handler that keeps every accepted message, or refuses on demand.

    `refuse_rcpt` / `refuse_data` hold an SMTP reply such as "451 4.3.0 try later".
    """

    def __init__(self):
        self.received: list[tuple[bytes, list[str], tuple]] = []  # (raw, rcpt_tos, peer)
        self.refuse_rcpt = ""
        self.refuse_data = ""
        self.lock = threading.Lock()
        self.on_message = None  # called with the count, after recording, before the reply

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if self.refuse_rcpt:
            return self.refuse_rcpt
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        if self.refuse_data:
            return self.refuse_data
        with self.lock:
            self.received.append((envelope.content, list(envelope.rcpt_tos), session.peer))
            count = len(self.received)
        if self.on_message:
            self.on_message(count)
        return "250 Message accepted for delivery"

    def __len__(self):
        return len(self.received)

    def messages(self) -> list[email.message.EmailMessage]:
        return [email.message_from_bytes(raw, policy=policy.default) for raw, _, _ in self.received]

    def headers(self) -> list[tuple[str, str]]:
        """(Message-ID, To) of every accepted message, cheaply (headers only)."""
        parser = email.parser.BytesHeaderParser(policy=policy.default)
        with self.lock:
            raws = [raw for raw, _, _ in self.received]
        return [(str(h["Message-ID"]), str(h["To"])) for h in map(parser.parsebytes, raws)]

    def connections(self) -> set:
        return {peer for _, _, peer in self.received}


@pytest.fixture
def smtp(settings):
    """A real SMTP server on a free loopback port; settings point Django's mail at it."""
    recorder = Recorder()
    controller = Controller(recorder, hostname="127.0.0.1", port=free_port())
    controller.start()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", controller.port
    recorder.port = controller.port
    yield recorder
    controller.stop()


@pytest.fixture
def live_group(world):
    world.group.status = Group.Status.LIVE
    world.group.save(update_fields=["status"])
    return world.group


@pytest.fixture
def add_members():
    """Add `n` active members with an e-mail address (and default channels) to a group."""

    def add(group, n, *, language="nl", prefix="m", with_email=True, defaults=True):
        users = []
        for i in range(n):
            user = User(username=f"{prefix}{i}", language=language, first_name=f"Member {i}")
            if with_email:
                user.set_contact_email(f"{prefix}{i}@example.org")
            users.append(user)
        users = User.objects.bulk_create(users, batch_size=500)
        Membership.objects.bulk_create(
            [Membership(group=group, user=u, status=Membership.Status.ACTIVE) for u in users],
            batch_size=500,
        )
        if defaults:
            set_default_channels(users)
        return users

    return add


def payload(tag: str = "") -> dict:
    """A message rendered in the four languages, recognisable per language."""
    words = {"nl": "Inbraak", "fr": "Cambriolage", "de": "Einbruch", "en": "Burglary"}
    return {
        lang: {
            "subject": f"{word} {tag}".strip(),
            "text": f"[{lang}] {word}: blijf binnen {tag}",
            "html": f"<p lang='{lang}'>{word} {tag}</p>",
        }
        for lang, word in words.items()
    }
