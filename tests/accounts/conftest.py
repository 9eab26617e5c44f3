"""Sign-in fixtures: a resident with contact data, a staff member with a password, the real
SMTP recorder, and tasks run at once (the worker's job, done inline)."""

import re

import pytest
from django.test import Client

from buurtwacht.organisation.models import PoliceZone, StaffRole, User
from tests.accounts.otp_sessions import real_second_factor  # noqa: F401 (fixture)
from tests.delivery.conftest import smtp  # noqa: F401 (fixture)

EMAIL, PHONE = "resident@example.org", "+32470123456"
PASSWORD = "correct horse battery staple"
CODE_RE = re.compile(r"\b(\d{6})\b")


@pytest.fixture(autouse=True)
def tasks_run_at_once(settings, real_second_factor):  # noqa: F811
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
    settings.PUBLIC_BASE_URL = "http://testserver"
    settings.SMS_PROVIDER = "log"
    settings.WHATSAPP_ACCESS_TOKEN = settings.WHATSAPP_PHONE_NUMBER_ID = ""
    # hashing speed is not what these tests are about (PBKDF2 costs ~1 s per password here)
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


def english() -> Client:
    """A browser that asks for English (the site's default language is Dutch)."""
    return Client(HTTP_ACCEPT_LANGUAGE="en")


@pytest.fixture
def client():
    return english()


@pytest.fixture
def resident(db):
    user = User(username="resident", first_name="Rita", language="en")
    user.set_contact_email(EMAIL)
    user.set_phone(PHONE)
    user.set_unusable_password()
    user.save()
    return user


@pytest.fixture
def officer(db):
    user = User.objects.create_user(
        username="officer", password=PASSWORD, language="en", is_staff=True
    )
    zone = PoliceZone.objects.create(number="5380", name="PZ Hazodi")
    StaffRole.objects.create(user=user, kind=StaffRole.Kind.POLICE_CONTACT, zone=zone)
    return user


def request_code(client, identifier, channel="", **extra):
    data = {"identifier": identifier}
    if channel:
        data["channel"] = channel
    return client.post("/login/code/", data, **extra)


def enter(client, code, **extra):
    return client.post("/login/code/enter/", {"code": code}, **extra)


def signed_in_as(client):
    return client.session.get("_auth_user_id")
