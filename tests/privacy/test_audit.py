"""The audit log is append-only in code, admin and database; a zone admin reads their zone's."""

import csv
import io

import pytest
from django.db import DatabaseError, connection, transaction

from buurtwacht.organisation.models import StaffRole
from buurtwacht.privacy import triggers
from buurtwacht.privacy.models import AppendOnlyError, AuditEntry, audit, zone_of


@pytest.fixture
def entry(world):
    return audit(
        actor=world.police, action="read_contact", subject=world.coordinator, zone=world.zone
    )


def test_orm_refuses_update_and_delete(entry):
    entry.detail = "changed"
    with pytest.raises(AppendOnlyError):
        entry.save()
    with pytest.raises(AppendOnlyError):
        entry.delete()
    with pytest.raises(AppendOnlyError):
        AuditEntry.objects.filter(pk=entry.pk).update(detail="changed")
    with pytest.raises(AppendOnlyError):
        AuditEntry.objects.all().delete()
    with pytest.raises(AppendOnlyError):
        AuditEntry.objects.bulk_update([entry], ["detail"])
    stored = AuditEntry.objects.get(pk=entry.pk)
    assert stored.detail == "" and stored.action == "read_contact"


def test_triggers_are_installed(db):
    assert triggers.installed(connection)


@pytest.mark.parametrize(
    "sql",
    [
        "UPDATE privacy_auditentry SET detail = 'forged' WHERE id = %s",
        "UPDATE privacy_auditentry SET actor_id = NULL WHERE id = %s",
        "DELETE FROM privacy_auditentry WHERE id = %s",
    ],
)
def test_raw_sql_update_and_delete_are_refused_by_the_database(entry, sql):
    with pytest.raises(DatabaseError, match="append-only"):
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.execute(sql, [entry.pk])
    with connection.cursor() as cursor:
        cursor.execute("SELECT detail, actor_id FROM privacy_auditentry WHERE id = %s", [entry.pk])
        assert cursor.fetchone() == ("", entry.actor_id)


def test_insert_still_works_after_a_refusal(entry, world):
    with pytest.raises(DatabaseError):
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.execute("DELETE FROM privacy_auditentry")
    audit(actor=world.police, action="read_contact", subject=world.coordinator)
    assert AuditEntry.objects.count() == 2


def test_admin_has_no_change_or_delete_path(entry, client, django_user_model):
    root = django_user_model.objects.create(username="root", is_superuser=True, is_staff=True)
    client.force_login(root)
    base = "/admin/privacy/auditentry/"
    assert client.get(base).status_code == 200
    assert client.get(f"{base}add/").status_code == 403
    assert client.post(f"{base}{entry.pk}/delete/", {"post": "yes"}).status_code == 403
    response = client.post(f"{base}{entry.pk}/change/", {"detail": "forged"})
    assert response.status_code in (200, 403)
    assert client.post(base, {"action": "delete_selected", "_selected_action": [entry.pk]})
    assert AuditEntry.objects.get(pk=entry.pk).detail == ""


def test_zone_is_derived_from_the_subject(live, submit):
    alert = submit(live.group, live.anna, what="Twee mannen voelen aan de klinken van voordeuren.")
    audit(actor=live.police, action="read_alert_original", subject=alert, reason="case")
    row = AuditEntry.objects.get(action="read_alert_original")
    assert row.zone == live.zone and row.subject_id == str(alert.pk)
    assert zone_of(live.other_group) == live.other_zone
    assert zone_of(live.anna) is None
    assert audit(actor=None, action="x", subject=live.hood, reason="why").zone == live.zone


@pytest.fixture
def two_zone_log(world):
    audit(actor=world.police, action="read_alert_original", subject=world.group, reason="case A")
    audit(actor=world.other_police, action="read_alert_original", subject=world.other_group)
    audit(actor=world.police, action="read_contact", subject=world.group, reason="=cmd()")


def test_zone_admin_sees_only_their_zone(world, two_zone_log, client):
    client.force_login(world.zone_admin)
    page = client.get("/audit/")
    assert page.status_code == 200
    entries = list(page.context["entries"])
    assert len(entries) == 2 and {e.zone_id for e in entries} == {world.zone.pk}
    filtered = client.get("/audit/", {"action": "read_contact"}).context["entries"]
    assert [e.reason for e in filtered] == ["=cmd()"]
    assert list(client.get("/audit/", {"actor": "wi2"}).context["entries"]) == []
    assert (
        len(client.get("/audit/", {"from": "2000-01-01", "to": "2999-01-01"}).context["entries"])
        == 2
    )
    assert list(client.get("/audit/", {"to": "2000-01-01"}).context["entries"]) == []


def test_csv_export_has_the_zone_rows_and_is_itself_audited(world, two_zone_log, client):
    client.force_login(world.zone_admin)
    response = client.get("/audit/export.csv")
    assert response.status_code == 200 and response["Content-Type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(response.content.decode())))
    assert len(rows) == 2
    assert {r["actor"] for r in rows} == {"wi"} and {r["zone"] for r in rows} == {"5380"}
    assert {r["reason"] for r in rows} == {"case A", "'=cmd()"}  # no formula injection
    export = AuditEntry.objects.get(action="export_audit_log")
    assert export.actor == world.zone_admin and export.zone == world.zone
    assert "2 rows" in export.detail


@pytest.mark.parametrize("who", ["police", "prevention", "coordinator", "other_police"])
def test_other_roles_cannot_read_the_log(world, two_zone_log, client, who):
    client.force_login(getattr(world, who))
    assert client.get("/audit/").status_code == 403
    assert client.get("/audit/export.csv").status_code == 403
    assert not AuditEntry.objects.filter(action="export_audit_log").exists()


def test_anonymous_is_sent_to_login(client):
    assert client.get("/audit/").status_code == 302


def test_an_admin_of_the_other_zone_sees_the_other_zone(world, two_zone_log, client, make_user):
    other_admin = make_user("za2", role=StaffRole.Kind.ZONE_ADMIN, zone=world.other_zone)
    client.force_login(other_admin)
    entries = list(client.get("/audit/").context["entries"])
    assert [e.actor for e in entries] == [world.other_police]
