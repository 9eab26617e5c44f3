"""Members' copy of a message: plates and third-party data masked, public numbers kept.

Plates keep their first and last group ("1-•••-234") so members can still recognise a car
they saw, while the full plate goes to a police-only field. Every phone number is masked
(members never see each other's numbers either), except emergency and police numbers such as
112 and 101, which people must be able to read.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from .contacts import find_phone_spans
from .model import Finding
from .reasons import LANGS, MASKS

_GROUPS = re.compile(r"[A-Za-zÄÖÜäöü]+|\d+")


def mask_plate(plate: str) -> str:
    groups = list(_GROUPS.finditer(plate))
    if len(groups) <= 1:
        return "•" * len(plate)
    keep = {0, len(groups) - 1} if len(groups) > 2 else {0}
    out = list(plate)
    for n, g in enumerate(groups):
        if n not in keep:
            for k in range(g.start(), g.end()):
                out[k] = "•"
    return "".join(out)


def apply_mask(text: str, findings: Iterable[Finding], lang: str) -> str:
    lang = lang if lang in LANGS else "nl"
    spans: list[tuple[int, int, str]] = []
    for f in findings:
        if f.name == "licence_plate":
            spans.append((f.start, f.end, mask_plate(text[f.start : f.end])))
        elif f.name == "third_party_data":
            spans.append((f.start, f.end, MASKS.get(f.detail, MASKS["name"])[lang]))
    for a, b in find_phone_spans(text):
        if not any(a < y and x < b for x, y, _ in spans):
            spans.append((a, b, MASKS["phone"][lang]))
    spans.sort()
    out, pos = [], 0
    for a, b, repl in spans:
        if a < pos:
            continue
        out.append(text[pos:a])
        out.append(repl)
        pos = b
    out.append(text[pos:])
    return "".join(out)
