"""django-axes: after AXES_FAILURE_LIMIT failures the right password or code is refused too,
with a translated page; session lifetimes are set at sign-in."""

import pytest
from django.test import Client

from .conftest import CODE_RE, EMAIL, PASSWORD, english, enter, request_code, signed_in_as


@pytest.fixture
def limit(settings):
    settings.AXES_FAILURE_LIMIT = 3
    return 3


def test_passwords_lock_out_then_the_right_one_is_refused(limit, officer):
    client = Client(HTTP_ACCEPT_LANGUAGE="nl")
    for _ in range(limit - 1):
        wrong = client.post("/login/", {"username": officer.username, "password": "nope"})
        assert wrong.status_code == 200
    locked = client.post("/login/", {"username": officer.username, "password": "nope"})
    assert locked.status_code == 429
    right = client.post("/login/", {"username": officer.username, "password": PASSWORD})
    assert right.status_code == 429 and "Te veel pogingen" in right.content.decode()
    assert "accounts_pending" not in client.session


def test_wrong_sign_in_codes_lock_out_then_the_right_one_is_refused(limit, smtp, resident):
    client = Client(HTTP_ACCEPT_LANGUAGE="fr")
    request_code(client, EMAIL)
    code = CODE_RE.search(smtp.messages()[0].get_body(("plain",)).get_content()).group(1)
    wrong = f"{(int(code) + 1) % 10**6:06d}"
    statuses = [enter(client, wrong).status_code for _ in range(limit)]
    assert statuses == [200] * (limit - 1) + [429]
    response = enter(client, code)
    assert response.status_code == 429 and "Trop de tentatives" in response.content.decode()
    assert signed_in_as(client) is None


def test_wrong_totp_codes_count_too(limit, officer):
    from .test_staff import enrol, password

    enrol(english(), officer)
    client = Client(HTTP_ACCEPT_LANGUAGE="de")
    password(client, officer)
    statuses = [client.post("/login/otp/", {"token": "000000"}).status_code for _ in range(limit)]
    assert statuses[-1] == 429
    assert "Zu viele Versuche" in client.post("/login/otp/", {"token": "1"}).content.decode()


def test_a_resident_session_lasts_session_cookie_age(client, smtp, resident, settings):
    settings.SESSION_COOKIE_AGE = 3 * 24 * 3600
    request_code(client, EMAIL)
    enter(client, CODE_RE.search(smtp.messages()[0].get_body(("plain",)).get_content()).group(1))
    assert not client.session.get_expire_at_browser_close()
    assert client.session.get_expiry_age() == 3 * 24 * 3600
    assert client.cookies["sessionid"]["max-age"] == 3 * 24 * 3600


def test_a_staff_session_ends_with_the_browser(client, officer, settings):
    from buurtwacht.accounts.staff import STAFF_UNTIL_KEY

    from .test_staff import enrol

    settings.STAFF_SESSION_SECONDS = 3600
    enrol(client, officer)
    assert client.session.get_expire_at_browser_close()
    assert client.cookies["sessionid"]["max-age"] == ""  # a browser-session cookie
    assert STAFF_UNTIL_KEY in client.session
