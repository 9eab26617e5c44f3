"""The Web Push channel against a local HTTP server playing the push service: the request
carries the VAPID Authorization header signed with our key, and a body the test decrypts with
the browser's keys (RFC 8291), so what reaches the phone is exactly the members' copy."""

import base64
import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import http_ece
import pytest
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.asymmetric.utils import encode_dss_signature

from buurtwacht.delivery.channels import registry
from buurtwacht.delivery.models import (
    ChannelPreference,
    Delivery,
    OutboundMessage,
    PushSubscription,
)
from buurtwacht.delivery.outbox import publish
from buurtwacht.delivery.sending import send_pending

from .conftest import payload


def b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def unb64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def point(key) -> bytes:
    return key.public_key().public_bytes(
        serialization.Encoding.X962, serialization.PublicFormat.UncompressedPoint
    )


class PushService(BaseHTTPRequestHandler):
    """Records every push; answers with the status the test set for that path."""

    received: list = []
    answers: dict = {}

    def do_POST(self):
        body = self.rfile.read(int(self.headers["Content-Length"]))
        self.received.append((self.path, {k.lower(): v for k, v in self.headers.items()}, body))
        status = self.answers.get(self.path, 201)
        self.send_response(status)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, *args):
        pass


@pytest.fixture
def push_service():
    PushService.received, PushService.answers = [], {}
    server = ThreadingHTTPServer(("127.0.0.1", 0), PushService)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}", PushService
    server.shutdown()
    server.server_close()


@pytest.fixture
def vapid(settings):
    key = ec.generate_private_key(ec.SECP256R1())
    settings.VAPID_PRIVATE_KEY = b64(key.private_numbers().private_value.to_bytes(32, "big"))
    settings.VAPID_PUBLIC_KEY = b64(point(key))
    settings.VAPID_SUBJECT = "mailto:test@buurtwacht.invalid"
    return key


def browser(user, endpoint):
    """A browser's subscription: its own ECDH key and auth secret, as pushManager makes them."""
    key = ec.generate_private_key(ec.SECP256R1())
    auth = b"0123456789abcdef"
    PushSubscription.objects.create(
        user=user, endpoint=endpoint, p256dh=b64(point(key)), auth=b64(auth)
    )
    return key, auth


def test_not_configured_without_keys(settings):
    settings.VAPID_PUBLIC_KEY = settings.VAPID_PRIVATE_KEY = ""
    assert "webpush" in registry.names()
    assert "webpush" not in registry.names(configured_only=True)


def test_push_is_signed_and_encrypted_for_the_browser(push_service, vapid, live_group, add_members):
    base, service = push_service
    (member,) = add_members(live_group, 1, language="en", with_email=False)
    ChannelPreference.objects.create(user=member, channel="webpush", position=0)
    key, auth = browser(member, f"{base}/push/abc")
    message = OutboundMessage.objects.create(
        group=live_group, kind="alert", ref_id=42, payload=payload("Kerkstraat")
    )
    publish(message)
    send_pending()
    assert Delivery.objects.get(recipient=member, channel="webpush").status == "sent"
    ((path, headers, body),) = service.received
    assert path == "/push/abc" and headers["content-encoding"] == "aes128gcm"
    assert int(headers["ttl"]) > 0
    # VAPID (RFC 8292): "vapid t=<JWT>, k=<our public key>", the JWT signed by our key for
    # the push service's origin
    scheme, _, params = headers["authorization"].partition(" ")
    fields = dict(p.strip().split("=", 1) for p in params.split(","))
    assert scheme == "vapid" and fields["k"] == b64(point(vapid))
    head, claims, signature = fields["t"].split(".")
    claims = json.loads(unb64(claims))
    assert claims["aud"] == base and claims["sub"] == "mailto:test@buurtwacht.invalid"
    raw = unb64(signature)
    der = encode_dss_signature(int.from_bytes(raw[:32], "big"), int.from_bytes(raw[32:], "big"))
    vapid.public_key().verify(
        der, f"{head}.{fields['t'].split('.')[1]}".encode(), ec.ECDSA(hashes.SHA256())
    )
    # the body is opaque on the wire and opens only with the browser's private key and secret
    assert b"Kerkstraat" not in body
    clear = json.loads(
        http_ece.decrypt(body, private_key=key, auth_secret=auth, version="aes128gcm")
    )
    assert clear == {
        "title": "Burglary Kerkstraat",
        "body": "[en] Burglary: blijf binnen Kerkstraat",
        "url": "/alerts/42/",
        "tag": "bw-alert-42",
        "lang": "en",
    }


def test_gone_subscription_is_dropped_and_the_next_channel_carries_it(
    push_service, vapid, live_group, add_members, smtp
):
    base, service = push_service
    (member,) = add_members(live_group, 1, language="en", defaults=False)
    ChannelPreference.objects.create(user=member, channel="web")
    ChannelPreference.objects.create(user=member, channel="webpush", position=0)
    ChannelPreference.objects.create(user=member, channel="email", position=1)
    browser(member, f"{base}/push/gone")
    service.answers["/push/gone"] = 410
    message = OutboundMessage.objects.create(group=live_group, kind="alert", payload=payload("x"))
    publish(message)
    send_pending()
    assert len(service.received) == 1 and not PushSubscription.objects.exists()
    assert Delivery.objects.get(recipient=member, channel="webpush").status == "dead"
    assert Delivery.objects.get(recipient=member, channel="email").status == "sent"
    assert len(smtp) == 1


def test_a_push_service_error_is_retried(push_service, vapid, live_group, add_members):
    base, service = push_service
    (member,) = add_members(live_group, 1, with_email=False)
    ChannelPreference.objects.create(user=member, channel="webpush", position=0)
    browser(member, f"{base}/push/busy")
    service.answers["/push/busy"] = 503
    publish(OutboundMessage.objects.create(group=live_group, kind="alert", payload=payload()))
    send_pending()
    delivery = Delivery.objects.get(recipient=member, channel="webpush")
    assert delivery.status == "failed" and "503" in delivery.last_error
    assert "127.0.0.1" not in delivery.last_error  # the endpoint is the browser's secret
    assert PushSubscription.objects.exists()
