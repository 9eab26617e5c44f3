"""The stand-in Graph API itself, over real HTTP on loopback: what it accepts and refuses, the
webhooks it signs and posts, the Phone, and the whatsapp-sim REPL.

The webhook side is a small http.server receiver that checks signatures the way the hub must
(HMAC-SHA256 over the raw body, constant-time compare), so a wrongly signed webhook shows up
as a 401 here, never as a stored body.
"""

import hashlib
import hmac
import io
import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

import httpx
import pytest

from buurtwacht.delivery.whatsapp import sim
from buurtwacht.delivery.whatsapp.standin import Phone, StandIn
from buurtwacht.delivery.whatsapp.standin_rules import BSUID_RE

SECRET, TOKEN, VERIFY, PHONE_ID = "s3cret", "tok", "vt", "1234567890"
USER, OTHER, BSUID = "32470000001", "32470000002", "BE.1502576394655843"
TEMPLATES = {
    "buurtwacht_alert": {
        "languages": {"nl_BE", "fr_BE", "de_DE", "en_GB"},
        "body_params": 3,
        "buttons": ["Gezien", "Stop"],
    }
}


class Receiver:
    """The hub's side of the webhook, reduced to what a test needs to see."""

    def __init__(self, on_message=None):
        self.bodies: list[bytes] = []  # correctly signed POST bodies, raw
        self.rejected = 0
        self.on_message = on_message
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):
                pass

            def _answer(self, status, text=""):
                data = text.encode()
                self.send_response(status)
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def do_GET(self):
                q = {k: v[0] for k, v in parse_qs(urlsplit(self.path).query).items()}
                ok = q.get("hub.mode") == "subscribe" and q.get("hub.verify_token") == VERIFY
                self._answer(200, q["hub.challenge"]) if ok else self._answer(403)

            def do_POST(self):
                body = self.rfile.read(int(self.headers["Content-Length"]))
                expected = "sha256=" + hmac.new(SECRET.encode(), body, hashlib.sha256).hexdigest()
                given = self.headers.get("X-Hub-Signature-256") or ""
                if not hmac.compare_digest(given, expected):
                    receiver.rejected += 1
                    return self._answer(401)
                receiver.bodies.append(body)
                if receiver.on_message:
                    for message in _messages(json.loads(body)):
                        receiver.on_message(message)
                self._answer(200)

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/webhooks/whatsapp"
        threading.Thread(target=self.server.serve_forever, args=(0.05,), daemon=True).start()

    def stop(self):
        self.server.shutdown()
        self.server.server_close()

    def payloads(self) -> list[dict]:
        return [json.loads(b) for b in self.bodies]

    def statuses(self, message_id=None) -> list[dict]:
        found = [s for p in self.payloads() for s in _value(p).get("statuses", [])]
        return [s for s in found if message_id in (None, s["id"])]

    def messages(self) -> list[dict]:
        return [m for p in self.payloads() for m in _messages(p)]


def _value(payload: dict) -> dict:
    return payload["entry"][0]["changes"][0]["value"]


def _messages(payload: dict) -> list[dict]:
    return _value(payload).get("messages", [])


@pytest.fixture
def receiver():
    r = Receiver()
    yield r
    r.stop()


@pytest.fixture
def make_standin(receiver):
    made = []

    def make(**options):
        config = dict(
            app_secret=SECRET,
            access_token=TOKEN,
            verify_token=VERIFY,
            phone_number_id=PHONE_ID,
            webhook_url=receiver.url,
            templates=TEMPLATES,
            pair_interval_seconds=0.2,
            pair_burst=1,
        )
        made.append(StandIn(**{**config, **options}).start())
        return made[-1]

    yield make
    for standin in made:
        standin.stop()


@pytest.fixture
def standin(make_standin):
    standin = make_standin(pair_burst=1000)
    standin.open_window(USER)
    return standin


@pytest.fixture
def api(standin):
    with httpx.Client(
        base_url=f"{standin.base_url}/v23.0/{PHONE_ID}",
        headers={"Authorization": f"Bearer {TOKEN}"},
    ) as client:
        yield client


def send(api, kind, content, to=USER, **extra):
    body = {
        "messaging_product": "whatsapp",
        "recipient_type": "individual",
        "to": to,
        "type": kind,
        kind: content,
        **extra,
    }
    if to is None:
        del body["to"]
    return api.post("/messages", json=body)


def code(response) -> int | None:
    return response.json().get("error", {}).get("code")


def buttons(titles=("Ja", "Nee"), ids=None, body="Heb je 112 gebeld?", **parts):
    ids = ids or [f"b{i}" for i in range(len(titles))]
    action = {
        "buttons": [
            {"type": "reply", "reply": {"id": i, "title": t}}
            for i, t in zip(ids, titles, strict=True)
        ]
    }
    return {"type": "button", "body": {"text": body}, "action": action, **parts}


def rows(*per_section, title="Inbraak", description=None, button="Kies", body="Wat zag je?"):
    sections, n = [], 0
    for count in per_section:
        section_rows = []
        for _ in range(count):
            n += 1
            row = {"id": f"r{n}", "title": title if n == 1 else f"Categorie {n}"}
            row.update({"description": description} if description else {})
            section_rows.append(row)
        sections.append({"title": f"Sectie {len(sections) + 1}", "rows": section_rows})
    return {
        "type": "list",
        "body": {"text": body},
        "action": {"button": button, "sections": sections},
    }


def template(params=3, language="nl_BE", name="buurtwacht_alert"):
    body = {
        "type": "body",
        "parameters": [{"type": "text", "text": f"p{i}"} for i in range(params)],
    }
    return {"name": name, "language": {"code": language}, "components": [body]}


# -- authentication and path --------------------------------------------------------------------


def test_token_is_checked(standin):
    url = f"{standin.base_url}/v23.0/{PHONE_ID}/messages"
    body = {"messaging_product": "whatsapp", "to": USER, "type": "text", "text": {"body": "x"}}
    for headers in ({}, {"Authorization": "Bearer wrong"}):
        answer = httpx.post(url, json=body, headers=headers)
        assert answer.status_code == 401
        assert answer.json()["error"]["code"] == 190
        assert answer.json()["error"]["type"] == "OAuthException"
    answer = httpx.post(
        url.replace(PHONE_ID, "999"), json=body, headers={"Authorization": "Bearer tok"}
    )
    assert (answer.status_code, code(answer)) == (400, 100)
    assert standin.refusals[190] == 2 and not standin.accepted


def test_invalid_json_names_the_problem(api):
    answer = api.post(
        "/messages", content=b"{not json", headers={"Content-Type": "application/json"}
    )
    assert (answer.status_code, code(answer)) == (400, 100)
    answer = send(api, "text", {})
    assert (answer.status_code, code(answer)) == (400, 100)
    assert "text['body']" in answer.json()["error"]["error_data"]["details"]


# -- validation at each boundary -----------------------------------------------------------------

CASES = {
    "text 4096": ("text", {"body": "x" * 4096}, None),
    "text 4097": ("text", {"body": "x" * 4097}, 131009),
    "text empty": ("text", {"body": ""}, 131009),
    "preview_url not bool": ("text", {"body": "x", "preview_url": "yes"}, 100),
    "unknown key": ("text", {"body": "x", "bold": True}, 100),
    "button title 20": ("interactive", buttons(titles=["x" * 20]), None),
    "button title 21": ("interactive", buttons(titles=["x" * 21]), 131009),
    "3 buttons": ("interactive", buttons(titles=["a", "b", "c"]), None),
    "4 buttons": ("interactive", buttons(titles=["a", "b", "c", "d"]), 131009),
    "0 buttons": ("interactive", buttons(titles=[]), 131009),
    "button id 256": ("interactive", buttons(titles=["a"], ids=["i" * 256]), None),
    "button id 257": ("interactive", buttons(titles=["a"], ids=["i" * 257]), 131009),
    "duplicate ids": ("interactive", buttons(ids=["same", "same"]), 131009),
    "duplicate titles": ("interactive", buttons(titles=["Ja", "Ja"]), 131009),
    "body 4097": ("interactive", buttons(body="x" * 4097), 131009),
    "header 60": ("interactive", buttons(header={"type": "text", "text": "h" * 60}), None),
    "header 61": ("interactive", buttons(header={"type": "text", "text": "h" * 61}), 131009),
    "footer 60": ("interactive", buttons(footer={"text": "f" * 60}), None),
    "footer 61": ("interactive", buttons(footer={"text": "f" * 61}), 131009),
    "10 rows": ("interactive", rows(4, 6), None),
    "11 rows": ("interactive", rows(5, 6), 131009),
    "10 sections": ("interactive", rows(*[1] * 10), None),
    "11 sections": ("interactive", rows(*[1] * 11), 131009),
    "row title 24": ("interactive", rows(1, title="t" * 24), None),
    "row title 25": ("interactive", rows(1, title="t" * 25), 131009),
    "row description 72": ("interactive", rows(1, description="d" * 72), None),
    "row description 73": ("interactive", rows(1, description="d" * 73), 131009),
    "list button 20": ("interactive", rows(1, button="b" * 20), None),
    "list button 21": ("interactive", rows(1, button="b" * 21), 131009),
    "list body 4097": ("interactive", rows(1, body="x" * 4097), 131009),
    "location": ("location", {"latitude": 50.93, "longitude": 5.34, "name": "Kerkstraat"}, None),
    "location out of range": ("location", {"latitude": 91, "longitude": 5.34}, 131009),
    "reaction": ("reaction", {"message_id": "wamid.x", "emoji": "👍"}, None),
}


@pytest.mark.parametrize("case", CASES)
def test_limits_at_their_boundaries(api, standin, case):
    kind, content, expected = CASES[case]
    answer = send(api, kind, content)
    if expected is None:
        assert answer.status_code == 200, answer.json()
        assert answer.json()["messages"][0]["id"].startswith("wamid.")
        assert answer.json()["contacts"] == [{"input": USER, "wa_id": USER}]
        assert standin.messages_to(USER)[-1].payload[kind] == content
    else:
        assert (answer.status_code, code(answer)) == (400, expected), answer.json()
        assert not standin.accepted and standin.refusals[expected] == 1


def test_bad_top_level_shapes(api):
    base = {"messaging_product": "whatsapp", "to": USER, "type": "text", "text": {"body": "x"}}
    bad = [
        {**base, "messaging_product": "sms"},
        {**base, "type": "sticker"},
        {**base, "to": "not-a-number"},
        {k: v for k, v in base.items() if k != "to"},
        {**base, "recipient_type": "group"},
        {**base, "context": {"message_id": 3}},
    ]
    for body in bad:
        answer = api.post("/messages", json=body)
        assert (answer.status_code, code(answer)) == (400, 100), body


def test_over_1024_interactive_body_is_accepted_and_silently_lost(api, standin, receiver):
    kept = send(api, "interactive", buttons(body="x" * 1024)).json()["messages"][0]["id"]
    lost = send(api, "interactive", rows(2, body="x" * 1025))
    assert lost.status_code == 200
    lost = lost.json()["messages"][0]["id"]
    standin.flush()
    assert [m.id for m in standin.lost] == [lost]
    assert [s["status"] for s in receiver.statuses(kept)] == ["sent", "delivered"]
    assert [s["status"] for s in receiver.statuses(lost)] == ["sent"]
    assert [m.id for m in Phone(standin, wa_id=USER).inbox] == [kept]


# -- templates and the 24-hour window ------------------------------------------------------------


def test_templates_are_checked(api, standin):
    standin.close_window(USER)
    for content, status, expected in [
        (template(name="nope"), 404, 132001),
        (template(language="es_ES"), 404, 132001),
        (template(params=2), 400, 132000),
    ]:
        answer = send(api, "template", content)
        assert (answer.status_code, code(answer)) == (status, expected)
    assert send(api, "template", template()).status_code == 200  # window closed: still fine


def test_closed_window_refuses_free_form_until_the_member_writes(api, standin):
    standin.close_window(USER)
    answer = send(api, "text", {"body": "x"})
    assert (answer.status_code, code(answer)) == (400, 131047)
    assert standin.send_text("hallo", wa_id=USER).status == 200  # an inbound message opens it
    assert send(api, "text", {"body": "x"}).status_code == 200
    assert standin.window_open(standin.bsuid_of(USER))  # one person: wa_id and BSUID


def test_async_reengagement_accepts_then_fails_in_a_status(make_standin, receiver):
    standin = make_standin(reengagement="async")
    with httpx.Client(
        base_url=f"{standin.base_url}/v23.0/{PHONE_ID}",
        headers={"Authorization": f"Bearer {TOKEN}"},
    ) as api:
        answer = send(api, "text", {"body": "x"})
    assert answer.status_code == 200
    standin.flush()
    [status] = receiver.statuses(answer.json()["messages"][0]["id"])
    assert status["status"] == "failed" and status["errors"][0]["code"] == 131047


# -- rate limits and faults ----------------------------------------------------------------------


def test_pair_rate_refuses_a_second_message_within_the_interval(make_standin):
    standin = make_standin(pair_interval_seconds=0.5, pair_burst=1)
    standin.open_window(USER)
    standin.open_window(OTHER)
    with httpx.Client(
        base_url=f"{standin.base_url}/v23.0/{PHONE_ID}",
        headers={"Authorization": f"Bearer {TOKEN}"},
    ) as api:
        assert send(api, "text", {"body": "1"}).status_code == 200
        second = send(api, "text", {"body": "2"})
        assert send(api, "text", {"body": "1"}, to=OTHER).status_code == 200  # other pair
        time.sleep(0.55)
        third = send(api, "text", {"body": "3"})
    assert (second.status_code, code(second)) == (400, 131056)
    assert third.status_code == 200
    assert standin.refusals[131056] == 1


def test_throughput_refuses_a_burst_over_the_rate(make_standin):
    standin = make_standin(rate_per_second=5)
    with httpx.Client(
        base_url=f"{standin.base_url}/v23.0/{PHONE_ID}",
        headers={"Authorization": f"Bearer {TOKEN}"},
    ) as api:
        answers = [send(api, "template", template(), to=f"3247000{i:04d}") for i in range(25)]
    refused = [a for a in answers if a.status_code != 200]
    assert len(standin.accepted) >= 5 and refused
    assert {(a.status_code, code(a)) for a in refused} == {(400, 130429)}
    assert standin.refusals[130429] == len(refused)


def test_fail_next_injects_errors(api, standin):
    standin.open_window(OTHER)
    standin.fail_next(count=2, http_status=500, code=131000)
    standin.fail_next(http_status=429, code=130429, to=OTHER)
    first, second = send(api, "text", {"body": "1"}), send(api, "text", {"body": "2"})
    assert [(a.status_code, code(a)) for a in (first, second)] == [(500, 131000)] * 2
    assert send(api, "text", {"body": "3"}).status_code == 200
    answer = send(api, "text", {"body": "4"}, to=OTHER)
    assert (answer.status_code, code(answer)) == (429, 130429)
    assert send(api, "text", {"body": "5"}, to=OTHER).status_code == 200
    assert standin.refusals == {131000: 2, 130429: 1}


# -- status webhooks -----------------------------------------------------------------------------


def test_status_webhooks_are_signed_and_arrive_in_order(api, standin, receiver):
    ids = [send(api, "text", {"body": f"m{i}"}).json()["messages"][0]["id"] for i in range(3)]
    standin.flush()
    assert receiver.rejected == 0
    for message_id in ids:
        statuses = receiver.statuses(message_id)
        assert [s["status"] for s in statuses] == ["sent", "delivered"]
        assert all(s["recipient_id"] == USER and s["timestamp"].isdigit() for s in statuses)
    payload = receiver.payloads()[0]
    assert payload["object"] == "whatsapp_business_account"
    assert _value(payload)["metadata"]["phone_number_id"] == PHONE_ID
    assert _value(payload)["contacts"][0]["wa_id"] == USER
    assert {entry[2] for entry in standin.webhook_log} == {200}


def test_a_wrong_app_secret_is_refused_by_the_receiver(make_standin, receiver):
    standin = make_standin(app_secret="not-the-secret", webhook_retries=0)
    assert standin.send_text("hallo", wa_id=USER).status == 401
    assert receiver.rejected == 1 and not receiver.bodies


def test_undeliverable_user_gets_a_failed_status(api, standin, receiver):
    standin.open_window(OTHER)
    standin.undeliverable.add(OTHER)
    answer = send(api, "text", {"body": "x"}, to=OTHER)
    assert answer.status_code == 200
    standin.flush()
    [status] = receiver.statuses(answer.json()["messages"][0]["id"])
    assert status["status"] == "failed" and status["errors"][0]["code"] == 131026
    assert not Phone(standin, wa_id=OTHER).inbox


def test_send_statuses_explicit_order(make_standin, receiver):
    standin = make_standin(auto_status=False)
    standin.open_window(USER)
    with httpx.Client(
        base_url=f"{standin.base_url}/v23.0/{PHONE_ID}",
        headers={"Authorization": f"Bearer {TOKEN}"},
    ) as api:
        message_id = send(api, "text", {"body": "x"}).json()["messages"][0]["id"]
    standin.flush()
    assert receiver.statuses(message_id) == []
    standin.send_statuses(message_id, ["read", "delivered"])
    standin.send_statuses(message_id, ["sent", "delivered", "read"], shuffle=True)
    standin.flush()
    got = [s["status"] for s in receiver.statuses(message_id)]
    assert got[:2] == ["read", "delivered"] and sorted(got[2:]) == ["delivered", "read", "sent"]


def test_sending_to_a_bsuid(api, standin, receiver):
    standin.open_window(BSUID)
    answer = send(api, "text", {"body": "x"}, to=None, recipient=BSUID)
    assert answer.status_code == 200
    assert answer.json()["contacts"] == [{"input": BSUID, "user_id": BSUID}]
    standin.flush()
    status = receiver.statuses(answer.json()["messages"][0]["id"])[0]
    assert status["recipient_user_id"] == BSUID and "recipient_id" not in status
    assert "wa_id" not in _value(receiver.payloads()[0])["contacts"][0]
    both = send(api, "text", {"body": "y"}, recipient=BSUID)  # `to` takes precedence
    assert both.json()["contacts"][0]["wa_id"] == USER


# -- inbound webhooks ------------------------------------------------------------------------------


def test_inbound_text_shape_and_raw_bytes(standin, receiver):
    text = "Inbraak Kerkstraat 1/3 — één fiets weg"
    delivery = standin.send_text(text, wa_id=USER, name="Jan", context_id="wamid.earlier")
    assert delivery.status == 200
    raw = receiver.bodies[-1]
    assert b"\\u00e9" in raw and b"1\\/3" in raw  # escaped the way Meta escapes
    value = _value(json.loads(raw))
    [message], [contact] = value["messages"], value["contacts"]
    assert message["id"] == delivery.message_id and message["text"] == {"body": text}
    assert message["from"] == USER and BSUID_RE.match(message["from_user_id"])
    assert message["type"] == "text" and message["timestamp"].isdigit()
    assert message["context"] == {"from": standin.display_phone_number, "id": "wamid.earlier"}
    assert contact == {
        "profile": {"name": "Jan"},
        "wa_id": USER,
        "user_id": message["from_user_id"],
    }


def test_inbound_from_a_bsuid_only_sender(standin, receiver):
    standin.send_text("hallo", wa_id=None, user_id=BSUID, name="Mia", username="@mia")
    value = _value(receiver.payloads()[-1])
    [message], [contact] = value["messages"], value["contacts"]
    assert "from" not in message and message["from_user_id"] == BSUID
    assert contact == {"profile": {"name": "Mia", "username": "@mia"}, "user_id": BSUID}


def test_inbound_replies_locations_and_images(standin, receiver):
    standin.send_button_reply("yes", "Ja", context_id="wamid.q")
    standin.send_list_reply("r2", "Diefstal", "fiets, auto")
    standin.send_template_button("seen", "Gezien")
    standin.send_location(50.93, 5.34, name="Kerkstraat")
    standin.send_image(caption="nummerplaat")
    got = {m["type"] + (m.get("interactive") or {}).get("type", ""): m for m in receiver.messages()}
    assert got["interactivebutton_reply"]["interactive"]["button_reply"] == {
        "id": "yes",
        "title": "Ja",
    }
    assert got["interactivelist_reply"]["interactive"]["list_reply"]["id"] == "r2"
    assert got["button"]["button"] == {"payload": "seen", "text": "Gezien"}
    assert got["location"]["location"]["latitude"] == 50.93
    assert got["image"]["image"]["caption"] == "nummerplaat" and got["image"]["image"]["id"]


def test_bad_or_missing_signature_reaches_the_receiver_as_such(standin, receiver):
    body = standin.send_text("hallo").message_id and receiver.bodies[-1]
    assert standin.post_raw(body) == 401
    assert standin.post_raw(body, signature="sha256=" + "0" * 64) == 401
    assert standin.post_raw(body, signature=standin.sign(body)) == 200
    assert receiver.rejected == 2


def test_redeliver_posts_identical_bytes(api, standin, receiver):
    delivery = standin.send_text("één keer")
    assert standin.redeliver(delivery.message_id) == 200
    assert receiver.bodies[-1] == receiver.bodies[-2]
    message_id = send(api, "text", {"body": "x"}).json()["messages"][0]["id"]
    standin.flush()
    before = len(receiver.bodies)
    standin.redeliver(message_id)
    assert receiver.bodies[-1] == receiver.bodies[before - 1]


def test_verification_handshake(standin):
    status, body = standin.verify()
    assert status == 200 and body.isdigit()
    assert standin.verify(verify_token="wrong")[0] == 403


def test_mark_as_read(api, standin):
    delivery = standin.send_text("hallo")
    read = {"messaging_product": "whatsapp", "status": "read", "message_id": delivery.message_id}
    answer = api.post("/messages", json=read)
    assert answer.json() == {"success": True} and standin.read_marks == [delivery.message_id]
    answer = api.post("/messages", json={**read, "message_id": "wamid.unknown"})
    assert (answer.status_code, code(answer)) == (400, 100)


# -- the phone -------------------------------------------------------------------------------------


def test_phone_taps_the_last_interactive_message(api, standin, receiver):
    phone = Phone(standin, wa_id=USER, name="Jan")
    send(api, "interactive", buttons(titles=["Ja", "Nee"], ids=["old-yes", "old-no"]))
    last = send(api, "interactive", buttons(titles=["Ja", "Nee"], ids=["yes", "no"]))
    last_id = last.json()["messages"][0]["id"]
    inbox = phone.wait_for(2)
    assert inbox[-1].buttons == [("yes", "Ja"), ("no", "Nee")] and inbox[-1].interactive == "button"
    assert phone.tap("Nee").status == 200
    reply = receiver.messages()[-1]
    assert reply["interactive"]["button_reply"] == {"id": "no", "title": "Nee"}
    assert reply["context"]["id"] == last_id
    send(api, "interactive", rows(3))
    phone.tap(2)
    assert receiver.messages()[-1]["interactive"]["list_reply"]["id"] == "r2"
    with pytest.raises(ValueError):
        phone.tap("Misschien")


def test_phone_inbox_template_and_bsuid_phone(api, standin, receiver):
    content = template()
    content["components"].append(
        {
            "type": "button",
            "sub_type": "quick_reply",
            "index": "0",
            "parameters": [{"type": "payload", "payload": "seen-7"}],
        }
    )
    phone = Phone(standin, wa_id=USER)
    send(api, "template", content)
    [msg] = phone.wait_for(1)
    assert msg.type == "template" and msg.text == "p0 | p1 | p2"
    assert msg.buttons == [("seen-7", "Gezien")]
    phone.tap("Gezien")
    assert receiver.messages()[-1]["button"] == {"payload": "seen-7", "text": "Gezien"}
    hidden = Phone(standin, wa_id=None, user_id=BSUID, name="Mia")
    hidden.send("hallo")
    send(api, "text", {"body": "dag Mia"}, to=None, recipient=BSUID)
    assert [m.text for m in hidden.wait_for(1)] == ["dag Mia"]
    with pytest.raises(TimeoutError):
        hidden.wait_for(2, timeout=0.2)


# -- the simulator ---------------------------------------------------------------------------------


def test_sim_repl_against_an_echo_webhook(make_standin, receiver):
    standin = make_standin(pair_burst=100)
    client = httpx.Client(
        base_url=f"{standin.base_url}/v23.0/{PHONE_ID}",
        headers={"Authorization": f"Bearer {TOKEN}"},
    )

    def echo(message):
        to = message["from"]
        if message["type"] == "text":
            send(client, "text", {"body": "echo: " + message["text"]["body"]}, to=to)
            send(client, "interactive", buttons(titles=["Ja", "Nee"], ids=["yes", "no"]), to=to)
        elif message["type"] == "interactive":
            send(
                client,
                "text",
                {"body": "gekozen: " + message["interactive"]["button_reply"]["id"]},
                to=to,
            )
        elif message["type"] == "location":
            send(client, "text", {"body": f"locatie {message['location']['latitude']}"}, to=to)

    receiver.on_message = echo
    phone = Phone(standin, wa_id=USER)
    script = io.StringIO(
        "hallo\n/wait 2\n/tap 2\n/wait 3\n/loc 50.9 5.3\n/wait 4\n/tap 9\n"
        "/reply #1 dank\n/bogus\n/quit\nnot sent\n"
    )
    out = io.StringIO()
    try:
        assert sim.run(standin, phone, script, out) == 0
    finally:
        client.close()
    text = out.getvalue()
    assert "#1 hub> echo: hallo" in text
    assert "[1] Ja" in text and "[2] Nee" in text
    assert "#3 hub> gekozen: no" in text and "#4 hub> locatie 50.9" in text
    assert "! no choice 9" in text and "! unknown command '/bogus'" in text
    sent = [m for m in receiver.messages() if m["type"] == "text"]
    assert [m["text"]["body"] for m in sent] == ["hallo", "dank"]
    assert sent[-1]["context"]["id"] == phone.inbox[0].id
