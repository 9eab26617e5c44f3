"""How many SMS parts a text costs, and cutting a text so that it fits a cap. Pure: no Django.

A message is sent in the GSM 03.38 7-bit default alphabet when every character is in it (or
in its extension table, whose characters take an escape plus one septet: 2), otherwise in
UCS-2, where every UTF-16 code unit counts (an emoji outside the BMP is a surrogate pair: 2).
One part holds 160 septets or 70 code units; a concatenated message loses room to its
header, 153 and 67 per part, and a part never ends between an escape and its character or
between the two halves of a surrogate pair (handsets would show garbage), so a part may
hold one unit less than that.

The 0x09 code is "Ç" in the ETSI table and "ç" in Unicode's GSM0338.TXT mapping; gateways
accept both as GSM-7, so both count as one septet here (French text is full of "ç").
"""

import re

GSM7 = frozenset(
    "@£$¥èéùìòÇç\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
    "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà"
)
GSM7_EXTENSION = frozenset("^{}\\[~]|€\f")

GSM = "gsm7"
UCS2 = "ucs2"
LIMITS = {GSM: (160, 153), UCS2: (70, 67)}  # (single part, per part when concatenated)

# Typography that has a plain GSM-7 equivalent. One curly apostrophe or a French guillemet
# would otherwise switch the whole message to UCS-2 and cost up to 2.3 times the parts.
# Letters are never touched (ê stays ê: the message is then UCS-2, and reads right).
_PLAIN = str.maketrans(
    {
        "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'",
        "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u00ab": '"', "\u00bb": '"',
        "\u2013": "-", "\u2014": "-", "\u2212": "-", "\u2026": "...",
        "\u00a0": " ", "\u202f": " ", "\u2009": " ", "\t": " ",
    }
)  # fmt: skip


def normalise(text: str) -> str:
    """Replace typographic punctuation by its GSM-7 equivalent (quotes, dashes, ellipsis,
    non-breaking spaces); everything else is kept as it is."""
    return text.translate(_PLAIN)


def encoding(text: str) -> str:
    """GSM ("gsm7") when every character is in the default alphabet or its extension, else
    UCS2 ("ucs2")."""
    return GSM if all(c in GSM7 or c in GSM7_EXTENSION for c in text) else UCS2


def _units(char: str, enc: str) -> int:
    if enc == GSM:
        return 2 if char in GSM7_EXTENSION else 1
    return 2 if ord(char) > 0xFFFF else 1


def length(text: str) -> int:
    """Septets (GSM-7) or UTF-16 code units (UCS-2) the text takes."""
    enc = encoding(text)
    return sum(_units(c, enc) for c in text)


def segments(text: str) -> int:
    """Parts the text is sent in (an empty text is still one part)."""
    enc = encoding(text)
    single, per_part = LIMITS[enc]
    units = [_units(c, enc) for c in text]
    if sum(units) <= single:
        return 1
    parts, room = 1, per_part
    for unit in units:
        if unit > room:  # an escape pair or a surrogate pair is never split: next part
            parts, room = parts + 1, per_part
        room -= unit
    return parts


_SPACE = re.compile(r"\s+")


def fit(text: str, max_segments: int, suffix: str = "") -> str:
    """`text` unchanged when it fits in `max_segments`; otherwise the longest start of it, cut
    at a word boundary, followed by `suffix` (e.g. " ... https://host/alerts/12/"), that fits.

    Raises ValueError when even the suffix alone does not fit.
    """
    if max_segments < 1:
        raise ValueError("max_segments must be at least 1")
    if segments(text) <= max_segments:
        return text
    if segments(suffix.lstrip()) > max_segments:
        raise ValueError("the suffix alone does not fit in the allowed segments")
    # segments(text[:n] + suffix) never decreases as n grows: find the largest n that fits
    low, high = 0, len(text)
    while low < high:
        mid = (low + high + 1) // 2
        if segments(text[:mid] + suffix) <= max_segments:
            low = mid
        else:
            high = mid - 1
    kept = _at_word(text, low)
    return kept + suffix if kept else suffix.lstrip()


def _at_word(text: str, n: int) -> str:
    """text[:n] shortened to the last whitespace, unless that would throw away more than half
    of it (one very long word, a URL): then cut inside the word."""
    if n < len(text) and text[n].isspace():
        return text[:n].rstrip()
    cut = text[:n]
    spaces = [m.start() for m in _SPACE.finditer(cut)]
    if spaces and spaces[-1] >= n // 2:
        return cut[: spaces[-1]].rstrip()
    return cut.rstrip()
