"""Charter rendering: text, HTML fragment and PDF, in nl, fr, de and en."""

from __future__ import annotations

import re
import zlib

import pytest

from buurtwacht.protocols import (
    ProtocolError,
    load_protocol,
    render_charter_html,
    render_charter_pdf,
    render_charter_text,
)

# A phrase only the charter in that language contains.
PHRASES = {
    "nl": "Eerst de politie bellen",
    "fr": "Appeler d'abord la police",
    "de": "Zuerst die Polizei anrufen",
    "en": "Call the police first",
}
TITLES = {
    "nl": "Charter buurtinformatienetwerk",
    "fr": "Charte du partenariat local de prévention",
    "de": "Charta der lokalen Präventionspartnerschaft",
    "en": "Neighbourhood information network charter",
}


@pytest.mark.parametrize("lang", sorted(PHRASES))
def test_text_charter_in_each_language(lang):
    text = render_charter_text(load_protocol("hasselt"), lang, group_name="BIN Kiewit")
    assert PHRASES[lang] in text
    assert TITLES[lang] in text
    assert "BIN Kiewit" in text
    assert "011 26 78 00" in text  # the zone number
    assert "112" in text and "101" in text
    others = [phrase for other, phrase in PHRASES.items() if other != lang]
    assert not any(phrase in text for phrase in others)


@pytest.mark.parametrize("lang", sorted(PHRASES))
def test_html_charter_in_each_language(lang):
    fragment = render_charter_html("be-type", lang)
    assert fragment.startswith(f'<article class="charter" lang="{lang}"')
    assert fragment.rstrip().endswith("</article>")
    assert PHRASES[lang].replace("'", "&#x27;") in fragment
    assert "<html" not in fragment and "<body" not in fragment


def test_charter_covers_the_agreements():
    text = render_charter_text("be-type", "en")
    for phrase in (
        "Call the police first",
        "Observe, do not intervene",
        "Privacy",
        "complements the work of the police",
        "deleted after 30 days",
        "warning, then a suspension and finally a removal",
        "appealed",
        "Stay at home and observe",
    ):
        assert phrase in text


def test_html_escapes_every_value():
    fragment = render_charter_html(
        "hasselt",
        "nl",
        group_name='<script>alert("x")</script>',
        municipality="Hasselt & Zonhoven",
        zone="PZ <LRH>",
    )
    assert "<script>" not in fragment
    assert "&lt;script&gt;" in fragment
    assert "Hasselt &amp; Zonhoven" in fragment
    assert "PZ &lt;LRH&gt;" in fragment
    assert 'href="tel:011267800"' in fragment


def test_unknown_language_is_refused():
    with pytest.raises(ProtocolError, match="lang"):
        render_charter_text("be-type", "it")


def _pdf_text_streams(pdf: bytes) -> bytes:
    streams = re.findall(rb"stream\r?\n(.*?)\r?\nendstream", pdf, re.S)
    out = b""
    for stream in streams:
        try:
            out += zlib.decompress(stream)
        except zlib.error:
            out += stream
    return out


@pytest.mark.parametrize("lang", sorted(PHRASES))
def test_pdf_charter(lang):
    pdf = render_charter_pdf(
        "lanaken", lang, group_name="BIN Smeermaas", municipality="Lanaken", zone="PZ Lanaken"
    )
    assert pdf.startswith(b"%PDF")
    assert pdf.rstrip().endswith(b"%%EOF")
    assert b"BIN Smeermaas" in _pdf_text_streams(pdf)


def test_pdf_keeps_accented_letters():
    content = _pdf_text_streams(render_charter_pdf("be-type", "de"))
    # Helvetica with windows-1252: ä, ö, ü, ß are written as themselves, not as "?"
    assert "Präventionsdienst".encode("cp1252") in content
    assert "schließlich".encode("cp1252") in content
    fr = _pdf_text_streams(render_charter_pdf("be-type", "fr"))
    assert "numéro".encode("cp1252") in fr
    nl = _pdf_text_streams(render_charter_pdf("be-type", "nl"))
    assert "coördinator".encode("cp1252") in nl


def test_pdf_is_reproducible():
    assert render_charter_pdf("hasselt", "en") == render_charter_pdf("hasselt", "en")
