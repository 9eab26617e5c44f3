"""A live group with members, built through the real flows (SAAR submit, publish, strikes)."""

from datetime import timedelta

import pytest
from django.utils import timezone

from buurtwacht.organisation import actions
from buurtwacht.organisation.models import Membership


def go_live(world, group=None):
    group = group or world.group
    group.police_contact = world.police
    group.save()
    actions.approve_group(group, by=world.prevention)
    actions.pin_protocol(group, protocol_id="be-type")
    Membership.objects.filter(group=group).update(accepted_protocol_version=group.protocol_version)
    actions.go_live(group, by=world.zone_admin)
    return group


@pytest.fixture
def live(world, make_user):
    go_live(world)
    world.members = []
    for n, (phone, email) in enumerate(
        [("+32470111111", "anna@example.be"), ("+32470222222", "bert@example.be")]
    ):
        user = make_user(f"resident{n}")
        user.first_name, user.last_name = ("Annelies", "Vermeulen") if n == 0 else ("Bert", "Claes")
        user.set_phone(phone)
        user.set_contact_email(email)
        user.save()
        Membership.objects.create(
            group=world.group,
            user=user,
            status=Membership.Status.ACTIVE,
            accepted_protocol_version=world.group.protocol_version,
        )
        world.members.append(user)
    world.anna, world.bert = world.members
    return world


@pytest.fixture
def submit():
    """Post an alert through the real SAAR flow; returns the stored Alert."""
    from buurtwacht.alerts import flow

    def post(
        group,
        user,
        *,
        what,
        where="Kerkstraat",
        description="Donkere jas, ongeveer 30 jaar",
        **extra,
    ):
        now = timezone.now()
        draft = flow.AlertDraft(
            category=extra.pop("category", "suspicious_person"),
            what=what,
            where=where,
            when=now - timedelta(minutes=5),
            description=description,
            direction=extra.pop("direction", "richting station"),
            called_number="101",
            called_at=now - timedelta(minutes=3),
            force_new=True,
            **extra,
        )
        return flow.submit_alert(group=group, author=user, draft=draft)

    return post


@pytest.fixture
def audit_log_emptied(transactional_db):
    """Use with transactional_db when the test writes audit rows (see privacy/testing.py)."""
    yield
    from django.db import connection

    from buurtwacht.privacy.testing import empty_audit_log

    empty_audit_log(connection)
