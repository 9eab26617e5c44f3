"""Who may follow a group's feed, decided from a session key: at connect and, for every open
feed of a process at once, every RECHECK_SECONDS (synchronous ORM; the stream calls it off the
event loop).

The feed does not go through Django's middleware (delivery/live/front.py says why), so this
module applies the same rules itself, in a handful of queries whatever the number of feeds:

* the session exists and has not expired (SESSION_ENGINE's store), its user id and backend
  are set, the backend is one of AUTHENTICATION_BACKENDS, and its auth hash matches the
  user's (django.contrib.auth.get_user: a changed password or a logout elsewhere ends it;
  SECRET_KEY_FALLBACKS are accepted as Django does);
* the user is active, and a staff session has not passed its deadline
  (accounts.staff.STAFF_UNTIL_KEY, which OtpRequiredMiddleware enforces on pages);
* organisation.roles decides the reader level, and the level the audiences.
"""

import time
from dataclasses import dataclass
from importlib import import_module

from django.conf import settings
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
from django.utils import timezone
from django.utils.crypto import constant_time_compare

from buurtwacht.accounts.staff import STAFF_UNTIL_KEY
from buurtwacht.organisation import roles
from buurtwacht.organisation.models import User

CHUNK = 500  # ids per IN (...): well below every database's limit on query parameters


@dataclass(frozen=True)
class Reader:
    """What a feed needs to know about the person reading it."""

    user_id: int
    audiences: frozenset[str]


def _store_class():
    return import_module(settings.SESSION_ENGINE).SessionStore


def _chunks(items: list, size: int = CHUNK):
    for i in range(0, len(items), size):
        yield items[i : i + size]


def session_data(keys: set[str]) -> dict[str, dict]:
    """The decoded data of the sessions that exist and have not expired, by key: one query per
    CHUNK keys with the database store, one load per key with any other store."""
    store_class = _store_class()
    keys = sorted(k for k in keys if k)
    if not hasattr(store_class, "get_model_class"):  # cache or file sessions
        found = {}
        for key in keys:
            data = store_class(key).load()
            if data:
                found[key] = data
        return found
    model, now, found = store_class.get_model_class(), timezone.now(), {}
    decode = store_class().decode
    for chunk in _chunks(keys):
        rows = model.objects.filter(session_key__in=chunk, expire_date__gt=now)
        for key, raw in rows.values_list("session_key", "session_data"):
            data = decode(raw)  # a tampered or undecodable session decodes to {}
            if data:
                found[key] = data
    return found


def _hash_verifies(user, session_hash: str | None) -> bool:
    if not session_hash:
        return False
    if constant_time_compare(session_hash, user.get_session_auth_hash()):
        return True
    return any(
        constant_time_compare(session_hash, fallback)
        for fallback in user.get_session_auth_fallback_hash()
    )


def _user_id(data: dict) -> int | None:
    """The signed-in user of a session's data, or None (anonymous, unknown backend, a staff
    session past its deadline)."""
    if data.get(BACKEND_SESSION_KEY) not in settings.AUTHENTICATION_BACKENDS:
        return None
    deadline = data.get(STAFF_UNTIL_KEY)
    if deadline is not None and time.time() >= deadline:
        return None
    try:
        return int(data[SESSION_KEY])
    except (KeyError, TypeError, ValueError):
        return None


def signed_in(keys: set[str]) -> dict[str, int]:
    """Session key -> user id for the sessions that still sign an active user in."""
    wanted = {}
    for key, data in session_data(keys).items():
        user_id = _user_id(data)
        if user_id is not None:
            wanted[key] = (user_id, data.get(HASH_SESSION_KEY))
    users = {}
    for chunk in _chunks(sorted({uid for uid, _ in wanted.values()})):
        users.update(User.objects.filter(pk__in=chunk, is_active=True).in_bulk())
    return {
        key: user_id
        for key, (user_id, session_hash) in wanted.items()
        if user_id in users and _hash_verifies(users[user_id], session_hash)
    }


def readers(feeds: list[tuple[str, int]]) -> list[Reader | None]:
    """For each (session key, group id): who reads it with which audiences, or None when the
    session no longer gives access to that group's feed. One call checks every open feed of a
    process (a few queries per CHUNK feeds, not per feed)."""
    users = signed_in({key for key, _ in feeds})
    pairs = {(users[key], group_id) for key, group_id in feeds if key in users}
    levels = {}
    pair_list = sorted(pairs)
    for chunk in _chunks(pair_list):
        levels.update(roles.reader_levels(chunk))
    out = []
    for key, group_id in feeds:
        user_id = users.get(key)
        allowed = roles.audiences_for(levels.get((user_id, group_id), roles.Reader.NONE))
        out.append(Reader(user_id, frozenset(allowed)) if user_id and allowed else None)
    return out


def reader(session_key: str | None, group_id: int) -> Reader | None:
    """At connect: the same rules for one feed."""
    if not session_key:
        return None
    return readers([(session_key, group_id)])[0]
