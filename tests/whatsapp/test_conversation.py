"""A member's phone walks the whole SAAR alert over WhatsApp; the alert reaches 50 other
members' phones; receipts mark their deliveries; replies under the alert are follow-ups."""

from buurtwacht.alerts.models import Alert, FollowUp, Status
from buurtwacht.delivery.models import Delivery
from tests.whatsapp.conftest import phone_of, settle


def turn(phone, action, *args):
    """Do one thing on the phone and wait for the hub's one answer."""
    before = len(phone.inbox)
    getattr(phone, action)(*args)
    settle(lambda: len(phone.inbox) > before)
    return phone.inbox[-1]


def test_whole_conversational_alert_reaches_50_phones_with_receipts(live, standin, wa_member):
    author, others = wa_member(0), [wa_member(n) for n in range(1, 51)]
    jan = phone_of(standin, 0, "Jan")
    asked = turn(jan, "send", "melding")
    assert [i for i, _ in asked.choices] == ["emergency:yes", "emergency:no"]
    asked = turn(jan, "tap", "emergency:no")
    assert "101" in asked.text
    asked = turn(jan, "tap", "called:now")
    assert asked.interactive == "list"
    turn(jan, "tap", "category:suspicious_person")
    turn(jan, "send", "Kerkstraat 12")
    turn(
        jan,
        "send",
        "Twee mannen voelen aan de klinken van voordeuren. Donkere jassen, rode rugzak.",
    )
    summary = turn(jan, "send", "richting station")
    assert "Kerkstraat" in summary.text and "summary:send" in dict(summary.choices)
    sent = turn(jan, "tap", "summary:send")
    alert = Alert.objects.get(author=author)
    assert alert.status == Status.OPEN and alert.called_number == "101"
    assert "station" in alert.direction and alert.category == "suspicious_person"
    assert sent.text  # "sent to the group, stay home and observe"

    phones = [phone_of(standin, n) for n in range(1, 51)]
    settle(lambda: all(p.inbox for p in phones), timeout=30)
    copy = phones[0].inbox[0]
    assert copy.type == "template" and "Kerkstraat" in copy.text  # outside their window
    for phone in phones:
        phone.read()
    standin.flush()
    rows = Delivery.objects.filter(channel="whatsapp", recipient__in=others)
    settle(lambda: rows.filter(receipt="read").count() == 50, timeout=20)
    assert rows.count() == 50 and not standin.refusals[131056] and not standin.lost


def test_reply_under_the_alert_becomes_a_follow_up(live, standin, wa_member, post_alert):
    wa_member(1)
    neighbour = phone_of(standin, 1)
    neighbour.send("hallo")  # opens the window: the alert then comes as text
    settle(lambda: len(neighbour.inbox) == 1)
    turn(neighbour, "send", "stop")
    alert_id = post_alert(live.group, live.author).json()["id"]
    settle(lambda: any("Kerkstraat" in m.text for m in neighbour.inbox))
    copy = next(m for m in neighbour.inbox if "Kerkstraat" in m.text)
    answer = turn(neighbour, "reply_to", copy.id, "Ze lopen nu richting het station, blauwe jas.")
    follow_up = FollowUp.objects.get(alert_id=alert_id)
    assert follow_up.status == Status.PUBLISHED and "station" in follow_up.text
    assert answer.text


def test_police_message_arrives_marked_and_a_reply_goes_to_the_police_only(
    live, standin, wa_member
):
    from buurtwacht.police.messages import send_police_message
    from buurtwacht.police.models import PoliceReply

    user = wa_member(1)
    neighbour = phone_of(standin, 1)
    standin.open_window(neighbour.wa_id)
    from django.utils import timezone

    from buurtwacht.delivery.whatsapp import identities

    identities.note_inbound(user, timezone.now())
    send_police_message(live.group, by=live.police, title="Inbraakgolf",
                        text="Sluit ramen en deuren, ook overdag.")  # fmt: skip
    settle(lambda: len(neighbour.inbox) == 1)
    copy = neighbour.inbox[0]
    assert "Politiebericht" in copy.text and "Sluit ramen" in copy.text
    answer = turn(neighbour, "reply_to", copy.id, "Gisteren stond hier een bestelwagen te wachten.")
    reply = PoliceReply.objects.get()
    assert reply.author == user and "bestelwagen" in reply.text and reply.channel == "whatsapp"
    assert "politie" in answer.text.lower()
    assert not FollowUp.objects.exists()
