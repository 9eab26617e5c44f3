"""The e-mail channel against a real SMTP server on loopback: language, parts, Message-ID,
one connection per batch, retries with backoff, dead letters, lease recovery."""

from datetime import timedelta

import pytest
from django.utils import timezone

from buurtwacht.delivery.channels.email import message_id
from buurtwacht.delivery.models import Delivery, DeliveryAttempt, OutboundMessage
from buurtwacht.delivery.outbox import publish
from buurtwacht.delivery.sending import Policy, claim, reclaim_expired, send_pending

from .conftest import free_port, payload


@pytest.fixture
def published(live_group, add_members):
    def make(n=3, *, language="nl", prefix="m"):
        add_members(live_group, n, language=language, prefix=prefix)
        msg = OutboundMessage.objects.create(
            group=live_group, kind="alert", ref_id=1, payload=payload("#1")
        )
        publish(msg)
        return msg

    return make


def emails(msg):
    return Delivery.objects.filter(message=msg, channel="email")


def make_due(msg):
    emails(msg).update(next_attempt_at=timezone.now() - timedelta(seconds=1))


def test_mail_arrives_in_the_recipients_language_with_html_and_stable_id(smtp, published):
    msg = published(1, language="fr")
    assert send_pending() == 1  # web rows are the live feed's, not the worker's
    [mail] = smtp.messages()
    delivery = emails(msg).get()
    assert mail["To"] == "m0@example.org"  # decrypted from the stored ciphertext
    assert mail["Subject"] == "Cambriolage #1"
    assert mail["Message-ID"] == message_id(delivery.idempotency_key)
    assert mail.get_body(("plain",)).get_content().strip() == "[fr] Cambriolage: blijf binnen #1"
    assert "<p lang='fr'>Cambriolage #1</p>" in mail.get_body(("html",)).get_content()
    delivery.refresh_from_db()
    assert delivery.status == "sent" and delivery.attempts == 1 and delivery.sent_at
    assert DeliveryAttempt.objects.get(delivery=delivery).ok


def test_unknown_language_falls_back_to_dutch(smtp, live_group, add_members):
    add_members(live_group, 1, language="de")
    data = {k: v for k, v in payload().items() if k != "de"}
    publish(OutboundMessage.objects.create(group=live_group, kind="notice", payload=data))
    send_pending()
    assert smtp.messages()[0]["Subject"] == "Inbraak"


def test_one_smtp_connection_per_batch(smtp, published):
    published(30)
    send_pending(batch_size=10)
    assert len(smtp) == 30
    assert len(smtp.connections()) == 3


def test_a_sent_delivery_is_never_sent_again(smtp, published):
    msg = published(3)
    send_pending()
    emails(msg).update(next_attempt_at=timezone.now() - timedelta(hours=1))
    assert send_pending() == 0 and len(smtp) == 3


def test_refusal_is_retried_with_exponential_backoff_then_dead(smtp, published, settings):
    settings.DELIVERY_MAX_ATTEMPTS = 4
    smtp.refuse_data = "451 4.3.0 try again later"
    msg = published(1)
    delays = []
    for _ in range(4):
        before = timezone.now()
        send_pending()
        d = emails(msg).get()
        delays.append(round((d.next_attempt_at - before).total_seconds() / 30))
        make_due(msg)
    d = emails(msg).get()
    assert delays[:3] == [1, 2, 4]  # 30 s, 60 s, 120 s
    assert d.status == "dead" and d.attempts == 4 and "451" in d.last_error
    assert "m0@example.org" not in d.last_error
    assert DeliveryAttempt.objects.filter(delivery=d, ok=False).count() == 4
    smtp.refuse_data = ""
    assert send_pending() == 0 and len(smtp) == 0  # dead is final


def test_a_retry_succeeds_once_the_server_accepts(smtp, published):
    smtp.refuse_data = "554 5.3.0 relay misconfigured"
    msg = published(2)
    send_pending()
    assert set(emails(msg).values_list("status", flat=True)) == {"failed"}
    smtp.refuse_data = ""
    assert send_pending() == 0  # not due yet
    make_due(msg)
    assert send_pending() == 2 and len(smtp) == 2
    assert set(emails(msg).values_list("attempts", flat=True)) == {2}


def test_recipient_that_does_not_exist_is_dead_at_once(smtp, published):
    smtp.refuse_rcpt = "550 5.1.1 <m0@example.org>: no such mailbox"
    msg = published(1)
    send_pending()
    d = emails(msg).get()
    assert d.status == "dead" and d.attempts == 1
    assert "550" in d.last_error and "m0@example.org" not in d.last_error


def test_server_down_means_retry_not_loss(published, settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", free_port()
    msg = published(2)
    send_pending()
    assert set(emails(msg).values_list("status", flat=True)) == {"failed"}
    assert "ConnectionRefusedError" in emails(msg).first().last_error


def test_member_without_address_is_dead_not_retried(smtp, published):
    msg = published(1)
    emails(msg).get().recipient.__class__.objects.filter(username="m0").update(contact_email="")
    send_pending()
    assert emails(msg).get().status == "dead" and len(smtp) == 0


def test_claims_never_overlap(published):
    msg = published(5)
    first, second = claim("email", 3, "w1"), claim("email", 3, "w2")
    assert len(first) == 3 and len(second) == 2
    assert not {d.pk for d in first} & {d.pk for d in second}
    assert claim("email", 3, "w3") == []
    assert set(emails(msg).values_list("status", flat=True)) == {"sending"}


def test_expired_claims_are_resent_with_the_same_message_id(smtp, published, settings):
    msg = published(3)
    stuck = claim("email", 2, "died")
    assert reclaim_expired() == 0  # a fresh claim belongs to a live worker
    old = timezone.now() - timedelta(seconds=Policy.from_settings().lease_seconds + 1)
    emails(msg).filter(status="sending").update(claimed_at=old)
    assert send_pending() == 3
    ids = {m["Message-ID"] for m in smtp.messages()}
    assert {message_id(d.idempotency_key) for d in stuck} <= ids and len(ids) == 3
    assert set(emails(msg).values_list("status", flat=True)) == {"sent"}
