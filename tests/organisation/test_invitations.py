"""Invitations: a coordinator's link, the join flow with the admission checks, then the charter."""

from datetime import date, timedelta

import pytest
from django.utils import timezone

from buurtwacht.organisation import actions, invitations
from buurtwacht.organisation.models import Invitation, Membership, User
from tests.conftest import HASSELT, LANAKEN


@pytest.fixture
def client(client):
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"
    client.cookies["django_language"] = "en"  # wins over the profile language (nl)
    return client


@pytest.fixture
def pinned(world):
    actions.pin_protocol(world.group, protocol_id="be-type")
    return world


def join_data(**overrides):
    data = {
        "first_name": "An", "last_name": "Peeters", "email": "An.Peeters@Example.be",
        "birth_date": "1980-05-04", "address": "Kerkstraat 1",
        "lat": str(HASSELT[1]), "lon": str(HASSELT[0]),
    }  # fmt: skip
    data.update(overrides)
    return data


def test_only_a_coordinator_creates_and_revokes(pinned, make_user):
    invitation = invitations.create(pinned.group, by=pinned.coordinator, note="Kerkstraat")
    assert invitation.state == "open" and len(invitation.token) >= 30
    assert invitation.expires > timezone.now() + timedelta(days=13)
    for outsider in (make_user(), pinned.police, pinned.zone_admin):
        with pytest.raises(actions.NotAllowed):
            invitations.create(pinned.group, by=outsider)
        with pytest.raises(actions.NotAllowed):
            invitations.revoke(invitation, by=outsider)
    invitations.revoke(invitation, by=pinned.coordinator)
    assert invitation.state == "revoked"


def test_coordinator_page_lists_and_revokes(client, pinned, make_user):
    client.force_login(pinned.coordinator)
    url = f"/groups/{pinned.group.pk}/invitations/"
    assert client.post(url, {"action": "create", "note": "Molenstraat"}).status_code == 302
    invitation = Invitation.objects.get(group=pinned.group)
    page = client.get(url).content.decode()
    assert f"/join/{invitation.token}/" in page and "Molenstraat" in page
    client.post(url, {"action": "revoke", "id": invitation.pk})
    invitation.refresh_from_db()
    assert invitation.state == "revoked"
    client.force_login(make_user())
    assert client.get(url).status_code == 403


def test_new_resident_joins_and_accepts_the_charter_in_one_flow(client, pinned):
    invitation = invitations.create(pinned.group, by=pinned.coordinator)
    url = f"/join/{invitation.token}/"
    page = client.get(url)
    assert page.status_code == 200 and "Join BIN Centrum" in page.content.decode()
    response = client.post(url, join_data())
    assert response.status_code == 302
    assert response["Location"].startswith(f"/groups/{pinned.group.pk}/charter/")
    user = User.objects.get(first_name="An")
    assert user.contact_email == "an.peeters@example.be" and not user.has_usable_password()
    membership = Membership.objects.get(user=user, group=pinned.group)
    assert membership.status == "active" and membership.admitted_by == pinned.coordinator
    assert membership.accepted_protocol_version == ""
    invitation.refresh_from_db()
    assert invitation.used_by == user and invitation.state == "used"
    # the session is the new member's: the charter is offered and accepting it is recorded
    charter = client.get(response["Location"]).content.decode()
    assert "I accept version" in charter
    version = pinned.group.protocol_version
    client.post(
        f"/groups/{pinned.group.pk}/charter/",
        {"protocol_id": "be-type", "version": version, "lang": "en"},
    )
    membership.refresh_from_db()
    assert membership.accepted_protocol_version == version
    # the link works once
    assert client.get(url).status_code == 410


@pytest.mark.parametrize(
    "overrides, message",
    [
        ({"lat": str(LANAKEN[1]), "lon": str(LANAKEN[0])}, "outside Centrum"),
        ({"birth_date": (date.today() - timedelta(days=17 * 365)).isoformat()}, "18 or older"),
    ],
)
def test_refused_join_changes_nothing(client, pinned, overrides, message):
    invitation = invitations.create(pinned.group, by=pinned.coordinator)
    users_before = User.objects.count()
    response = client.post(f"/join/{invitation.token}/", join_data(**overrides))
    assert response.status_code == 422 and message in response.content.decode()
    assert User.objects.count() == users_before
    invitation.refresh_from_db()
    assert invitation.state == "open" and "_auth_user_id" not in client.session


def test_bad_input_is_refused_with_the_field_named(client, pinned):
    invitation = invitations.create(pinned.group, by=pinned.coordinator)
    response = client.post(f"/join/{invitation.token}/", join_data(lat="north", first_name=""))
    page = response.content.decode()
    assert response.status_code == 422 and "Enter a number." in page
    assert "This field is required." in page
    assert not Membership.objects.filter(group=pinned.group, role="member").exists()


def test_signed_in_person_joins_without_retyping_their_name(client, pinned, make_user):
    resident = make_user("jan", birth_date=date(1970, 1, 1))
    invitation = invitations.create(pinned.group, by=pinned.coordinator)
    client.force_login(resident)
    page = client.get(f"/join/{invitation.token}/").content.decode()
    assert 'name="first_name"' not in page and 'name="birth_date"' not in page
    client.post(f"/join/{invitation.token}/", {"lat": HASSELT[1], "lon": HASSELT[0]})
    assert Membership.objects.get(user=resident, group=pinned.group).status == "active"


@pytest.mark.parametrize("state", ["used", "revoked", "expired", "unknown"])
def test_dead_links_say_so(client, pinned, make_user, state):
    invitation = invitations.create(pinned.group, by=pinned.coordinator)
    token = invitation.token
    if state == "used":
        invitation.used_at, invitation.used_by = timezone.now(), make_user()
    elif state == "revoked":
        invitation.revoked_at = timezone.now()
    elif state == "expired":
        invitation.expires = timezone.now() - timedelta(seconds=1)
    else:
        token = "no-such-token"
    invitation.save()
    response = client.get(f"/join/{token}/")
    assert response.status_code == 410
    assert (
        "already used" if state == "used" else state if state != "unknown" else "not valid"
    ) in (response.content.decode().replace("withdrawn", "revoked"))
    assert client.post(f"/join/{token}/", join_data()).status_code == 410


def test_link_of_a_former_coordinator_no_longer_admits(client, pinned):
    invitation = invitations.create(pinned.group, by=pinned.coordinator)
    Membership.objects.filter(user=pinned.coordinator).update(role="member")
    response = client.post(f"/join/{invitation.token}/", join_data())
    assert response.status_code == 422 and "no longer runs the group" in response.content.decode()
