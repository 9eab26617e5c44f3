"""From findings and kind to a verdict under a protocol (product.md, "Screening").

The most severe action wins (block > hold > allow). Two rules are about the message as a whole
rather than a finding: chatter is held with a pointer to the general channel, and an alert
without a police call (neither a police_called finding nor a confirmed call) is held until the
sender confirms the call ("call_first"). An emergency holds until the 112 call is confirmed,
then it no longer holds. Protocols may override these two rules under the keys "call_first"
and "chatter" in their actions mapping, and the action for what screening is unsure of under
"unsure" (hold or block, default hold).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from .model import DEFAULT_ACTIONS, SEVERITY, Reason
from .reasons import message

_DEFAULT_CACHE: dict[tuple, tuple[str, tuple[Reason, ...]]] = {}


def decide(
    kind: str,
    finding_names: Iterable[str],
    lang: str,
    *,
    actions: Mapping[str, str] | None = None,
    call_confirmed: bool = False,
    unsure: Iterable[str] = (),
) -> tuple[str, list[Reason]]:
    if actions:
        return _decide(kind, finding_names, lang, actions, call_confirmed, frozenset(unsure))
    # With the default actions the answer depends on a handful of values: remember it.
    key = (kind, frozenset(finding_names), lang, call_confirmed, frozenset(unsure))
    hit = _DEFAULT_CACHE.get(key)
    if hit is None:
        verdict, reasons = _decide(kind, key[1], lang, None, call_confirmed, key[4])
        hit = (verdict, tuple(reasons))
        if len(_DEFAULT_CACHE) < 10_000:
            _DEFAULT_CACHE[key] = hit
    return hit[0], list(hit[1])


def _decide(
    kind: str,
    finding_names: Iterable[str],
    lang: str,
    actions: Mapping[str, str] | None,
    call_confirmed: bool,
    unsure: frozenset[str] = frozenset(),
) -> tuple[str, list[Reason]]:
    acts = dict(DEFAULT_ACTIONS)
    if actions:
        acts.update(actions)
    names = sorted(set(finding_names))
    called = call_confirmed or "police_called" in names
    reasons: list[Reason] = []
    for name in names:
        action = acts.get(name, "allow")
        if action not in SEVERITY:
            raise ValueError(f"unknown action {action!r} for finding {name!r}")
        confirmed = False
        if name == "emergency" and called and action == "hold":
            action, confirmed = "allow", True
        reasons.append(Reason(name, action, message(name, action, lang, confirmed=confirmed)))
    # Unsure of vigilantism or emergency: a coordinator reviews it (protocol key "unsure").
    # An unsure emergency needs no review once the call is made; a confirmed finding of the
    # same name already decides.
    doubts = {u for u in unsure if u not in names and not (u == "emergency" and called)}
    if doubts:
        action = acts.get("unsure", "hold")
        if action not in ("hold", "block"):
            raise ValueError(f"unknown action {action!r} for unsure findings")
        reasons.append(Reason("unsure", action, message("unsure", action, lang)))
    emergency_held = any(r.rule == "emergency" and r.action != "allow" for r in reasons)
    if kind == "alert" and not called and not emergency_held:
        action = acts.get("call_first", "hold")
        reasons.append(Reason("call_first", action, message("call_first", action, lang)))
    if kind == "chatter":
        action = acts.get("chatter", "hold")
        reasons.append(Reason("chatter", action, message("chatter", action, lang)))
    verdict = max((r.action for r in reasons), key=SEVERITY.__getitem__, default="allow")
    if not reasons:
        reasons.append(Reason("clean", "allow", message("clean", "allow", lang)))
    reasons.sort(key=lambda r: -SEVERITY[r.action])
    return verdict, reasons
