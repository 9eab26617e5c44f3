"""Broadcasts to chosen groups, a municipality, a zone, or a drawn area; kinds per role."""

import pytest

from buurtwacht.delivery.models import Delivery, OutboundMessage
from buurtwacht.organisation.models import Group
from buurtwacht.police.messages import reply_to_police
from buurtwacht.police.models import Broadcast, PoliceReply

from .conftest import area


def send(client, **body):
    data = {"kind": "warning", "title": "Inbraakgolf", "text": "Let op: inbraken overdag.",
            "target": "groups", **body}  # fmt: skip
    return client.post("/api/police/broadcasts", data, content_type="application/json")


def reached(response) -> set[str]:
    return {g["group"] for g in response.json()["groups"] if not g["skipped"]}


def test_to_chosen_groups_with_delivery_per_group(live, squares, client):
    client.force_login(live.police)
    response = send(client, groups=[squares["west"].pk, squares["east"].pk])
    assert response.status_code == 201, response.content
    rows = {g["group"]: g for g in response.json()["groups"]}
    assert set(rows) == {"BIN west", "BIN east"}
    assert rows["BIN west"]["delivery"] == {"web": {"pending": 2}}
    messages = OutboundMessage.objects.filter(kind="broadcast")
    assert {m.group_id for m in messages} == {squares["west"].pk, squares["east"].pk}
    for m in messages:
        assert Delivery.objects.filter(message=m).count() == 2
        assert m.payload["nl"]["subject"] == "Waarschuwing van de politie: Inbraakgolf"
        assert "reply_url" not in m.payload["nl"]  # a warning takes no replies
    again = client.get(f"/api/police/broadcasts/{response.json()['id']}")
    assert again.json()["groups"] == response.json()["groups"]
    page = client.get(f"/police/broadcasts/{response.json()['id']}/").content.decode()
    assert "BIN west" in page and "pending 2" in page


def test_groups_outside_the_scope_are_refused_whole(live, squares, client):
    live.other_group.status = Group.Status.LIVE
    live.other_group.save()
    client.force_login(live.police)
    response = send(client, groups=[squares["west"].pk, live.other_group.pk])
    assert response.status_code == 422 and response.json()["code"] == "outside_scope"
    assert not Broadcast.objects.exists() and not OutboundMessage.objects.filter(
        kind="broadcast").exists()  # fmt: skip


def test_to_a_municipality_lists_groups_that_are_not_live_as_skipped(live, squares, client):
    client.force_login(live.police)
    response = send(client, target="municipality", municipality=live.hasselt.pk)
    assert response.status_code == 201
    assert reached(response) == {"BIN Centrum", "BIN west", "BIN middle", "BIN east"}
    skipped = [g for g in response.json()["groups"] if g["skipped"]]
    assert [(g["group"], g["skipped"], g["message_id"]) for g in skipped] == [
        ("BIN draft", "draft", None)
    ]
    other = send(client, target="municipality", municipality=live.lanaken.pk)
    assert other.status_code == 422


def test_to_the_zone(live, squares, client):
    client.force_login(live.police)
    response = send(client, target="zone", zone=live.zone.pk)
    assert reached(response) == {"BIN Centrum", "BIN west", "BIN middle", "BIN east"}
    assert send(client, target="zone", zone=live.other_zone.pk).status_code == 422


@pytest.mark.parametrize(
    ("x0", "x1", "expected"),
    [
        (-0.5, 1.0, {"BIN west"}),  # overlaps west, touches middle along its edge: west only
        (0.5, 1.5, {"BIN west", "BIN middle"}),  # overlaps both
        (1.5, 3.5, {"BIN middle", "BIN east"}),  # middle and east, misses the gap between
        (2.1, 2.9, set()),  # in the gap: misses everything
        (2.0, 3.0, set()),  # touches middle's east edge and east's west edge only
    ],
)
def test_to_a_drawn_area_reaches_exactly_the_overlapping_groups(
    live, squares, client, x0, x1, expected
):
    client.force_login(live.police)
    response = send(client, target="area", area=area(x0, x1))
    if not expected:
        assert response.status_code == 422 and response.json()["code"] == "no_groups"
        assert not Broadcast.objects.exists()
        return
    assert response.status_code == 201
    assert reached(response) == expected
    sent_to = set(
        OutboundMessage.objects.filter(kind="broadcast").values_list("group__name", flat=True)
    )
    assert sent_to == expected


def test_an_area_over_another_zone_reaches_nothing_there(live, squares, client):
    live.other_group.status = Group.Status.LIVE
    live.other_group.save()
    client.force_login(live.police)
    response = send(client, target="area", area=live.other_hood.boundary)
    assert response.status_code == 422
    assert (
        send(client, target="area", area={"type": "Point", "coordinates": [5, 50]}).json()["code"]
        == "bad_area"
    )


def test_prevention_officer_sends_prevention_tips_only(live, squares, client):
    client.force_login(live.prevention)
    for kind in ("warning", "request_for_information"):
        refused = client.post(
            "/api/police/broadcasts",
            {"kind": kind, "title": "t", "text": "x", "target": "municipality",
             "municipality": live.hasselt.pk},
            content_type="application/json",
            HTTP_ACCEPT_LANGUAGE="nl",
        )  # fmt: skip
        assert refused.status_code == 403 and refused.json()["code"] == "kind_not_allowed"
        assert refused.json()["message"].startswith("Preventieambtenaren mogen alleen")
    assert not Broadcast.objects.exists()
    tip = send(client, kind="prevention_tip", target="municipality", municipality=live.hasselt.pk)
    assert tip.status_code == 201
    message = OutboundMessage.objects.filter(kind="broadcast").first()
    assert message.payload["nl"]["subject"] == "Preventietip: Inbraakgolf"
    assert message.payload["nl"]["from_police"] is False
    assert "Van Hasselt." in message.payload["nl"]["text"]


def test_members_and_coordinators_cannot_broadcast(live, squares, client):
    for user in (live.members[0], live.coordinator, live.zone_admin):
        client.force_login(user)
        assert send(client, groups=[squares["west"].pk]).status_code == 403
        assert client.get("/police/broadcasts/").status_code == 404


def test_replies_to_a_request_for_information_reach_the_police_only(live, squares, client):
    client.force_login(live.police)
    response = send(client, kind="request_for_information", title="Vermiste man",
                    text="Wie zag hem?", groups=[squares["west"].pk])  # fmt: skip
    message = OutboundMessage.objects.get(kind="broadcast")
    assert message.payload["nl"]["replies"] == "police_only"
    member = squares["west"].memberships.first().user
    reply = reply_to_police(outbound_message_id=message.pk, user=member,
                            text="Ik zag hem aan het station.", channel="sms")  # fmt: skip
    page = client.get(f"/police/broadcasts/{response.json()['id']}/").content.decode()
    assert "Ik zag hem aan het station." in page
    client.force_login(squares["west"].memberships.last().user)
    assert client.get(f"/api/police/replies/{reply.pk}").status_code == 404
    assert client.get(f"/police/broadcasts/{response.json()['id']}/").status_code == 404
    assert PoliceReply.objects.count() == 1


def test_warnings_take_no_replies(live, squares, client):
    client.force_login(live.police)
    send(client, groups=[squares["west"].pk])
    message = OutboundMessage.objects.get(kind="broadcast")
    member = squares["west"].memberships.first().user
    client.force_login(member)
    assert client.get(f"/to-police/{message.pk}/").status_code == 404


def test_the_broadcast_page_sends(live, squares, client):
    client.force_login(live.police)
    form = client.get("/police/broadcasts/").content.decode()
    assert "BIN west" in form and "Oproep tot informatie" in form  # the officer reads Dutch
    response = client.post("/police/broadcasts/", {"kind": "warning", "title": "Let op",
                           "text": "Inbraken", "target": "groups",
                           "groups": [squares["east"].pk]})  # fmt: skip
    assert response.status_code == 302
    assert Broadcast.objects.get().groups.get().group == squares["east"]
