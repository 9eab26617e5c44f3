"""Police messages to one group, and replies that only the police read."""

import pytest

from buurtwacht.delivery.models import Delivery, OutboundMessage
from buurtwacht.police.messages import ReplyRefused, reply_to_police
from buurtwacht.police.models import PoliceMessage, PoliceReply
from buurtwacht.privacy.models import AuditEntry


def send(client, live, **extra):
    data = {"title": "Inbraakgolf", "text": "Sluit ramen en deuren, ook overdag.", **extra}
    return client.post(f"/api/police/groups/{live.group.pk}/messages", data,
                       content_type="application/json")  # fmt: skip


@pytest.fixture
def police_message(live, client):
    client.force_login(live.police)
    response = send(client, live)
    assert response.status_code == 201, response.content
    return OutboundMessage.objects.get(pk=response.json()["message_id"])


def test_police_message_is_delivered_and_marked_in_every_language(live, police_message):
    assert police_message.kind == "police_message"
    item = PoliceMessage.objects.get()
    assert (item.group, item.sender, item.message) == (live.group, live.police, police_message)
    active = {live.coordinator.pk, *(m.pk for m in live.members)}
    assert set(Delivery.objects.filter(message=police_message).values_list(
        "recipient", flat=True)) == active  # fmt: skip
    p = police_message.payload
    assert p["nl"]["subject"] == "Politiebericht: Inbraakgolf"
    assert p["fr"]["subject"].startswith("Message de la police")
    assert p["de"]["subject"].startswith("Polizeimitteilung")
    assert p["en"]["subject"].startswith("Police message")
    for part in p.values():
        assert part["from_police"] and part["replies"] == "police_only"
        assert part["reply_url"].endswith(f"/to-police/{police_message.pk}/")
    assert "Antwoord niet in de groep" in p["nl"]["text"]


def test_only_the_police_contact_sends_police_messages(live, client):
    for user in (live.coordinator, live.other_police, live.zone_admin, live.prevention):
        client.force_login(user)
        assert send(client, live).status_code == 404
    client.force_login(live.police)
    assert send(client, live, title="").status_code == 422
    assert not PoliceMessage.objects.exists()


def test_a_reply_reaches_the_police_only(live, police_message, client):
    author, other = live.members[0], live.members[1]
    client.force_login(author)
    page = client.get(f"/to-police/{police_message.pk}/")
    assert page.status_code == 200 and "Inbraakgolf" in page.content.decode()
    response = client.post(f"/to-police/{police_message.pk}/", {"text": "Gisteren zag ik iets."})
    assert response.status_code == 302
    reply = PoliceReply.objects.get()
    assert (reply.author, reply.group, reply.channel) == (author, live.group, "web")
    # nothing new went to the group
    assert OutboundMessage.objects.filter(group=live.group).count() == 1
    client.force_login(live.police)
    seen = client.get(f"/api/police/replies/{reply.pk}")
    assert seen.status_code == 200 and seen.json()["text"] == "Gisteren zag ik iets."
    assert "Gisteren zag ik iets." in client.get(f"/police/replies/{reply.pk}/").content.decode()
    listed = client.get(f"/api/police/messages/{police_message.pk}/replies").json()
    assert [r["id"] for r in listed] == [reply.pk]
    page = client.get(f"/police/groups/{live.group.pk}/messages/").content.decode()
    assert "Gisteren zag ik iets." in page
    assert AuditEntry.objects.filter(action="read_police_reply", subject_id=str(reply.pk)).exists()
    for user in (other, live.coordinator, live.other_police, live.prevention, author):
        client.force_login(user)
        assert client.get(f"/api/police/replies/{reply.pk}").status_code == 404
        assert client.get(f"/police/replies/{reply.pk}/").status_code == 404
        listing = client.get(f"/api/police/messages/{police_message.pk}/replies")
        assert listing.status_code == 404
        feed = client.get(f"/api/groups/{live.group.pk}/alerts").content.decode()
        assert "Gisteren zag ik iets." not in feed


def test_reply_to_police_for_chat_channels(live, police_message):
    reply = reply_to_police(outbound_message_id=police_message.pk, user=live.members[2],
                            text="  Een witte bestelwagen.  ", channel="whatsapp")  # fmt: skip
    assert (reply.text, reply.channel) == ("Een witte bestelwagen.", "whatsapp")
    with pytest.raises(ReplyRefused) as refused:
        reply_to_police(outbound_message_id=police_message.pk, user=live.other_police,
                        text="hallo", channel="sms")  # fmt: skip
    assert refused.value.code == "not_member"
    with pytest.raises(ReplyRefused) as empty:
        reply_to_police(outbound_message_id=police_message.pk, user=live.members[2],
                        text=" ", channel="sms")  # fmt: skip
    assert empty.value.code == "missing_fields"
    assert PoliceReply.objects.count() == 1


def test_no_replies_to_ordinary_group_messages(live, alert_of, client):
    alert = alert_of()
    message = OutboundMessage.objects.get(kind="alert", ref_id=alert.pk)
    with pytest.raises(ReplyRefused):
        reply_to_police(outbound_message_id=message.pk, user=live.members[1], text="x",
                        channel="web")  # fmt: skip
    client.force_login(live.members[1])
    assert client.get(f"/to-police/{message.pk}/").status_code == 404


def test_non_members_cannot_answer(live, police_message, client, make_user):
    client.force_login(make_user("stranger"))
    assert client.get(f"/to-police/{police_message.pk}/").status_code == 404
    response = client.post(f"/api/police/messages/{police_message.pk}/replies", {"text": "hoi"},
                           content_type="application/json")  # fmt: skip
    assert response.status_code == 404
    assert not PoliceReply.objects.exists()
