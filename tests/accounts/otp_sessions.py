"""Test sessions of staff made with force_login() count as having passed the second factor.

Most tests are about what staff may do on their pages, not about how they signed in; in
production those pages need a verified TOTP device (buurtwacht.accounts.enforcement). So a
client's force_login()/login() of a staff user also records a confirmed device in the
session, as the real verification step does. Tests of the sign-in itself (tests/accounts)
switch this off and go through the real pages.
"""

import pytest
from django.test.client import ClientMixin
from django_otp import DEVICE_ID_SESSION_KEY

_original_login = ClientMixin._login


def _login_with_second_factor(self, user, backend=None):
    _original_login(self, user, backend)
    from django_otp.plugins.otp_totp.models import TOTPDevice

    from buurtwacht.accounts.staff import is_staff_account

    if is_staff_account(user):
        device, _ = TOTPDevice.objects.get_or_create(
            user=user, name="test session", defaults={"confirmed": True}
        )
        session = self.session
        session[DEVICE_ID_SESSION_KEY] = device.persistent_id
        session.save()


@pytest.fixture(autouse=True)
def staff_sessions_pass_the_second_factor(monkeypatch):
    monkeypatch.setattr(ClientMixin, "_login", _login_with_second_factor)


@pytest.fixture
def real_second_factor(monkeypatch):
    """Undo the above: force_login() of staff gives an unverified session, as in production."""
    monkeypatch.setattr(ClientMixin, "_login", _original_login)
