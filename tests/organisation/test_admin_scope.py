"""The back office is scoped by role: a zone admin never sees another zone (issue 2)."""

import pytest
from django.urls import reverse

from buurtwacht.organisation.models import Group, Neighbourhood


@pytest.fixture
def zone_admin_client(client, world):
    world.zone_admin.is_staff = True
    world.zone_admin.save()
    client.force_login(world.zone_admin)
    return client


def test_changelist_shows_only_own_zone(zone_admin_client, world):
    page = zone_admin_client.get(reverse("admin:organisation_group_changelist"))
    assert page.status_code == 200
    assert b"BIN Centrum" in page.content
    assert b"BIN Neerharen" not in page.content


def test_other_zone_object_cannot_be_opened(zone_admin_client, world):
    url = reverse("admin:organisation_group_change", args=[world.other_group.pk])
    response = zone_admin_client.get(url)
    assert response.status_code == 302 and response.url == reverse("admin:index")
    assert b"BIN Neerharen" not in zone_admin_client.get(response.url).content


def test_other_zone_object_cannot_be_changed(zone_admin_client, world):
    url = reverse("admin:organisation_neighbourhood_change", args=[world.other_hood.pk])
    zone_admin_client.post(
        url,
        {
            "name": "Hijacked",
            "municipality": world.lanaken.pk,
            "boundary": '{"type": "Polygon", "coordinates": []}',
        },
    )
    world.other_hood.refresh_from_db()
    assert world.other_hood.name == "Neerharen"


def test_own_zone_object_can_be_changed(zone_admin_client, world):
    url = reverse("admin:organisation_group_change", args=[world.group.pk])
    response = zone_admin_client.post(
        url,
        {
            "name": "BIN Centrum-Noord",
            "neighbourhood": world.hood.pk,
            "protocol_id": "be-type",
            "protocol_version": "1",
            "memberships-TOTAL_FORMS": "0",
            "memberships-INITIAL_FORMS": "0",
        },
    )
    assert response.status_code == 302, response.content[:2000]
    world.group.refresh_from_db()
    assert world.group.name == "BIN Centrum-Noord"


def test_foreign_key_choices_are_scoped(zone_admin_client, world):
    page = zone_admin_client.get(reverse("admin:organisation_group_add"))
    offered = page.context["adminform"].form.fields["neighbourhood"].queryset
    assert list(offered) == [world.hood]


def test_cannot_move_a_group_into_another_zone(zone_admin_client, world):
    url = reverse("admin:organisation_group_change", args=[world.group.pk])
    zone_admin_client.post(
        url,
        {
            "name": "Moved",
            "neighbourhood": world.other_hood.pk,
            "protocol_id": "be-type",
            "protocol_version": "1",
        },
    )
    world.group.refresh_from_db()
    assert world.group.neighbourhood == world.hood and world.group.name == "BIN Centrum"


def test_resident_without_role_gets_no_admin(client, world):
    world.coordinator.is_staff = True
    world.coordinator.save()
    client.force_login(world.coordinator)
    page = client.get(reverse("admin:organisation_group_changelist"))
    assert page.status_code == 403
    assert Group.objects.count() == 2 and Neighbourhood.objects.count() == 2
