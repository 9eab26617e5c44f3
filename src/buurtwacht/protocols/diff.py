"""What one protocol changes against another, in plain words.

Compares the merged documents (charter placeholders unfilled, so a shorter retention is
reported once as ``retention_days`` and not again as a changed charter in four languages).
One line per changed key, e.g. ``retention_days: 30 -> 14 (shorter)``.
"""

from __future__ import annotations

from typing import Any

from .loader import load_protocol
from .schema import ACTION_RANK, POSTING_RANK, Protocol

#: Keys that name the document rather than a rule; never reported.
_SKIPPED = {"id", "extends"}
#: Integer keys where a lower value reads better as "shorter"/"longer".
_DURATIONS = {"retention_days", "auto_close_hours", "follow_up_merge.minutes"}
_MISSING = object()


def _flatten(value: Any, prefix: str = "") -> dict[str, Any]:
    if isinstance(value, dict):
        out: dict[str, Any] = {}
        for key, item in value.items():
            path = f"{prefix}.{key}" if prefix else str(key)
            out.update(_flatten(item, path))
        return out
    return {prefix: value}


def _word(value: Any) -> str:
    if value is None:
        return "none"
    if isinstance(value, bool):
        return "on" if value else "off"
    if isinstance(value, list):
        return "[" + ", ".join(str(item) for item in value) + "]"
    return str(value)


def _is_text(value: Any) -> bool:
    return isinstance(value, str) and ("\n" in value or len(value) > 60)


def _clip(text: str, width: int = 70) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def _describe(path: str, old: Any, new: Any) -> str:
    leaf = path.rsplit(".", 1)[-1]
    if old is _MISSING:
        return f"{path}: added ({_clip(new) if _is_text(new) else _word(new)})"
    if new is _MISSING:
        return f"{path}: removed (was {_clip(old) if _is_text(old) else _word(old)})"
    if _is_text(old) or _is_text(new):
        if isinstance(old, str) and isinstance(new, str) and new.startswith(old.rstrip()):
            return f'{path}: text extended with "{_clip(new[len(old.rstrip()) :])}"'
        return f'{path}: text changed (now "{_clip(str(new))}")'
    note = ""
    if path.startswith("findings.") and old in ACTION_RANK and new in ACTION_RANK:
        note = "stricter" if ACTION_RANK[new] > ACTION_RANK[old] else "milder"
    elif leaf == "posting" and old in POSTING_RANK and new in POSTING_RANK:
        note = "stricter" if POSTING_RANK[new] > POSTING_RANK[old] else "looser"
    elif isinstance(old, bool) or isinstance(new, bool):
        note = ""
    elif isinstance(old, int) and isinstance(new, int):
        if path in _DURATIONS:
            note = "shorter" if new < old else "longer"
        else:
            note = "lower" if new < old else "higher"
    elif isinstance(old, list) and isinstance(new, list):
        added = [item for item in new if item not in old]
        dropped = [item for item in old if item not in new]
        parts = []
        if added:
            parts.append("adds " + ", ".join(map(str, added)))
        if dropped:
            parts.append("drops " + ", ".join(map(str, dropped)))
        note = "; ".join(parts) or "reordered"
    line = f"{path}: {_word(old)} -> {_word(new)}"
    return f"{line} ({note})" if note else line


def _resolve(protocol: str | Protocol) -> Protocol:
    return protocol if isinstance(protocol, Protocol) else load_protocol(protocol)


def diff_protocols(a: str | Protocol, b: str | Protocol) -> list[str]:
    """Plain-words lines saying what ``b`` changes against ``a`` (empty: no difference).

    ``a`` and ``b`` are shipped ids or Protocol objects (e.g. from load_protocol_file).
    """
    old = _flatten(_resolve(a).document())
    new = _flatten(_resolve(b).document())
    lines = []
    for path in [*old, *(key for key in new if key not in old)]:
        if path.split(".", 1)[0] in _SKIPPED:
            continue
        before, after = old.get(path, _MISSING), new.get(path, _MISSING)
        if before != after:
            lines.append(_describe(path, before, after))
    return lines
