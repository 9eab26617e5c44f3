"""Rendering a protocol's charter: plain text, an HTML fragment, and a PDF to sign.

The charter is the agreement between the residents, the municipality and the police
zone. The body comes from the protocol (``p.charter[lang]``, placeholders already filled);
this module adds the heading, the group's details, the numbers to call, the
"stay home and observe" reminder and the signature lines, in the same language.
"""

from __future__ import annotations

import html
import unicodedata
from datetime import UTC, datetime

from .errors import ProtocolError
from .loader import load_protocol
from .schema import LANGUAGES, Protocol

LABELS: dict[str, dict[str, str]] = {
    "nl": {
        "title": "Charter buurtinformatienetwerk",
        "protocol": "Protocol {id}, versie {version}",
        "extends": "gebaseerd op {extends}",
        "group": "Groep",
        "municipality": "Gemeente",
        "zone": "Politiezone",
        "numbers": "Belangrijke nummers",
        "emergency": "noodgeval of misdrijf dat nu gebeurt",
        "police": "politie, geen spoed",
        "zone_number": "uw politiezone",
        "reminder": "Tijdens een melding",
        "signatures": "Voor akkoord",
        "sign_residents": "De coördinator, namens de bewoners",
        "sign_municipality": "De gemeente (dienst preventie)",
        "sign_police": "De politiezone (wijkinspecteur)",
        "date": "Datum",
    },
    "fr": {
        "title": "Charte du partenariat local de prévention",
        "protocol": "Protocole {id}, version {version}",
        "extends": "basé sur {extends}",
        "group": "Groupe",
        "municipality": "Commune",
        "zone": "Zone de police",
        "numbers": "Numéros importants",
        "emergency": "urgence ou délit en cours",
        "police": "police, sans urgence",
        "zone_number": "votre zone de police",
        "reminder": "Pendant un signalement",
        "signatures": "Pour accord",
        "sign_residents": "Le coordinateur, au nom des habitants",
        "sign_municipality": "La commune (service de prévention)",
        "sign_police": "La zone de police (inspecteur de quartier)",
        "date": "Date",
    },
    "de": {
        "title": "Charta der lokalen Präventionspartnerschaft",
        "protocol": "Protokoll {id}, Version {version}",
        "extends": "basiert auf {extends}",
        "group": "Gruppe",
        "municipality": "Gemeinde",
        "zone": "Polizeizone",
        "numbers": "Wichtige Nummern",
        "emergency": "Notfall oder Straftat, die gerade geschieht",
        "police": "Polizei, kein Notfall",
        "zone_number": "Ihre Polizeizone",
        "reminder": "Während einer Meldung",
        "signatures": "Einverstanden",
        "sign_residents": "Der Koordinator, im Namen der Bewohner",
        "sign_municipality": "Die Gemeinde (Präventionsdienst)",
        "sign_police": "Die Polizeizone (Bezirksinspektor)",
        "date": "Datum",
    },
    "en": {
        "title": "Neighbourhood information network charter",
        "protocol": "Protocol {id}, version {version}",
        "extends": "based on {extends}",
        "group": "Group",
        "municipality": "Municipality",
        "zone": "Police zone",
        "numbers": "Numbers to call",
        "emergency": "emergency or crime in progress",
        "police": "police, non-urgent",
        "zone_number": "your police zone",
        "reminder": "During an alert",
        "signatures": "Agreed by",
        "sign_residents": "The coordinator, on behalf of the residents",
        "sign_municipality": "The municipality (prevention service)",
        "sign_police": "The police zone (community officer)",
        "date": "Date",
    },
}


def _prepare(p: Protocol | str, lang: str) -> tuple[Protocol, dict[str, str]]:
    protocol = p if isinstance(p, Protocol) else load_protocol(p)
    if lang not in LANGUAGES:
        raise ProtocolError(f"lang: unknown language {lang!r} (one of {', '.join(LANGUAGES)})")
    return protocol, LABELS[lang]


def _subtitle(p: Protocol, labels: dict[str, str]) -> str:
    line = labels["protocol"].format(id=p.id, version=p.version)
    if p.extends:
        line += " (" + labels["extends"].format(extends=p.extends) + ")"
    return line


def _details(labels, group_name, municipality, zone) -> list[tuple[str, str]]:
    pairs = [("group", group_name), ("municipality", municipality), ("zone", zone)]
    return [(labels[key], value) for key, value in pairs if value]


def _numbers(p: Protocol, labels: dict[str, str]) -> list[tuple[str, str]]:
    rows = [(p.numbers.emergency, labels["emergency"]), (p.numbers.police, labels["police"])]
    if p.numbers.zone:
        rows.append((p.numbers.zone, labels["zone_number"]))
    return rows


def _paragraphs(text: str) -> list[str]:
    return [" ".join(block.split()) for block in text.split("\n\n") if block.strip()]


def _signatures(labels: dict[str, str]) -> list[str]:
    return [labels["sign_residents"], labels["sign_municipality"], labels["sign_police"]]


def render_charter_text(
    p: Protocol | str,
    lang: str,
    *,
    group_name: str | None = None,
    municipality: str | None = None,
    zone: str | None = None,
) -> str:
    """The charter as plain text (for e-mail, SMS links, or a WhatsApp message)."""
    p, labels = _prepare(p, lang)
    out = [labels["title"], _subtitle(p, labels)]
    out += [
        f"{label}: {value}" for label, value in _details(labels, group_name, municipality, zone)
    ]
    out.append("")
    for paragraph in _paragraphs(p.charter[lang]):
        out += [paragraph, ""]
    out.append(labels["numbers"])
    out += [f"- {number}: {what}" for number, what in _numbers(p, labels)]
    out += ["", f"{labels['reminder']}: {' '.join(p.reminder[lang].split())}", ""]
    out.append(labels["signatures"])
    out += [
        f"- {who}: ____________________  {labels['date']}: ________" for who in _signatures(labels)
    ]
    return "\n".join(out) + "\n"


def render_charter_html(
    p: Protocol | str,
    lang: str,
    *,
    group_name: str | None = None,
    municipality: str | None = None,
    zone: str | None = None,
) -> str:
    """The charter as an HTML fragment (an ``<article>``); every value is escaped."""
    p, labels = _prepare(p, lang)
    e = html.escape
    parts = [
        f'<article class="charter" lang="{lang}" data-protocol="{e(p.id)}" '
        f'data-version="{e(p.version)}">',
        "<header>",
        f"<h1>{e(labels['title'])}</h1>",
        f'<p class="charter-protocol">{e(_subtitle(p, labels))}</p>',
    ]
    details = _details(labels, group_name, municipality, zone)
    if details:
        parts.append('<dl class="charter-details">')
        parts += [f"<dt>{e(label)}</dt><dd>{e(value)}</dd>" for label, value in details]
        parts.append("</dl>")
    parts.append("</header>")
    parts.append('<section class="charter-body">')
    parts += [f"<p>{e(paragraph)}</p>" for paragraph in _paragraphs(p.charter[lang])]
    parts.append("</section>")
    parts.append('<section class="charter-numbers">')
    parts.append(f"<h2>{e(labels['numbers'])}</h2>")
    parts.append("<ul>")
    parts += [
        f'<li><a href="tel:{e(number.replace(" ", ""))}"><strong>{e(number)}</strong></a> '
        f"{e(what)}</li>"
        for number, what in _numbers(p, labels)
    ]
    parts.append("</ul>")
    parts.append("</section>")
    parts.append('<section class="charter-reminder">')
    parts.append(f"<h2>{e(labels['reminder'])}</h2>")
    parts.append(f"<p>{e(' '.join(p.reminder[lang].split()))}</p>")
    parts.append("</section>")
    parts.append('<section class="charter-signatures">')
    parts.append(f"<h2>{e(labels['signatures'])}</h2>")
    parts.append("<ul>")
    parts += [f"<li>{e(who)}</li>" for who in _signatures(labels)]
    parts.append("</ul>")
    parts.append("</section>")
    parts.append("</article>")
    return "\n".join(parts) + "\n"


# The PDF uses fpdf2's core Helvetica (no font file to ship), whose encoding is
# windows-1252: it covers every letter of nl/fr/de/en (é, ë, ü, ö, ß, ç, ...) and the
# typographic quotes and dashes. Anything else is transliterated.
_PDF_ENCODING = "windows-1252"


def _pdf_safe(text: str) -> str:
    out = []
    for char in unicodedata.normalize("NFC", text):
        try:
            char.encode(_PDF_ENCODING)
            out.append(char)
        except UnicodeEncodeError:
            ascii_form = unicodedata.normalize("NFKD", char).encode("ascii", "ignore").decode()
            out.append(ascii_form or "?")
    return "".join(out)


def render_charter_pdf(
    p: Protocol | str,
    lang: str,
    *,
    group_name: str | None = None,
    municipality: str | None = None,
    zone: str | None = None,
) -> bytes:
    """The charter as a PDF (A4) with signature lines, ready to print and co-sign."""
    from fpdf import FPDF  # imported here: only the PDF path needs it

    p, labels = _prepare(p, lang)
    pdf = FPDF(format="A4")
    pdf.core_fonts_encoding = _PDF_ENCODING
    pdf.set_lang(lang)
    pdf.set_title(_pdf_safe(f"{labels['title']} - {p.label()}"))
    pdf.set_creator("Buurtwacht")
    # A fixed date keeps the bytes reproducible for the same protocol version.
    pdf.set_creation_date(datetime(2025, 1, 1, tzinfo=UTC))
    pdf.set_margins(20, 20, 20)
    pdf.set_auto_page_break(True, margin=20)
    pdf.add_page()

    def write(text: str, size: float = 10.5, style: str = "", gap: float = 2.0) -> None:
        pdf.set_font("helvetica", style=style, size=size)
        pdf.multi_cell(0, size * 0.5, _pdf_safe(text), new_x="LMARGIN", new_y="NEXT")
        pdf.ln(gap)

    write(labels["title"], size=16, style="B", gap=1)
    write(_subtitle(p, labels), size=9.5, gap=3)
    for label, value in _details(labels, group_name, municipality, zone):
        write(f"{label}: {value}", size=10.5, style="B", gap=0.5)
    pdf.ln(3)
    for paragraph in _paragraphs(p.charter[lang]):
        write(paragraph)
    write(labels["numbers"], size=12, style="B", gap=1)
    for number, what in _numbers(p, labels):
        write(f"{number}  {what}", gap=0.5)
    pdf.ln(3)
    write(labels["reminder"], size=12, style="B", gap=1)
    write(" ".join(p.reminder[lang].split()), gap=4)
    write(labels["signatures"], size=12, style="B", gap=2)
    for who in _signatures(labels):
        write(who, gap=1)
        write(f"____________________________    {labels['date']}: ____________", gap=4)
    return bytes(pdf.output())
