"""Reply limits (WhatsApp drops over-long payloads silently), SMS numbering, bad input."""

from datetime import datetime, timedelta

import pytest
from django.utils import timezone, translation

from buurtwacht.alerts.models import Alert, Outcome
from buurtwacht.conversation import finish, walk
from buurtwacht.conversation.engine import Event, Reply, handle
from buurtwacht.conversation.models import Conversation
from buurtwacht.conversation.parse import match_option, parse_time
from buurtwacht.protocols import load_protocol


def test_too_many_buttons_or_rows_is_a_programming_error():
    with pytest.raises(ValueError, match="at most 3"):
        Reply("?", [(str(n), "x") for n in range(4)], kind="buttons")
    with pytest.raises(ValueError, match="at most 10"):
        Reply("?", [(str(n), "x") for n in range(11)], kind="list", list_button="Choose")
    with pytest.raises(ValueError, match="unique"):
        Reply("?", [("a", "x"), ("a", "y")])
    with pytest.raises(ValueError, match="no options"):
        Reply("?", [("a", "x")], kind="text")


def test_over_long_texts_are_cut_so_the_message_still_arrives():
    r = Reply("x" * 2000, [("a", "A title much longer than twenty")])
    assert len(r.text) == 1024 and r.text.endswith("…")
    assert len(r.options[0][1]) == 20
    assert r.limit_violations() == ["title 'A title much longer…'"]  # caught by the tests
    rows = Reply("?", [("a", "A row title longer than twenty-four")], kind="list")
    assert len(rows.options[0][1]) == 24 and rows.kind == "list" and rows.list_button


def test_as_text_numbers_the_options_for_sms():
    r = Reply("Danger now?", [("emergency:yes", "Yes"), ("emergency:no", "No")])
    assert r.as_text() == "Danger now?\n\n1. Yes\n2. No"
    assert Reply("Thanks.").as_text() == "Thanks."


@pytest.mark.parametrize("lang", ["nl", "fr", "de", "en"])
def test_every_question_fits_the_limits_in_every_language(live, lang):
    protocol = load_protocol("be-type")
    ctx = walk.Ctx(user=live.author, group=live.group, protocol=protocol, at=timezone.now())
    draft = {
        "emergency": False,
        "called_number": "101",
        "called_at": timezone.now().isoformat(),
        "category": "suspicious_person",
        "where": "Kerkstraat",
        "what": "x" * 900,
        "description": "y" * 900,
        "direction": "richting station",
    }
    with translation.override(lang):
        replies = [
            walk.ask(step, {}, ctx)
            for step in (
                "emergency", "call_112", "called", "called_time", "category", "where", "what",
                "description", "direction",
            )
        ]  # fmt: skip
        replies += [walk.ask("where", {"lon": 5.3, "lat": 50.9}, ctx), finish.ask_change()]
        replies.append(finish.ask_summary(draft))
        replies.append(
            Reply("?", [(v, finish.outcome_label(v)) for v in Outcome.values], kind="list")
        )
    for reply in replies:
        assert not reply.limit_violations(), (lang, reply)
    summary = replies[-2].text  # long texts are shortened, every line still shows
    assert "x" * 240 + "…" in summary and "y" * 240 + "…" in summary
    assert summary.rstrip().endswith("richting station")


def test_parse_time_reads_the_usual_ways_of_writing_a_time():
    at = timezone.make_aware(datetime(2026, 3, 4, 22, 30))
    for text in ("22:14", "22.14", "22u14", "22h14", "om 22:14 gebeld", "à 22h14"):
        assert parse_time(text, at=at).strftime("%H:%M") == "22:14", text
    assert parse_time("22u", at=at).strftime("%H:%M") == "22:00"
    assert parse_time("om 22 uur", at=at).strftime("%H:%M") == "22:00"
    assert parse_time("10 min geleden", at=at) == at - timedelta(minutes=10)
    assert parse_time("il y a 5 minutes", at=at) == at - timedelta(minutes=5)
    assert parse_time("vor 15 Minuten", at=at) == at - timedelta(minutes=15)
    yesterday = parse_time("23:50", at=at)  # later than now: it was yesterday
    assert yesterday.date() == (timezone.localtime(at) - timedelta(days=1)).date()
    assert parse_time("straks", at=at) is None and parse_time("25:99", at=at) is None


def test_typed_answers_match_options_like_a_tap():
    options = [
        ("category:burglary", "Inbraak"),
        ("category:suspicious_person", "Verdachte persoon"),
    ]
    assert match_option("2", options) == "category:suspicious_person"
    assert match_option(" inbraak! ", options) == "category:burglary"
    assert match_option("verdachte persoom", options) == "category:suspicious_person"  # typo
    assert match_option("3", options) is None and match_option("0", options) is None
    assert match_option("brand", options) is None
    yes_no = [("emergency:yes", "Ja"), ("emergency:no", "Nee")]
    assert match_option("NO", yes_no) == "emergency:no" and match_option("oui", yes_no)


def test_a_whole_walk_by_numbers_as_on_sms(live, phone):
    p = phone(language="nl", channel="sms")
    assert p.send("melding").as_text().endswith("1. Ja\n2. Nee")
    assert "1. Net nu" in p.send("2").as_text()
    assert "2. Verdachte persoon" in p.send("1").as_text()
    p.send("verdachte persoom")  # typo tolerant
    p.send("Kerkstraat")
    p.send("Twee mannen aan de deuren. Donkere jassen.")
    r = p.send("1")  # don't know
    assert "Richting: onbekend" in r.text and r.as_text().endswith("3. Annuleren")
    p.send("1")
    alert = Alert.objects.get()
    assert alert.category == "suspicious_person" and alert.direction == "onbekend"


def test_bad_input_gets_an_answer_and_changes_nothing(live, phone):
    p = phone(language="nl")
    p.send("melding")
    p.tap("emergency:no")
    before = Conversation.objects.get().data
    for event in (
        Event("sticker"),
        Event("location", lat=None, lon=None),
        Event("choice", choice_id="category:fire"),  # a button of an earlier question
        Event("choice", choice_id=""),
        Event("image"),
        Event("text", text="   "),
    ):
        replies = handle(user=live.author, group=live.group, channel="whatsapp", event=event)
        assert len(replies) == 1 and replies[0].text, event
        assert [o for o, _ in replies[0].options] == ["called:now", "called:recent", "called:other"]
        assert Conversation.objects.get().data["draft"] == before["draft"], event
    assert (
        "Foto's worden niet"
        in handle(user=live.author, group=live.group, channel="whatsapp", event=Event("image"))[
            0
        ].text
    )


def test_a_long_place_is_refused_politely(live, phone):
    p = phone(language="fr")
    p.send("alerte")
    p.tap("emergency:no")
    p.tap("called:now")
    p.tap("category:theft")
    r = p.send("rue " * 80)
    assert "200 caractères au maximum" in r.text and "Où est-ce" in r.text


def test_a_location_with_a_name_gives_the_place(live, phone):
    from .conftest import INSIDE

    p = phone(language="nl")
    p.send("melding")
    p.tap("emergency:no")
    p.tap("called:now")
    p.tap("category:vandalism")
    r = p.share(*INSIDE, name="Speelplein Kerkstraat")
    assert "Wat hebt u gezien" in r.text
    assert Conversation.objects.get().data["draft"]["where"] == "Speelplein Kerkstraat"


def test_bad_input_outside_a_conversation_keeps_nothing(live):
    for event in (Event("sticker"), Event("text", text=None), Event("location", lat="x", lon=1)):
        replies = handle(user=live.author, group=live.group, channel="sms", event=event)
        assert replies[0].text and not replies[0].options
    assert not Conversation.objects.exists()
