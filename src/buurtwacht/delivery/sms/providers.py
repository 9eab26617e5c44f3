"""Who actually carries an SMS: a generic HTTP JSON provider, or (development, demo) the log.

Most SMS gateways take one JSON POST per message with a recipient, a sender, a text and a
client reference, and answer with a message id; only the field names and the auth header
differ, so they are settings rather than one adapter per vendor. The outcome is mapped to
the outbox's SendResult: 2xx sent, 429 / 5xx / timeouts retried (a 429's Retry-After is
honoured), any other 4xx permanent (the payload or the number is refused: retrying the same
request cannot help, the member's next channel takes over).

Errors are shown to coordinators, so the number never travels in them (scrub).
"""

from __future__ import annotations

import logging
import re
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime

import httpx
from django.conf import settings

from buurtwacht.delivery.channels.base import SendResult

from . import segments

logger = logging.getLogger("buurtwacht.delivery.sms")

LOG, HTTP = "log", "http"
# a run of 8+ digits, possibly with +, spaces, dots, dashes or slashes between: a number
_PHONE_LIKE = re.compile(r"\+?\d(?:[\s./-]?\d){7,}")


@dataclass(frozen=True)
class Sms:
    to: str  # E.164
    text: str
    reference: str  # the delivery's idempotency key: a provider can drop an in-doubt resend


def scrub(text: str, number: str) -> str:
    """Remove the recipient's number (in any spelling) and anything that looks like one."""
    if number:
        for form in {number, number.lstrip("+"), "00" + number.lstrip("+")}:
            text = text.replace(form, "<recipient>")
    return _PHONE_LIKE.sub("<recipient>", text)


def masked(number: str) -> str:
    """What a log line may say about a number: its last two digits."""
    return f"…{number[-2:]}" if len(number) > 2 else "…"


def dotted(data, path: str):
    """data["a"]["b"][0] for "a.b.0"; None when any step is missing."""
    for step in path.split(".") if path else []:
        if isinstance(data, dict):
            data = data.get(step)
        elif isinstance(data, list) and step.isdigit() and int(step) < len(data):
            data = data[int(step)]
        else:
            return None
    return data


def retry_after(value: str | None) -> float | None:
    """Seconds from a Retry-After header (delta-seconds or an HTTP date)."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - datetime.now(UTC)).total_seconds())


class LogProvider:
    """Development and demo: writes one line per message (never the number), sends nothing."""

    name = LOG

    def open(self) -> None:
        pass

    def close(self) -> None:
        pass

    def send(self, sms: Sms) -> SendResult:
        provider_id = f"log-{uuid.uuid4().hex[:16]}"
        logger.info(
            "SMS (log provider, not sent) to %s, %d part(s), ref %s, id %s: %r",
            masked(sms.to), segments.segments(sms.text), sms.reference, provider_id, sms.text,
        )  # fmt: skip
        return SendResult(ok=True, provider_id=provider_id)


class HttpProvider:
    """A JSON POST per message to SMS_HTTP_URL; one connection pool per batch."""

    name = HTTP

    def __init__(self, *, url: str, auth_header: str = "", sender: str = "",
                 fields: dict[str, str] | None = None, id_field: str = "id",
                 timeout: float = 10.0):  # fmt: skip
        self.url = url
        self.headers = _header(auth_header)
        self.sender = sender
        self.fields = {"to": "to", "from": "from", "text": "text", "reference": "reference"}
        self.fields.update(fields or {})
        self.id_field = id_field
        self.timeout = timeout
        self._client: httpx.Client | None = None

    @classmethod
    def from_settings(cls) -> HttpProvider:
        return cls(
            url=settings.SMS_HTTP_URL,
            auth_header=settings.SMS_HTTP_AUTH_HEADER,
            sender=settings.SMS_FROM,
            fields={
                "to": settings.SMS_HTTP_FIELD_TO,
                "from": settings.SMS_HTTP_FIELD_FROM,
                "text": settings.SMS_HTTP_FIELD_TEXT,
                "reference": settings.SMS_HTTP_FIELD_REFERENCE,
            },
            id_field=settings.SMS_HTTP_ID_FIELD,
            timeout=settings.SMS_HTTP_TIMEOUT_SECONDS,
        )

    def open(self) -> None:
        if self._client is None:
            self._client = httpx.Client(timeout=self.timeout, headers=self.headers)

    def close(self) -> None:
        if self._client is not None:
            self._client.close()
            self._client = None

    def body(self, sms: Sms) -> dict:
        """The JSON sent; a field whose name is set empty is left out (e.g. no sender)."""
        values = {"to": sms.to, "from": self.sender, "text": sms.text, "reference": sms.reference}
        return {self.fields[k]: v for k, v in values.items() if self.fields[k] and v}

    def send(self, sms: Sms) -> SendResult:
        self.open()
        try:
            response = self._client.post(self.url, json=self.body(sms))
        except httpx.TimeoutException as exc:
            return SendResult(ok=False, error=f"SMS provider timeout ({type(exc).__name__})")
        except httpx.HTTPError as exc:
            self.close()  # the pool may hold a broken connection; the next send reconnects
            error = scrub(f"SMS provider unreachable: {type(exc).__name__}: {exc}", sms.to)
            return SendResult(ok=False, error=error)
        return self._result(response, sms)

    def _result(self, response: httpx.Response, sms: Sms) -> SendResult:
        code = response.status_code
        if 200 <= code < 300:
            return SendResult(ok=True, provider_id=self._provider_id(response, sms))
        error = scrub(f"SMS provider HTTP {code}: {response.text[:300]}", sms.to)
        if code == 429:
            return SendResult(
                ok=False, error=error, retry_after=retry_after(response.headers.get("Retry-After"))
            )
        return SendResult(ok=False, error=error, permanent=400 <= code < 500 and code != 408)

    def _provider_id(self, response: httpx.Response, sms: Sms) -> str:
        """The provider's id for its delivery reports; without one, our reference (many
        providers echo the client reference in their reports)."""
        try:
            found = dotted(response.json(), self.id_field)
        except ValueError:
            found = None
        if found in (None, "") or isinstance(found, dict | list):
            logger.warning("SMS provider answered without %r; using our reference", self.id_field)
            return sms.reference
        return str(found)


def _header(auth_header: str) -> dict[str, str]:
    """ "Authorization: Bearer xyz" -> {"Authorization": "Bearer xyz"}."""
    if not auth_header.strip():
        return {}
    name, sep, value = auth_header.partition(":")
    if not sep or not name.strip():
        raise ValueError("SMS_HTTP_AUTH_HEADER must look like 'Header-Name: value'")
    return {name.strip(): value.strip()}


def from_settings() -> LogProvider | HttpProvider | None:
    """The configured provider, or None (SMS is then not configured and is skipped)."""
    kind = settings.SMS_PROVIDER
    if kind == LOG:
        return LogProvider()
    if kind == HTTP and settings.SMS_HTTP_URL:
        return HttpProvider.from_settings()
    return None
