"""The conversation ends in the web form's flow: hold, block, offers, follow-ups, closing."""

from datetime import timedelta

import pytest
from django.utils import timezone

from buurtwacht.alerts.models import Alert, FollowUp, Outcome, Status, Strike
from buurtwacht.conversation.models import Conversation
from buurtwacht.delivery.models import OutboundMessage
from buurtwacht.organisation.models import Membership


def walk_to_summary(p, *, what, description="Donkere jas, ongeveer 30 jaar.", where="Kerkstraat"):
    p.send("melding")
    p.tap("emergency:no")
    p.tap("called:now")
    p.tap("category:suspicious_person")
    p.send(where)
    p.send(what)
    if "Signalement van personen" in p.last.text:  # asked only when the answer had none
        p.send(description)
    return p.tap("direction:unknown")


def test_everything_in_one_message_asks_only_what_is_missing(live, phone):
    p = phone(language="nl")
    at = timezone.localtime(p.at) - timedelta(minutes=4)
    r = p.send(
        f"Verdachte man aan de deuren in de Kerkstraat, 101 gebeld om {at:%H:%M}. Hij draagt "
        "een donkere jas en een rode rugzak, ongeveer 30 jaar. Hij liep richting station."
    )
    assert "Bedankt" in r.text and "Controleer uw melding" in r.text  # straight to the summary
    assert f"101 gebeld om {at:%H:%M}" in r.text and "Soort: Verdachte persoon" in r.text
    assert "Waar: Kerkstraat" in r.text and "Richting: richting station" in r.text
    p.tap("summary:send")
    alert = Alert.objects.get()
    assert alert.status == Status.OPEN and "police_called" in alert.findings


def test_an_emergency_in_free_text_goes_straight_to_call_112(live, phone):
    p = phone(language="nl")
    r = p.send("Er zijn nu twee mannen aan het inbreken bij de buren in de Molenstraat!")
    assert "Is iemand in gevaar" not in r.text  # the text answered that
    assert "Bel nu 112" in r.text and p.ids() == ["112:called"]
    r = p.tap("112:called")
    # category (burglary) and place were in the text: the description comes next
    assert "Wat voor incident" not in r.text and "Waar is het" not in r.text
    assert Conversation.objects.get().data["draft"]["category"] == "burglary"


def test_free_text_without_a_call_asks_the_emergency_question(live, phone):
    p = phone(language="fr")
    r = p.send("Un homme suspect regarde dans les voitures rue de la Gare")
    assert "Quelqu'un est-il en danger" in r.text
    draft = Conversation.objects.get().data["draft"]
    assert draft["where"] == "rue de la Gare" and draft["category"] == "suspicious_person"


def test_third_party_data_is_held_and_the_member_told_why(live, phone):
    p = phone(language="nl")
    walk_to_summary(
        p,
        what="Iemand loopt rond aan de achterdeuren.",
        description="Het is Jan Peeters uit de Molenstraat 12, bel hem op 0470 12 34 56.",
    )
    r = p.tap("summary:send")
    alert = Alert.objects.get()
    assert alert.status == Status.HELD and "third_party_data" in alert.findings
    assert "Uw melding wacht op de coördinator" in r.text
    assert alert.reasons and alert.reasons[0]["message"] in r.text
    assert not OutboundMessage.objects.filter(kind="alert").exists()


def test_vigilantism_is_refused_with_the_rule_and_counts_a_strike(live, phone):
    p = phone(language="nl")
    walk_to_summary(p, what="Iedereen naar buiten, we gaan ze achterna en geven ze een pak slaag!")
    r = p.tap("summary:send")
    assert not Alert.objects.exists()
    strike = Strike.objects.get()
    assert strike.user == live.author and "vigilantism" in strike.findings
    assert strike.reasons[0]["message"] in r.text
    assert not Conversation.objects.exists()


def test_a_suspended_member_gets_the_refusal_the_web_gives(live, phone):
    Membership.objects.filter(user=live.author).update(posting_suspended_at=timezone.now())
    p = phone(language="en")
    r = p.send("Suspicious man at the back doors in Church Street")
    assert "your posting was suspended" in r.text
    assert not Conversation.objects.exists()


def test_a_member_who_did_not_accept_the_protocol_is_told_where_to(live, phone):
    Membership.objects.filter(user=live.author).update(accepted_protocol_version="")
    p = phone(language="nl")
    r = p.send("melding")
    assert "U kunt nog niet posten in BIN Centrum" in r.text and "/charter/" in r.text
    assert not Conversation.objects.exists()


def test_a_close_open_alert_is_offered_as_follow_up(live, phone):
    first = phone(live.members[1], language="nl")
    walk_to_summary(first, what="Verdachte man aan de deuren.")
    first.tap("summary:send")
    alert = Alert.objects.get()

    p = phone(language="nl")
    walk_to_summary(p, what="Man met rode rugzak kijkt door ramen.")
    r = p.tap("summary:send")
    assert p.ids() == ["offer:follow_up", "offer:new"] and r.ref_alert_id == alert.pk
    r = p.tap("offer:follow_up")
    assert "Uw waarneming is toegevoegd" in r.text
    item = FollowUp.objects.get()
    assert item.alert == alert and "rode rugzak" in item.text and item.author == live.author
    assert Alert.objects.count() == 1


def test_send_anyway_after_the_offer(live, phone):
    first = phone(live.members[1], language="nl")
    walk_to_summary(first, what="Verdachte man aan de deuren.")
    first.tap("summary:send")
    p = phone(language="nl")
    walk_to_summary(p, what="Man met rode rugzak kijkt door ramen.")
    p.tap("summary:send")
    r = p.send("2")  # numbered, as on SMS
    assert "Uw melding is naar de groep verstuurd" in r.text
    assert Alert.objects.count() == 2


@pytest.fixture
def sent_alert(live, phone):
    p = phone(language="nl")
    walk_to_summary(p, what="Verdachte man aan de deuren.")
    p.tap("summary:send")
    return Alert.objects.get(), p


def test_a_reply_under_an_alert_is_a_follow_up(live, phone, sent_alert):
    alert, _ = sent_alert
    neighbour = phone(live.members[1], language="fr")
    r = neighbour.send("Il est maintenant dans la rue de l'Église, veste noire.", reply_to=alert.pk)
    assert "Votre observation a été ajoutée" in r.text and r.ref_alert_id == alert.pk
    item = FollowUp.objects.get()
    assert item.status == Status.PUBLISHED and item.author == live.members[1]
    assert OutboundMessage.objects.filter(kind="follow_up", ref_id=alert.pk).exists()

    r = neighbour.send("Merci !", reply_to=alert.pk)  # thanks are chatter: held
    assert "en attente du coordinateur" in r.text
    assert FollowUp.objects.filter(status=Status.HELD).count() == 1


def test_the_sender_closes_an_alert_by_keyword_under_it(live, phone, sent_alert):
    alert, p = sent_alert
    r = p.send("einde", reply_to=alert.pk)
    assert r.kind == "list" and len(r.options) == 4 and r.list_button == "Afloop"
    assert ("outcome:police_handled", "Door politie afgehandeld") in r.options
    r = p.tap("outcome:police_handled", reply_to=alert.pk)  # a tap carries the context too
    alert.refresh_from_db()
    assert alert.status == Status.CLOSED and alert.outcome == Outcome.POLICE_HANDLED
    assert "De melding is afgesloten" in r.text
    assert not Conversation.objects.exists()


def test_another_member_cannot_close_the_alert(live, phone, sent_alert):
    alert, _ = sent_alert
    neighbour = phone(live.members[2], language="de")
    r = neighbour.send("Ende", reply_to=alert.pk)
    assert not r.options and "Nur" in r.text
    alert.refresh_from_db()
    assert alert.status == Status.OPEN


def test_end_without_reply_context_closes_ones_latest_open_alert(live, phone, sent_alert):
    alert, p = sent_alert
    r = p.send("Einde")
    assert r.ref_alert_id == alert.pk
    p.send("1")  # false alarm, numbered
    alert.refresh_from_db()
    assert alert.outcome == Outcome.FALSE_ALARM


def test_closing_while_a_draft_is_open_goes_back_to_the_draft(live, phone, sent_alert):
    alert, p = sent_alert
    p.later(minutes=61)  # no follow-up offer for the next draft's place
    p.send("melding")
    p.tap("emergency:no")
    p.tap(f"close:{alert.pk}", on_other_message=True)  # a close button on the alert's copy
    assert p.ids()[0] == "outcome:false_alarm"
    r = p.tap("outcome:unresolved")
    assert "De melding is afgesloten" in r.text and "Hebt u de politie gebeld" in r.text
    assert p.ids() == ["called:now", "called:recent", "called:other"]
