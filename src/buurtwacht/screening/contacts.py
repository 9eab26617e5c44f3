"""Third-party contact data: phone numbers, e-mail addresses, IBANs, Belgian national numbers.

Phone numbers are found with `phonenumbers` (the reference implementation of libphonenumber),
trying the regions BE, NL, FR, DE, LU in turn. Numbers that belong to nobody private are not
third-party data: emergency and police numbers (112, 101, 110, ...), help lines, a number given
right after "politie/police/Polizei" (the zone's own number), and the sender's own number
("contacteer me op", "contactez-moi au", "call me on").
IBANs and national numbers are checked with their mod-97 checksums, so that a random run of
digits (an order number, a date) is not reported.
"""

from __future__ import annotations

import re

import phonenumbers

from .model import Finding

REGIONS = ("BE", "NL", "FR", "DE", "LU")
_TRUNK_REGIONS = ("BE", "NL", "FR", "DE")
# Short and service numbers that are public, never personal data.
OFFICIAL_NUMBERS = frozenset(
    """112 101 100 110 17 18 15 911 999 1733 1722 106 102 116000 116111 116123 070245245
    078170170 080012121 0800 14 1813 0900""".split()
)
_EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]{1,64}@[\w-]{1,63}(?:\.[\w-]{1,63}){1,5}")
_IBAN = re.compile(r"(?<![\w])([A-Z]{2}\d{2}(?:[ ]?[A-Z0-9]{4}){2,7}(?:[ ]?[A-Z0-9]{1,3})?)(?!\w)")
_NATNUM = re.compile(
    r"(?<![\d.\-])(\d{2})[.\s]?(\d{2})[.\s]?(\d{2})[\-\s.]?(\d{3})[.\s]?(\d{2})(?![\d\-])"
)
_DIGIT_RUN = re.compile(r"\d")
_OFFICIAL_CONTEXT = re.compile(
    r"(?i)(?:politie\w*|police\w*|polizei\w*|wijkagent\w*|commissariaat|commissariat|zone|"
    r"noodnummer|hulplijn|helpline|child\s?focus|card\s?stop|antigif\w*|tele-?onthaal|"
    r"gemeente|commune|stad|ville|gemeinde|city\s?hall|dispatch)\W+(?:\w+\W+){0,4}$"
)
# The sender's own number: "bel me", "appelez-moi", "mijn gsm", "mon numéro", "my phone". A
# possessive before a person ("ma voisine, 0495...", "mon père au 0477...") is someone else's.
_OWN_CONTEXT = re.compile(
    r"(?i)(?:\b(?:me|mij|moi|mich|mir)\b\W+(?:\w+\W+){0,3}$)"
    r"|(?:\b(?:my|mijn|mon|ma|meine?|mein)\W+(?:eigen\W+|own\W+)?(?:gsm|tel\w*|nummer|nr|num\w*|"
    r"portable|handy\w*|number|phone|mobile|cell\w*|rekening\w*|compte|konto\w*|iban|e-?mail|"
    r"mail|adres\w*|address|rijksregister\w*|registre|steuer\w*)\b\W+(?:\w+\W+){0,3}$)"
)


_IBAN_LENGTHS = {"BE": 16, "NL": 18, "FR": 27, "DE": 22, "LU": 20, "ES": 24, "IT": 27, "GB": 22}


def _iban_ok(raw: str) -> bool:
    """Checksum-valid, or the exact length of a neighbouring country's IBAN (typos happen)."""
    s = raw.replace(" ", "")
    if len(s) < 15 or len(s) > 34:
        return False
    if _IBAN_LENGTHS.get(s[:2]) == len(s):
        return True
    moved = s[4:] + s[:4]
    digits = "".join(str(int(c, 36)) for c in moved)
    return int(digits) % 97 == 1


def _natnum_ok(g: tuple[str, ...], raw: str) -> bool:
    """The dotted form "85.07.30-033.28" is distinctive; bare digits need the checksum."""
    if int(g[1]) > 12 and not 20 < int(g[1]) <= 32 and not 40 < int(g[1]) <= 52:
        return False
    if re.fullmatch(r"\d\d\.\d\d\.\d\d-\d{3}\.\d\d", raw):
        return True
    body = "".join(g[:4])
    check = int(g[4])
    return 97 - int(body) % 97 == check or 97 - int("2" + body) % 97 == check


def _official(text: str, start: int, digits: str) -> bool:
    if digits in OFFICIAL_NUMBERS or len(digits) <= 4:
        return True
    before = text[max(0, start - 60) : start]
    return bool(_OFFICIAL_CONTEXT.search(before))


def _own(text: str, start: int) -> bool:
    before = text[max(0, start - 40) : start]
    return bool(_OWN_CONTEXT.search(before))


def find_contacts(text: str) -> list[Finding]:
    """Third-party phone numbers, e-mails, IBANs and national numbers, with spans."""
    out: list[Finding] = []
    if "@" in text:
        for m in _EMAIL.finditer(text):
            if not _own(text, m.start()):
                out.append(Finding("third_party_data", m.start(), m.end(), m.group(), "email"))
    ndigits = _count_digits(text)
    if ndigits < 6:
        return out
    taken: list[tuple[int, int]] = []
    for m in _IBAN.finditer(text):
        if _iban_ok(m.group(1)):
            taken.append((m.start(1), m.end(1)))
            if _own(text, m.start(1)):
                continue  # "mijn rekeningnummer BE..": the sender's own
            out.append(Finding("third_party_data", m.start(1), m.end(1), m.group(1), "iban"))
    for m in _NATNUM.finditer(text):
        if _natnum_ok(m.groups(), m.group()) and not _overlaps(taken, m.start(), m.end()):
            taken.append((m.start(), m.end()))
            if _own(text, m.start()):
                continue  # "mijn rijksregisternummer is ..": the sender's own
            out.append(
                Finding("third_party_data", m.start(), m.end(), m.group(), "national_number")
            )
    for a, b in _phones(text):
        if _overlaps(taken, a, b):
            continue
        digits = re.sub(r"\D", "", text[a:b])
        taken.append((a, b))
        if _official(text, a, digits) or _own(text, a):
            continue
        out.append(Finding("third_party_data", a, b, text[a:b], "phone"))
    return out


def find_phone_spans(text: str) -> list[tuple[int, int]]:
    """Every private phone number (own or third party), for masking members' copies."""
    return [
        (a, b) for a, b in _phones(text) if not _official(text, a, re.sub(r"\D", "", text[a:b]))
    ]


# A phone-number-shaped run: optional +/00, digits with spaces, dots, slashes, dashes, brackets.
# A fixed upper bound and one character class: linear time, no catastrophic backtracking.
_PHONE_CANDIDATE = re.compile(r"(?<![\w+])(?:\+|00)?\d[\d ./\-()]{5,28}\d(?!\w)")
_DATE = re.compile(r"\d{1,2}[-./]\d{1,2}[-./]\d{2,4}")
PARSE_BUDGET = 40  # phonenumbers.parse calls per message: bounds the cost of hostile input
MAX_CANDIDATES = 40  # more phone-shaped runs than this in one message is noise, not contact data


def _valid(raw: str, budget: list[int] | None = None) -> bool:
    """A complete valid number for one of our regions (or in international form)."""
    if budget is not None:
        if budget[0] <= 0:
            return False
        budget[0] -= 1
    digits = re.sub(r"\D", "", raw)
    if len(digits) < 8 or len(digits) > 15:
        return False
    if raw.startswith("00"):
        raw = "+" + raw[2:]
    if raw.startswith("+"):
        regions: tuple[str | None, ...] = (None,)
    elif raw.startswith("0"):
        regions = _TRUNK_REGIONS  # national numbers of BE, NL, FR, DE start with the trunk 0
    else:
        regions = ("LU",)  # Luxembourg has no trunk prefix; nobody else dials without 0
    for region in regions:
        try:
            num = phonenumbers.parse(raw, region)
        except phonenumbers.NumberParseException:
            continue
        if phonenumbers.is_valid_number(num):
            return True
    return False


def _split(
    raw: str, offset: int, out: list[tuple[int, int]], budget: list[int], depth: int = 0
) -> None:
    """Two numbers in a row ("0478 12 34 56 0479 11 22 33"): take the longest valid prefix."""
    if depth > 3:
        return
    if _valid(raw, budget):
        out.append((offset, offset + len(raw)))
        return
    cuts = [i for i, c in enumerate(raw) if c == " "]
    for cut in reversed(cuts):
        left = raw[:cut].rstrip(" ./-")
        if _valid(left, budget):
            out.append((offset, offset + len(left)))
            rest = raw[cut:].lstrip(" ./-")
            if len(re.sub(r"\D", "", rest)) >= 8:
                _split(rest, offset + len(raw) - len(rest), out, budget, depth + 1)
            return


def _phones(text: str) -> list[tuple[int, int]]:
    """Spans of valid BE/NL/FR/DE/LU (or international) phone numbers, via `phonenumbers`.

    Cheap shape candidates first, then `phonenumbers.parse` + `is_valid_number` per region:
    much faster than running `PhoneNumberMatcher` over the whole text five times, and bounded
    on hostile input (long runs of digits and spaces).
    """
    if _count_digits(text) < 8:
        return []
    out: list[tuple[int, int]] = []
    budget = [PARSE_BUDGET]
    for n, m in enumerate(_PHONE_CANDIDATE.finditer(text)):
        if n >= MAX_CANDIDATES:
            break
        raw = m.group()
        if _DATE.fullmatch(raw.strip()):
            continue  # 12-05-2024, 12.05.24: a date
        _split(raw, m.start(), out, budget)
    return out


def _count_digits(text: str) -> int:
    """ASCII digits in `text` (ten C-level counts: much cheaper than a regex scan)."""
    return sum(map(text.count, "0123456789"))


def _overlaps(spans: list[tuple[int, int]], a: int, b: int) -> bool:
    return any(a < y and x < b for x, y in spans)
