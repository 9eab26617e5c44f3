"""The sanction ladder end to end: each step with its reason, visible to the person, one
appeal decided by the zone admin, and enforcement on posting and reading."""

import pytest

from buurtwacht.organisation import sanctions
from buurtwacht.organisation.actions import NotAllowed
from buurtwacht.organisation.models import Membership, Sanction, SanctionAppeal, StaffRole
from buurtwacht.privacy.models import AuditEntry


def membership(live, user):
    return Membership.objects.get(group=live.group, user=user)


def step(
    client, live, user, step, reason="Herhaaldelijk oproepen om zelf achter daders aan te gaan."
):
    data = {"membership": membership(live, user).pk, "step": step, "reason": reason}
    return client.post(f"/groups/{live.group.pk}/sanctions/", data)


def test_ladder_appeal_once_and_enforcement(live, client, post_alert):
    member = live.members[1]
    client.force_login(live.coordinator)
    assert step(client, live, member, "warning").status_code == 302
    assert membership(live, member).status == "active"
    assert step(client, live, member, "suspension").status_code == 302
    assert membership(live, member).status == "suspended"
    audit = AuditEntry.objects.filter(
        action="sanction", subject_id=str(membership(live, member).pk)
    )
    assert audit.count() == 2 and "achter daders" in audit.first().reason

    # enforced: a suspended member cannot post (the API, like every channel, asks
    # rules.posting_membership), but still reads the group
    refused = post_alert(live.group, member, force_new=True)
    assert refused.status_code == 403 and refused.json()["code"] == "not_member"
    assert client.get(f"/api/groups/{live.group.pk}/alerts").status_code == 200

    # visible to the person, with the reason, in their language
    page = client.get("/me/sanctions/").content.decode()
    assert "Schorsing" in page and "Waarschuwing" in page and "achter daders" in page
    suspension = Sanction.objects.get(step="suspension")
    assert (
        client.post(
            "/me/sanctions/", {"sanction": suspension.pk, "text": "Het was een grap."}
        ).status_code
        == 302
    )
    again = client.post("/me/sanctions/", {"sanction": suspension.pk, "text": "Nog eens."})
    assert "beroep kan één keer" in again.content.decode()
    assert SanctionAppeal.objects.count() == 1

    # the appeal goes to the zone admin, who lifts it: the member posts again
    client.force_login(live.zone_admin)
    listed = client.get(f"/zones/{live.zone.pk}/appeals/").content.decode()
    assert "Het was een grap." in listed
    appeal = SanctionAppeal.objects.get()
    client.post(f"/zones/{live.zone.pk}/appeals/", {"appeal": appeal.pk, "decision": "lift",
                                                    "note": "Eerste keer."})  # fmt: skip
    appeal.refresh_from_db()
    assert appeal.decision == "lifted" and appeal.decided_by == live.zone_admin
    assert membership(live, member).status == "active"
    assert post_alert(live.group, member, force_new=True).status_code == 201
    with pytest.raises(sanctions.SanctionRefused):
        sanctions.decide(appeal, by=live.zone_admin, lift=False)


def test_removal_stops_reading_but_the_person_still_sees_why(live, client):
    member = live.members[2]
    client.force_login(live.coordinator)
    step(client, live, member, "removal")
    assert membership(live, member).status == "removed"
    client.force_login(member)
    assert client.get(f"/api/groups/{live.group.pk}/alerts").status_code == 403
    assert client.get(f"/groups/{live.group.pk}/").status_code == 403
    assert "Verwijdering" in client.get("/me/sanctions/").content.decode()
    removal = Sanction.objects.get()
    client.post("/me/sanctions/", {"sanction": removal.pk, "text": "Ik woon er nog."})
    sanctions.decide(SanctionAppeal.objects.get(), by=live.zone_admin, lift=False, note="Nee.")
    assert membership(live, member).status == "removed"  # upheld: nothing changes
    assert "Nee." in client.get("/me/sanctions/").content.decode()


def test_a_reason_is_required_in_the_persons_language(live, client):
    client.force_login(live.coordinator)
    response = step(client, live, live.members[0], "warning", reason="  ")
    assert "Geef de reden voor deze stap" in response.content.decode()
    assert not Sanction.objects.exists()


def test_who_sanctions_whom(live, client, make_user):
    coordinator_membership = membership(live, live.coordinator)
    member_membership = membership(live, live.members[0])
    with pytest.raises(NotAllowed):  # a member cannot sanction anyone
        sanctions.give(coordinator_membership, by=live.members[0], step="warning", reason="x")
    with pytest.raises(NotAllowed):  # a coordinator does not sanction coordinators (nor self)
        sanctions.give(coordinator_membership, by=live.coordinator, step="warning", reason="x")
    with pytest.raises(NotAllowed):  # the zone admin sanctions coordinators, not members
        sanctions.give(member_membership, by=live.zone_admin, step="warning", reason="x")
    stranger = make_user("za2", role=StaffRole.Kind.ZONE_ADMIN, zone=live.other_zone)
    with pytest.raises(NotAllowed):  # a zone admin of another zone
        sanctions.give(coordinator_membership, by=stranger, step="warning", reason="x")
    sanctions.give(coordinator_membership, by=live.zone_admin, step="suspension", reason="Klacht.")
    assert membership(live, live.coordinator).status == "suspended"
    client.force_login(live.members[0])
    assert client.get(f"/groups/{live.group.pk}/sanctions/").status_code == 404
    client.force_login(stranger)
    assert client.get(f"/zones/{live.zone.pk}/appeals/").status_code == 404


def test_only_the_person_appeals(live):
    sanction = sanctions.give(membership(live, live.members[0]), by=live.coordinator,
                              step="warning", reason="Geen bedankjes in de groep.")  # fmt: skip
    with pytest.raises(NotAllowed):
        sanctions.appeal(sanction, by=live.members[1], text="Voor mijn buur.")
    with pytest.raises(sanctions.SanctionRefused):
        sanctions.appeal(sanction, by=live.members[0], text=" ")
    assert not SanctionAppeal.objects.exists()


def test_each_step_is_sent_to_the_person_only_in_their_language(live, smtp):
    from buurtwacht.delivery.models import ChannelPreference, Delivery, OutboundMessage
    from buurtwacht.delivery.sending import send_pending
    from buurtwacht.organisation import sanctions
    from buurtwacht.organisation.models import Membership

    person = live.members[1]
    person.language = "fr"
    person.set_contact_email("membre@example.be")
    person.save()
    ChannelPreference.objects.create(user=person, channel="email", position=0)
    membership = Membership.objects.get(user=person, group=live.group)
    sanctions.give(
        membership, by=live.coordinator, step="suspension", reason="Oproep tot achtervolging"
    )
    message = OutboundMessage.objects.get(kind="notice")
    assert set(Delivery.objects.filter(message=message).values_list("recipient_id", flat=True)) == {
        person.pk
    }
    send_pending()
    (mail,) = smtp.messages()
    assert mail["To"] == "membre@example.be" and "suspension" in mail["Subject"]
    assert "Motif : Oproep tot achtervolging" in mail.get_content()
