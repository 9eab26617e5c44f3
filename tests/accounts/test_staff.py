"""Staff: password, then TOTP (enrolment with QR and recovery codes), and staff pages that
refuse a session without a verified device."""

import re
import time

import pytest
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from buurtwacht.accounts.staff import STAFF_UNTIL_KEY

from .conftest import PASSWORD, english

SECRET_RE = re.compile(r'<code id="otp-secret">([A-Z2-7]+)</code>')
RECOVERY_RE = re.compile(r"<li><code>([a-z2-7]{4}-[a-z2-7]{4})</code></li>")


def code_for(device: TOTPDevice, *, steps_ahead: int = 0) -> str:
    """What the authenticator app shows, computed from the secret (RFC 6238)."""
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    totp.time = time.time() + steps_ahead * device.step
    return f"{totp.token():0{device.digits}d}"


def password(client, user, next_url="/police/"):
    return client.post("/login/", {"username": user.username, "password": PASSWORD,
                                   "next": next_url})  # fmt: skip


def enrol(client, officer):
    """Password, the enrolment page, the first code; returns (device, recovery codes)."""
    response = password(client, officer)
    assert response["Location"] == "/login/otp/enrol/?next=%2Fpolice%2F"
    page = client.get(response["Location"]).content.decode()
    assert "<svg" in page and 'aria-describedby="token-help"' in page
    secret = SECRET_RE.search(page).group(1)
    device = TOTPDevice.objects.get(user=officer, confirmed=False)
    assert secret == __import__("base64").b32encode(device.bin_key).decode()
    first_code = code_for(device)
    response = client.post(response["Location"], {"token": first_code})
    assert response.status_code == 200
    device.first_code = first_code
    return device, RECOVERY_RE.findall(response.content.decode())


def staff_page_opens(client) -> bool:
    response = client.get("/admin/", follow=True)
    return response.status_code == 200 and response.request["PATH_INFO"] == "/admin/"


def test_password_alone_opens_nothing_for_staff(client, officer):
    password(client, officer)
    assert client.session.get("_auth_user_id") is None
    response = client.get("/police/")
    assert response.status_code == 302 and response["Location"].startswith("/login/?next=")


def test_enrolment_shows_a_qr_and_the_secret_once_then_ten_recovery_codes(client, officer):
    password(client, officer)
    first = SECRET_RE.search(client.get("/login/otp/enrol/").content.decode()).group(1)
    second = SECRET_RE.search(client.get("/login/otp/enrol/").content.decode()).group(1)
    assert first != second and TOTPDevice.objects.filter(user=officer).count() == 1
    device, codes = enrol(english(), officer)
    assert len(codes) == 10 and len(set(codes)) == 10
    device.refresh_from_db()
    assert device.confirmed


def test_a_wrong_first_code_does_not_enrol(client, officer):
    password(client, officer)
    client.get("/login/otp/enrol/")
    device = TOTPDevice.objects.get(user=officer)
    wrong = f"{(int(code_for(device)) + 1) % 10**6:06d}"
    response = client.post("/login/otp/enrol/", {"token": wrong})
    assert "This code is not right" in response.content.decode()
    assert not TOTPDevice.objects.filter(confirmed=True).exists()
    assert 'aria-describedby="token-help token-error"' in response.content.decode()


def test_after_enrolment_staff_pages_open(client, officer, settings):
    enrol(client, officer)
    assert staff_page_opens(client)
    assert client.session.get_expire_at_browser_close()
    until = client.session[STAFF_UNTIL_KEY]
    assert abs(until - time.time() - settings.STAFF_SESSION_SECONDS) < 60


def test_next_time_password_then_totp(officer, settings):
    settings.OTP_TOTP_THROTTLE_FACTOR = 0  # django-otp's 1 s delay after a failure, not tested here
    device, _ = enrol(english(), officer)
    first_code = device.first_code
    device.refresh_from_db()
    device.first_code = first_code
    client = english()
    response = password(client, officer)
    assert response["Location"] == "/login/otp/?next=%2Fpolice%2F"
    reused = client.post(response["Location"], {"token": device.first_code})  # spent already
    assert reused.status_code == 200 and client.session.get("_auth_user_id") is None
    device.refresh_from_db()
    response = client.post("/login/otp/?next=/police/", {"token": code_for(device, steps_ahead=1)})
    assert response.status_code == 302 and response["Location"] == "/police/"
    assert staff_page_opens(client)


def test_a_recovery_code_works_once(officer):
    _, codes = enrol(english(), officer)
    first = english()
    password(first, officer)
    response = first.post("/login/otp/", {"token": codes[3].upper()})
    assert response.status_code == 302 and staff_page_opens(first)
    second = english()
    password(second, officer)
    response = second.post("/login/otp/", {"token": codes[3]})
    assert response.status_code == 200 and "9 recovery codes left" in response.content.decode()
    assert not staff_page_opens(second)


def test_recovery_codes_are_not_stored_in_clear(officer):
    from django_otp.plugins.otp_static.models import StaticToken

    _, codes = enrol(english(), officer)
    stored = set(StaticToken.objects.values_list("token", flat=True))
    assert len(stored) == 10
    assert stored.isdisjoint({c.replace("-", "") for c in codes} | set(codes))


def test_a_password_alone_cannot_replace_the_device(officer):
    enrol(english(), officer)
    client = english()
    password(client, officer)
    response = client.get("/login/otp/enrol/")
    assert response.status_code == 302 and response["Location"].startswith("/login/otp/?")
    assert TOTPDevice.objects.filter(user=officer).count() == 1


@pytest.mark.parametrize("path", ["/police/", "/audit/", "/admin/", "/admin/login/"])
def test_staff_paths_refuse_a_session_without_a_verified_device(client, officer, path):
    assert client.get(path)["Location"].startswith("/login/?next=")  # anonymous
    client.force_login(officer)  # signed in (say by a resident's code) but not verified
    response = client.get(path)
    assert response.status_code == 302 and response["Location"].startswith("/login/otp/")


def test_a_resident_on_a_staff_path_is_left_to_the_view(client, resident):
    client.force_login(resident)
    response = client.get("/police/")
    assert not response.get("Location", "").startswith("/login/otp/")


def test_the_decorator_guards_views_outside_the_paths(client, officer, resident):
    client.force_login(officer)
    assert client.get("/login/otp/recovery-codes/")["Location"].startswith("/login/otp/")
    client.force_login(resident)
    assert client.get("/login/otp/recovery-codes/").status_code == 403


def test_staff_sessions_end_at_their_deadline(client, officer):
    enrol(client, officer)
    session = client.session
    session[STAFF_UNTIL_KEY] = int(time.time()) - 1
    session.save()
    response = client.get("/")
    assert response.status_code == 302 and client.session.get("_auth_user_id") is None


def test_a_resident_with_a_password_needs_no_totp(client, resident, settings):
    resident.set_password(PASSWORD)
    resident.save()
    response = password(client, resident, "/")
    assert response.status_code == 302 and response["Location"] == "/"
    assert client.session.get("_auth_user_id") == str(resident.pk)
    assert not client.session.get_expire_at_browser_close()
    assert client.session.get_expiry_age() == settings.SESSION_COOKIE_AGE == 14 * 24 * 3600
