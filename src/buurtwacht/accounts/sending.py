"""Sending one sign-in code to one person, by e-mail, SMS or WhatsApp.

A code is a personal one-time message, not a group message: it never goes through the
outbox's fan-out but straight through each channel's own sending primitive (Django's mail
with the SMTP settings; the SMS provider of delivery/sms; the Graph client of the group
number). It runs as a task so that the sign-in page answers in the same time whether or not
an account exists, and so that the clear code is made here and exists nowhere at rest.

WhatsApp: a login code is an "authentication" template in Meta's terms
(WHATSAPP_AUTH_TEMPLATE): the code is its one body parameter and the parameter of its
copy-code button. When WhatsApp is not configured, paused or refuses, the code goes by SMS.
"""

from __future__ import annotations

import logging
import secrets

from django.conf import settings
from django.core.mail import send_mail
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django_tasks import task

from .codes import hash_secret, link_token
from .models import SignInCode

logger = logging.getLogger(__name__)
TEMPLATE_LANGUAGES = {"nl": "nl_BE", "fr": "fr_BE", "de": "de_DE", "en": "en_GB"}


class NotSent(Exception):
    """The channel could not carry the code; the text is safe to store (no contact data)."""


@task()
def deliver_task(challenge_id: int) -> str:
    return deliver(challenge_id)


def deliver(challenge_id: int) -> str:
    """Make the code (and for e-mail the link), store their hashes, send; returns the channel
    that carried it, "nobody" for a challenge without an account, or "failed"."""
    row = (
        SignInCode.objects.select_related("user")
        .filter(pk=challenge_id, used_at__isnull=True, sent_at__isnull=True).first()
    )  # fmt: skip
    if row is None or row.user is None:
        return "nobody"
    code, nonce = f"{secrets.randbelow(10**6):06d}", secrets.token_urlsafe(16)
    row.code_hash = hash_secret("code", row.pk, code)
    row.link_hash = hash_secret("link", row.pk, nonce) if row.channel == "email" else ""
    row.save(update_fields=["code_hash", "link_hash"])
    with translation.override(row.language or row.user.language or "nl"):
        try:
            carried = _send(row, code, nonce)
        except NotSent as exc:
            row.send_error = str(exc)[:300]
            row.save(update_fields=["send_error"])
            logger.warning("sign-in code %s not sent: %s", row.pk, row.send_error)
            return "failed"
    row.sent_at, row.sent_by = timezone.now(), carried
    row.save(update_fields=["sent_at", "sent_by"])
    return carried


def _send(row: SignInCode, code: str, nonce: str) -> str:
    if row.channel == SignInCode.Channel.EMAIL:
        return send_email(row.user, code, magic_link(row.pk, nonce))
    if row.channel == SignInCode.Channel.WHATSAPP:
        try:
            return send_whatsapp(row.user, code)
        except NotSent as exc:
            logger.info("sign-in code %s: WhatsApp failed (%s), trying SMS", row.pk, exc)
    return send_sms(row.user, code, reference=f"signin-{row.pk}")


def magic_link(challenge_id: int, nonce: str) -> str:
    path = reverse("accounts:link", args=[link_token(challenge_id, nonce)])
    return settings.PUBLIC_BASE_URL.rstrip("/") + path


def minutes() -> int:
    return settings.ACCOUNTS_CODE_TTL_SECONDS // 60


def send_email(user, code: str, link: str) -> str:
    address = user.contact_email
    if not address:
        raise NotSent("no e-mail address")
    text = _(
        "Your Buurtwacht sign-in code is %(code)s\n\n"
        "Or open this link to sign in:\n%(link)s\n\n"
        "The code and the link work once, for %(minutes)d minutes.\n"
        "Did you not ask for this? Then ignore this message: nobody can sign in without it. "
        "Buurtwacht and the police never ask you for this code."
    ) % {"code": code, "link": link, "minutes": minutes()}
    try:
        send_mail(_("Your Buurtwacht sign-in code"), text, settings.DEFAULT_FROM_EMAIL, [address])
    except Exception as exc:  # noqa: BLE001 - any SMTP or socket failure: record, do not crash
        raise NotSent(f"{type(exc).__name__}: {exc}".replace(address, "<recipient>")) from exc
    return "email"


def sms_text(code: str) -> str:
    return _(
        "Your Buurtwacht sign-in code is %(code)s. It works once, for %(minutes)d minutes. "
        "Never share it."
    ) % {"code": code, "minutes": minutes()}


def send_sms(user, code: str, *, reference: str) -> str:
    from buurtwacht.delivery.sms import providers, segments

    if not user.phone:
        raise NotSent("no phone number")
    provider = providers.from_settings()
    if provider is None:
        raise NotSent("SMS is not configured (SMS_PROVIDER)")
    try:
        text = segments.normalise(sms_text(code))
        result = provider.send(providers.Sms(to=user.phone, text=text, reference=reference))
    finally:
        provider.close()
    if not result.ok:
        raise NotSent(result.error or "SMS refused")
    return "sms"


def whatsapp_message(code: str, language: str) -> dict:
    """The authentication template: the code in the body and in the copy-code button."""
    from buurtwacht.delivery.whatsapp.client import template_message

    message = template_message(
        settings.WHATSAPP_AUTH_TEMPLATE, TEMPLATE_LANGUAGES.get(language, "nl_BE"), [code]
    )
    button = {"type": "button", "sub_type": "url", "index": "0",
              "parameters": [{"type": "text", "text": code}]}  # fmt: skip
    message["template"]["components"].append(button)
    return message


def send_whatsapp(user, code: str) -> str:
    from buurtwacht.delivery.whatsapp import identities, numbers
    from buurtwacht.delivery.whatsapp.client import ApiError, PayloadError, Recipient

    if not numbers.configured():
        raise NotSent("WhatsApp is not configured")
    recipient = Recipient(wa_id=identities.wa_id_of(user), bsuid=identities.bsuid_of(user))
    if not recipient.key:
        raise NotSent("no WhatsApp number")
    number_id = numbers.default_number_id()
    paused = numbers.paused_reason(number_id)
    if paused:
        raise NotSent(f"number paused: {paused}")
    message = whatsapp_message(code, (translation.get_language() or "nl")[:2])
    try:
        numbers.client_for(number_id).send(recipient, message)
    except (ApiError, PayloadError) as exc:
        raise NotSent(str(exc)) from exc
    return "whatsapp"
