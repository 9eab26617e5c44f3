"""The charter page, its PDF and the coordinator's acceptance list, through the test client."""

import pytest
from django.test import Client

from buurtwacht.organisation import acceptance
from buurtwacht.organisation.models import Membership, ProtocolAcceptance, StaffRole
from buurtwacht.protocols import load_protocol

CURRENT = str(load_protocol("be-type").version)

# One phrase of be-type's charter body in each language.
PHRASES = {
    "nl": "Observeren, niet ingrijpen.",
    "fr": "Observer, ne pas intervenir.",
    "de": "Beobachten, nicht eingreifen.",
    "en": "Observe, do not intervene.",
}


@pytest.fixture
def site(world, make_user):
    """The group on the current be-type; one resident has not accepted it yet."""
    world.group.protocol_version = CURRENT
    world.group.save()
    Membership.objects.filter(user=world.coordinator).update(accepted_protocol_version=CURRENT)
    world.resident = make_user("resident")
    world.resident.first_name, world.resident.last_name = "Anna", "Peeters"
    world.resident.language = "en"
    world.resident.save()
    world.membership = Membership.objects.create(
        group=world.group, user=world.resident, status=Membership.Status.ACTIVE
    )
    return world


def client_for(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def charter_url(group, lang=None):
    url = f"/groups/{group.pk}/charter/"
    return f"{url}?lang={lang}" if lang else url


@pytest.mark.parametrize("lang", ["nl", "fr", "de", "en"])
def test_charter_page_renders_in_each_language(site, lang):
    response = client_for(site.resident).get(charter_url(site.group, lang))
    assert response.status_code == 200
    body = response.content.decode()
    assert PHRASES[lang] in body
    assert f'lang="{lang}"' in body
    for filled_in in ("BIN Centrum", "Hasselt", "PZ Hazodi"):
        assert filled_in in body


def test_charter_page_defaults_to_the_users_language(site):
    site.resident.language = "de"
    site.resident.save()
    body = client_for(site.resident).get(charter_url(site.group)).content.decode()
    assert PHRASES["de"] in body


def test_charter_page_offers_acceptance_to_a_member_who_has_not_accepted(site):
    body = client_for(site.resident).get(charter_url(site.group, "en")).content.decode()
    assert f"I accept version {CURRENT}" in body
    assert "csrfmiddlewaretoken" in body
    coordinator_body = client_for(site.coordinator).get(charter_url(site.group, "en"))
    assert "I accept version" not in coordinator_body.content.decode()


def test_accept_post_records_the_language_shown(site):
    client = Client(enforce_csrf_checks=True)
    client.force_login(site.resident)
    page = client.get(charter_url(site.group, "fr"))
    token = page.context["csrf_token"]
    response = client.post(
        charter_url(site.group),
        {"version": CURRENT, "lang": "fr", "protocol_id": "be-type", "csrfmiddlewaretoken": token},
    )
    assert response.status_code == 302
    record = ProtocolAcceptance.objects.get()
    assert (record.membership_id, record.version, record.lang) == (
        site.membership.pk,
        CURRENT,
        "fr",
    )
    site.membership.refresh_from_db()
    assert acceptance.posting_refusal(site.membership) is None
    after = client.get(response["Location"])
    assert after.context["lang"] == "fr"
    assert 'name="version"' not in after.content.decode()


def test_accept_post_of_an_old_version_is_refused(site):
    response = client_for(site.resident).post(
        charter_url(site.group), {"version": "2020.1", "lang": "en", "protocol_id": "be-type"}
    )
    assert response.status_code == 409
    assert "now runs under" in response.content.decode()
    assert not ProtocolAcceptance.objects.exists()


def test_accept_post_without_csrf_token_is_rejected(site):
    client = Client(enforce_csrf_checks=True)
    client.force_login(site.resident)
    response = client.post(charter_url(site.group), {"version": CURRENT, "lang": "en"})
    assert response.status_code == 403
    assert not ProtocolAcceptance.objects.exists()


def test_charter_pdf_is_a_pdf(site):
    response = client_for(site.resident).get(f"/groups/{site.group.pk}/charter.pdf?lang=nl")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")


def test_charter_requires_login(site):
    response = Client().get(charter_url(site.group))
    assert response.status_code == 302 and response["Location"].startswith("/login/")


def test_outsiders_cannot_read_the_charter_but_group_staff_can(site, make_user):
    assert client_for(make_user("stranger")).get(charter_url(site.group)).status_code == 403
    other_police = site.other_police
    assert client_for(other_police).get(charter_url(site.group)).status_code == 403
    for staff in (site.police, site.zone_admin, site.prevention):
        assert client_for(staff).get(charter_url(site.group)).status_code == 200
    national = make_user("fod", role=StaffRole.Kind.NATIONAL_ADMIN)
    assert client_for(national).get(charter_url(site.group)).status_code == 200


def test_coordinator_sees_names_of_members_who_have_not_accepted(site):
    site.resident.set_phone("+32470123456")
    site.resident.save()
    response = client_for(site.coordinator).get(f"/groups/{site.group.pk}/acceptance/")
    assert response.status_code == 200
    body = response.content.decode()
    assert "Anna Peeters" in body
    assert "+32470123456" not in body and "470" not in body


def test_acceptance_page_is_for_coordinators_of_that_group_only(site, make_user):
    url = f"/groups/{site.group.pk}/acceptance/"
    for user in (site.resident, site.police, site.zone_admin, make_user("stranger")):
        assert client_for(user).get(url).status_code == 403
    other_url = f"/groups/{site.other_group.pk}/acceptance/"
    assert client_for(site.coordinator).get(other_url).status_code == 403


def test_page_chrome_follows_the_charter_language(site):
    response = client_for(site.resident).get(charter_url(site.group, "nl"))
    body = response.content.decode()
    assert f"Ik aanvaard versie {CURRENT}" in body
    assert '<html lang="nl">' in body and response["Content-Language"] == "nl"


def test_member_who_accepted_sees_when(site):
    acceptance.accept(site.membership, version=CURRENT, lang="en")
    body = client_for(site.resident).get(charter_url(site.group, "en")).content.decode()
    assert f"You accepted version {CURRENT} on" in body
    assert 'name="version"' not in body
