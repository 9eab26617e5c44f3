"""Vehicle registration plates of Belgium, the Netherlands, France, Germany and Luxembourg.

A plate is allowed in an alert but moved to a police-only field and masked for members, so we
need its exact span. Formats are matched with anchored, fixed-width patterns (no nested
quantifiers, so no catastrophic backtracking). Formats that could be confused with ordinary
numbers or words (old Belgian ABC-123, Dutch side codes, Luxembourg AB 1234, partial plates)
need capital letters, or a plate word nearby ("plaat", "plaque", "Kennzeichen", "plate").
Numbers without letters (postcodes, times, dates, house numbers, phone numbers) never match.
"""

from __future__ import annotations

import re

from .model import Finding

_DIGIT = re.compile(r"\d")
_B = r"(?<![\w\-])"  # left boundary: not inside a word or a dashed code
_E = r"(?![\w\-]|\.\d)"  # right boundary


def _nl_sidecodes() -> str:
    shapes = [
        "LL-DD-DD", "DD-DD-LL", "DD-LL-DD", "LL-DD-LL", "LL-LL-DD", "DD-LL-LL", "DD-LLL-D",
        "D-LLL-DD", "LL-DDD-L", "L-DDD-LL", "LLL-DD-L", "L-DD-LLL", "D-LL-DDD", "DDD-LL-D",
    ]  # fmt: skip
    alts = []
    for shape in shapes:
        parts = []
        for group in shape.split("-"):
            kind = "[A-Z]" if group[0] == "L" else r"\d"
            parts.append(f"{kind}{{{len(group)}}}")
        alts.append("-".join(parts))
    return "(?:" + "|".join(alts) + ")"


# (country, pattern, flags, needs_context)
_FORMATS: list[tuple[str, re.Pattern[str], bool]] = [
    ("BE", re.compile(_B + r"[1-9][ \-.]?[A-Za-z]{3}[ \-.]?\d{3}" + _E), False),
    # trailers (Q), oldtimers (O), mopeds and motorcycles (A, B, M, S) with dashes
    ("BE", re.compile(_B + r"(?:[QO]-?[A-Z]{3}-?\d{3}|[ABMS]-[A-Z]{3}-\d{2,3})" + _E), False),
    ("FR", re.compile(_B + r"[A-Z]{2}[\- ]\d{3}[\- ][A-Z]{2}" + _E), False),
    ("DE", re.compile(_B + r"[A-ZÄÖÜ]{1,3}-[A-Z]{1,2} ?\d{1,4}[EH]?" + _E), False),
    ("NL", re.compile(_B + _nl_sidecodes() + _E), False),
    ("BE", re.compile(_B + r"(?:[A-Z]{3}-\d{3}|\d{3}-[A-Z]{3})" + _E), False),
    ("LU", re.compile(_B + r"[A-Z]{2} ?\d{4}" + _E), True),
    ("DE", re.compile(_B + r"[A-ZÄÖÜ]{1,3} [A-Z]{1,2} \d{1,4}[EH]?" + _E), True),
    # Context only, any case: full formats typed in lower case.
    ("FR", re.compile(_B + r"[A-Za-z]{2}-?\d{3}-?[A-Za-z]{2}" + _E), True),
    (
        "BE",
        re.compile(
            _B + r"(?:[A-Za-z]{3}-?\d{3}|\d{3}-?[A-Za-z]{3}|[A-Z]{3} \d{3}|\d{3} [A-Z]{3})" + _E
        ),
        True,
    ),
    ("NL", re.compile(_B + _nl_sidecodes() + _E, re.I), True),
    ("DE", re.compile(_B + r"[A-Za-zÄÖÜäöü]{1,3}-[A-Za-z]{1,2} ?\d{1,4}" + _E), True),
]
_PARTIAL = re.compile(
    _B + r"(?:\d-?[A-Za-z]{1,3}(?:-\d{1,2})?|[A-Za-z]{1,3}-\d{1,3}|[A-Za-z]{2,3}\d{1,3})" + _E
)
_CONTEXT = re.compile(
    r"(?i)\b(?:nummerplaat|nummerplaten|plaat|platen|kenteken\w*|plaque\w*|immatricul\w*|"
    r"kennzeichen\w*|nummernschild\w*|plates?|reg(?:istration)?|licen[cs]e)\b"
)
# Every word _CONTEXT accepts contains one of these (a cheap test before the regex).
_CONTEXT_STEMS = ("plaat", "platen", "kenteken", "plaque", "immatricul", "kennzeichen",
                  "nummernschild", "plate", "reg", "licen")  # fmt: skip
_STOP_LU = frozenset(
    "OM OP IN EN TE ET LE LA DE DU AN AM IM UM ZU AT TO ON NU JA NO OK PM AM".split()
)
_MONTHS = frozenset(
    "JAN FEB MRT MAA APR MEI JUN JUL AUG SEP OKT OCT NOV DEC MAR MAI JUI AVR FEV MAE DEZ".split()
)


def _letters(s: str) -> str:
    return "".join(c for c in s if c.isalpha()).upper()


_DIGITS = re.compile(r"\d+")
_SPACE = re.compile(r"\s")
# Characters a plate can have before its first digit ("ABC-XY 1234": 7) and after its last
# ("123-ABC": 4), with room to spare.
_BEFORE = 9
_AFTER = 6


def _digit_windows(text: str, digit_spans=None) -> list[tuple[int, int]]:
    """Stretches of text around digits: every plate contains a digit, so the eleven format
    patterns only need to scan these, not the whole message. A window ends just before
    whitespace (or at the end), so the right-boundary lookahead never misses a character.
    `digit_spans` (offsets of tokens holding digits, from the tokeniser) saves a regex scan."""
    out: list[tuple[int, int]] = []
    n = len(text)
    if digit_spans is None:
        digit_spans = [m.span() for m in _DIGITS.finditer(text)]
    if len(digit_spans) > 64:
        return [(0, n)]  # digits everywhere: one scan of the text beats thousands of windows
    next_space = -1  # the last whitespace found: reused, so the whole walk stays linear
    for a, b in digit_spans:
        lo = max(0, a - _BEFORE)
        hi = b + _AFTER
        if hi >= n:
            hi = n
        else:
            if next_space < hi:
                sp = _SPACE.search(text, hi)
                next_space = sp.start() if sp else n
            hi = next_space
        if out and lo <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], hi))
        else:
            out.append((lo, hi))
    return out


def _finditer_windows(rx: re.Pattern[str], text: str, spans: list[tuple[int, int]]):
    for lo, hi in spans:
        yield from rx.finditer(text, lo, hi)


def find_plates(text: str, caps: bool = False, digit_spans=None) -> list[Finding]:
    """All plates in `text`, longest first when two candidates overlap.

    `digit_spans`: offsets of the tokens that contain a digit, if the caller has them."""
    if digit_spans is not None:
        if not digit_spans:
            return []
    elif not _DIGIT.search(text):
        return []
    spans = _digit_windows(text, digit_spans)
    low = text.lower()
    if any(w in low for w in _CONTEXT_STEMS):
        windows = [(m.end(), m.end() + 40) for m in _CONTEXT.finditer(text)]
    else:
        windows = []

    def in_context(a: int) -> bool:
        return any(lo - 1 <= a <= hi for lo, hi in windows)

    cands: list[tuple[int, int, str]] = []
    for country, rx, needs_context in _FORMATS:
        if needs_context and not windows and (country != "LU" or caps):
            continue  # a context-only format without a plate word anywhere: cannot match
        for m in _finditer_windows(rx, text, spans):
            if needs_context and not in_context(m.start()):
                if country != "LU" or caps:
                    continue
                if _letters(m.group()) in _STOP_LU:
                    continue
            if _letters(m.group())[:3] in _MONTHS and not in_context(m.start()):
                continue
            cands.append((m.start(), m.end(), country))
    for lo, hi in windows:
        for m in _PARTIAL.finditer(text, lo, min(hi, len(text))):
            if any(c.isdigit() for c in m.group()) and any(c.isalpha() for c in m.group()):
                if re.fullmatch(r"\d+(?:u|h|uur|min|x|e|de|ste)\d*", m.group(), re.I):
                    continue  # "3u15", "22h", "2x": times and counts, not plates
                cands.append((m.start(), m.end(), "partial"))
    cands.sort(key=lambda c: (c[0], -(c[1] - c[0])))
    out: list[Finding] = []
    last_end = -1
    for a, b, country in cands:
        if a < last_end:
            continue
        out.append(Finding("licence_plate", a, b, text[a:b], country))
        last_end = b
    return out
