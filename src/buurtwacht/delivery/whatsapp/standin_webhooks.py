"""The stand-in's webhooks: status callbacks from background senders, inbound messages from
a member's phone, signatures, redelivery and the subscription handshake.

A mixin of StandIn (standin.py), kept apart so each module stays one concept; it uses the
stand-in's state (`_lock`, `_queues`, `_bodies`, people) and adds no state of its own.
Bodies are serialised the way Meta serialises them (`meta_json`) and signed over the raw
bytes, so the hub's signature check is tested against what production sends.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import logging
import queue
import random
import secrets
import time
from typing import NamedTuple

import httpx

from .standin_rules import ERRORS

logger = logging.getLogger(__name__)
DEFAULT_WA_ID = "32470123456"
ERROR_HREF = "https://developers.facebook.com/docs/whatsapp/cloud-api/support/error-codes/"


class Delivery(NamedTuple):
    """What an inbound webhook did: the HTTP status the hub answered, and the message's id."""

    status: int
    message_id: str


def meta_json(obj) -> bytes:
    """JSON as Meta sends it: compact, non-ASCII as \\u escapes, "/" escaped."""
    return json.dumps(obj, separators=(",", ":")).replace("/", "\\/").encode()


def _status_error(code: int) -> dict:
    title = ERRORS.get(code, ("Error", 400))[0]
    return {
        "code": code,
        "title": title,
        "message": title,
        "error_data": {"details": f"{title}."},
        "href": ERROR_HREF,
    }


class Webhooks:
    """Webhook side of StandIn (mixin)."""

    # -- status webhooks (background senders) ---------------------------------------------------

    def send_statuses(
        self, message_id: str, statuses: list[str], shuffle: bool = False, error_code: int = 131026
    ) -> None:
        """Queue status webhooks for one accepted message, in this order (or shuffled)."""
        items = [(s, error_code if s == "failed" else None) for s in statuses]
        if shuffle:
            random.shuffle(items)
        self._enqueue(self._by_id[message_id], items)

    def _enqueue(self, record, items) -> None:
        q = self._queues[hash(record.id) % len(self._queues)]  # one queue per message: in order
        for status, code in items:
            q.put((record, status, code))

    def flush(self, timeout: float = 10.0) -> None:
        """Wait until every queued status webhook has been posted (or given up on)."""
        deadline = time.monotonic() + timeout
        while any(q.unfinished_tasks for q in self._queues):
            if time.monotonic() > deadline:
                raise TimeoutError("status webhooks still queued after flush timeout")
            time.sleep(0.005)

    def _sender(self, q: queue.Queue) -> None:
        while True:
            batch = [q.get()]
            while len(batch) < self.status_batch and batch[-1] is not None:
                try:
                    batch.append(q.get_nowait())
                except queue.Empty:
                    break
            jobs = [job for job in batch if job is not None]
            try:
                if jobs:
                    self._post_statuses(jobs)
            except Exception:  # a sender thread must never die: log and carry on
                logger.exception("stand-in status webhook failed")
            finally:
                for _ in batch:
                    q.task_done()
            if len(jobs) < len(batch):
                return

    def _post_statuses(self, jobs) -> None:
        contacts, statuses = {}, []
        for record, status, code in jobs:
            person = self._person(user_id=record.user)
            item = {"id": record.id, "status": status, "timestamp": str(int(time.time()))}
            item.update(
                {"recipient_user_id": person.bsuid}
                if record.by_bsuid
                else {"recipient_id": person.wa_id}
            )
            if status == "failed":
                item["errors"] = [_status_error(code)]
            else:
                contact = {"profile": {"name": person.name}}
                if not record.by_bsuid:
                    contact["wa_id"] = person.wa_id
                contacts[person.bsuid] = {**contact, "user_id": person.bsuid}
            if status in ("sent", "delivered"):
                category = "utility" if record.payload.get("type") == "template" else "service"
                item["pricing"] = {
                    "billable": category != "service",
                    "pricing_model": "PMP",
                    "category": category,
                    "type": "regular",
                }
            statuses.append(item)
        value = {"messaging_product": "whatsapp", "metadata": self._metadata()}
        if contacts:
            value["contacts"] = list(contacts.values())
        value["statuses"] = statuses
        body = self._envelope(value)
        for record, status, _ in jobs:
            with self._lock:
                record.statuses.append(status)
                self._bodies[record.id] = body
        for attempt in range(self.webhook_retries + 1):
            try:
                if 200 <= self._post_webhook(body, "status") < 300:
                    return
            except httpx.TransportError:
                logger.warning("stand-in: webhook receiver unreachable (%s)", self.webhook_url)
            time.sleep(0.05 * 2**attempt)

    # -- webhooks: envelope, signature, posting -------------------------------------------------

    def _metadata(self) -> dict:
        return {
            "display_phone_number": self.display_phone_number,
            "phone_number_id": self.phone_number_id,
        }

    def _envelope(self, value: dict) -> bytes:
        change = {"value": value, "field": "messages"}
        return meta_json(
            {
                "object": "whatsapp_business_account",
                "entry": [{"id": self.waba_id, "changes": [change]}],
            }
        )

    def sign(self, body: bytes) -> str:
        return "sha256=" + hmac.new(self.app_secret.encode(), body, hashlib.sha256).hexdigest()

    def _post_webhook(self, body: bytes, kind: str, signature: str | None = "auto") -> int:
        headers = {"Content-Type": "application/json", "User-Agent": "facebookexternalua"}
        if signature is not None:
            headers["X-Hub-Signature-256"] = self.sign(body) if signature == "auto" else signature
        status = self._http.post(self.webhook_url, content=body, headers=headers).status_code
        with self._lock:
            self.webhook_log.append((kind, body, status))
        return status

    def post_raw(self, body: bytes, signature: str | None = None) -> int:
        """POST these exact bytes to the webhook; signature None sends no signature header."""
        return self._post_webhook(body, "raw", signature)

    def redeliver(self, message_id: str) -> int:
        """Re-post the exact webhook body last posted for this message (Meta redelivers)."""
        return self._post_webhook(self._bodies[message_id], "redelivery")

    def verify(self, webhook_url: str | None = None, verify_token: str | None = None):
        """The subscription handshake (GET hub.mode, verify_token, challenge) -> (status, body)."""
        challenge = str(secrets.randbelow(10**9))
        params = {
            "hub.mode": "subscribe",
            "hub.challenge": challenge,
            "hub.verify_token": self.verify_token if verify_token is None else verify_token,
        }
        answer = self._http.get(webhook_url or self.webhook_url, params=params)
        return answer.status_code, answer.text

    # -- inbound messages (a member's phone writes to the hub) ----------------------------------

    def _inbound(
        self,
        kind: str,
        content: dict,
        *,
        wa_id: str | None = DEFAULT_WA_ID,
        user_id: str | None = None,
        name: str = "Jan",
        context_id: str | None = None,
        username: str | None = None,
    ) -> Delivery:
        if not (wa_id or user_id):
            raise ValueError("an inbound message needs a wa_id or a user_id (BSUID)")
        person = self._person(wa_id, user_id)
        with self._lock:
            self._counter += 1
            raw = f"in:{person.bsuid}:{self._counter}:{secrets.token_hex(6)}".encode()
            message_id = "wamid." + base64.b64encode(raw).decode()
            person.name, person.last_inbound = name, time.monotonic()
        message = {"from": wa_id} if wa_id else {}
        message.update(
            from_user_id=person.bsuid, id=message_id, timestamp=str(int(time.time())), type=kind
        )
        if context_id:
            message["context"] = {"from": self.display_phone_number, "id": context_id}
        message[kind] = content
        contact = {"profile": {"name": name, **({"username": username} if username else {})}}
        contact.update({"wa_id": wa_id} if wa_id else {})
        contact["user_id"] = person.bsuid
        body = self._envelope(
            {
                "messaging_product": "whatsapp",
                "metadata": self._metadata(),
                "contacts": [contact],
                "messages": [message],
            }
        )
        with self._lock:
            self._bodies[message_id] = body
            self._inbound_ids.add(message_id)
        return Delivery(self._post_webhook(body, "inbound"), message_id)

    def send_text(self, text: str, **who) -> Delivery:
        return self._inbound("text", {"body": text}, **who)

    def send_button_reply(self, button_id: str, title: str, **who) -> Delivery:
        reply = {"type": "button_reply", "button_reply": {"id": button_id, "title": title}}
        return self._inbound("interactive", reply, **who)

    def send_list_reply(
        self, row_id: str, title: str, description: str | None = None, **who
    ) -> Delivery:
        row = {
            "id": row_id,
            "title": title,
            **({"description": description} if description else {}),
        }
        return self._inbound("interactive", {"type": "list_reply", "list_reply": row}, **who)

    def send_template_button(self, payload: str, text: str, **who) -> Delivery:
        return self._inbound("button", {"payload": payload, "text": text}, **who)

    def send_location(
        self,
        lat: float,
        lon: float,
        name: str | None = None,
        address: str | None = None,
        *,
        profile_name: str = "Jan",
        **who,
    ) -> Delivery:
        """`name` is the place's name; the sender's profile name is `profile_name` here."""
        loc = {"latitude": lat, "longitude": lon}
        loc.update({k: v for k, v in (("name", name), ("address", address)) if v})
        return self._inbound("location", loc, name=profile_name, **who)

    def send_image(self, caption: str | None = None, **who) -> Delivery:
        image = {
            "mime_type": "image/jpeg",
            "sha256": base64.b64encode(secrets.token_bytes(32)).decode(),
            "id": str(secrets.randbelow(10**15)),
        }
        if caption:
            image["caption"] = caption
        return self._inbound("image", image, **who)
