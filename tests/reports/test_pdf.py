"""The monthly PDF: produced, names the municipality and the month, speaks the chosen language."""

import pytest
from django.core.management import call_command

from buurtwacht.reports.pdf import render_pdf


def _text(pdf: bytes) -> str:
    return pdf.decode("latin-1")


@pytest.mark.parametrize(
    ("lang", "words"),
    [
        ("nl", ["Maandrapport", "Meldingen"]),
        ("fr", ["Rapport mensuel", "Alertes"]),
        ("de", ["Monatsbericht", "Meldungen"]),
        ("en", ["Monthly report", "Alerts"]),
    ],
)
def test_pdf_in_the_chosen_language(fixture, lang, words):
    month = fixture.first.strftime("%Y-%m")
    pdf = render_pdf(fixture.hasselt, month, lang)
    assert pdf.startswith(b"%PDF")
    text = _text(pdf)
    assert "Hasselt" in text and str(fixture.first.year) in text
    for word in words:
        assert word in text, (lang, word)
    others = {
        "nl": "Maandrapport",
        "fr": "Rapport mensuel",
        "de": "Monatsbericht",
        "en": "Monthly report",
    }
    for other, word in others.items():
        if other != lang:
            assert word not in text


def test_command_writes_the_file(fixture, tmp_path):
    out = tmp_path / "r.pdf"
    month = fixture.first.strftime("%Y-%m")
    call_command("report", municipality="71022", month=month, lang="fr", out=str(out))
    assert out.read_bytes().startswith(b"%PDF")


def test_download_page(fixture, client):
    client.force_login(fixture.prevention)
    assert client.get("/reports/municipality/71022/monthly/").status_code == 200
    month = fixture.first.strftime("%Y-%m")
    r = client.get(f"/reports/municipality/71022/monthly/?month={month}&lang=de")
    assert r.status_code == 200 and r["Content-Type"] == "application/pdf"
    assert client.get("/reports/municipality/71022/monthly/?month=2025-13").status_code == 400
