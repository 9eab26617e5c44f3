"""The e-mail channel: SMTP through Django's mail, plain text with an HTML alternative.

One SMTP connection serves a whole batch. The Message-ID is derived from the delivery's
idempotency key, so the copy re-sent after a worker died mid-send carries the same
Message-ID as the first and a receiver (or a mail filter) can drop it.
"""

import smtplib
from collections.abc import Iterator
from contextlib import contextmanager

from django.conf import settings
from django.core.mail import EmailMultiAlternatives, get_connection

from .base import Channel, Content, SendResult

SMTP_TIMEOUT_SECONDS = 20


def message_id(idempotency_key: str) -> str:
    """Stable per (message, recipient, channel): same key, same Message-ID, on every resend."""
    domain = settings.DEFAULT_FROM_EMAIL.rpartition("@")[2] or "localhost"
    return f"<bw.{idempotency_key.replace(':', '.')}@{domain}>"


def _scrub(error: str, address: str) -> str:
    """Errors are shown to coordinators; the member's address must not travel with them."""
    return error.replace(address, "<recipient>") if address else error


def _classify(exc: Exception) -> tuple[str, bool]:
    """(error text, permanent?). Only a 5xx refusal of the recipient itself is permanent:
    a relay that refuses everything is a fault on our side and worth retrying."""
    if isinstance(exc, smtplib.SMTPRecipientsRefused):
        codes = [code for code, _ in exc.recipients.values()]
        detail = "; ".join(f"{c} {m.decode(errors='replace')}" for c, m in exc.recipients.values())
        return f"SMTP recipient refused: {detail}", all(500 <= c < 600 for c in codes)
    if isinstance(exc, smtplib.SMTPResponseException):
        text = exc.smtp_error.decode(errors="replace")
        return f"SMTP {exc.smtp_code} {text}", False
    return f"{type(exc).__name__}: {exc}", False


class EmailChannel(Channel):
    name = "email"
    max_per_second = 50.0
    batch_size = 100

    def __init__(self):
        self._connection = None

    @contextmanager
    def batch(self) -> Iterator[None]:
        self._connection = get_connection(fail_silently=False, timeout=SMTP_TIMEOUT_SECONDS)
        try:
            yield
        finally:
            try:
                self._connection.close()
            except Exception:  # noqa: BLE001 - a broken connection needs no polite QUIT
                pass
            self._connection = None

    def send(self, delivery, content: Content) -> SendResult:
        address = delivery.recipient.contact_email
        if not address:
            return SendResult(ok=False, error="member has no e-mail address", permanent=True)
        mail = EmailMultiAlternatives(
            subject=content.subject,
            body=content.text,
            to=[address],
            headers={"Message-ID": message_id(delivery.idempotency_key)},
            connection=self._connection,
        )
        if content.html:
            mail.attach_alternative(content.html, "text/html")
        try:
            self._open()
            mail.send()
        except (smtplib.SMTPException, OSError) as exc:
            error, permanent = _classify(exc)
            if not isinstance(exc, smtplib.SMTPResponseException):
                self._reset()  # the connection may be half-dead; the next send reconnects
            return SendResult(ok=False, error=_scrub(error, address), permanent=permanent)
        return SendResult(ok=True, provider_id=message_id(delivery.idempotency_key))

    def _open(self) -> None:
        """(Re)connect if needed: Django's SMTP backend's open() is a no-op when connected."""
        if self._connection is not None:
            self._connection.open()

    def _reset(self) -> None:
        if self._connection is not None:
            try:
                self._connection.close()
            except Exception:  # noqa: BLE001
                self._connection = get_connection(fail_silently=False, timeout=SMTP_TIMEOUT_SECONDS)
