"""Admission: 18+, address inside the neighbourhood, admitted by a coordinator (issue 2)."""

from datetime import date

import pytest

from buurtwacht.organisation import actions
from buurtwacht.organisation.models import Membership
from tests.conftest import HASSELT, LANAKEN

TODAY = date(2026, 11, 29)


def test_adult_inside_the_polygon_is_admitted(world, make_user):
    resident = make_user(birth_date=date(1990, 1, 1))
    m = actions.admit_member(
        world.group, resident, by=world.coordinator, lon=HASSELT[0], lat=HASSELT[1], today=TODAY
    )
    assert m.status == Membership.Status.ACTIVE and m.admitted_by == world.coordinator
    assert m.location_checked_at is not None


def test_refused_outside_the_polygon(world, make_user):
    resident = make_user(birth_date=date(1990, 1, 1))
    with pytest.raises(actions.AdmissionRefused, match="outside Centrum"):
        actions.admit_member(
            world.group, resident, by=world.coordinator, lon=LANAKEN[0], lat=LANAKEN[1], today=TODAY
        )
    assert not Membership.objects.filter(user=resident).exists()


def test_refused_under_18_even_one_day_short(world, make_user):
    resident = make_user(birth_date=date(2008, 11, 30))
    with pytest.raises(actions.AdmissionRefused, match="18 or older; this person is 17"):
        actions.admit_member(
            world.group, resident, by=world.coordinator, lon=HASSELT[0], lat=HASSELT[1], today=TODAY
        )
    assert not Membership.objects.filter(user=resident).exists()


def test_eighteenth_birthday_is_old_enough(world, make_user):
    resident = make_user(birth_date=date(2008, 11, 29))
    actions.admit_member(
        world.group, resident, by=world.coordinator, lon=HASSELT[0], lat=HASSELT[1], today=TODAY
    )


def test_refused_without_birth_date(world, make_user):
    resident = make_user(birth_date=None)
    with pytest.raises(actions.AdmissionRefused, match="date of birth"):
        actions.admit_member(
            world.group, resident, by=world.coordinator, lon=HASSELT[0], lat=HASSELT[1], today=TODAY
        )


def test_only_a_coordinator_admits(world, make_user):
    resident = make_user()
    with pytest.raises(actions.NotAllowed):
        actions.admit_member(
            world.group, resident, by=world.police, lon=HASSELT[0], lat=HASSELT[1], today=TODAY
        )


def test_refusal_is_translated(world, make_user):
    from django.utils import translation

    resident = make_user(birth_date=date(2010, 1, 1))
    with translation.override("nl"), pytest.raises(actions.AdmissionRefused) as refused:
        actions.admit_member(
            world.group, resident, by=world.coordinator, lon=HASSELT[0], lat=HASSELT[1], today=TODAY
        )
    assert "18 jaar" in str(refused.value)


def test_admission_sets_default_channels(world, make_user):
    from buurtwacht.delivery.models import ChannelPreference

    resident = make_user(birth_date=date(1990, 1, 1))
    resident.set_contact_email("an@example.be")
    resident.save()
    actions.admit_member(
        world.group, resident, by=world.coordinator, lon=HASSELT[0], lat=HASSELT[1], today=TODAY
    )
    channels = set(
        ChannelPreference.objects.filter(user=resident, enabled=True).values_list(
            "channel", flat=True
        )
    )
    assert channels == {"web", "email"}
