"""docs/accounts.md names every sign-in setting and every page."""

from pathlib import Path

from django.conf import settings
from django.urls import get_resolver

DOCS = (Path(__file__).resolve().parents[2] / "docs" / "accounts.md").read_text()
PREFIXES = ("ACCOUNTS_", "STAFF_SESSION_", "OTP_REQUIRED")


def test_every_setting_is_documented():
    names = [n for n in dir(settings) if n.startswith(PREFIXES)]
    assert len(names) >= 7
    for name in [
        *names,
        "SESSION_COOKIE_AGE",
        "WHATSAPP_AUTH_TEMPLATE",
        "AXES_FAILURE_LIMIT",
        "AXES_COOLOFF_TIME",
        "OTP_TOTP_ISSUER",
    ]:
        assert f"`{name}`" in DOCS, name


def test_every_page_is_documented():
    from buurtwacht.accounts import urls

    for pattern in urls.urlpatterns:
        route = "/" + str(pattern.pattern).replace("<str:token>", "<token>")
        assert f"`{route}`" in DOCS, route
    assert get_resolver().resolve("/login/").func.__name__ == "password_login"
