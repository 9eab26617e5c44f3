"""A live group with a coordinator, members and a police contact, under be-type."""

from datetime import timedelta

import pytest
from django.utils import timezone

from buurtwacht.organisation import actions
from buurtwacht.organisation.models import Membership


@pytest.fixture
def live(world, make_user):
    group = world.group
    group.police_contact = world.police
    group.save()
    actions.approve_group(group, by=world.prevention)
    actions.pin_protocol(group, protocol_id="be-type")
    Membership.objects.filter(group=group).update(accepted_protocol_version=group.protocol_version)
    actions.go_live(group, by=world.zone_admin)
    world.members = []
    for n in range(3):
        user = make_user(f"resident{n}")
        Membership.objects.create(
            group=group,
            user=user,
            status=Membership.Status.ACTIVE,
            accepted_protocol_version=group.protocol_version,
        )
        world.members.append(user)
    world.author = world.members[0]
    return world


def alert_payload(**overrides):
    now = timezone.now()
    payload = {
        "category": "suspicious_person",
        "what": "Twee mannen lopen van deur tot deur en voelen aan de klinken van voordeuren.",
        "where": "Kerkstraat",
        "when": (now - timedelta(minutes=5)).isoformat(),
        "description": "Donkere jassen, ongeveer 30 jaar, een met een rode rugzak.",
        "direction": "richting station",
        "emergency": False,
        "called_number": "101",
        "called_at": (now - timedelta(minutes=3)).isoformat(),
    }
    payload.update(overrides)
    return payload


@pytest.fixture
def post_alert(client):
    def post(group, user, **overrides):
        client.force_login(user)
        return client.post(
            f"/api/groups/{group.pk}/alerts",
            alert_payload(**overrides),
            content_type="application/json",
        )

    return post
