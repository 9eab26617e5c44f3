"""Requests to the WhatsApp Cloud (Graph) API, checked against the documented limits first.

The API accepts some over-long payloads (an interactive body over 1,024 characters, a button
title over 20) and the message then silently never arrives, so every payload is validated
here and refused with `PayloadError` before it leaves. Errors from the API are classified
once (`classify`) into what the outbox should do: retry, send the template instead, fall back
to the member's next channel, or stop sending from the number.

We call the API with httpx rather than through pywa: pywa's types are good, but it brings
its own webhook server and handlers, while the parts that matter here (validation before
sending, pacing, retries, dedupe, the Django webhook) are ours either way; a thin, typed
module over the documented wire format keeps one HTTP stack (httpx) and no framework inside
a framework. See docs/whatsapp.md.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import httpx

TEXT_MAX = 4096
INTERACTIVE_BODY_MAX = 1024
BUTTONS_MAX, BUTTON_TITLE_MAX, BUTTON_ID_MAX = 3, 20, 256
ROWS_MAX, ROW_TITLE_MAX, ROW_DESCRIPTION_MAX, ROW_ID_MAX = 10, 24, 72, 200
LIST_BUTTON_MAX, SECTION_TITLE_MAX = 20, 24
TEMPLATE_PARAM_MAX = 1024

#: Error codes and what to do about them (issue 8, from Meta's error reference).
RETRY = {130429, 131056, 131000, 131016, 2}
USE_TEMPLATE = {131047}
UNDELIVERABLE = {131026}
PAYLOAD_BUG = {131051, 100, 131008, 131009, 132000, 132001, 132012}
STOP_NUMBER = {131048, 368}
TOKEN_INVALID = {190}


class PayloadError(ValueError):
    """Our payload breaks a documented limit: it would be lost silently, so it is not sent."""


@dataclass(frozen=True)
class ApiError(Exception):
    """An error answer of the API (or no answer at all: code 0, http_status 0)."""

    code: int
    http_status: int
    message: str = ""

    def __str__(self) -> str:
        return f"WhatsApp {self.code} (HTTP {self.http_status}): {self.message}"[:500]

    @property
    def action(self) -> str:
        """retry | template | fallback | payload | stop_number | token | retry (5xx, network)."""
        return classify(self.code, self.http_status)


def classify(code: int, http_status: int) -> str:
    if code in USE_TEMPLATE:
        return "template"
    if code in UNDELIVERABLE:
        return "fallback"
    if code in STOP_NUMBER:
        return "stop_number"
    if code in TOKEN_INVALID or http_status == 401:
        return "token"
    if code in RETRY or http_status == 429 or http_status >= 500 or http_status == 0:
        return "retry"
    return "payload"


@dataclass(frozen=True)
class Recipient:
    """A WhatsApp user: by phone (wa_id, digits) or, for username users, by BSUID only."""

    wa_id: str = ""
    bsuid: str = ""

    def fields(self) -> dict:
        if self.wa_id:
            return {"to": self.wa_id}
        if self.bsuid:
            return {"recipient": self.bsuid}
        raise PayloadError("a recipient needs a wa_id or a BSUID")

    @property
    def key(self) -> str:
        return self.wa_id or self.bsuid


def _check(condition: bool, what: str) -> None:
    if not condition:
        raise PayloadError(what)


def text_message(body: str, *, context_id: str = "") -> dict:
    _check(0 < len(body) <= TEXT_MAX, f"text body must be 1..{TEXT_MAX} characters")
    return _with_context({"type": "text", "text": {"body": body, "preview_url": False}}, context_id)


def buttons_message(body: str, buttons: list[tuple[str, str]], *, context_id: str = "") -> dict:
    """Reply buttons: at most 3, titles at most 20 characters, unique ids and titles."""
    _check(0 < len(body) <= INTERACTIVE_BODY_MAX, f"body must be 1..{INTERACTIVE_BODY_MAX}")
    _check(0 < len(buttons) <= BUTTONS_MAX, f"1..{BUTTONS_MAX} buttons")
    _unique(buttons, "button")
    for bid, title in buttons:
        _check(0 < len(bid) <= BUTTON_ID_MAX, f"button id must be 1..{BUTTON_ID_MAX}")
        _check(0 < len(title) <= BUTTON_TITLE_MAX, f"button title must be 1..{BUTTON_TITLE_MAX}")
    action = {"buttons": [{"type": "reply", "reply": {"id": i, "title": t}} for i, t in buttons]}
    interactive = {"type": "button", "body": {"text": body}, "action": action}
    return _with_context({"type": "interactive", "interactive": interactive}, context_id)


def list_message(
    body: str, button: str, rows: list[tuple[str, str]], *, section: str = "", context_id=""
) -> dict:
    """A list: at most 10 rows, row titles at most 24 characters, one section."""
    _check(0 < len(body) <= INTERACTIVE_BODY_MAX, f"body must be 1..{INTERACTIVE_BODY_MAX}")
    _check(0 < len(button) <= LIST_BUTTON_MAX, f"list button must be 1..{LIST_BUTTON_MAX}")
    _check(0 < len(rows) <= ROWS_MAX, f"1..{ROWS_MAX} rows")
    _check(len(section) <= SECTION_TITLE_MAX, f"section title at most {SECTION_TITLE_MAX}")
    _unique(rows, "row")
    for rid, title in rows:
        _check(0 < len(rid) <= ROW_ID_MAX, f"row id must be 1..{ROW_ID_MAX}")
        _check(0 < len(title) <= ROW_TITLE_MAX, f"row title must be 1..{ROW_TITLE_MAX}")
    sec = {"rows": [{"id": i, "title": t} for i, t in rows]}
    if section:
        sec["title"] = section
    interactive = {
        "type": "list",
        "body": {"text": body},
        "action": {"button": button, "sections": [sec]},
    }
    return _with_context({"type": "interactive", "interactive": interactive}, context_id)


def template_message(name: str, language: str, params: list[str]) -> dict:
    """An approved template (outside the 24-hour window only these may be sent)."""
    for p in params:
        _check(0 < len(p) <= TEMPLATE_PARAM_MAX, f"template parameter 1..{TEMPLATE_PARAM_MAX}")
    body = {"type": "body", "parameters": [{"type": "text", "text": p} for p in params]}
    template = {"name": name, "language": {"code": language}, "components": [body]}
    return {"type": "template", "template": template}


def _unique(pairs: list[tuple[str, str]], what: str) -> None:
    ids, titles = [i for i, _ in pairs], [t for _, t in pairs]
    _check(len(set(ids)) == len(ids), f"{what} ids must be unique")
    _check(len(set(titles)) == len(titles), f"{what} titles must be unique")


def _with_context(payload: dict, context_id: str) -> dict:
    if context_id:
        payload["context"] = {"message_id": context_id}
    return payload


@dataclass
class GraphClient:
    """One business number's sender. `http` is shared per process (connection reuse)."""

    base_url: str
    version: str
    phone_number_id: str
    access_token: str
    timeout: float = 10.0
    http: httpx.Client | None = field(default=None, repr=False)

    def _client(self) -> httpx.Client:
        if self.http is None:
            self.http = httpx.Client(timeout=self.timeout)
        return self.http

    @property
    def messages_url(self) -> str:
        return f"{self.base_url.rstrip('/')}/{self.version}/{self.phone_number_id}/messages"

    def send(self, recipient: Recipient, message: dict) -> str:
        """Send one validated message; returns its wamid or raises ApiError."""
        body = {
            "messaging_product": "whatsapp",
            "recipient_type": "individual",
            **recipient.fields(),
            **message,
        }
        answer = self._post(body)
        try:
            return answer["messages"][0]["id"]
        except (KeyError, IndexError, TypeError):
            raise ApiError(0, 200, "answer without a message id") from None

    def mark_read(self, message_id: str) -> None:
        self._post({"messaging_product": "whatsapp", "status": "read", "message_id": message_id})

    def _post(self, body: dict) -> dict:
        headers = {"Authorization": f"Bearer {self.access_token}"}
        try:
            response = self._client().post(self.messages_url, json=body, headers=headers)
        except httpx.HTTPError as exc:
            raise ApiError(0, 0, f"{type(exc).__name__}") from exc
        try:
            data = response.json()
        except ValueError:
            data = {}
        if response.status_code >= 400 or "error" in data:
            error = data.get("error", {}) if isinstance(data, dict) else {}
            raise ApiError(
                int(error.get("code") or 0), response.status_code, str(error.get("message", ""))
            )
        return data
