"""The console: who sees it (alerts.access), audited rows, reveal with a reason, filters, the
time to the first acknowledgement, case references and the SVG map."""

import re
from datetime import timedelta

import pytest
from django.utils import timezone

from buurtwacht.alerts.models import Alert, AlertEvent, Status
from buurtwacht.organisation.models import StaffRole
from buurtwacht.police import console
from buurtwacht.police.models import Acknowledgement
from buurtwacht.privacy.models import AuditEntry

from .conftest import PLATE


def test_police_contact_sees_the_zone_console_and_unmasks_only_with_a_reason(
    live, alert_of, client
):
    """Every unmasked view is one audit row with its reason (issue 9): the console lists the
    members' copy; the original comes with the reveal."""
    alert = alert_of(description=PLATE)
    client.force_login(live.police)
    assert client.get("/police/").url == f"/police/zones/{live.zone.pk}/"
    page = client.get(f"/police/zones/{live.zone.pk}/").content.decode()
    assert "Kerkstraat" in page and "1-ABC-123" not in page
    assert alert.members_copy["description"] != alert.description
    assert not AuditEntry.objects.exists()
    url = f"/police/alerts/{alert.pk}/"
    shown = client.post(url, {"action": "reveal", "reason": "PV HA.1"}).content.decode()
    assert "1-ABC-123" in shown
    reads = AuditEntry.objects.filter(actor=live.police, subject_id=str(alert.pk))
    assert [(e.action, e.reason) for e in reads] == [("reveal_police_only", "PV HA.1")]


@pytest.mark.parametrize("who", ["other_police", "prevention", "member", "coordinator"])
def test_everyone_else_gets_404(live, alert_of, client, who):
    alert = alert_of()
    user = {"other_police": live.other_police, "prevention": live.prevention,
            "member": live.members[1], "coordinator": live.coordinator}[who]  # fmt: skip
    client.force_login(user)
    zone = live.zone.pk
    for url in (f"/police/zones/{zone}/", f"/police/zones/{zone}/map.svg",
                f"/police/alerts/{alert.pk}/", f"/api/police/alerts/{alert.pk}",
                f"/api/police/zones/{zone}/alerts"):  # fmt: skip
        assert client.get(url).status_code == 404, url
    response = client.post(f"/police/alerts/{alert.pk}/", {"action": "acknowledge",
                                                           "state": "informed"})  # fmt: skip
    assert response.status_code == 404
    assert not Acknowledgement.objects.exists()
    if who != "other_police":
        assert client.get("/police/").status_code == 404


def test_other_zone_police_has_its_own_console_without_our_alerts(live, alert_of, client):
    alert_of()
    client.force_login(live.other_police)
    page = client.get(f"/police/zones/{live.other_zone.pk}/")
    assert page.status_code == 200 and "Kerkstraat" not in page.content.decode()


def test_zone_admin_reads_but_cannot_act(live, alert_of, client):
    """Decision: the zone admin reads what the group was sent (the members' copy) but not
    held alerts, and can neither unmask (reveal), acknowledge nor set a case."""
    sent = alert_of(description=PLATE)
    held = alert_of(description="Het is Jan Peeters, bel hem op 0470 12 34 56.", where="Dorp")
    assert held.status == Status.HELD
    client.force_login(live.zone_admin)
    page = client.get(f"/police/zones/{live.zone.pk}/").content.decode()
    assert "Kerkstraat" in page and "1-ABC-123" not in page and "Peeters" not in page
    assert client.get(f"/police/alerts/{held.pk}/").status_code == 404
    url = f"/police/alerts/{sent.pk}/"
    for data in ({"action": "acknowledge", "state": "informed"},
                 {"action": "reveal", "reason": "curious"},
                 {"action": "case_reference", "reference": "PV 1"}):  # fmt: skip
        assert client.post(url, data).status_code == 403
    api = client.post(f"/api/police/alerts/{sent.pk}/reveal", {"reason": "x"},
                      content_type="application/json")  # fmt: skip
    assert api.status_code == 403 and api.json()["code"] == "police_only"
    sent.refresh_from_db()
    assert not Acknowledgement.objects.exists() and sent.case_reference == ""
    assert not AuditEntry.objects.filter(action="reveal_police_only").exists()


def test_reveal_needs_a_reason_and_audits_it(live, alert_of, client):
    alert = alert_of(description=PLATE)
    assert alert.police_only  # the plate went to the police-only field
    client.force_login(live.police)
    url = f"/police/alerts/{alert.pk}/"
    refused = client.post(url, {"action": "reveal", "reason": "  "}, HTTP_ACCEPT_LANGUAGE="nl")
    assert refused.status_code == 422
    assert "Zeg waarom u de gegevens voor de politie nodig hebt" in refused.content.decode()
    assert not AuditEntry.objects.filter(action="reveal_police_only").exists()
    shown = client.post(url, {"action": "reveal", "reason": "PV HA.12.LB.2025"})
    assert shown.status_code == 200
    plates = alert.police_only[next(iter(alert.police_only))]
    assert plates[0] in shown.content.decode()
    entry = AuditEntry.objects.get(action="reveal_police_only", subject_id=str(alert.pk))
    assert entry.actor == live.police and "PV HA.12.LB.2025" in entry.reason
    assert entry.zone == live.zone  # the zone admin reads it in their log
    api = client.post(f"/api/police/alerts/{alert.pk}/reveal", {"reason": ""},
                      content_type="application/json")  # fmt: skip
    assert api.status_code == 422 and api.json()["code"] == "reason_required"


def test_police_only_fields_are_not_in_the_console_before_a_reveal(live, alert_of, client):
    alert = alert_of(description=PLATE)
    client.force_login(live.police)
    row = client.get(f"/api/police/alerts/{alert.pk}").json()
    assert "police_only" not in row and row["has_police_only"] is True


def test_filters(live, alert_of, client):
    burglary = alert_of(category="burglary", where="Molenweg")
    person = alert_of(where="Stationsplein")
    closed = alert_of(category="theft", where="Markt")
    closed.status, closed.closed_at = Status.CLOSED, timezone.now()
    closed.save()
    late = alert_of(where="Bosstraat")  # the call logged after the alert: not "called first"
    Alert.objects.filter(pk=late.pk).update(called_at=late.created_at + timedelta(minutes=1))
    client.force_login(live.police)
    base = f"/api/police/zones/{live.zone.pk}/alerts"

    def ids(**query):
        return [r["id"] for r in client.get(base, query).json()]

    assert ids() == [late.pk, closed.pk, person.pk, burglary.pk]  # newest first
    assert ids(category="burglary") == [burglary.pk]
    assert ids(status="closed") == [closed.pk]
    assert ids(call_first="no") == [late.pk]
    assert set(ids(call_first="yes")) == {closed.pk, person.pk, burglary.pk}
    assert ids(group=live.group.pk) == ids()
    assert client.get(base, {"group": live.other_group.pk}).status_code == 404
    page = client.get(f"/police/zones/{live.zone.pk}/", {"category": "theft"}).content.decode()
    assert "Markt" in page and "Molenweg" not in page


def test_time_to_first_acknowledgement_is_exact(live, alert_of, client):
    alert = alert_of()
    published = timezone.now().replace(microsecond=0) - timedelta(hours=1)
    Alert.objects.filter(pk=alert.pk).update(published_at=published)
    for seconds, state in ((754, "informed"), (1800, "on_site")):
        Acknowledgement.objects.create(
            alert=alert, state=state, actor=live.police, at=published + timedelta(seconds=seconds)
        )
    client.force_login(live.police)
    row = client.get(f"/api/police/alerts/{alert.pk}").json()
    assert row["seconds_to_first_ack"] == 754
    assert row["time_to_first_ack"] == "12 min 34 s"
    assert row["acknowledgement"]["state"] == "on_site"  # the latest, not the first
    fresh = alert_of(where="Elders")
    client.force_login(live.police)  # posting logged the author in
    assert client.get(f"/api/police/alerts/{fresh.pk}").json()["seconds_to_first_ack"] is None


def test_case_reference_set_and_removed_is_audited(live, alert_of, client):
    alert = alert_of()
    client.force_login(live.police)
    url = f"/api/police/alerts/{alert.pk}/case-reference"
    put = client.put(url, {"reference": "PV HA.55.L1.001234/25"}, content_type="application/json")
    assert put.status_code == 200
    alert.refresh_from_db()
    assert alert.case_reference == "PV HA.55.L1.001234/25"
    too_long = client.put(url, {"reference": "x" * 41}, content_type="application/json")
    assert too_long.status_code == 422
    assert client.delete(url).status_code == 200
    alert.refresh_from_db()
    assert alert.case_reference == ""
    actions = list(
        AuditEntry.objects.filter(subject_id=str(alert.pk), action__startswith="case_reference")
        .order_by("created_at", "id")
        .values_list("action", flat=True)
    )
    assert actions == ["case_reference_set", "case_reference_removed"]
    events = AlertEvent.objects.filter(alert=alert, kind__startswith="case_reference")
    assert [e.detail["new"] for e in events] == ["PV HA.55.L1.001234/25", ""]


def test_svg_map_has_a_path_per_neighbourhood_and_a_point_per_alert(live, alert_of, client):
    west = alert_of(where="West", lon=5.330, lat=50.930)
    east = alert_of(where="Oost", lon=5.345, lat=50.931)
    alert_of(where="Nergens")  # no coordinates: no point
    client.force_login(live.police)
    response = client.get(f"/police/zones/{live.zone.pk}/map.svg")
    assert response["Content-Type"].startswith("image/svg+xml")
    svg = response.content.decode()
    assert re.findall(r'data-neighbourhood="(\d+)"', svg) == [str(live.hood.pk)]
    point = r'data-alert="(\d+)" data-lon="[^"]+" data-lat="[^"]+" cx="([\d.]+)" cy="([\d.]+)"'
    points = {int(m[0]): (float(m[1]), float(m[2])) for m in re.findall(point, svg)}
    assert set(points) == {west.pk, east.pk}
    assert points[east.pk][0] > points[west.pk][0]  # further east: further right
    assert points[east.pk][1] < points[west.pk][1]  # further north: higher up
    for x, y in points.values():
        assert 0 <= x <= 640 and 0 <= y <= 480
    assert f'data-lon="{west.lon}"' in svg
    page = client.get(f"/police/zones/{live.zone.pk}/").content.decode()
    assert "<svg" in page and f'href="/police/alerts/{west.pk}/"' in page


def test_a_group_police_contact_without_a_zone_role_sees_only_that_group(live, alert_of, client):
    alert_of()
    StaffRole.objects.filter(user=live.police).delete()
    roles = console.zone_console(live.police, live.zone.pk)[1]
    assert roles == {live.group.pk: console.ConsoleRole.POLICE}


def test_the_alert_page_and_api_do_not_bypass_the_reveal(live, alert_of, client):
    alert = alert_of(description=PLATE)
    plate = alert.police_only[next(iter(alert.police_only))][0]
    client.force_login(live.police)
    body = client.get(f"/api/alerts/{alert.pk}").json()
    assert "police_only" not in body and body["has_police_only"] is True
    page = client.get(f"/alerts/{alert.pk}/").content.decode()
    assert f'href="/police/alerts/{alert.pk}/"' in page
    assert plate not in page.replace(alert.description, "")  # only inside the original text
