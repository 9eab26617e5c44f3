"""Web page fixtures: the live group of the alert tests, and an English-speaking client."""

import pytest

from tests.alerts.conftest import alert_payload, live  # noqa: F401 - fixtures shared


@pytest.fixture
def client(client):
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"
    client.cookies["django_language"] = "en"  # wins over the profile language (nl)
    return client
