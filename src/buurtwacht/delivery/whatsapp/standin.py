"""A stand-in for the WhatsApp Business Cloud (Graph) API on loopback, for tests and the demo.

The real API cannot be reached from here, so this one speaks its documented wire format:
`POST /{version}/{phone-number-id}/messages` with a bearer token, request validation with
Meta's error codes (standin_rules.py), throughput and pair-rate limits, the 24-hour
customer-service window, and webhooks signed with `X-Hub-Signature-256` exactly as Meta
signs them (HMAC-SHA256 of the raw body with the app secret). Non-ASCII characters and "/"
are escaped in webhook bodies (`\\u00e9`, `\\/`), as Meta does, so a receiver that checks the
signature on re-serialised JSON instead of the raw bytes fails here as it would in production.
It imports no Django: tests, the simulator and benchmarks use it without settings.

Choices where the documents leave room (also in docs/whatsapp.md):
- Silent loss. Meta documents the body of interactive messages as at most 1024 characters
  (reply buttons; WhatsApp's own SDK reference for lists too) but its list-message page says
  4096, and its validation only stops at 4096. A body of 1025..4096 characters is therefore
  accepted (200 and a wamid), kept in `standin.lost`, gets a `sent` status and never
  `delivered`: the message does not arrive. Every other limit is refused with 400: 131009 for
  a length or count outside the documented limit, 100 for a wrong shape.
- 131047 (outside the 24-hour window): the contract answers synchronously (400). Practice
  reports show the real API often accepts and then posts a `failed` status with 131047;
  `reengagement="async"` models that, and the hub should handle both.
- Senders carry a business-scoped user id (BSUID) in every inbound webhook (`from_user_id`,
  `contacts[].user_id`) since April 2026; `from`/`wa_id` are absent for a username user who
  hides the number. A wa_id-only user therefore gets a stable derived BSUID (`bsuid_of`).
  Sending uses `to` (phone) or `recipient` (BSUID); `to` wins when both are given.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import logging
import queue
import re
import secrets
import threading
import time
from collections import Counter
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

import httpx

from .standin_phone import InboxMessage, Phone
from .standin_rules import (
    BSUID_RE,
    GraphError,
    check_message,
    check_read_mark,
    check_recipient,
)
from .standin_webhooks import Delivery, Webhooks

__all__ = ["StandIn", "Phone", "InboxMessage", "Accepted", "Delivery", "DEFAULT_TEMPLATES"]
logger = logging.getLogger(__name__)
DEFAULT_TEMPLATES = {
    "buurtwacht_alert": {"languages": {"nl_BE", "fr_BE", "de_DE", "en_GB"}, "body_params": 2}
}
COUNTRY_PREFIXES = {"352": "LU", "32": "BE", "31": "NL", "33": "FR", "49": "DE", "44": "GB"}
VERSION_RE = re.compile(r"^v\d+\.\d+$")


@dataclass
class Accepted:
    """One message the stand-in accepted (200 and a wamid)."""

    id: str
    to: str  # the wa_id or BSUID it was addressed to
    payload: dict
    accepted_at: float  # time.monotonic()
    user: str = ""  # the person's BSUID: the same for their wa_id and BSUID
    by_bsuid: bool = False
    lost: bool = False  # broke a silent limit: never arrives
    failed: int | None = None  # error code of the `failed` status it gets (131026, 131047)
    statuses: list[str] = field(default_factory=list)  # status webhooks posted, in order


@dataclass
class _Person:
    bsuid: str
    wa_id: str | None
    name: str = "WhatsApp user"
    last_inbound: float | None = None


class _Bucket:
    """A token bucket: `capacity` tokens, refilled at `rate` per second."""

    def __init__(self, rate: float, capacity: float):
        self.rate, self.capacity = rate, capacity
        self.tokens, self.at = capacity, time.monotonic()

    def ready(self, now: float) -> bool:
        if now > self.at:
            self.tokens = min(self.capacity, self.tokens + (now - self.at) * self.rate)
            self.at = now
        return self.tokens >= 1

    def take(self) -> None:
        self.tokens -= 1


@dataclass
class _Fault:
    count: int
    http_status: int
    code: int
    to: str | None


def derive_bsuid(wa_id: str) -> str:
    """A stable, BSUID-shaped id for a phone number (country code, a dot, digits)."""
    country = next((c for p, c in COUNTRY_PREFIXES.items() if wa_id.startswith(p)), "US")
    return f"{country}.{int(hashlib.sha256(wa_id.encode()).hexdigest()[:13], 16)}"


class StandIn(Webhooks):
    """The stand-in Graph API (see the module docstring); start() serves it on a thread."""

    def __init__(
        self,
        *,
        app_secret: str,
        access_token: str,
        verify_token: str,
        phone_number_id: str,
        webhook_url: str,
        version: str = "v23.0",
        rate_per_second: float = 80.0,
        pair_interval_seconds: float = 6.0,
        pair_burst: int = 1,
        auto_status: bool = True,
        templates: dict | None = None,
        port: int = 0,
        display_phone_number: str = "3211000000",
        waba_id: str = "100000000000002",
        reengagement: str = "sync",
        window_seconds: float = 24 * 3600,
        status_batch: int = 1,
        webhook_workers: int = 2,
        webhook_retries: int = 3,
    ):
        self.app_secret, self.access_token = app_secret, access_token
        self.verify_token, self.phone_number_id = verify_token, phone_number_id
        self.webhook_url, self.version, self.port = webhook_url, version, port
        self.pair_interval, self.pair_burst = pair_interval_seconds, pair_burst
        self.auto_status, self.reengagement = auto_status, reengagement
        self.templates = templates if templates is not None else DEFAULT_TEMPLATES
        self.display_phone_number, self.waba_id = display_phone_number, waba_id
        self.window_seconds, self.status_batch = window_seconds, status_batch
        self.webhook_retries = webhook_retries
        self.accepted: list[Accepted] = []
        self.lost: list[Accepted] = []
        self.read_marks: list[str] = []
        self.refusals: Counter[int] = Counter()
        self.undeliverable: set[str] = set()
        self.webhook_log: list[tuple[str, bytes, int]] = []  # (kind, body, HTTP status)
        self._lock = threading.RLock()
        self._number_bucket = _Bucket(rate_per_second, rate_per_second)
        self._pair: dict[str, _Bucket] = {}
        self._people: dict[str, _Person] = {}  # by BSUID and by wa_id
        self._by_id: dict[str, Accepted] = {}
        self._bodies: dict[str, bytes] = {}  # last webhook body per message id
        self._inbound_ids: set[str] = set()
        self._faults: list[_Fault] = []
        self._counter = 0
        self._queues = [queue.Queue() for _ in range(max(1, webhook_workers))]
        self._threads: list[threading.Thread] = []
        self._server: ThreadingHTTPServer | None = None
        self._http = httpx.Client(timeout=10.0)

    # -- lifecycle ---------------------------------------------------------------------------

    def start(self) -> StandIn:
        self._server = ThreadingHTTPServer(("127.0.0.1", self.port), _Handler)
        self._server.daemon_threads = True
        self._server.standin = self
        self.port = self._server.server_address[1]
        serve = threading.Thread(
            target=self._server.serve_forever, args=(0.05,), name="standin-http"
        )
        self._threads = [serve] + [
            threading.Thread(target=self._sender, args=(q,), name=f"standin-webhook-{i}")
            for i, q in enumerate(self._queues)
        ]
        for thread in self._threads:
            thread.daemon = True
            thread.start()
        return self

    def stop(self) -> None:
        for q in self._queues:
            q.put(None)
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
        for thread in self._threads:
            thread.join(timeout=5)
        self._http.close()

    def __enter__(self) -> StandIn:
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    # -- people, windows, faults ---------------------------------------------------------------

    def _person(self, wa_id: str | None = None, user_id: str | None = None) -> _Person:
        with self._lock:
            person = self._people.get(wa_id) if wa_id else None
            person = person or (self._people.get(user_id) if user_id else None)
            if person is None:
                person = _Person(user_id or derive_bsuid(wa_id), wa_id)
            if user_id and person.bsuid != user_id:
                person.bsuid = user_id
            if wa_id:
                person.wa_id = wa_id
                self._people[wa_id] = person
            self._people[person.bsuid] = person
            return person

    def _resolve(self, user: str) -> _Person:
        user = user.lstrip("+")
        return self._person(user_id=user) if BSUID_RE.match(user) else self._person(wa_id=user)

    def bsuid_of(self, user: str) -> str:
        """The BSUID the stand-in uses for a wa_id (or the BSUID itself)."""
        return self._resolve(user).bsuid

    def open_window(self, user: str) -> None:
        with self._lock:
            self._resolve(user).last_inbound = time.monotonic()

    def close_window(self, user: str) -> None:
        with self._lock:
            self._resolve(user).last_inbound = None

    def window_open(self, user: str) -> bool:
        seen = self._resolve(user).last_inbound
        return seen is not None and time.monotonic() - seen < self.window_seconds

    def fail_next(
        self, count: int = 1, http_status: int = 500, code: int = 131000, to: str | None = None
    ) -> None:
        """Answer the next `count` sends (to `to`, or any) with this error."""
        with self._lock:
            self._faults.append(_Fault(count, http_status, code, to))

    def messages_to(self, user: str) -> list[Accepted]:
        bsuid = self._resolve(user).bsuid
        with self._lock:
            return [m for m in self.accepted if m.user == bsuid]

    def message(self, message_id: str) -> Accepted:
        return self._by_id[message_id]

    # -- the Graph API -------------------------------------------------------------------------

    def handle(self, method: str, target: str, headers, body: bytes) -> tuple[int, dict]:
        """One HTTP request to the stand-in -> (status, JSON body). Every refusal is counted."""
        try:
            return 200, self._route(method, target, headers, body)
        except GraphError as error:
            with self._lock:
                self.refusals[error.code] += 1
            return error.http_status, error.body()

    def _route(self, method: str, target: str, headers, body: bytes) -> dict:
        url = urlsplit(target)
        query = parse_qs(url.query)
        auth = headers.get("Authorization") or ""
        token = auth[7:] if auth.startswith("Bearer ") else (query.get("access_token") or [""])[0]
        if not hmac.compare_digest(token.encode(), self.access_token.encode()):
            raise GraphError(190, "Invalid OAuth access token.")
        parts = url.path.strip("/").split("/")
        if len(parts) not in (2, 3) or not VERSION_RE.match(parts[0]):
            raise GraphError(2500, f"Unknown path components: {url.path}")
        if parts[1] != self.phone_number_id:
            raise GraphError(
                100,
                f"Unsupported post request. Object with ID '{parts[1]}' does "
                "not exist, cannot be loaded due to missing permissions, or does "
                "not support this operation.",
            )
        if len(parts) == 2 and method == "GET":
            return self._phone_number_info()
        if len(parts) != 3 or parts[2] != "messages" or method != "POST":
            raise GraphError(2500, f"Unknown path components: {url.path}")
        try:
            payload = json.loads(body or b"null")
        except (UnicodeDecodeError, json.JSONDecodeError) as error:
            raise GraphError(100, f"The request body is not valid JSON: {error}") from None
        if isinstance(payload, dict) and "status" in payload:
            return self._mark_read(payload)
        return self._send(payload)

    def _phone_number_info(self) -> dict:
        return {
            "verified_name": "Buurtwacht (stand-in)",
            "id": self.phone_number_id,
            "display_phone_number": self.display_phone_number,
            "quality_rating": "GREEN",
            "code_verification_status": "VERIFIED",
            "throughput": {"level": "STANDARD"},
        }

    def _mark_read(self, payload: dict) -> dict:
        message_id = check_read_mark(payload)
        with self._lock:
            if message_id not in self._inbound_ids:
                raise GraphError(100, f"Param message_id: no inbound message {message_id}.")
            self.read_marks.append(message_id)
        return {"success": True}

    def _take_fault(self, payload) -> None:
        try:
            recipient, _, _ = check_recipient(payload) if isinstance(payload, dict) else ("",) * 3
        except GraphError:
            recipient = ""
        with self._lock:
            for fault in self._faults:
                wanted = fault.to is None or (
                    recipient and self._resolve(fault.to) is self._resolve(recipient)
                )
                if fault.count > 0 and wanted:
                    fault.count -= 1
                    raise GraphError(fault.code, "Injected by fail_next.", fault.http_status)

    def _send(self, payload) -> dict:
        self._take_fault(payload)
        verdict = check_message(payload, self.templates)
        now = time.monotonic()
        with self._lock:
            person = self._resolve(verdict.recipient)
            pair = self._pair.setdefault(
                person.bsuid, _Bucket(1.0 / self.pair_interval, self.pair_burst)
            )
            if not self._number_bucket.ready(now):
                raise GraphError(130429, "Cloud API message throughput has been reached.")
            if not pair.ready(now):
                raise GraphError(
                    131056,
                    "Message failed to send because there were too many "
                    "messages sent from this phone number to the same phone "
                    "number in a short period of time.",
                )
            closed = verdict.type != "template" and not self.window_open(person.bsuid)
            if closed and self.reengagement == "sync":
                raise GraphError(
                    131047,
                    "Message failed to send because more than 24 hours "
                    "have passed since the customer last replied to this number.",
                )
            self._number_bucket.take()
            pair.take()
            self._counter += 1
            raw = f"{person.bsuid}:{self._counter}:{secrets.token_hex(6)}".encode()
            record = Accepted(
                id="wamid." + base64.b64encode(raw).decode(),
                to=verdict.recipient,
                payload=payload,
                accepted_at=now,
                user=person.bsuid,
                by_bsuid=verdict.by_bsuid,
                lost=bool(verdict.silent),
            )
            if person.wa_id in self.undeliverable or person.bsuid in self.undeliverable:
                record.failed = 131026
            elif closed:
                record.failed = 131047
            self.accepted.append(record)
            self._by_id[record.id] = record
            if record.lost:
                self.lost.append(record)
        if self.auto_status:
            self._enqueue(record, self._auto_statuses(record))
        contact = {"input": verdict.input}
        contact.update({"user_id": person.bsuid} if verdict.by_bsuid else {"wa_id": person.wa_id})
        return {
            "messaging_product": "whatsapp",
            "contacts": [contact],
            "messages": [{"id": record.id}],
        }

    @staticmethod
    def _auto_statuses(record: Accepted) -> list[tuple[str, int | None]]:
        if record.failed:
            return [("failed", record.failed)]
        if record.lost:
            return [("sent", None)]
        return [("sent", None), ("delivered", None)]


class _Handler(BaseHTTPRequestHandler):
    server_version = "StandInGraph/1.0"
    protocol_version = "HTTP/1.1"
    disable_nagle_algorithm = True  # headers and body go out as separate writes

    def log_message(self, format, *args) -> None:  # noqa: A002 - quiet in tests
        pass

    def _serve(self, method: str) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length) if length else b""
        status, answer = self.server.standin.handle(method, self.path, self.headers, body)
        data = json.dumps(answer).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def do_POST(self) -> None:  # noqa: N802
        self._serve("POST")

    def do_GET(self) -> None:  # noqa: N802
        self._serve("GET")


_ = (InboxMessage, Phone)  # re-exported: `from ...standin import StandIn, Phone`
