"""Guess the sender's language (nl, fr, de, en) from function words and letters.

The reason for a verdict must be in the sender's language. Messages are short and mixed, so a
small weighted vote of very frequent words is more robust than anything statistical; ties and
empty texts (emoji only) fall back to Dutch, the majority language of the groups.
"""

from __future__ import annotations

from .normalise import Tokens

_WORDS = {
    "nl": """de het een en is van ik niet op te dat die er zijn wie met voor aan bij ze ge nog al
    naar wat heeft hebben ook maar om hier uw mijn onze hij zij wij we jullie deze dit geen iets
    heel zeer nu gebeld straat politie iemand gisteren vannacht morgen weer zit staat kan moet
    wordt werd bent ben was waren zal zou gij da nie ne toch zo effe mij""",
    "fr": """le la les des du un une et est je il elle ils pas que qui dans sur pour avec au aux
    ce ca on nous vous sont a en mon ma mes ses leur se sa son tout tous cette ces rue chez
    merci bonjour salut quelqu y ete fait plus deux par mais ou si ont suis c j l d n qu""",
    "de": """der die das und ist ich nicht ein eine mit im den dem von zu auf es sie wir hat wurde
    bei fur auch noch jemand ob sind war heute nacht haben oder aber wer was wie man mein unser
    hier schon nach uns vom zum zur""",
    "en": """the and is of to it for on with you has have been are was not anyone my at this that
    they up there what just be will all from out about who can we our some got please thanks
    his her he she him their them into an by as does did would should anyone everyone a i me
    now right were where when which off near outside because going""",
}
_VOTES: dict[str, dict[str, float]] = {}
for _lang, _ws in _WORDS.items():
    for _w in _ws.split():
        _VOTES.setdefault(_w, {})[_lang] = 1.0
# Words shared by languages count less for each.
for _w, _v in _VOTES.items():
    if len(_v) > 1:
        for _lang in _v:
            _v[_lang] = 1.0 / len(_v)

_LANGS = ("nl", "fr", "de", "en")
# each word's votes as one vector in _LANGS order: summed with zip, not a loop per language
_VECTORS = {w: tuple(v.get(lang, 0.0) for lang in _LANGS) for w, v in _VOTES.items()}

_CHARS = {"ß": "de", "ä": "de", "ö": "de", "ü": "de", "é": "fr", "è": "fr", "ç": "fr", "à": "fr",
          "ê": "fr", "ù": "fr", "ô": "fr"}  # fmt: skip


# Counted with str.count (C speed) rather than a regex scan.
_DE_LETTERS = tuple(c for c, g in _CHARS.items() if g == "de")
_FR_LETTERS = tuple(c for c, g in _CHARS.items() if g == "fr")


def detect(tokens: Tokens) -> str:
    return detect_scored(tokens)[0]


def detect_scored(tokens: Tokens) -> tuple[str, float]:
    """The language and the evidence for it (0.0: nothing to go on, "nl" by default)."""
    get = _VECTORS.get
    votes = [v for v in map(get, tokens.folded) if v is not None]
    if votes:
        score = dict(zip(_LANGS, map(sum, zip(*votes, strict=True)), strict=True))
    else:
        score = dict.fromkeys(_LANGS, 0.0)
    if not tokens.text.isascii():
        low = tokens.text.lower()
        score["de"] += 0.4 * sum(map(low.count, _DE_LETTERS))
        score["fr"] += 0.4 * sum(map(low.count, _FR_LETTERS))
    best = max(score, key=lambda k: (score[k], k == "nl"))
    return (best, score[best]) if score[best] > 0 else ("nl", 0.0)
