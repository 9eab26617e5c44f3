"""Members who left every group are erased once the grace period is over, and only they."""

from datetime import timedelta

import pytest
from django.utils import timezone

from buurtwacht.organisation.models import Membership, StaffRole, User
from buurtwacht.privacy import retention
from buurtwacht.privacy.models import AuditEntry, MembershipEnd


def leave(user, group=None):
    membership = Membership.objects.get(user=user, **({"group": group} if group else {}))
    membership.status = Membership.Status.REMOVED
    membership.save()
    return membership


def results(now, dry_run=False):
    return {r.name: r.count for r in retention.purge(now=now, dry_run=dry_run)}


def test_leaving_starts_the_grace_period_and_rejoining_stops_it(live):
    membership = leave(live.anna)
    ended = MembershipEnd.objects.get(membership=membership).ended_at
    assert abs((timezone.now() - ended).total_seconds()) < 60
    membership.status = Membership.Status.ACTIVE
    membership.save()
    assert not MembershipEnd.objects.filter(membership=membership).exists()


def test_leaver_is_erased_after_the_grace_period(live, settings):
    settings.PRIVACY_LEAVER_GRACE_DAYS = 10
    leave(live.anna)
    now = timezone.now()
    assert results(now + timedelta(days=10, seconds=-1))["leavers"] == 0
    assert results(now + timedelta(days=10, seconds=60), dry_run=True)["leavers"] == 1
    assert User.objects.get(pk=live.anna.pk).phone == "+32470111111"  # dry run changed nothing
    assert results(now + timedelta(days=10, seconds=60))["leavers"] == 1
    anna = User.objects.get(pk=live.anna.pk)
    assert anna.phone == "" and anna.first_name == "" and not anna.is_active
    row = AuditEntry.objects.get(action="erase_account")
    assert row.actor is None and row.zone == live.zone and "grace" in row.reason
    assert results(now + timedelta(days=20))["leavers"] == 0  # idempotent
    assert User.objects.get(pk=live.bert.pk).phone == "+32470222222"


@pytest.mark.parametrize("still", ["member_elsewhere", "staff", "left_recently_elsewhere"])
def test_who_is_not_a_leaver(live, settings, still):
    settings.PRIVACY_LEAVER_GRACE_DAYS = 10
    anna = live.anna
    if still in ("member_elsewhere", "left_recently_elsewhere"):
        Membership.objects.create(group=live.other_group, user=anna, status="active")
    if still == "staff":
        StaffRole.objects.create(user=anna, kind=StaffRole.Kind.POLICE_CONTACT, zone=live.zone)
    leave(anna, live.group)
    later = timezone.now() + timedelta(days=11)
    if still == "left_recently_elsewhere":
        leave(anna, live.other_group)
        MembershipEnd.objects.filter(membership__group=live.other_group).update(
            ended_at=later - timedelta(days=1)
        )
    assert results(later)["leavers"] == 0
    assert User.objects.get(pk=anna.pk).phone == "+32470111111"
