"""A member walks the SAAR alert as a conversation, step by step, in nl and fr."""

from datetime import timedelta

import pytest
from django.utils import timezone

from buurtwacht.alerts.models import Alert, Status
from buurtwacht.conversation.models import Conversation
from buurtwacht.delivery.models import OutboundMessage

from .conftest import INSIDE, OUTSIDE


def test_the_whole_walk_in_dutch(live, phone):
    p = phone(language="nl")
    r = p.send("melding")
    assert "Nieuwe melding voor BIN Centrum" in r.text and "gevaar" in r.text
    assert r.kind == "buttons" and r.options == [("emergency:yes", "Ja"), ("emergency:no", "Nee")]

    r = p.tap("emergency:no")
    assert "Hebt u de politie gebeld (101)?" in r.text
    assert p.ids() == ["called:now", "called:recent", "called:other"]

    r = p.tap("called:recent")
    called_at = p.at - timedelta(minutes=10)
    assert r.kind == "list" and r.list_button == "Kiezen" and len(r.options) == 10
    assert ("category:suspicious_person", "Verdachte persoon") in r.options

    r = p.tap("category:suspicious_person")
    assert r.kind == "text" and "Waar is het?" in r.text

    r = p.share(*OUTSIDE)
    assert "buiten Centrum" in r.text and "Waar is het?" in r.text  # refused, asked again
    assert Conversation.objects.get().data["draft"].get("lon") is None

    r = p.share(*INSIDE)
    assert "Locatie ontvangen" in r.text  # the street is still asked: members see text only
    r = p.send("Hoek Kerkstraat en Molenstraat")
    assert "Wat hebt u gezien?" in r.text

    r = p.send(
        "Twee mannen voelen aan de klinken van voordeuren. Donkere jassen, ongeveer 30 jaar."
    )
    assert "Welke richting" in r.text and r.options == [("direction:unknown", "Weet ik niet")]

    r = p.send("richting station")
    assert p.ids() == ["summary:send", "summary:change", "summary:cancel"]
    assert [t for _, t in r.options] == ["Versturen", "Wijzigen", "Annuleren"]
    local = timezone.localtime(called_at).strftime("%H:%M")
    for line in (
        "Soort: Verdachte persoon",
        f"101 gebeld om {local}",
        "Wat: Twee mannen voelen aan de klinken van voordeuren.",
        "Waar: Hoek Kerkstraat en Molenstraat",
        "Signalement: Donkere jassen, ongeveer 30 jaar.",
        "Richting: richting station",
    ):
        assert line in r.text
    assert not Alert.objects.exists()

    r = p.tap("summary:send")
    alert = Alert.objects.get()
    assert "Uw melding is naar de groep verstuurd" in r.text and "einde" in r.text
    assert r.ref_alert_id == alert.pk
    assert alert.status == Status.OPEN and alert.author == live.author
    assert (alert.category, alert.place, alert.direction) == (
        "suspicious_person",
        "Hoek Kerkstraat en Molenstraat",
        "richting station",
    )
    assert (alert.lon, alert.lat) == INSIDE
    assert alert.called_number == "101" and not alert.emergency
    assert abs((alert.called_at - called_at).total_seconds()) < 1
    assert OutboundMessage.objects.filter(kind="alert", ref_id=alert.pk).exists()
    assert not Conversation.objects.exists()  # nothing kept once the alert is out


def test_the_whole_walk_in_french_with_the_112_path(live, phone):
    p = phone(language="fr")
    r = p.send("alerte")
    assert "Nouveau signalement" in r.text and [t for _, t in r.options] == ["Oui", "Non"]

    r = p.tap("emergency:yes")
    assert "Appelez le 112 maintenant" in r.text
    assert r.options == [("112:called", "J'ai appelé le 112")]
    r = p.send("attendez")  # nothing goes on until the call is confirmed
    assert "Appelez le 112 maintenant" in r.text and p.ids() == ["112:called"]

    r = p.tap("112:called")
    assert "Merci." in r.text and "Quel type d'incident ?" in r.text
    r = p.tap("category:burglary")
    r = p.send("rue de la Gare 5")
    assert "Qu'avez-vous vu ?" in r.text
    r = p.send("Deux hommes forcent la porte arrière")
    # burglary requires a description; one sentence gave none, so it is asked
    assert "Description des personnes" in r.text
    r = p.send("Veste noire, environ 25 ans, capuche")
    assert "Dans quelle direction" in r.text
    r = p.send("je ne sais pas")
    assert "Direction : inconnue" in r.text or "Direction: inconnue" in r.text
    assert "112 appelé à" in r.text
    r = p.tap("summary:send")
    assert "Votre signalement a été envoyé au groupe" in r.text
    alert = Alert.objects.get()
    assert alert.emergency and alert.called_number == "112" and alert.lang == "fr"
    assert alert.description == "Veste noire, environ 25 ans, capuche"


def test_no_call_yet_is_told_to_call_first_and_nothing_goes_on(live, phone):
    p = phone(language="nl")
    p.send("melding")
    p.tap("emergency:no")
    r = p.send("nee")
    assert "Bel eerst de politie: 101" in r.text
    assert p.ids() == ["called:now", "called:recent", "called:other"]
    assert Conversation.objects.get().step == "called"


def test_a_free_time_of_the_call(live, phone):
    p = phone(language="nl")
    p.send("melding")
    p.tap("emergency:no")
    r = p.tap("called:other")
    assert "Om hoe laat belde u?" in r.text
    r = p.send("straks")
    assert "Ik kon dat tijdstip niet lezen" in r.text
    assert Conversation.objects.get().step == "called_time"
    at = timezone.localtime(p.at) - timedelta(minutes=7)
    r = p.send(f"om {at.hour}u{at.minute:02d}")
    assert "Wat voor incident?" in r.text
    called = Conversation.objects.get().data["draft"]["called_at"]
    assert timezone.localtime(timezone.datetime.fromisoformat(called)).strftime("%H:%M") == (
        at.strftime("%H:%M")
    )


def test_a_clock_time_typed_at_the_call_question_is_taken(live, phone):
    p = phone(language="fr")
    p.send("alerte")
    p.tap("emergency:no")
    at = timezone.localtime(p.at) - timedelta(minutes=3)
    r = p.send(at.strftime("%H:%M"))
    assert "Quel type d'incident ?" in r.text


def test_change_from_the_summary(live, phone):
    p = phone(language="nl")
    p.send(
        "Verdachte man aan de deuren in de Kerkstraat, 101 gebeld net nu. Blauwe jas, "
        "ongeveer 40 jaar. Hij liep richting station."
    )
    r = p.tap("called:now")
    assert "Waar: Kerkstraat" in r.text
    r = p.tap("summary:change")
    assert r.kind == "list" and "change:where" in p.ids()
    r = p.tap("change:where")
    assert "Waar is het?" in r.text
    r = p.send("Molenstraat")
    assert "Waar: Molenstraat" in r.text and "Kerkstraat" not in r.text.split("Waar:")[1]
    assert "Richting: richting station" in r.text  # the rest was kept
    p.tap("summary:send")
    assert Alert.objects.get().place == "Molenstraat"


@pytest.mark.parametrize(
    ("language", "word", "answer"),
    [
        ("nl", "stop", "Geannuleerd"),
        ("nl", "Annuleer", "Geannuleerd"),
        ("fr", "annuler", "Annulé"),
        ("de", "Abbrechen", "Abgebrochen"),
        ("en", "cancel", "Cancelled"),
    ],
)
def test_cancel_at_any_step(live, phone, language, word, answer):
    p = phone(language=language)
    p.send("melding")
    p.tap("emergency:no")
    p.tap("called:now")
    r = p.send(word)
    assert answer in r.text and not r.options
    assert not Conversation.objects.exists() and not Alert.objects.exists()
    r = p.send(word)
    assert answer not in r.text  # nothing left to cancel


def test_cancel_button_on_the_summary(live, phone):
    p = phone(language="de")
    p.send(
        "Verdächtiger Mann in der Bahnhofstraße, Polizei gerufen vor 5 Minuten. Dunkle "
        "Jacke, etwa 30 Jahre. Er ging Richtung Bahnhof."
    )
    r = p.tap("summary:cancel")
    assert "Abgebrochen" in r.text and not Alert.objects.exists()


def test_a_location_outside_then_inside_in_french(live, phone):
    p = phone(language="fr")
    p.send("alerte")
    p.tap("emergency:no")
    p.tap("called:now")
    p.tap("category:vandalism")
    r = p.share(*OUTSIDE)
    assert "en dehors de Centrum" in r.text and "Où est-ce" in r.text
    r = p.share(*INSIDE)
    assert "Position reçue" in r.text
    r = p.send("place du Marché")
    assert "Qu'avez-vous vu" in r.text
    draft = Conversation.objects.get().data["draft"]
    assert (draft["lon"], draft["lat"], draft["where"]) == (*INSIDE, "place du Marché")
