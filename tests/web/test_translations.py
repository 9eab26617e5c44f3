"""Every user-facing string has a translation in nl, fr and de (English is the msgid).

The strings are extracted the way `makemessages` finds them, without needing GNU gettext:
templates go through Django's own `templatize` (what makemessages feeds to xgettext) and the
result, like every Python module, through Babel's Python extractor. A string without a
non-empty, non-fuzzy translation in a catalogue fails the test, which prints all of them.
"""

import re
from pathlib import Path

import pytest
from babel.messages.extract import extract_python
from babel.messages.pofile import read_po
from django.utils.translation.template import templatize

from buurtwacht import settings as project_settings

SRC = Path(project_settings.PACKAGE_DIR)
LANGUAGES = ("nl", "fr", "de")
KEYWORDS = {
    "_": None,
    "gettext": None,
    "gettext_lazy": None,
    "gettext_noop": None,
    "ngettext": (1, 2),
    "ngettext_lazy": (1, 2),
    "pgettext": ((1, "c"), 2),
    "pgettext_lazy": ((1, "c"), 2),
    "npgettext": ((1, "c"), 2, 3),
    "npgettext_lazy": ((1, "c"), 2, 3),
}


def _messages(fileobj, where: str):
    """(msgid, context) pairs; a plural's msgid is its singular, as in the .po file."""
    for _line, func, args, _comments in extract_python(
        fileobj, list(KEYWORDS), [], {"encoding": "utf-8"}
    ):
        args = args if isinstance(args, tuple) else (args,)
        context = None
        if func.startswith(("pgettext", "npgettext")):
            context, args = args[0], args[1:]
        if args and args[0]:
            yield (args[0], context), where


def extracted() -> dict:
    """{(msgid, context): first place it occurs}."""
    import io

    found = {}
    for path in sorted(SRC.rglob("*.py")):
        if "migrations" in path.parts:
            continue
        with path.open("rb") as f:
            for msg, where in _messages(f, str(path.relative_to(SRC))):
                found.setdefault(msg, where)
    templates = [*SRC.glob("**/templates/**/*.html"), *SRC.glob("**/templates/**/*.txt")]
    for path in sorted(templates):
        code = templatize(path.read_text(), origin=str(path))
        # xgettext reads this leniently; Python's tokenizer wants no indentation
        code = "\n".join(line.lstrip() for line in code.splitlines())
        for msg, where in _messages(io.BytesIO(code.encode()), str(path.relative_to(SRC))):
            found.setdefault(msg, where)
    return found


def catalogue(lang: str):
    path = SRC / "locale" / lang / "LC_MESSAGES" / "django.po"
    with path.open("rb") as f:
        return read_po(f)


def _translated(message) -> bool:
    if message is None or message.fuzzy:
        return False
    strings = message.string if isinstance(message.string, tuple) else (message.string,)
    return all(s.strip() for s in strings)


def test_extraction_finds_templates_and_python():
    found = extracted()
    sources = {where.split("/")[-1] for where in found.values()}
    assert any(s.endswith(".html") for s in sources) and any(s.endswith(".py") for s in sources)
    # a blocktranslate with variables arrives as makemessages writes it
    assert ("Call %(n)s now.", None) in found


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_string_is_translated(lang):
    cat = catalogue(lang)
    missing = []
    for (msgid, context), where in sorted(extracted().items(), key=lambda kv: str(kv[0])):
        if not _translated(cat.get(msgid, context=context)):
            missing.append(f"{where}: {msgid!r}" + (f" (context {context!r})" if context else ""))
    assert not missing, f"{len(missing)} strings lack a {lang} translation:\n" + "\n".join(missing)


#: Words that are the same in every language.
NOT_WORDS = {"Buurtwacht"}
VISIBLE_ATTRIBUTES = re.compile(r'\b(?:title|alt|placeholder|aria-label)="([^"]*)"', re.I)


def bare_words(template: str) -> list[str]:
    """Words a reader would see that no {% translate %} / {% blocktranslate %} covers."""
    attributes = [
        re.sub(r"{%.*?%}|{{.*?}}", "", value) for value in VISIBLE_ATTRIBUTES.findall(template)
    ]
    text = re.sub(r"{%\s*(blocktranslate|blocktrans)\b.*?{%\s*end\1\s*%}", "", template, flags=re.S)
    text = re.sub(r"{#.*?#}|{%.*?%}|{{.*?}}", "", text, flags=re.S)
    text = re.sub(r"<(script|style)\b.*?</\1>|<!--.*?-->|<[^>]*>|&\w+;", "", text, flags=re.S)
    words = re.findall(r"[^\W\d_]{2,}", " ".join([text, *attributes]))
    return [w for w in words if w not in NOT_WORDS]


def test_no_template_shows_untranslated_text():
    found = []
    for path in sorted(SRC.glob("**/templates/**/*.html")):
        words = bare_words(path.read_text())
        if words:
            found.append(f"{path.relative_to(SRC)}: {' '.join(words[:10])}")
    assert not found, "text outside {% translate %}:\n" + "\n".join(found)


def test_bare_word_detection_can_fail():
    assert bare_words('<p>Hallo {% translate "x" %}</p><img alt="Kaart">') == ["Hallo", "Kaart"]
    assert bare_words("<p>{% blocktranslate %}Hi {{ n }}{% endblocktranslate %}</p>") == []
