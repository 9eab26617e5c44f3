"""Security headers, the production settings, and CSRF on every form and cookie-authenticated
API call (issue 12). The production checks run in a subprocess: settings are read once per
process, and BUURTWACHT_ENV=production must be what the process starts with."""

import json
import os
import re
import secrets
import subprocess
import sys
from pathlib import Path

import pytest
from django.test import Client

from buurtwacht import settings as project_settings
from tests.alerts.conftest import alert_payload, live  # noqa: F401 - fixture
from tests.web.urlwalk import API_NAMESPACE, django_routes

SRC = Path(project_settings.PACKAGE_DIR)

#: Routes that take POSTs from other servers, not from our forms: signed, hence csrf_exempt.
CSRF_EXEMPT = {"whatsapp:webhook", "sms:status"}


def csp_directives(header: str) -> dict[str, list[str]]:
    parts = [p.split() for p in header.split(";") if p.strip()]
    return {p[0]: p[1:] for p in parts}


def production_env(tmp_path, **extra) -> dict:
    env = {
        **os.environ,
        "BUURTWACHT_ENV": "production",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "FIELD_ENCRYPTION_KEY": "k1:" + secrets.token_urlsafe(32),
        "BLIND_INDEX_KEY": secrets.token_urlsafe(32),
        "ALLOWED_HOSTS": "buurtwacht.example",
        "BUURTWACHT_VAR_DIR": str(tmp_path),
        "DATABASE_URL": f"sqlite:///{tmp_path / 'prod.sqlite3'}",
        "DJANGO_SETTINGS_MODULE": "buurtwacht.settings",
        **extra,
    }
    env.pop("DEBUG", None)
    return env


# --- headers ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "path", ["/", "/login/", "/api/docs", "/api/openapi.json", "/static/web/site.css", "/nope/"]
)
def test_every_response_carries_the_strict_policy(client, db, path):
    response = client.get(path)
    assert response.status_code in (200, 404), response.status_code
    csp = csp_directives(response["Content-Security-Policy"])
    assert csp["default-src"] == ["'self'"]
    assert csp["script-src"] == ["'self'"]  # no 'unsafe-inline', no 'unsafe-eval', no CDN
    assert csp["style-src"] == ["'self'"]
    assert csp["img-src"] == ["'self'", "data:"]
    assert csp["connect-src"] == ["'self'"]
    assert csp["frame-ancestors"] == ["'none'"]
    assert csp["base-uri"] == ["'self'"]
    assert csp["form-action"] == ["'self'"]
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    assert "camera=()" in response["Permissions-Policy"]
    assert "microphone=()" in response["Permissions-Policy"]


def test_api_docs_load_nothing_from_another_origin(client, db):
    html = client.get("/api/docs").content.decode()
    sources = re.findall(r'(?:src|href)="([^"]+)"', html)
    assert any(s.endswith("swagger-ui-bundle.js") for s in sources), sources
    assert all(s.startswith("/static/") for s in sources), sources
    for script in re.findall(r"<script\b([^>]*)>", html):
        assert "src=" in script or 'type="application/json"' in script, script
    # the files it names are really served
    for source in sources:
        assert client.get(source).status_code == 200, source


INLINE = [
    (re.compile(r"<script\b(?![^>]*\bsrc=)[^>]*>", re.I), "inline <script>"),
    (re.compile(r"\son[a-z]+\s*=", re.I), "inline event handler"),
    (re.compile(r"\sstyle\s*=", re.I), "style attribute"),
    (re.compile(r"<style\b", re.I), "<style> element"),
    (re.compile(r"javascript:", re.I), "javascript: URL"),
]


def page_templates() -> list[Path]:
    """Every template a browser renders as a page. Message bodies (templates/*/messages/) go
    out as e-mail, where no CSP applies and inline style is the only style mail clients keep."""
    return [
        p
        for p in sorted(SRC.glob("**/templates/**/*.html"))
        if "messages" not in p.relative_to(SRC).parts
    ]


def test_no_page_template_needs_an_inline_exception():
    offenders = []
    for path in page_templates():
        text = path.read_text()
        for pattern, what in INLINE:
            for match in pattern.finditer(text):
                line = text.count("\n", 0, match.start()) + 1
                offenders.append(f"{path.relative_to(SRC)}:{line}: {what}")
    assert page_templates(), "no templates found"
    assert not offenders, "\n".join(offenders)


def test_the_language_switcher_is_a_static_script(client, db):
    html = client.get("/").content.decode()
    assert 'src="/static/web/app.js"' in html and "data-autosubmit" in html
    assert "onchange" not in html
    assert client.get("/static/web/app.js").status_code == 200


# --- production mode -------------------------------------------------------------------------


def test_deploy_check_passes_in_production(tmp_path):
    result = subprocess.run(
        [sys.executable, "-m", "buurtwacht", "check", "--deploy", "--fail-level", "WARNING"],
        env=production_env(tmp_path),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_deploy_check_fails_without_https(tmp_path):
    """The check is not vacuous: switching the redirect off is reported."""
    result = subprocess.run(
        [sys.executable, "-m", "buurtwacht", "check", "--deploy", "--fail-level", "WARNING"],
        env=production_env(tmp_path, SECURE_SSL_REDIRECT="0"),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode != 0
    assert "security.W008" in result.stdout + result.stderr


PROBE = """
import json, django
django.setup()
from django.conf import settings
from django.test import Client
names = ["SESSION_COOKIE_SECURE", "CSRF_COOKIE_SECURE", "SESSION_COOKIE_HTTPONLY",
         "SESSION_COOKIE_SAMESITE", "CSRF_COOKIE_SAMESITE", "SECURE_HSTS_SECONDS",
         "SECURE_HSTS_INCLUDE_SUBDOMAINS", "SECURE_SSL_REDIRECT", "SECURE_PROXY_SSL_HEADER",
         "DEBUG"]
out = {n: getattr(settings, n, None) for n in names}
c = Client(HTTP_HOST="buurtwacht.example")
plain = c.get("/login/")
out["plain"] = [plain.status_code, plain.get("Location")]
tls = c.get("/static/web/site.css", secure=True)
out["tls"] = [tls.status_code, tls.get("Strict-Transport-Security")]
proxied = c.get("/static/web/site.css", HTTP_X_FORWARDED_PROTO="https")
out["proxied"] = proxied.status_code
print(json.dumps(out))
"""


def run_probe(env) -> dict:
    result = subprocess.run(
        [sys.executable, "-c", PROBE], env=env, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_production_cookies_hsts_and_https_redirect(tmp_path):
    out = run_probe(production_env(tmp_path))
    assert out["DEBUG"] is False
    assert out["SESSION_COOKIE_SECURE"] is True and out["CSRF_COOKIE_SECURE"] is True
    assert out["SESSION_COOKIE_HTTPONLY"] is True
    assert out["SESSION_COOKIE_SAMESITE"] == out["CSRF_COOKIE_SAMESITE"] == "Lax"
    assert out["SECURE_HSTS_SECONDS"] == 365 * 24 * 3600
    assert out["SECURE_HSTS_INCLUDE_SUBDOMAINS"] is True
    assert out["SECURE_SSL_REDIRECT"] is True
    assert out["plain"] == [301, "https://buurtwacht.example/login/"]
    assert out["tls"] == [200, "max-age=31536000; includeSubDomains"]
    # without the opt-in, a client's X-Forwarded-Proto is not believed
    assert out["SECURE_PROXY_SSL_HEADER"] is None
    assert out["proxied"] == 301


def test_proxy_header_is_opt_in(tmp_path):
    out = run_probe(production_env(tmp_path, SECURE_PROXY_SSL_HEADER="X-Forwarded-Proto"))
    assert out["SECURE_PROXY_SSL_HEADER"] == ["HTTP_X_FORWARDED_PROTO", "https"]
    assert out["proxied"] == 200


def test_development_keeps_plain_http(client, db):
    """The embedded mode on 127.0.0.1 has no TLS: no redirect, no HSTS, cookies not Secure."""
    response = client.get("/login/")
    assert response.status_code == 200
    assert "Strict-Transport-Security" not in response
    assert not response.cookies["csrftoken"]["secure"]


# --- CSRF ------------------------------------------------------------------------------------


def _fill(path: str) -> str:
    return re.sub(r"{\w+}", "1", path)


@pytest.mark.parametrize("anonymous", [True, False], ids=["anonymous", "signed-in"])
def test_every_page_refuses_a_post_without_csrf_token(db, make_user, anonymous):
    """Whatever the view does with a POST, a POST without the token never reaches it: it is
    refused (403), or, on a staff path, turned back to the sign-in before any view runs."""
    client = Client(enforce_csrf_checks=True)
    if not anonymous:
        client.force_login(make_user("poster"))
    checked, wrong = [], []
    for route in django_routes():
        if route.key in CSRF_EXEMPT or route.key.startswith(API_NAMESPACE + ":"):
            continue
        response = client.post(_fill(route.path), {"x": "1"})
        checked.append(route.key)
        to_sign_in = response.status_code == 302 and response.url.startswith("/login/")
        if response.status_code != 403 and not to_sign_in:
            wrong.append(f"{route.key} {route.path}: {response.status_code}")
    assert "alerts:new" in checked and "admin:login" in checked
    assert not wrong, "POST without CSRF token accepted:\n" + "\n".join(wrong)


def test_webhooks_stay_exempt_and_refuse_unsigned_posts(db):
    client = Client(enforce_csrf_checks=True)
    for path in ("/webhooks/whatsapp", "/webhooks/sms/status"):
        response = client.post(path, "{}", content_type="application/json")
        assert response.status_code in (401, 403), (path, response.status_code)
        assert b"CSRF" not in response.content, path  # refused by the signature check


def test_forms_carry_the_csrf_token(client, live):  # noqa: F811
    client.force_login(live.author)
    for path in (f"/groups/{live.group.pk}/alerts/new/", "/me/data/erase/", "/me/channels/"):
        html = client.get(path).content.decode()
        forms = re.findall(r"<form\b[^>]*method=\"post\"[^>]*>(.*?)</form>", html, re.S | re.I)
        assert forms, path
        for body in forms:
            assert 'name="csrfmiddlewaretoken"' in body, path


def test_cookie_authenticated_api_call_needs_the_csrf_token(live):  # noqa: F811
    client = Client(enforce_csrf_checks=True)
    client.force_login(live.author)
    url = f"/api/groups/{live.group.pk}/alerts"
    body = json.dumps(alert_payload())
    refused = client.post(url, body, content_type="application/json")
    assert refused.status_code == 403, refused.content
    assert client.put("/api/me/channels", "{}", content_type="application/json").status_code == 403

    client.get("/")  # any page with a form sets the CSRF cookie
    token = client.cookies["csrftoken"].value
    accepted = client.post(url, body, content_type="application/json", HTTP_X_CSRFTOKEN=token)
    assert accepted.status_code == 201, accepted.content
    assert client.get(url).status_code == 200  # safe methods need no token


def test_api_without_session_is_401(client, live):  # noqa: F811
    response = client.post(
        f"/api/groups/{live.group.pk}/alerts",
        json.dumps(alert_payload()),
        content_type="application/json",
    )
    assert response.status_code == 401


def test_docs_name_every_security_setting():
    docs = (Path(__file__).resolve().parents[2] / "docs" / "security.md").read_text()
    for name in (
        "CONTENT_SECURITY_POLICY", "PERMISSIONS_POLICY", "SESSION_COOKIE_SECURE",
        "SESSION_COOKIE_HTTPONLY", "SECURE_HSTS_SECONDS", "SECURE_HSTS_PRELOAD",
        "SECURE_SSL_REDIRECT", "SECURE_PROXY_SSL_HEADER",
    ):  # fmt: skip
        assert f"`{name}`" in docs, name
    for directive in project_settings.CONTENT_SECURITY_POLICY:
        assert directive in docs, directive
