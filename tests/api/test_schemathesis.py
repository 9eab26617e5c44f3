"""Schemathesis against the served /api/openapi.json, signed in (issue 12, reliability).

A real server (uvicorn on a thread, the test database) answers every case schemathesis
generates from the published schema, positive and negative, for a member of a live group (with
a coordinator and a police contact) and for that group's police contact. Every answer must be
below 500 and match what the schema declares (status code, content type, body schema); bad
input must be refused with a 4xx and change nothing. Path ids are half the time real ones (the
group, its alert, the police message...), so the fuzzing reaches past the 404s.

Bounded: a few examples per operation and mode, derandomized (the same cases every run).
"""

import secrets
from collections import Counter, defaultdict

import hypothesis
import pytest
import requests
import schemathesis
from django.conf import settings
from hypothesis import strategies as st
from schemathesis import GenerationMode
from schemathesis.checks import (
    content_type_conformance,
    negative_data_rejection,
    not_a_server_error,
    response_schema_conformance,
    status_code_conformance,
)
from schemathesis.core.failures import FailureGroup

from buurtwacht.alerts.models import Alert, FollowUp
from buurtwacht.delivery.live.models import LiveEvent
from buurtwacht.delivery.models import OutboundMessage
from buurtwacht.police.models import Acknowledgement, Broadcast, PoliceReply
from tests.alerts.conftest import alert_payload, live  # noqa: F401 - fixture
from tests.live.conftest import cookie_for, thread_server  # noqa: F401 - fixtures
from tests.privacy.conftest import audit_log_emptied  # noqa: F401 - fixture

EXAMPLES = {GenerationMode.POSITIVE: 12, GenerationMode.NEGATIVE: 8}
CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
    negative_data_rejection,
]
# What a refused request must leave untouched (bad input changes nothing).
STATE = (Alert, FollowUp, OutboundMessage, LiveEvent, Acknowledgement, Broadcast, PoliceReply)


@pytest.fixture
def known_ids(live, client):  # noqa: F811
    """Real objects for the path parameters: an alert, a held follow-up, a police message with
    a reply, a broadcast."""
    client.force_login(live.author)
    posted = client.post(
        f"/api/groups/{live.group.pk}/alerts", alert_payload(), content_type="application/json"
    ).json()
    alert = Alert.objects.get(pk=posted["id"])
    client.force_login(live.police)
    message = client.post(
        f"/api/police/groups/{live.group.pk}/messages",
        {"title": "Oproep", "text": "Wie zag een witte bestelwagen?"},
        content_type="application/json",
    ).json()
    broadcast = client.post(
        "/api/police/broadcasts",
        {
            "kind": "warning",
            "title": "Let op",
            "text": "Valse technici.",
            "target": "zone",
            "zone": live.zone.pk,
        },  # fmt: skip
        content_type="application/json",
    ).json()
    client.force_login(live.members[1])
    reply = client.post(
        f"/api/police/messages/{message['message_id']}/replies",
        {"text": "Ik zag hem om 10 uur."},
        content_type="application/json",
    ).json()
    return {
        "group_id": live.group.pk,
        "alert_id": alert.pk,
        "item_id": alert.pk,
        "kind": "alerts",
        "zone_id": live.zone.pk,
        "message_id": message["message_id"],
        "broadcast_id": broadcast["id"],
        "reply_id": reply["id"],
    }


def snapshot() -> dict:
    return {model.__name__: model.objects.count() for model in STATE}


def strategy(operation, mode, known: dict, cookies: dict):
    """Generated path ids, or the real ones (the rest of the case generated either way). The
    session cookie is fixed: generated, it would only ever test the 401."""
    names = {p.name for p in operation.path_parameters}
    real = {name: known[name] for name in names if name in known}
    generated = operation.as_strategy(mode, cookies=cookies)
    if not real:
        return generated
    return st.one_of(operation.as_strategy(mode, cookies=cookies, path_parameters=real), generated)


@pytest.mark.slow
@pytest.mark.parametrize("role", ["member", "police"])
def test_api_answers_every_generated_request_as_declared(
    role,
    live,  # noqa: F811
    known_ids,
    thread_server,  # noqa: F811
    cookie_for,  # noqa: F811
    audit_log_emptied,  # noqa: F811 - police reads are audited
):
    user = live.author if role == "member" else live.police
    token = secrets.token_hex(16)  # a valid CSRF secret: same value in cookie and header
    cookies = {**cookie_for(user), settings.CSRF_COOKIE_NAME: token}
    session = requests.Session()
    session.headers["X-CSRFToken"] = token
    schema = schemathesis.openapi.from_url(f"{thread_server}/api/openapi.json")
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) >= 20, "the whole API is under test"
    failures = []
    statuses = defaultdict(Counter)
    for operation in operations:
        for mode, examples in EXAMPLES.items():
            cases = strategy(operation, mode, known_ids, cookies)
            failure = run_operation(
                operation, mode, examples, cases, thread_server, session, statuses
            )
            if failure:
                failures.append(failure)
    print(role, {label: dict(counts) for label, counts in statuses.items()})
    assert not failures, "\n\n".join(failures)


def run_operation(operation, mode, examples, cases, base_url, session, statuses) -> str | None:
    """Up to `examples` cases of one operation; the first failure as text, or None."""
    seen: list[str] = []

    @hypothesis.settings(
        max_examples=examples,
        derandomize=True,
        deadline=None,
        database=None,
        phases=[hypothesis.Phase.explicit, hypothesis.Phase.generate],
        suppress_health_check=list(hypothesis.HealthCheck),
    )
    @hypothesis.given(case=cases)
    def run(case):
        before = snapshot() if mode is GenerationMode.NEGATIVE else None
        response = case.call(base_url=base_url, session=session, timeout=10)
        statuses[operation.label][response.status_code] += 1
        try:
            case.validate_response(response, checks=CHECKS)
        except FailureGroup as exc:  # collected, reported together at the end
            seen.append(f"{operation.label} [{mode.value}]: {exc}")
            return
        if before is not None and response.status_code >= 400 and snapshot() != before:
            seen.append(f"{operation.label} [{mode.value}]: refused but changed {snapshot()}")

    try:
        run()
    except hypothesis.errors.Unsatisfiable:
        pass  # nothing to get wrong: e.g. no negative case for an operation without input
    return seen[0] if seen else None
