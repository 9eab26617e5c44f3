"""What coordinators see: counts per channel and status, per-recipient states without contact
data."""

import json

from django.db import connection
from django.test.utils import CaptureQueriesContext

from buurtwacht.delivery.models import Delivery, OutboundMessage
from buurtwacht.delivery.outbox import publish
from buurtwacht.delivery.sending import send_pending
from buurtwacht.delivery.status import delivery_summary, recipient_states

from .conftest import payload


def test_summary_and_recipient_states(smtp, live_group, add_members):
    users = add_members(live_group, 3)
    msg = OutboundMessage.objects.create(group=live_group, kind="test", payload=payload())
    publish(msg)
    Delivery.objects.filter(recipient=users[2], channel="email").update(status="dead")
    send_pending()
    assert delivery_summary(msg) == {"web": {"pending": 4}, "email": {"sent": 2, "dead": 1}}
    with CaptureQueriesContext(connection) as ctx:
        states = recipient_states(msg)
    assert len(ctx.captured_queries) == 1
    assert len(states) == 7
    m2 = [s for s in states if s["username"] == "m2"]
    assert {(s["channel"], s["status"]) for s in m2} == {("web", "pending"), ("email", "dead")}
    assert m2[0]["display_name"] == "Member 2"
    text = json.dumps(states, default=str) + ctx.captured_queries[0]["sql"]
    assert "example.org" not in text and "contact_email" not in text and "phone" not in text
