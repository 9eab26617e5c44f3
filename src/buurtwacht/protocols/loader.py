"""Reading, merging and validating protocol documents.

A document is a YAML mapping. A variant names its base in ``extends`` and writes only what
it changes; it is deep-merged over the merged base (mappings merge key by key, anything
else -- lists included -- is replaced), then validated as a whole, then checked against
the base with the tightening rules (rules.py). Charter and reminder texts may use
placeholders such as ``{retention_days}``, filled from the merged values, so a variant that
shortens retention does not have to rewrite the charter.
"""

from __future__ import annotations

import copy
import re
import threading
from importlib import resources
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError

from .errors import ProtocolError
from .rules import check_tightening
from .schema import LANGUAGES, Protocol

NATIONAL_BASE = "be-type"
ADDENDUM_KEY = "charter_addendum"
_PLACEHOLDER = re.compile(r"\{([a-z_]+)\}")

_cache: dict[str, Protocol] = {}
_lock = threading.RLock()


# -- YAML ---------------------------------------------------------------------------------


class _StrictLoader(yaml.SafeLoader):
    """SafeLoader that refuses a key written twice (PyYAML silently keeps the last one)."""


def _construct_mapping(loader: _StrictLoader, node: yaml.MappingNode, deep: bool = False) -> dict:
    seen: set[Any] = set()
    for key_node, _ in node.value:
        key = loader.construct_object(key_node, deep=deep)
        if key in seen:
            raise yaml.constructor.ConstructorError(
                None, None, f"key {key!r} is written twice", key_node.start_mark
            )
        seen.add(key)
    return loader.construct_mapping(node, deep=deep)


_StrictLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)


def _parse(text: str, source: str) -> dict:
    try:
        data = yaml.load(text, Loader=_StrictLoader)  # noqa: S506 - SafeLoader subclass
    except yaml.YAMLError as exc:
        raise ProtocolError(f"{source}: not valid YAML: {exc}", path=source) from None
    if not isinstance(data, dict):
        raise ProtocolError(f"{source}: the document must be a mapping of keys", path=source)
    return data


# -- merging ------------------------------------------------------------------------------


def deep_merge(base: dict, override: dict) -> dict:
    """Return ``override`` merged over ``base``: mappings key by key, anything else replaced."""
    merged = copy.deepcopy(base)
    for key, value in override.items():
        if isinstance(value, dict) and isinstance(merged.get(key), dict):
            merged[key] = deep_merge(merged[key], value)
        else:
            merged[key] = copy.deepcopy(value)
    return merged


def _apply_addendum(merged: dict, addendum: Any, source: str) -> list[str]:
    """Append a variant's ``charter_addendum`` to the inherited charter, per language."""
    if not isinstance(addendum, dict):
        return [f"{source}: {ADDENDUM_KEY}: expected a mapping of language -> text"]
    errors = [
        f"{source}: {ADDENDUM_KEY}.{lang}: unknown language (allowed: {', '.join(LANGUAGES)})"
        for lang in addendum
        if lang not in LANGUAGES
    ]
    errors += [
        f"{source}: {ADDENDUM_KEY}: missing language {lang}"
        for lang in LANGUAGES
        if lang not in addendum
    ]
    errors += [
        f"{source}: {ADDENDUM_KEY}.{lang}: expected a non-empty text"
        for lang, text in addendum.items()
        if not isinstance(text, str) or not text.strip()
    ]
    charter = merged.get("charter")
    if errors or not isinstance(charter, dict):
        return errors
    for lang in LANGUAGES:
        if isinstance(charter.get(lang), str):
            charter[lang] = charter[lang].rstrip() + "\n\n" + addendum[lang].strip() + "\n"
    return errors


# -- validation ---------------------------------------------------------------------------


def _format_validation_error(exc: ValidationError, source: str) -> list[str]:
    messages = []
    for err in exc.errors():
        loc = list(err["loc"])
        is_key = bool(loc) and loc[-1] == "[key]"
        if is_key:
            loc.pop()
        path = ""
        for part in loc:
            path += f"[{part}]" if isinstance(part, int) else (f".{part}" if path else str(part))
        msg = err["msg"].removeprefix("Value error, ")
        if err["type"] == "extra_forbidden":
            msg = "unknown key"
        elif is_key:
            msg = f"unknown key ({msg.replace('Input should be', 'expected')})"
        elif err["type"] == "missing":
            msg = "missing"
        elif err["type"] == "string_pattern_mismatch":
            msg = (
                f"expected a phone number of digits and spaces (e.g. '011 26 78 00'), "
                f"got {err['input']!r}"
                if path.startswith("numbers.")
                else f"expected 2-40 lowercase letters, digits or dashes, got {err['input']!r}"
            )
        messages.append(f"{source}: {path or '(document)'}: {msg}")
    return messages


def _placeholders(p: Protocol) -> dict[str, Any]:
    values: dict[str, Any] = {
        "emergency": p.numbers.emergency,
        "police": p.numbers.police,
        "retention_days": p.retention_days,
        "auto_close_hours": p.auto_close_hours,
        "max_group_size": p.max_group_size,
        "max_alerts_per_hour": p.max_alerts_per_hour,
        "strike_limit": p.strike_limit,
        "minimum_age": p.admission.minimum_age,
        "follow_up_distance_m": p.follow_up_merge.distance_m,
        "follow_up_minutes": p.follow_up_merge.minutes,
    }
    if p.numbers.zone is not None:
        values["zone_number"] = p.numbers.zone
    return values


def _fill(p: Protocol, key: str, source: str, errors: list[str]) -> dict[str, str]:
    values = _placeholders(p)
    filled = {}
    for lang, text in getattr(p, key).items():

        def repl(match: re.Match, lang: str = lang) -> str:
            name = match.group(1)
            if name not in values:
                hint = (
                    "numbers.zone is not set"
                    if name == "zone_number"
                    else (f"known: {', '.join(sorted(values))}")
                )
                errors.append(f"{source}: {key}.{lang}: unknown placeholder {{{name}}} ({hint})")
                return match.group(0)
            return str(values[name])

        filled[lang] = _PLACEHOLDER.sub(repl, text)
    return filled


def build_protocol(raw: dict, source: str, *, stack: tuple[str, ...] = ()) -> Protocol:
    """Merge ``raw`` over its base, validate, and return the Protocol (or raise)."""
    errors: list[str] = []
    for key in ("id", "version"):
        if key not in raw:
            errors.append(f"{source}: {key}: missing (every document states its own {key})")
    if "extends" not in raw:
        errors.append(
            f"{source}: extends: missing (name the base protocol; "
            f"only '{NATIONAL_BASE}' has extends: null)"
        )
    extends = raw.get("extends")
    if extends is None and "extends" in raw and raw.get("id") != NATIONAL_BASE:
        errors.append(
            f"{source}: extends: only the national base '{NATIONAL_BASE}' may stand alone; "
            "a variant must extend a shipped protocol"
        )
    if extends is not None and not isinstance(extends, str):
        errors.append(f"{source}: extends: expected a protocol id, got {extends!r}")
    if errors:
        raise ProtocolError(errors, path=source)

    base: Protocol | None = None
    if extends is not None:
        if extends in stack:
            chain = " -> ".join((*stack, extends))
            raise ProtocolError(f"{source}: extends: circular inheritance ({chain})", path=source)
        if extends not in shipped_ids():
            raise ProtocolError(
                f"{source}: extends: unknown protocol '{extends}' "
                f"(shipped: {', '.join(shipped_ids())})",
                path=source,
            )
        base = _load_shipped(extends, stack)

    own = {k: v for k, v in raw.items() if k != ADDENDUM_KEY}
    merged = deep_merge(base.document(), own) if base is not None else copy.deepcopy(own)
    if ADDENDUM_KEY in raw:
        errors += _apply_addendum(merged, raw[ADDENDUM_KEY], source)

    try:
        protocol = Protocol.model_validate(merged)
    except ValidationError as exc:
        raise ProtocolError(errors + _format_validation_error(exc, source), path=source) from None

    charter = _fill(protocol, "charter", source, errors)
    reminder = _fill(protocol, "reminder", source, errors)
    for lang, text in charter.items():
        for kind in ("emergency", "police"):
            number = getattr(protocol.numbers, kind)
            if number not in text:
                errors.append(
                    f"{source}: charter.{lang}: must state the {kind} number {number} "
                    f"(write {{{kind}}})"
                )
    if base is not None:
        errors += [f"{source}: {msg}" for msg in check_tightening(protocol, base)]
    if errors:
        raise ProtocolError(errors, path=source)

    result = protocol.model_copy(update={"charter": charter, "reminder": reminder})
    result._document = merged
    result._source = source
    return result


# -- shipped documents --------------------------------------------------------------------


def _documents_dir():
    return resources.files(__package__).joinpath("documents")


def shipped_ids() -> list[str]:
    """Ids of the protocols shipped in the package, national base first."""
    names = sorted(
        entry.name.removesuffix(".yaml")
        for entry in _documents_dir().iterdir()
        if entry.name.endswith(".yaml")
    )
    return sorted(names, key=lambda name: (name != NATIONAL_BASE, name))


def _load_shipped(protocol_id: str, stack: tuple[str, ...] = ()) -> Protocol:
    with _lock:
        cached = _cache.get(protocol_id)
        if cached is not None:
            return cached
        if protocol_id in stack:
            chain = " -> ".join((*stack, protocol_id))
            raise ProtocolError(f"extends: circular inheritance ({chain})")
        entry = _documents_dir().joinpath(f"{protocol_id}.yaml")
        source = str(entry)
        raw = _parse(entry.read_text(encoding="utf-8"), source)
        if raw.get("id") != protocol_id:
            raise ProtocolError(
                f"{source}: id: '{raw.get('id')}' does not match the file name "
                f"'{protocol_id}.yaml'",
                path=source,
            )
        protocol = build_protocol(raw, source, stack=(*stack, protocol_id))
        _cache[protocol_id] = protocol
        return protocol


def load_protocol(protocol_id: str) -> Protocol:
    """Return the shipped protocol ``protocol_id``, merged and validated (cached)."""
    if not isinstance(protocol_id, str) or protocol_id not in shipped_ids():
        raise ProtocolError(
            f"unknown protocol {protocol_id!r} (shipped: {', '.join(shipped_ids())})"
        )
    return _load_shipped(protocol_id)


def clear_cache() -> None:
    """Forget loaded protocols (for tests and after editing shipped documents)."""
    with _lock:
        _cache.clear()


def list_protocols() -> list[Protocol]:
    """All shipped protocols, national base first, then by id."""
    return [load_protocol(protocol_id) for protocol_id in shipped_ids()]


def load_protocol_file(path: str | Path) -> Protocol:
    """Load a protocol file from anywhere; its ``extends`` resolves against shipped ones.

    Raises ProtocolError (with ``errors``, one message per problem) when the file is
    unreadable, malformed, or loosens its base. Not cached.
    """
    source = str(path)
    try:
        text = Path(path).read_text(encoding="utf-8")
    except OSError as exc:
        raise ProtocolError(f"{source}: cannot read: {exc.strerror or exc}", path=source) from None
    except UnicodeDecodeError:
        raise ProtocolError(f"{source}: not UTF-8 text", path=source) from None
    return build_protocol(_parse(text, source), source)


def validate_file(path: str | Path) -> list[str]:
    """Return the problems of a protocol file: an empty list when it is valid. Never raises
    ProtocolError (every problem, including an unreadable file, is a message)."""
    try:
        load_protocol_file(path)
    except ProtocolError as exc:
        return exc.errors
    return []
