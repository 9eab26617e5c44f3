"""The SMS channel through the real worker (send_pending) against a stand-in SMS provider on
loopback (plain http.server speaking JSON), a real SMTP server for fallbacks, and the signed
delivery-report endpoint."""

import hashlib
import hmac
import json
import logging
import threading
import time
from datetime import timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from django.utils import timezone

from buurtwacht.delivery.channels import registry
from buurtwacht.delivery.channels.sms import SmsChannel
from buurtwacht.delivery.models import ChannelPreference, Delivery, OutboundMessage
from buurtwacht.delivery.outbox import publish
from buurtwacht.delivery.sending import send_pending
from buurtwacht.delivery.sms.segments import segments

BASE = "https://buurt.example"
SECRET = "callback-secret"
ALERT_ID = 4242
SUBJECT = "Inbraak: Kerkstraat"
# an alert as publishing renders it (alerts/messages/alert.txt): well over 3 parts
ALERT_TEXT = (
    "101 gebeld om 22:14\nWat: twee personen proberen achterdeuren te openen\n"
    "Waar: Kerkstraat, ter hoogte van de bakker\nWanneer: 12/03 22:10\n"
    "Beschrijving: twee mannen, donkere jassen, een met een rugzak, een met een fiets zonder "
    "licht; ze keken over de tuinmuren en probeerden bij nummer 14 en 16 de poort\n"
    "Richting: richting station, langs de Molenweg\n\n"
    "Blijf binnen, ga niet zelf achter verdachten aan en bel 112 bij direct gevaar. Deel geen "
    "foto's van personen in de groep. Noteer wat je ziet (kledij, voertuig, nummerplaat, "
    "richting) en meld het aan de politie via 101. Wie iets gezien heeft, kan dat als aanvulling "
    "op deze melding melden; de coördinator bekijkt elke aanvulling eerst."
)


class StandInProvider:
    """A generic SMS HTTP API: records each request and answers as the test scripts it
    (status, JSON body, headers); unscripted requests are accepted with a new message id."""

    def __init__(self):
        self.requests: list[dict] = []
        self.answers: list[tuple[int, dict, dict]] = []
        self.delay = 0.0
        self.lock = threading.Lock()

    def handle(self, handler: BaseHTTPRequestHandler) -> None:
        body = handler.rfile.read(int(handler.headers.get("Content-Length", 0)))
        with self.lock:
            self.requests.append(
                {"path": handler.path, "headers": dict(handler.headers), "json": json.loads(body)}
            )
            n = len(self.requests)
            answer = self.answers.pop(0) if self.answers else None
        if self.delay:
            time.sleep(self.delay)
        status, data, headers = answer or (201, {"data": {"message_id": f"prov-{n}"}}, {})
        raw = json.dumps(data).encode()
        handler.send_response(status)
        for name, value in {"Content-Type": "application/json", **headers}.items():
            handler.send_header(name, value)
        handler.send_header("Content-Length", str(len(raw)))
        handler.end_headers()
        handler.wfile.write(raw)

    def bodies(self) -> list[dict]:
        return [r["json"] for r in self.requests]


@pytest.fixture
def provider(settings):
    stand_in = StandInProvider()

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self):  # noqa: N802 - http.server's naming
            stand_in.handle(self)

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True).start()
    settings.SMS_PROVIDER = "http"
    settings.SMS_HTTP_URL = f"http://127.0.0.1:{server.server_port}/v1/messages"
    settings.SMS_HTTP_AUTH_HEADER = "Authorization: Bearer test-token"
    settings.SMS_HTTP_FIELD_TO, settings.SMS_HTTP_FIELD_FROM = "msisdn", "sender"
    settings.SMS_HTTP_FIELD_TEXT, settings.SMS_HTTP_FIELD_REFERENCE = "body", "client_ref"
    settings.SMS_HTTP_ID_FIELD = "data.message_id"
    settings.SMS_FROM = "Buurtwacht"
    settings.SMS_PUBLIC_BASE_URL = BASE + "/"
    settings.SMS_MAX_SEGMENTS = 3
    settings.SMS_CALLBACK_SECRET = SECRET
    yield stand_in
    server.shutdown()
    server.server_close()


@pytest.fixture
def members(live_group, add_members):
    """Members with the channel order given (positions 0, 1, ...), phones and e-mail optional."""

    def make(n=1, *, order=("sms",), phone=True, email=False, prefix="s"):
        users = add_members(live_group, n, prefix=prefix, with_email=email, defaults=False)
        for i, user in enumerate(users):
            if phone:
                user.set_phone(f"+32470{len(prefix)}{i:05d}")
                user.save(update_fields=["phone", "phone_index"])
            ChannelPreference.objects.create(user=user, channel="web")
            for position, channel in enumerate(order):
                ChannelPreference.objects.create(user=user, channel=channel, position=position)
        return users

    return make


def alert(group, *, subject=SUBJECT, text=ALERT_TEXT, kind="alert", ref_id=ALERT_ID):
    data = {"subject": subject, "text": text}
    message = OutboundMessage.objects.create(
        group=group, kind=kind, ref_id=ref_id, payload={"nl": data, "fr": data}
    )
    publish(message)
    return message


def rows(message, channel="sms"):
    return Delivery.objects.filter(message=message, channel=channel).order_by("recipient_id")


def make_due(message):
    Delivery.objects.filter(message=message).update(
        next_attempt_at=timezone.now() - timedelta(seconds=1)
    )


def test_an_alert_goes_out_cut_to_three_parts_with_a_link(provider, live_group, members):
    users = members(3)
    message = alert(live_group)
    assert send_pending() == 3
    assert len(provider.requests) == 3
    link = f" ... {BASE}/alerts/{ALERT_ID}/"
    by_number = {r["json"]["msisdn"]: r for r in provider.requests}
    assert set(by_number) == {u.phone for u in users}  # decrypted E.164, one each
    for delivery in rows(message):
        request = by_number[delivery.recipient.phone]
        assert request["path"] == "/v1/messages"
        assert request["headers"]["Authorization"] == "Bearer test-token"
        body = request["json"]
        assert set(body) == {"msisdn", "sender", "body", "client_ref"}
        assert body["sender"] == "Buurtwacht"
        assert body["client_ref"] == delivery.idempotency_key
        text = body["body"]
        assert text.startswith(f"{SUBJECT}\n101 gebeld om 22:14\n")
        assert text.endswith(link) and segments(text) == 3
        kept = text.removesuffix(link)
        assert (SUBJECT + "\n" + ALERT_TEXT).startswith(kept)
        assert delivery.status == "sent" and delivery.attempts == 1
        assert delivery.provider_id.startswith("prov-")
    assert len({d.provider_id for d in rows(message)}) == 3


def test_a_short_message_is_sent_whole_without_a_link(provider, live_group, members):
    members(1)
    alert(live_group, subject="Oefening", text="Maandelijkse test: niets aan de hand.",
          kind="test", ref_id=None)  # fmt: skip
    send_pending()
    [body] = provider.bodies()
    assert body["body"] == "Oefening\nMaandelijkse test: niets aan de hand."


def test_a_message_without_alert_is_cut_with_a_link_to_the_group_feed(
    provider, live_group, members
):
    members(1)
    alert(live_group, kind="notice", ref_id=None)
    send_pending()
    assert provider.bodies()[0]["body"].endswith(f" ... {BASE}/groups/{live_group.pk}/")


def test_429_is_retried_after_retry_after_then_sent(provider, live_group, members):
    [user] = members(1)
    provider.answers.append((429, {"error": f"too many messages to {user.phone}"},
                             {"Retry-After": "120"}))  # fmt: skip
    message = alert(live_group)
    before = timezone.now()
    assert send_pending() == 0
    [row] = rows(message)
    assert row.status == "failed" and row.attempts == 1
    assert row.next_attempt_at >= before + timedelta(seconds=119)  # not the 30 s backoff
    assert "429" in row.last_error and user.phone not in row.last_error
    assert user.phone.lstrip("+") not in row.last_error
    make_due(message)
    assert send_pending() == 1
    row.refresh_from_db()
    assert row.status == "sent" and row.attempts == 2 and row.provider_id == "prov-2"
    refs = [b["client_ref"] for b in provider.bodies()]
    assert refs == [row.idempotency_key] * 2  # the provider can tell it is one message


def test_5xx_is_retried(provider, live_group, members):
    members(1)
    provider.answers.append((503, {"error": "upstream"}, {}))
    message = alert(live_group)
    send_pending()
    [row] = rows(message)
    assert row.status == "failed" and "503" in row.last_error
    make_due(message)
    send_pending()
    row.refresh_from_db()
    assert row.status == "sent" and len(provider.requests) == 2


def test_a_timeout_is_retried(provider, live_group, members, settings):
    settings.SMS_HTTP_TIMEOUT_SECONDS = 0.3
    members(1)
    provider.delay = 1.0
    message = alert(live_group)
    send_pending()
    [row] = rows(message)
    assert row.status == "failed" and "timeout" in row.last_error
    provider.delay = 0
    make_due(message)
    send_pending()
    row.refresh_from_db()
    assert row.status == "sent"


def test_a_400_is_not_retried_and_email_takes_over(provider, smtp, live_group, members):
    [user] = members(1, order=("sms", "email"), email=True)
    provider.answers.append((400, {"error": f"invalid destination {user.phone}"}, {}))
    message = alert(live_group)
    send_pending()
    [row] = rows(message)
    assert row.status == "dead" and row.attempts == 1
    assert "400" in row.last_error and user.phone not in row.last_error
    [mail] = smtp.messages()
    assert mail["To"] == user.contact_email and mail["Subject"] == SUBJECT
    assert rows(message, "email").get().status == "sent"
    make_due(message)
    send_pending()
    assert len(provider.requests) == 1 and len(smtp) == 1  # dead stays dead


def test_a_member_without_phone_falls_back_to_email(provider, smtp, live_group, members):
    [user] = members(1, order=("sms", "email"), phone=False, email=True)
    message = alert(live_group)
    send_pending()
    row = rows(message).get()
    assert (row.status, row.last_error) == ("dead", "member has no phone number")
    assert provider.requests == []
    assert [m["To"] for m in smtp.messages()] == [user.contact_email]


def test_email_that_gives_up_falls_back_to_sms(provider, smtp, live_group, members):
    [user] = members(1, order=("email", "sms"), email=False)
    message = alert(live_group)
    send_pending()
    assert rows(message, "email").get().status == "dead"
    assert len(smtp) == 0
    [body] = provider.bodies()
    assert body["msisdn"] == user.phone
    assert rows(message).get().status == "sent"


def test_an_unconfigured_provider_is_skipped_by_the_fan_out(provider, smtp, live_group,
                                                            members, settings):  # fmt: skip
    members(1, order=("sms", "email"), email=True)
    settings.SMS_HTTP_URL = ""
    assert not SmsChannel.configured() and "sms" not in registry.names(configured_only=True)
    message = alert(live_group)
    send_pending()
    assert not rows(message).exists() and len(smtp) == 1
    settings.SMS_PROVIDER = ""
    assert not SmsChannel.configured()
    settings.SMS_PROVIDER = "log"
    assert SmsChannel.configured() and registry.get("sms").status().startswith("log only")


def test_pacing_comes_from_the_settings(settings):
    settings.SMS_MAX_PER_SECOND = 4
    assert registry.get("sms").max_per_second == 4
    settings.DELIVERY_CHANNEL_LIMITS = {"sms": {"max_per_second": 2}}
    assert registry.get("sms").max_per_second == 2


# --- delivery reports ------------------------------------------------------------------------


def signed(body: bytes, secret: str = SECRET) -> str:
    return "sha256=" + hmac.new(secret.encode(), body, hashlib.sha256).hexdigest()


def report(client, data, *, signature=None):
    body = json.dumps(data).encode()
    headers = {} if signature == "" else {"X-Signature": signature or signed(body)}
    return client.post("/webhooks/sms/status", body, content_type="application/json",
                       headers=headers)  # fmt: skip


@pytest.fixture
def sent(provider, live_group, members):
    """One alert sent by SMS to one member whose next channel is e-mail."""
    members(1, order=("sms", "email"), email=True)
    message = alert(live_group)
    send_pending()
    return rows(message).get()


def test_a_signed_report_marks_the_delivery_delivered(client, sent):
    response = report(client, {"id": sent.provider_id, "status": "delivered"})
    assert response.status_code == 200 and response.json()["matched"] == 1
    sent.refresh_from_db()
    assert sent.receipt == "delivered" and sent.receipt_at is not None
    assert sent.status == "sent"


def test_bad_or_missing_signature_is_401_and_changes_nothing(client, sent, settings):
    data = {"id": sent.provider_id, "status": "failed", "error": "x"}
    body = json.dumps(data).encode()
    assert report(client, data, signature=signed(body, "wrong")).status_code == 401
    assert report(client, data, signature="").status_code == 401
    assert report(client, data, signature=signed(body)[:-2] + "00").status_code == 401
    assert report(client, data, signature="sha256=é" + signed(body)[8:]).status_code == 401
    assert report(client, data, signature=signed(body).removeprefix("sha256=")).status_code == 401
    settings.SMS_CALLBACK_SECRET = ""  # no secret: nothing is ever accepted
    assert report(client, data, signature=signed(body, "")).status_code == 401
    sent.refresh_from_db()
    assert (sent.receipt, sent.status) == ("", "sent")
    assert Delivery.objects.filter(message_id=sent.message_id, channel="email").count() == 0


def test_an_unknown_id_is_acknowledged_and_nothing_is_stored(client, sent):
    before = list(Delivery.objects.values_list("id", "status", "receipt", "last_error"))
    response = report(client, {"id": "not-ours", "status": "delivered"})
    assert response.status_code == 200 and response.json()["matched"] == 0
    assert list(Delivery.objects.values_list("id", "status", "receipt", "last_error")) == before


def test_a_failed_report_ends_the_sms_and_email_takes_over(client, sent, smtp):
    number = sent.recipient.phone
    response = report(client, {"id": sent.provider_id, "status": "UNDELIVERED",
                               "error": f"handset {number} unreachable"})  # fmt: skip
    assert response.status_code == 200
    sent.refresh_from_db()
    assert (sent.receipt, sent.status) == ("failed", "dead")
    assert number not in sent.last_error and "unreachable" in sent.last_error
    send_pending()
    assert [m["To"] for m in smtp.messages()] == [sent.recipient.contact_email]


def test_report_field_names_are_settings_and_a_list_is_accepted(client, sent, settings):
    settings.SMS_CALLBACK_FIELD_ID = "message.id"
    settings.SMS_CALLBACK_FIELD_STATUS = "message.state"
    data = [
        {"message": {"id": sent.provider_id, "state": "queued"}},  # intermediate: ignored
        {"message": {"id": sent.provider_id, "state": "delivered"}},
    ]
    response = report(client, data)
    assert response.json() == {"received": 2, "matched": 1}
    sent.refresh_from_db()
    assert sent.receipt == "delivered"


# --- the log provider --------------------------------------------------------------------------


def test_the_log_provider_never_logs_the_number(settings, live_group, members, caplog):
    settings.SMS_PROVIDER = "log"
    users = members(2)
    message = alert(live_group)
    with caplog.at_level(logging.INFO, logger="buurtwacht.delivery.sms"):
        assert send_pending() == 2
    lines = [r.getMessage() for r in caplog.records if r.name == "buurtwacht.delivery.sms"]
    assert len(lines) == 2
    for user in users:
        for form in (user.phone, user.phone.lstrip("+"), user.phone[3:]):
            assert form not in caplog.text
        assert any(f"…{user.phone[-2:]}" in line for line in lines)
    assert all(r.provider_id.startswith("log-") and r.status == "sent" for r in rows(message))


def test_every_sms_setting_is_documented():
    from pathlib import Path

    from buurtwacht import settings

    root = Path(__file__).resolve().parents[2]
    docs = (root / "docs" / "delivery.md").read_text()
    readme = (root / "README.md").read_text()
    names = [n for n in dir(settings) if n.startswith("SMS_")]
    assert len(names) >= 15
    for name in names:
        assert f"`{name}`" in docs and f"`{name}`" in readme, name
