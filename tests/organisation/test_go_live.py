"""A group goes live only when it is structurally embedded (issue 2)."""

import pytest

from buurtwacht.organisation import actions
from buurtwacht.organisation.models import Group, Membership


def complete(world):
    g = world.group
    g.police_contact = world.police
    g.save()
    actions.approve_group(g, by=world.prevention)
    actions.pin_protocol(g, protocol_id="be-type")
    return g


def test_complete_group_goes_live(world):
    group = actions.go_live(complete(world), by=world.zone_admin)
    group.refresh_from_db()
    assert group.status == Group.Status.LIVE and group.may_send


def test_refused_without_coordinator(world):
    group = complete(world)
    Membership.objects.filter(group=group).delete()
    with pytest.raises(actions.GoLiveRefused) as refused:
        actions.go_live(group, by=world.zone_admin)
    assert refused.value.missing == ["at least one coordinator"]
    group.refresh_from_db()
    assert group.status == Group.Status.DRAFT


@pytest.mark.parametrize("contact", [None, "other_police", "coordinator"])
def test_refused_without_police_contact_of_its_zone(world, contact):
    group = complete(world)
    group.police_contact = getattr(world, contact) if contact else None
    group.save()
    with pytest.raises(actions.GoLiveRefused) as refused:
        actions.go_live(group, by=world.zone_admin)
    assert refused.value.missing == ["a police contact of zone PZ Hazodi"]


def test_refused_without_municipal_approval(world):
    group = complete(world)
    group.approved_at = group.approved_by = None
    group.save()
    with pytest.raises(actions.GoLiveRefused) as refused:
        actions.go_live(group, by=world.zone_admin)
    assert refused.value.missing == ["approval by a prevention officer of Hasselt"]


def test_refused_without_protocol_version(world):
    group = complete(world)
    group.protocol_version = ""
    group.save()
    with pytest.raises(actions.GoLiveRefused) as refused:
        actions.go_live(group, by=world.zone_admin)
    assert refused.value.missing == ["a protocol version"]


def test_message_lists_every_missing_part(world):
    world.group.memberships.all().delete()
    with pytest.raises(actions.GoLiveRefused) as refused:
        actions.go_live(world.group, by=world.zone_admin)
    assert len(refused.value.missing) == 4
    assert "at least one coordinator" in str(refused.value)
    assert "a protocol version" in str(refused.value)


def test_only_a_prevention_officer_of_the_municipality_approves(world, make_user):
    with pytest.raises(actions.NotAllowed):
        actions.approve_group(world.group, by=world.police)
    world.group.refresh_from_db()
    assert world.group.approved_at is None


def test_staff_of_another_zone_cannot_make_it_live(world, make_user):
    from buurtwacht.organisation.models import StaffRole

    stranger = make_user(role=StaffRole.Kind.ZONE_ADMIN, zone=world.other_zone)
    with pytest.raises(actions.NotAllowed):
        actions.go_live(complete(world), by=stranger)


def test_suspension_stops_sending(world):
    group = actions.go_live(complete(world), by=world.zone_admin)
    actions.suspend_group(group, by=world.zone_admin)
    group.refresh_from_db()
    assert group.status == Group.Status.SUSPENDED and not group.may_send
