"""The transparency page: controller, what, how long (the group's real numbers), who sees
what, and how to exercise rights, in nl, fr, de and en; public on purpose."""

import re
from pathlib import Path

import pytest

from buurtwacht.protocols import load_protocol

HEADINGS = {
    "nl": ("Privacy in", "Wie is verantwoordelijk", "dagen na hun ontstaan gewist", "Uw rechten"),
    "fr": ("Vie privée dans", "Qui est responsable", "jours après leur création", "Vos droits"),
    "de": ("Datenschutz in", "Wer ist verantwortlich", "Tage nach ihrer Entstehung", "Ihre Rechte"),
    "en": ("Privacy in", "Who is responsible", "days after they were made", "Your rights"),
}


def _retention_paragraph(html: str) -> str:
    return re.search(r'<p class="retention">(.*?)</p>', html, re.S).group(1)


@pytest.mark.parametrize("lang", ["nl", "fr", "de", "en"])
@pytest.mark.parametrize("protocol_id", ["be-type", "hasselt"])
def test_page_in_every_language_shows_the_groups_retention(
    world, client, lang, protocol_id, settings
):
    settings.PRIVACY_LEAVER_GRACE_DAYS = 17
    world.group.protocol_id = protocol_id
    world.group.save()
    response = client.get(f"/groups/{world.group.pk}/privacy/", {"lang": lang})
    assert response.status_code == 200
    html = response.content.decode()
    for text in HEADINGS[lang]:
        assert text in html, (lang, text)
    days = load_protocol(protocol_id).retention_days
    assert f" {days} " in _retention_paragraph(html)
    assert re.search(r'<p class="grace">[^<]*\b17\b', html)
    assert "Hasselt" in html and world.zone.name in html  # the controllers
    assert 'href="/me/data/"' in html


def test_page_follows_the_browser_language_and_is_public(world, client):
    html = client.get(f"/groups/{world.group.pk}/privacy/", HTTP_ACCEPT_LANGUAGE="fr").content
    assert b"Qui voit quoi" in html
    assert client.get("/groups/999999/privacy/").status_code == 404


def test_every_string_of_the_privacy_pages_is_translated():
    root = Path(__file__).resolve().parents[2] / "src" / "buurtwacht"
    msgids = set()
    for template in (root / "privacy" / "templates").rglob("*.html"):
        text = template.read_text()
        msgids |= set(re.findall(r'{% translate "(.*?)" %}', text))
    for lang in ("nl", "fr", "de"):
        po = (root / "locale" / lang / "LC_MESSAGES" / "django.po").read_text()
        missing = [m for m in msgids if f'msgid "{m}"' not in po]
        assert not missing, (lang, missing)
