"""Codes by SMS (log provider, HTTP provider stand-in) and by WhatsApp (Graph API stand-in)."""

import logging

import pytest

from buurtwacht.accounts.models import SignInCode
from buurtwacht.delivery.whatsapp.standin import StandIn
from tests.delivery.test_sms_channel import provider  # noqa: F401 (fixture)

from .conftest import CODE_RE, PHONE, enter, request_code, signed_in_as

SECRET, TOKEN, VERIFY, NUMBER = "test-app-secret", "test-token", "test-verify", "109876543210"
LANGS = {"nl_BE", "fr_BE", "de_DE", "en_GB"}


def test_a_code_by_sms_through_the_log_provider(client, resident, caplog):
    with caplog.at_level(logging.INFO, logger="buurtwacht.delivery.sms"):
        response = request_code(client, "0470 12 34 56", "sms")
    assert response.status_code == 302
    (line,) = [r.getMessage() for r in caplog.records if r.name == "buurtwacht.delivery.sms"]
    assert "…56" in line and "470123456" not in line  # the log never has the number
    assert enter(client, CODE_RE.search(line).group(1)).status_code == 302
    assert signed_in_as(client) == str(resident.pk)


def test_a_code_by_sms_through_an_http_provider(client, resident, provider):  # noqa: F811
    request_code(client, "+32 470 12 34 56", "sms")
    (body,) = provider.bodies()
    assert body["msisdn"] == PHONE and body["client_ref"] == f"signin-{SignInCode.objects.get().pk}"
    assert "sign-in code" in body["body"]
    enter(client, CODE_RE.search(body["body"]).group(1))
    assert signed_in_as(client) == str(resident.pk)


def test_a_refused_sms_is_recorded_without_the_number(client, resident, provider):  # noqa: F811
    provider.answers.append((400, {"error": f"bad number {PHONE}"}, {}))
    request_code(client, PHONE, "sms")
    row = SignInCode.objects.get()
    assert row.sent_at is None and "400" in row.send_error and "470123456" not in row.send_error


@pytest.fixture
def graph(settings):
    """The hub pointed at the loopback stand-in of the Graph API, with an auth template."""
    templates = {"buurtwacht_code": {"languages": LANGS, "body_params": 1}}
    hub = StandIn(
        app_secret=SECRET, access_token=TOKEN, verify_token=VERIFY, phone_number_id=NUMBER,
        webhook_url="http://127.0.0.1:9/unused", auto_status=False, templates=templates,
    ).start()  # fmt: skip
    settings.WHATSAPP_API_BASE, settings.WHATSAPP_API_VERSION = hub.base_url, "v23.0"
    settings.WHATSAPP_PHONE_NUMBER_ID, settings.WHATSAPP_ACCESS_TOKEN = NUMBER, TOKEN
    settings.WHATSAPP_APP_SECRET, settings.WHATSAPP_VERIFY_TOKEN = SECRET, VERIFY
    yield hub
    hub.stop()


def test_a_code_by_whatsapp_is_an_authentication_template(client, resident, graph):
    request_code(client, "0470/12.34.56", "whatsapp")
    (sent,) = graph.messages_to(PHONE.lstrip("+"))
    template = sent.payload["template"]
    assert template["name"] == "buurtwacht_code" and template["language"]["code"] == "en_GB"
    body, button = template["components"]
    code = body["parameters"][0]["text"]
    assert CODE_RE.fullmatch(code) and button["parameters"][0]["text"] == code
    assert SignInCode.objects.get().sent_by == "whatsapp"
    enter(client, code)
    assert signed_in_as(client) == str(resident.pk)


def test_whatsapp_refusing_the_template_falls_back_to_sms(client, resident, graph, settings,
                                                          caplog):  # fmt: skip
    settings.WHATSAPP_AUTH_TEMPLATE = "not_approved"
    with caplog.at_level(logging.INFO, logger="buurtwacht.delivery.sms"):
        request_code(client, PHONE, "whatsapp")
    assert graph.refusals[132001] == 1 and SignInCode.objects.get().sent_by == "sms"
    (line,) = [r.getMessage() for r in caplog.records if r.name == "buurtwacht.delivery.sms"]
    enter(client, CODE_RE.search(line).group(1))
    assert signed_in_as(client) == str(resident.pk)


def test_whatsapp_not_configured_falls_back_to_sms(client, resident):
    request_code(client, PHONE, "whatsapp")
    assert SignInCode.objects.get().sent_by == "sms"
