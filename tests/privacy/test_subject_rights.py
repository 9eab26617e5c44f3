"""Export holds the member's data and nobody else's; erasure leaves no trace of the person
(clear or encrypted), keeps the counts, and is idempotent and audited."""

import json

import pytest
from django.db import connection
from django.utils import timezone

from buurtwacht.alerts.models import Alert, FollowUp, Strike
from buurtwacht.alerts.views_shared import police_view
from buurtwacht.delivery.models import ChannelPreference, Delivery, OutboundMessage
from buurtwacht.organisation.models import Membership, ProtocolAcceptance, User
from buurtwacht.privacy import subject_rights
from buurtwacht.privacy.models import AuditEntry, Erasure, audit
from buurtwacht.reports.models import ScreeningCount

ANNA_WHAT = "Annelies ziet twee mannen die aan de klinken van de voordeuren voelen."
BERT_WHAT = "Bert ziet een bestelwagen die traag door de straat rijdt en stopt."


@pytest.fixture
def history(live, submit, django_capture_on_commit_callbacks):
    """Both members post an alert and a follow-up; Anna also gets a strike."""
    from buurtwacht.alerts import flow
    from buurtwacht.delivery.outbox import set_default_channels

    set_default_channels([live.anna, live.bert])
    with django_capture_on_commit_callbacks(execute=True):
        live.anna_alert = submit(live.group, live.anna, what=ANNA_WHAT)
        live.bert_alert = submit(live.group, live.bert, what=BERT_WHAT, where="Molenstraat")
        flow.submit_follow_up(
            alert=live.bert_alert, author=live.anna, text="Ze gaan nu richting kerk."
        )
        flow.submit_follow_up(
            alert=live.anna_alert, author=live.bert, text="Ik zie ze ook, bij de bakker."
        )
    Strike.objects.create(
        group=live.group, user=live.anna, findings=["vigilantism"], text="we pakken ze"
    )
    ProtocolAcceptance.objects.create(
        membership=Membership.objects.get(user=live.anna),
        protocol_id="be-type",
        version=live.group.protocol_version,
        lang="nl",
    )
    audit(actor=live.police, action="read_contact", subject=live.anna, reason="callback")
    return live


def test_export_contains_the_members_data_and_nobody_elses(history):
    data = subject_rights.export_data(history.anna)
    body = json.dumps(data, default=str)
    profile = data["profile"]
    assert profile["phone"] == "+32470111111" and profile["email"] == "anna@example.be"
    assert profile["first_name"] == "Annelies"
    assert [a["what"] for a in data["alerts"]] == [ANNA_WHAT]
    assert [f["text"] for f in data["follow_ups"]] == ["Ze gaan nu richting kerk."]
    assert [s["text"] for s in data["strikes"]] == ["we pakken ze"]
    assert data["memberships"][0]["protocol_acceptances"][0]["protocol"] == "be-type"
    assert {p["channel"] for p in data["channel_preferences"]} == {"web", "whatsapp", "email"}
    assert data["deliveries"] and {d["kind"] for d in data["deliveries"]} <= {"alert", "follow_up"}
    assert data["reads_of_your_data"] == [
        {"action": "read_contact", "at": data["reads_of_your_data"][0]["at"], "reason": "callback"}
    ]
    for other in (
        "Claes",
        "+32470222222",
        "bert@example.be",
        BERT_WHAT,
        "bij de bakker",
        "Molenstraat",
    ):
        assert other not in body, other
    assert f'"{history.bert.username}"' not in body
    assert f'"{history.police.username}"' not in body


def test_export_page_and_download(history, client):
    client.force_login(history.anna)
    assert b"/me/data/export.json" in client.get("/me/data/").content
    response = client.get("/me/data/export.json")
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment;")
    data = json.loads(response.content)
    assert data["profile"]["username"] == history.anna.username
    assert AuditEntry.objects.filter(action="export_own_data", actor=history.anna).count() == 1


def test_export_command(history, capsys):
    from django.core.management import call_command

    call_command("privacy", "export", history.bert.username)
    data = json.loads(capsys.readouterr().out)
    assert data["profile"]["phone"] == "+32470222222"
    assert [a["what"] for a in data["alerts"]] == [BERT_WHAT]


def _raw_user_row(user) -> dict:
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT * FROM {User._meta.db_table} WHERE id = %s", [user.pk])
        names = [c[0] for c in cursor.description]
        return dict(zip(names, cursor.fetchone(), strict=True))


def test_erasure_removes_contact_data_name_and_contents(history):
    anna = history.anna
    before = _raw_user_row(anna)
    assert before["phone"].startswith("enc1:") and before["phone_index"]
    old_username = anna.username
    assert subject_rights.erase(anna, actor=anna, reason="own request")

    row = _raw_user_row(anna)
    for column in (
        "phone",
        "phone_index",
        "contact_email",
        "contact_email_index",
        "first_name",
        "last_name",
        "email",
    ):
        assert row[column] == "", column
    assert row["birth_date"] is None and not row["is_active"]
    assert row["username"].startswith("former-") and row["username"] != old_username
    flat = json.dumps(row, default=str)
    for clear in ("+32470111111", "anna@example.be", "Annelies", "Vermeulen", old_username):
        assert clear not in flat

    alert = Alert.objects.get(pk=history.anna_alert.pk)
    assert (alert.what, alert.place, alert.description, alert.direction) == ("", "", "", "")
    assert alert.members_copy == {} and alert.police_only == {} and alert.lon is None
    assert alert.author_id == anna.pk and alert.category == "suspicious_person"
    assert subject_rights.display_name(alert.author) == "a former member"
    assert police_view(alert, reader=history.police)["what"] == ""
    assert FollowUp.objects.get(author=anna).text == ""
    assert FollowUp.objects.get(author=history.bert).text == "Ik zie ze ook, bij de bakker."
    # Rendered copies of her alert in the outbox carry no text of hers any more.
    for message in OutboundMessage.objects.filter(ref_id=alert.pk, kind="alert"):
        assert "klinken" not in json.dumps(message.payload)
    assert not ChannelPreference.objects.filter(user=anna).exists()
    assert not Delivery.objects.filter(recipient=anna, status__in=["pending", "failed"]).exists()
    assert set(Membership.objects.filter(user=anna).values_list("status", flat=True)) == {"removed"}
    # Counts stay: the alert row, and the strike folded before it went.
    assert Alert.objects.filter(author=anna).count() == 1
    assert not Strike.objects.filter(user=anna).exists()
    assert ScreeningCount.objects.get(action="blocked", finding="vigilantism").count == 1
    # Bert is untouched.
    bert = User.objects.get(pk=history.bert.pk)
    assert bert.phone == "+32470222222" and bert.first_name == "Bert"
    assert Alert.objects.get(pk=history.bert_alert.pk).what == BERT_WHAT


def test_erasure_is_audited_and_idempotent(history):
    anna = history.anna
    assert subject_rights.erase(anna, actor=history.zone_admin, reason="request by letter")
    row = AuditEntry.objects.get(action="erase_account")
    assert row.actor == history.zone_admin and row.subject_id == str(anna.pk)
    assert row.zone == history.zone and row.reason == "request by letter"
    snapshot = _raw_user_row(anna)
    assert subject_rights.erase(anna, actor=history.zone_admin) is False
    assert _raw_user_row(anna) == snapshot
    assert AuditEntry.objects.filter(action="erase_account").count() == 1
    assert Erasure.objects.filter(user=anna).count() == 1


def test_erase_page_needs_confirmation(history, client):
    anna = history.anna
    client.force_login(anna)
    assert client.get("/me/data/erase/").status_code == 200
    refused = client.post("/me/data/erase/", {"confirm": "someone else"})
    assert (
        refused.status_code == 400 and "Er werd niets gewist" in refused.content.decode()
    )  # her language
    assert User.objects.get(pk=anna.pk).phone == "+32470111111"
    done = client.post("/me/data/erase/", {"confirm": anna.username})
    assert done.status_code == 302
    assert User.objects.get(pk=anna.pk).phone == ""
    assert client.get("/me/data/").status_code == 302  # logged out


def test_erase_command(history, capsys):
    from django.core.management import call_command

    call_command("privacy", "erase", f"id:{history.bert.pk}", "--yes")
    assert "erased user id" in capsys.readouterr().out
    assert User.objects.get(pk=history.bert.pk).contact_email == ""
    call_command("privacy", "erase", f"id:{history.bert.pk}", "--yes")
    assert "already erased" in capsys.readouterr().out


def test_erasure_removes_chat_identity_and_replies_to_the_police(history):
    from buurtwacht.delivery.whatsapp import identities
    from buurtwacht.delivery.whatsapp.models import Contact
    from buurtwacht.police.models import PoliceReply

    identities.note_inbound(history.anna, timezone.now(), bsuid="BE.99887766554433")
    group = history.anna.memberships.first().group
    message = OutboundMessage.objects.create(group=group, kind="police_message", payload={})
    PoliceReply.objects.create(message=message, group=group, author=history.anna,
                               text="Ik zag een bestelwagen", channel="whatsapp")  # fmt: skip
    exported = subject_rights.export_data(history.anna)
    assert exported["whatsapp"]["business_scoped_user_id"] == "BE.99887766554433"
    assert [r["text"] for r in exported["replies_to_the_police"]] == ["Ik zag een bestelwagen"]
    subject_rights.erase(history.anna)
    assert not Contact.objects.filter(user=history.anna).exists()
    assert PoliceReply.objects.get().text == ""
