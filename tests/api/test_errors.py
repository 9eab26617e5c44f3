"""The API's errors have the declared shape (code, message, detail), speak the reader's
language, and refused input changes nothing (the fixes schemathesis led to)."""

from buurtwacht.alerts.models import Alert
from buurtwacht.api import api
from tests.alerts.conftest import alert_payload, live  # noqa: F401 - fixture


def test_invalid_body_is_refused_in_the_members_language_and_nothing_is_stored(
    live,  # noqa: F811
    client,
):
    live.author.language = "fr"
    live.author.save(update_fields=["language"])
    client.force_login(live.author)
    body = alert_payload(emergency="soon", lat="north")
    answer = client.post(
        f"/api/groups/{live.group.pk}/alerts", body, content_type="application/json"
    )
    assert answer.status_code == 422
    problem = answer.json()
    assert problem["code"] == "invalid"
    assert problem["message"].startswith("Certains champs manquent")
    assert "emergency" in problem["message"] and "lat" in problem["message"]
    assert {tuple(e["loc"])[-1] for e in problem["detail"]} == {"emergency", "lat"}
    assert not Alert.objects.exists()


def test_not_found_unreadable_body_and_signed_out_have_the_same_shape(
    live,  # noqa: F811
    client,
):
    assert client.get("/api/me/channels").json()["code"] == "unauthorized"
    live.author.language = "de"
    live.author.save(update_fields=["language"])
    client.force_login(live.author)
    missing = client.get("/api/alerts/987654")
    assert (missing.status_code, missing.json()["code"]) == (404, "not_found")
    assert missing.json()["message"] == "Das gibt es nicht oder es gehört nicht Ihnen."
    garbage = client.put("/api/me/channels", "{not json", content_type="application/json")
    assert (garbage.status_code, garbage.json()["code"]) == (400, "bad_request")


def test_a_body_that_is_not_an_object_does_not_remove_a_case_reference(
    live,  # noqa: F811
    client,
):
    client.force_login(live.author)
    alert_id = client.post(
        f"/api/groups/{live.group.pk}/alerts", alert_payload(), content_type="application/json"
    ).json()["id"]
    client.force_login(live.police)
    url = f"/api/police/alerts/{alert_id}/case-reference"
    assert (
        client.put(url, {"reference": "PV 1"}, content_type="application/json").status_code == 200
    )
    assert client.put(url, "42", content_type="application/json").status_code == 422
    assert Alert.objects.get(pk=alert_id).case_reference == "PV 1"


def test_every_signed_in_route_declares_the_standard_errors():
    """A route added without them would answer statuses its schema does not mention."""
    schema = api.get_openapi_schema()
    for path, operations in schema["paths"].items():
        for method, operation in operations.items():
            if operation.get("security"):
                declared = set(operation["responses"])
                assert {"400", "401", "404", "422"} <= {str(c) for c in declared}, (method, path)
