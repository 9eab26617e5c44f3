"""Staff sign-in: who counts as staff, TOTP enrolment, recovery codes, session policy.

Staff (a StaffRole, is_staff or a superuser) reach personal data and police work, so a
password alone is never enough: after it comes a TOTP code from an authenticator app
(django-otp's TOTPDevice), or one of ten single-use recovery codes (otp_static). Recovery
codes are stored as keyed hashes, not in clear as otp_static would keep them: the admin shows
a hash, and a leaked table gives no way in.
"""

from __future__ import annotations

import secrets
from base64 import b32encode

import segno
from django.conf import settings
from django.utils import timezone
from django.utils.crypto import salted_hmac
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

RECOVERY_CODES = 10
RECOVERY_DEVICE = "recovery codes"
TOTP_DEVICE = "authenticator app"
STAFF_UNTIL_KEY = "accounts_staff_until"  # epoch seconds after which a staff session ends


def is_staff_account(user) -> bool:
    """Users who must use a second factor. Cached on the user object for one request."""
    if not getattr(user, "is_authenticated", False):
        return False
    cached = getattr(user, "_bw_is_staff", None)
    if cached is None:
        cached = bool(user.is_superuser or user.is_staff or user.staff_roles.exists())
        user._bw_is_staff = cached
    return cached


def has_totp(user) -> bool:
    return TOTPDevice.objects.filter(user=user, confirmed=True).exists()


# -- enrolment -------------------------------------------------------------------------------


def start_enrolment(user) -> TOTPDevice:
    """A fresh unconfirmed device: each visit of the page makes a new secret, so a secret is
    shown once and one seen over a shoulder earlier is worth nothing."""
    TOTPDevice.objects.filter(user=user, confirmed=False).delete()
    return TOTPDevice.objects.create(user=user, name=TOTP_DEVICE, confirmed=False)


def secret_of(device: TOTPDevice) -> str:
    """The base32 secret an authenticator app takes when typed in by hand."""
    return b32encode(device.bin_key).decode()


def qr_svg(device: TOTPDevice) -> str:
    """The otpauth:// URI as an inline SVG (segno: pure Python, no imaging library)."""
    return segno.make(device.config_url, error="m").svg_inline(scale=5, border=2)


def confirm_enrolment(device: TOTPDevice, token: str) -> list[str] | None:
    """Confirm the device with its first code; returns the new recovery codes (shown once)
    or None when the code does not match."""
    if not device.verify_token(_digits(token)):
        return None
    TOTPDevice.objects.filter(user=device.user, confirmed=True).exclude(pk=device.pk).delete()
    device.confirmed = True
    device.save(update_fields=["confirmed"])
    return new_recovery_codes(device.user)


# -- recovery codes --------------------------------------------------------------------------


def _recovery_hash(user, code: str) -> str:
    clean = "".join(ch for ch in code.lower() if ch.isalnum())
    return salted_hmac("buurtwacht.accounts.recovery", f"{user.pk}:{clean}").hexdigest()[:16]


def new_recovery_codes(user) -> list[str]:
    """Ten new codes; the old ones stop working."""
    device, _ = StaticDevice.objects.get_or_create(user=user, name=RECOVERY_DEVICE)
    if not device.confirmed:
        device.confirmed = True
        device.save(update_fields=["confirmed"])
    device.token_set.all().delete()
    codes = []
    for _ in range(RECOVERY_CODES):
        raw = b32encode(secrets.token_bytes(5)).decode().lower()  # 8 chars, 40 bits
        codes.append(f"{raw[:4]}-{raw[4:]}")
    StaticToken.objects.bulk_create(
        [StaticToken(device=device, token=_recovery_hash(user, c)) for c in codes]
    )
    return codes


def recovery_codes_left(user) -> int:
    return StaticToken.objects.filter(device__user=user, device__confirmed=True).count()


# -- verification ----------------------------------------------------------------------------


def _digits(token: str) -> str:
    return "".join((token or "").split())


def verify(user, token: str):
    """The device that accepts the token (TOTP code or recovery code), or None."""
    token = (token or "").strip()
    clean = _digits(token)
    if clean.isdigit():
        for device in TOTPDevice.objects.filter(user=user, confirmed=True):
            if device.verify_token(clean):
                return device
        return None
    for device in StaticDevice.objects.filter(user=user, confirmed=True):
        if device.verify_token(_recovery_hash(user, token)):
            return device
    return None


# -- sessions --------------------------------------------------------------------------------


def apply_session_policy(request, user) -> None:
    """Called right after login: staff sessions end when the browser closes and after
    STAFF_SESSION_SECONDS at the latest (the middleware enforces the deadline); residents
    keep SESSION_COOKIE_AGE."""
    if is_staff_account(user):
        if settings.STAFF_SESSION_EXPIRE_AT_BROWSER_CLOSE:
            request.session.set_expiry(0)
        else:
            request.session.set_expiry(settings.STAFF_SESSION_SECONDS)
        deadline = timezone.now().timestamp() + settings.STAFF_SESSION_SECONDS
        request.session[STAFF_UNTIL_KEY] = int(deadline)
    else:
        request.session.set_expiry(settings.SESSION_COOKIE_AGE)
        request.session.pop(STAFF_UNTIL_KEY, None)
