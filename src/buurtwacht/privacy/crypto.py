"""Field encryption and blind indexes for personal contact data.

Phone numbers and e-mail addresses are stored only as AES-GCM ciphertext, prefixed with the id
of the key that made them so keys can be rotated (new writes use the first key, reads accept
all). Look-ups ("is this phone number already a member?") go through an HMAC blind index, so
the database never needs the clear value to find a row.
"""

import base64
import hashlib
import hmac
import os
from functools import lru_cache

from cryptography.hazmat.primitives.ciphers.aead import AESGCM

PREFIX = "enc1"


class DecryptionError(ValueError):
    """A stored value could not be decrypted with any configured key."""


def _derive_key(secret: str) -> bytes:
    """Turn any configured secret string into a 256-bit AES key."""
    return hashlib.sha256(secret.encode()).digest()


@lru_cache(maxsize=8)
def _parse_keys(spec: str) -> tuple[tuple[str, AESGCM], ...]:
    keys = []
    for item in spec.split(","):
        kid, _, secret = item.strip().partition(":")
        if not kid or not secret:
            raise ValueError("FIELD_ENCRYPTION_KEY must look like 'kid:secret[,kid:secret]'")
        keys.append((kid, AESGCM(_derive_key(secret))))
    return tuple(keys)


def _settings():
    from django.conf import settings

    return settings


def encrypt(clear: str, *, key_spec: str | None = None) -> str:
    """Encrypt a text; the result is 'enc1:<kid>:<base64(nonce+ciphertext)>'."""
    kid, aead = _parse_keys(key_spec or _settings().FIELD_ENCRYPTION_KEYS)[0]
    nonce = os.urandom(12)
    sealed = aead.encrypt(nonce, clear.encode(), kid.encode())
    return f"{PREFIX}:{kid}:{base64.urlsafe_b64encode(nonce + sealed).decode()}"


def decrypt(stored: str, *, key_spec: str | None = None) -> str:
    """Decrypt a value made by encrypt(), with whichever configured key has its id."""
    try:
        prefix, kid, payload = stored.split(":", 2)
    except ValueError as exc:
        raise DecryptionError("not an encrypted value") from exc
    if prefix != PREFIX:
        raise DecryptionError("not an encrypted value")
    for key_id, aead in _parse_keys(key_spec or _settings().FIELD_ENCRYPTION_KEYS):
        if key_id == kid:
            raw = base64.urlsafe_b64decode(payload)
            return aead.decrypt(raw[:12], raw[12:], kid.encode()).decode()
    raise DecryptionError(f"no key with id {kid!r} is configured")


def blind_index(normalised: str, *, purpose: str) -> str:
    """A keyed hash for equality look-ups; `purpose` keeps phone and e-mail indexes apart."""
    key = _settings().BLIND_INDEX_KEY.encode()
    return hmac.new(key, f"{purpose}:{normalised}".encode(), hashlib.sha256).hexdigest()
