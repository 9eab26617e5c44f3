"""Members accept the protocol version in force, and again after a new version is published."""

import pytest
from django.utils import timezone, translation

from buurtwacht.organisation import acceptance
from buurtwacht.organisation.actions import NotAllowed
from buurtwacht.organisation.models import Membership, ProtocolAcceptance
from buurtwacht.protocols import load_protocol

CURRENT = str(load_protocol("be-type").version)
OLD = "2020.1"


@pytest.fixture
def pinned(world, make_user):
    """The group pinned to an older be-type version that every member accepted."""
    world.group.protocol_version = OLD
    world.group.save()
    world.resident = make_user("resident")
    world.membership = Membership.objects.create(
        group=world.group,
        user=world.resident,
        status=Membership.Status.ACTIVE,
        accepted_protocol_version=OLD,
    )
    Membership.objects.filter(group=world.group).update(accepted_protocol_version=OLD)
    return world


def _refresh(membership):
    return Membership.objects.select_related("group").get(pk=membership.pk)


def test_member_who_accepted_the_pinned_version_may_post(pinned):
    assert not acceptance.needs_acceptance(pinned.membership)
    assert acceptance.posting_refusal(pinned.membership) is None


def test_publishing_a_new_version_makes_members_accept_again(pinned):
    group = acceptance.publish_new_version(pinned.group, by=pinned.zone_admin)
    assert group.protocol_version == CURRENT
    membership = _refresh(pinned.membership)
    assert acceptance.needs_acceptance(membership)
    message = acceptance.posting_refusal(membership)
    assert f"/groups/{group.pk}/charter/" in message
    assert "cannot post" in message and CURRENT in message and "accept" in message


def test_posting_refusal_speaks_dutch(pinned):
    acceptance.publish_new_version(pinned.group, by=pinned.zone_admin)
    membership = _refresh(pinned.membership)
    with translation.override("nl"):
        message = acceptance.posting_refusal(membership)
    assert "U kunt nog niet posten" in message
    assert f"/groups/{pinned.group.pk}/charter/" in message


def test_never_accepted_member_is_told_to_accept(pinned, make_user):
    newcomer = Membership.objects.create(
        group=pinned.group, user=make_user(), status=Membership.Status.ACTIVE
    )
    message = acceptance.posting_refusal(newcomer)
    assert "have not accepted its protocol" in message


def test_accepting_clears_the_refusal_and_records_version_language_and_time(pinned):
    acceptance.publish_new_version(pinned.group, by=pinned.zone_admin)
    membership = _refresh(pinned.membership)
    before = timezone.now()
    record = acceptance.accept(membership, version=CURRENT, lang="fr")
    membership = _refresh(membership)
    assert membership.accepted_protocol_version == CURRENT
    assert acceptance.posting_refusal(membership) is None
    stored = ProtocolAcceptance.objects.get(pk=record.pk)
    assert (stored.membership, stored.protocol_id, stored.version, stored.lang) == (
        membership,
        "be-type",
        CURRENT,
        "fr",
    )
    assert before <= stored.accepted_at <= timezone.now()


def test_accepting_twice_keeps_the_first_record(pinned):
    acceptance.publish_new_version(pinned.group, by=pinned.zone_admin)
    membership = _refresh(pinned.membership)
    first = acceptance.accept(membership, version=CURRENT, lang="nl")
    again = acceptance.accept(membership, version=CURRENT, lang="en")
    assert again.pk == first.pk and again.lang == "nl"
    assert ProtocolAcceptance.objects.count() == 1


def test_accepting_an_old_version_is_refused(pinned):
    acceptance.publish_new_version(pinned.group, by=pinned.zone_admin)
    membership = _refresh(pinned.membership)
    with pytest.raises(acceptance.AcceptanceRefused) as refused:
        acceptance.accept(membership, version=OLD, lang="nl")
    assert CURRENT in str(refused.value) and "/charter/" in str(refused.value)
    assert _refresh(membership).accepted_protocol_version == OLD
    assert not ProtocolAcceptance.objects.exists()


def test_accepting_in_an_unknown_language_is_refused(pinned):
    acceptance.publish_new_version(pinned.group, by=pinned.zone_admin)
    with pytest.raises(acceptance.AcceptanceRefused):
        acceptance.accept(_refresh(pinned.membership), version=CURRENT, lang="xx")


def test_switching_protocol_asks_everyone_again_even_with_the_same_version(pinned):
    acceptance.publish_new_version(pinned.group, by=pinned.zone_admin)
    membership = _refresh(pinned.membership)
    acceptance.accept(membership, version=CURRENT, lang="nl")
    group = acceptance.publish_new_version(
        pinned.group, protocol_id="hasselt", by=pinned.zone_admin
    )
    assert group.protocol_id == "hasselt"
    assert acceptance.needs_acceptance(_refresh(membership))
    with pytest.raises(acceptance.AcceptanceRefused):
        acceptance.accept(
            _refresh(membership), version=group.protocol_version, lang="nl", protocol_id="be-type"
        )


def test_only_zone_admins_of_the_zone_or_superusers_publish(pinned, make_user):
    for outsider in (pinned.coordinator, pinned.prevention, pinned.police):
        with pytest.raises(NotAllowed):
            acceptance.publish_new_version(pinned.group, by=outsider)
    with pytest.raises(NotAllowed):
        acceptance.publish_new_version(pinned.other_group, by=pinned.zone_admin)
    boss = make_user("root")
    boss.is_superuser = True
    boss.save()
    assert acceptance.publish_new_version(pinned.group, by=boss).protocol_version == CURRENT


def test_coordinator_sees_who_has_not_accepted(pinned, make_user):
    acceptance.publish_new_version(pinned.group, by=pinned.zone_admin)
    acceptance.accept(_refresh(pinned.membership), version=CURRENT, lang="nl")
    Membership.objects.create(
        group=pinned.group,
        user=make_user("gone"),
        status=Membership.Status.REMOVED,
    )
    pending = acceptance.not_yet_accepted(pinned.group)
    assert [m.user.username for m in pending] == ["coord"]
