# ruff: noqa: E501 - the matrix is a table, one route per line
"""The authorisation matrix: every URL pattern and every API operation, for every role.

One line per route in MATRIX says what each role gets. A route without a line fails
`test_every_route_has_an_entry` (naming the route and the line to add); a line for a route that
no longer exists fails `test_every_entry_names_a_route`. Adding a route is adding one line.

Outcomes (what the response's status means):
  ok     2xx, or a redirect that is not to a sign-in page (e.g. /police/ -> the zone's console)
  login  302 to a sign-in page (/login/ or /admin/login/): anonymous on a signed-in page
  deny   401, 403 or 404 (404 on purpose where a 403 would confirm the object exists)
  NNN    exactly that status (e.g. 405 for GET on a POST-only route)

Pages are requested with GET; an API operation with its own method and, when it takes a body,
the body in BODIES: a valid request, so an allowed role really gets through and a denied one
is refused by the permission check, not by validation. Every request runs in a transaction
that is rolled back, so one role's POST never changes what the next role sees.
"""

import fnmatch
import json
from datetime import timedelta
from urllib.parse import urlsplit

import pytest
from django.conf import settings
from django.db import transaction
from django.test import Client
from django.utils import timezone
from django_otp.plugins.otp_totp.models import TOTPDevice

from buurtwacht.alerts.models import Alert, Status
from buurtwacht.organisation.models import Membership, StaffRole, User
from buurtwacht.police import broadcasts, messages
from tests.alerts.conftest import alert_payload, live  # noqa: F401 - fixture
from tests.web.urlwalk import Route, all_routes

ROLES = (
    "anon",  # not signed in
    "member",  # active member of the group
    "other",  # member of another group (other zone)
    "coord",  # coordinator of the group
    "police",  # police contact of the group's zone (and of the group)
    "police2",  # police contact of the other zone
    "prev",  # prevention officer of the group's municipality
    "zadmin",  # zone admin of the group's zone
    "analyst",  # provincial analyst (Limburg)
    "staff",  # is_staff superuser: the back office
)

# fmt: off
MATRIX = {
    # route                                                "anon    member  other   coord   police  police2 prev    zadmin  analyst staff
    "admin:*":                                             "login   login   login   login   login   login   login   login   login   ok",
    # staff get 404 for a missing object or 403 where the admin forbids adding or deleting
    # (the audit log, axes' records, task results); django-otp's QR code needs a library
    "admin:<unnamed admin/(?P<url>.*)$>":                  "login   login   login   login   login   login   login   login   login   deny",
    "admin:auth_user_password_change":                     "login   login   login   login   login   login   login   login   login   deny",
    "admin:autocomplete":                                  "login   login   login   login   login   login   login   login   login   deny",
    "admin:axes_accessattempt_add":                        "login   login   login   login   login   login   login   login   login   deny",
    "admin:axes_accessfailurelog_add":                     "login   login   login   login   login   login   login   login   login   deny",
    "admin:axes_accesslog_add":                            "login   login   login   login   login   login   login   login   login   deny",
    "admin:django_tasks_database_dbtaskresult_add":        "login   login   login   login   login   login   login   login   login   deny",
    "admin:django_tasks_database_dbtaskresult_delete":     "login   login   login   login   login   login   login   login   login   deny",
    "admin:login":                                         "login   ok      ok      ok      ok      ok      ok      ok      ok      ok",
    "admin:logout":                                        "login   ok      ok      ok      ok      ok      ok      ok      ok      405",
    "admin:otp_totp_totpdevice_qrcode":                    "login   login   login   login   login   login   login   login   login   ok",
    "admin:privacy_auditentry_add":                        "login   login   login   login   login   login   login   login   login   deny",
    "admin:privacy_auditentry_delete":                     "login   login   login   login   login   login   login   login   login   deny",
    "admin:view_on_site":                                  "login   login   login   login   login   login   login   login   login   deny",
    "alerts:detail":                                       "login   ok      deny    ok      ok      deny    deny    deny    deny    deny",
    "alerts:feed":                                         "login   ok      deny    ok      ok      deny    deny    deny    deny    deny",
    "alerts:moderation":                                   "login   deny    deny    ok      deny    deny    deny    deny    deny    ok",
    "alerts:new":                                          "login   ok      deny    ok      ok      deny    deny    deny    deny    deny",
    # public on purpose: the API's description, health, the transparency page, sign-in
    "api:api-root":                                        "deny    deny    deny    deny    deny    deny    deny    deny    deny    deny",
    "api:openapi-json":                                    "ok      ok      ok      ok      ok      ok      ok      ok      ok      ok",
    "api:openapi-view":                                    "ok      ok      ok      ok      ok      ok      ok      ok      ok      ok",
    "accounts:code_enter":                                 "login   login   login   login   login   login   login   login   login   login",
    "accounts:code_request":                               "ok      ok      ok      ok      ok      ok      ok      ok      ok      ok",
    "accounts:link":                                       "ok      ok      ok      ok      ok      ok      ok      ok      ok      ok",
    "accounts:login":                                      "ok      ok      ok      ok      ok      ok      ok      ok      ok      ok",
    "accounts:otp_enrol":                                  "login   login   login   login   ok      ok      ok      ok      ok      ok",
    "accounts:otp_verify":                                 "login   login   login   login   ok      ok      ok      ok      ok      ok",
    "accounts:recovery_codes":                             "login   deny    deny    deny    ok      ok      ok      ok      ok      ok",
    "delivery:channels":                                   "login   ok      ok      ok      ok      ok      ok      ok      ok      ok",
    "healthz":                                             "ok      ok      ok      ok      ok      ok      ok      ok      ok      ok",
    "live:group-events":                                   "deny    ok      deny    ok      ok      deny    deny    deny    deny    deny",
    "organisation:acceptance":                             "login   deny    deny    ok      deny    deny    deny    deny    deny    deny",
    "organisation:appeals":                                "login   deny    deny    deny    deny    deny    deny    ok      deny    ok",
    "organisation:charter":                                "login   ok      deny    ok      ok      deny    ok      ok      deny    ok",
    "organisation:charter_pdf":                            "login   ok      deny    ok      ok      deny    ok      ok      deny    ok",
    "organisation:group_sanctions":                        "login   deny    deny    ok      deny    deny    deny    ok      deny    ok",
    "organisation:my_sanctions":                           "login   ok      ok      ok      ok      ok      ok      ok      ok      ok",
    "police:alert":                                        "login   deny    deny    deny    ok      deny    deny    ok      deny    deny",
    "police:broadcast":                                    "login   deny    deny    deny    ok      deny    deny    deny    deny    deny",
    "police:broadcasts":                                   "login   deny    deny    deny    ok      ok      ok      deny    deny    deny",
    "police:group_messages":                               "login   deny    deny    deny    ok      deny    deny    deny    deny    deny",
    "police:home":                                         "login   deny    deny    deny    ok      ok      deny    ok      deny    deny",
    "police:reply":                                        "login   ok      deny    ok      deny    deny    deny    deny    deny    deny",
    "police:reply_detail":                                 "login   deny    deny    deny    ok      deny    deny    deny    deny    deny",
    "police:zone":                                         "login   deny    deny    deny    ok      deny    deny    ok      deny    deny",
    "police:zone_map":                                     "login   deny    deny    deny    ok      deny    deny    ok      deny    deny",
    "privacy:audit_csv":                                   "login   deny    deny    deny    deny    deny    deny    ok      deny    ok",
    "privacy:audit_log":                                   "login   deny    deny    deny    deny    deny    deny    ok      deny    ok",
    "privacy:my_data":                                     "login   ok      ok      ok      ok      ok      ok      ok      ok      ok",
    "privacy:my_data_download":                            "login   ok      ok      ok      ok      ok      ok      ok      ok      ok",
    "privacy:my_data_erase":                               "login   ok      ok      ok      ok      ok      ok      ok      ok      ok",
    "privacy:transparency":                                "ok      ok      ok      ok      ok      ok      ok      ok      ok      ok",
    "set_language":                                        "ok      ok      ok      ok      ok      ok      ok      ok      ok      ok",
    "sms:status":                                          "405     405     405     405     405     405     405     405     405     405",
    "reports:csv":                                         "login   deny    deny    deny    ok      deny    ok      ok      deny    ok",
    "reports:dashboard":                                   "login   deny    deny    deny    ok      deny    ok      ok      deny    ok",
    "reports:geojson":                                     "login   deny    deny    deny    ok      deny    ok      ok      deny    ok",
    "reports:index":                                       "login   ok      ok      ok      ok      ok      ok      ok      ok      ok",
    "reports:monthly":                                     "login   deny    deny    deny    ok      deny    ok      ok      deny    ok",
    "reports:national":                                    "login   deny    deny    deny    deny    deny    deny    deny    deny    ok",
    "reports:national_csv":                                "login   deny    deny    deny    deny    deny    deny    deny    deny    ok",
    "delivery:push_subscribe":                             "login   405     405     405     405     405     405     405     405     405",
    "delivery:push_unsubscribe":                           "login   405     405     405     405     405     405     405     405     405",
    "delivery:status":                                     "login   deny    deny    ok      deny    deny    deny    deny    deny    ok",
    "delivery:status_detail":                              "login   deny    deny    ok      deny    deny    deny    deny    deny    ok",
    "organisation:group_settings":                         "login   deny    deny    ok      deny    deny    deny    deny    deny    ok",
    "organisation:invitations":                            "login   deny    deny    ok      deny    deny    deny    deny    deny    ok",
    "organisation:join":                                   "410     410     410     410     410     410     410     410     410     410",
    "organisation:members":                                "login   deny    deny    ok      deny    deny    deny    deny    deny    ok",
    "organisation:staff":                                  "login   deny    deny    deny    deny    deny    ok      ok      deny    ok",
    "organisation:staff_group":                            "login   deny    deny    deny    deny    deny    ok      ok      deny    ok",
    "web:manifest":                                        "ok      ok      ok      ok      ok      ok      ok      ok      ok      ok",
    "web:offline":                                         "ok      ok      ok      ok      ok      ok      ok      ok      ok      ok",
    "web:service_worker":                                  "ok      ok      ok      ok      ok      ok      ok      ok      ok      ok",
    "web:home":                                            "ok      ok      ok      ok      ok      ok      ok      ok      ok      ok",
    "web:login":                                           "ok      ok      ok      ok      ok      ok      ok      ok      ok      ok",
    "web:logout":                                          "405     405     405     405     405     405     405     405     405     405",
    "whatsapp:webhook":                                    "deny    deny    deny    deny    deny    deny    deny    deny    deny    deny",
    "DELETE /api/police/alerts/{alert_id}/case-reference": "deny    deny    deny    deny    ok      deny    deny    deny    deny    deny",
    "GET /api/alerts/{alert_id}":                          "deny    ok      deny    ok      ok      deny    deny    deny    deny    deny",
    "GET /api/groups/{group_id}/alerts":                   "deny    ok      deny    ok      ok      deny    deny    deny    deny    deny",
    "GET /api/groups/{group_id}/moderation":               "deny    deny    deny    ok      deny    deny    deny    deny    deny    ok",
    "GET /api/me/channels":                                "deny    ok      ok      ok      ok      ok      ok      ok      ok      ok",
    "GET /api/ping":                                       "ok      ok      ok      ok      ok      ok      ok      ok      ok      ok",
    "GET /api/police/alerts/{alert_id}":                   "deny    deny    deny    deny    ok      deny    deny    ok      deny    deny",
    "GET /api/police/broadcasts/{broadcast_id}":           "deny    deny    deny    deny    ok      deny    deny    deny    deny    deny",
    "GET /api/police/messages/{message_id}/replies":       "deny    deny    deny    deny    ok      deny    deny    deny    deny    deny",
    "GET /api/police/replies/{reply_id}":                  "deny    deny    deny    deny    ok      deny    deny    deny    deny    deny",
    "GET /api/police/zones/{zone_id}/alerts":              "deny    deny    deny    deny    ok      deny    deny    ok      deny    deny",
    "POST /api/alerts/{alert_id}/close":                   "deny    deny    deny    ok      ok      deny    deny    deny    deny    deny",
    "POST /api/alerts/{alert_id}/follow-ups":              "deny    ok      deny    ok      deny    deny    deny    deny    deny    deny",
    "POST /api/groups/{group_id}/alerts":                  "deny    ok      deny    ok      deny    deny    deny    deny    deny    deny",
    "POST /api/moderation/{kind}/{item_id}/approve":       "deny    deny    deny    ok      deny    deny    deny    deny    deny    deny",
    "POST /api/moderation/{kind}/{item_id}/redact":        "deny    deny    deny    ok      deny    deny    deny    deny    deny    deny",
    "POST /api/moderation/{kind}/{item_id}/reject":        "deny    deny    deny    ok      deny    deny    deny    deny    deny    deny",
    "POST /api/police/alerts/{alert_id}/acknowledgements": "deny    deny    deny    deny    ok      deny    deny    deny    deny    deny",
    "POST /api/police/alerts/{alert_id}/reveal":           "deny    deny    deny    deny    ok      deny    deny    deny    deny    deny",
    # 422 "outside_scope": the other zone's police may broadcast, but not to this group
    "POST /api/police/broadcasts":                         "deny    deny    deny    deny    ok      422     deny    deny    deny    deny",
    "POST /api/police/groups/{group_id}/messages":         "deny    deny    deny    deny    ok      deny    deny    deny    deny    deny",
    "POST /api/police/messages/{message_id}/replies":      "deny    ok      deny    ok      deny    deny    deny    deny    deny    deny",
    "PUT /api/me/channels":                                "deny    ok      ok      ok      ok      ok      ok      ok      ok      ok",
    "PUT /api/police/alerts/{alert_id}/case-reference":    "deny    deny    deny    deny    ok      deny    deny    deny    deny    deny",
}
# fmt: on

#: Request bodies (JSON) of API operations: valid ones, so allowed roles really get through.
BODIES = {
    "POST /api/groups/{group_id}/alerts": lambda w: alert_payload(force_new=True),
    # 422 "not_member": posting is refused by the SAAR rules (alerts.rules), not a permission check
    "POST /api/alerts/{alert_id}/follow-ups": {"text": "Ze lopen nu richting de kerk."},
    "POST /api/alerts/{alert_id}/close": {"outcome": "false_alarm"},
    "POST /api/moderation/{kind}/{item_id}/redact": {
        "changes": {"description": "Twee mannen in donkere jassen."}
    },
    "POST /api/moderation/{kind}/{item_id}/reject": {"reason": "Gegevens van derden."},
    "POST /api/police/alerts/{alert_id}/acknowledgements": {"state": "informed"},
    "POST /api/police/alerts/{alert_id}/reveal": {"reason": "Onderzoek naar de inbraak."},
    "PUT /api/police/alerts/{alert_id}/case-reference": {"reference": "HA.12.LB.123456/25"},
    "POST /api/police/groups/{group_id}/messages": {"title": "Inbraken", "text": "Sluit af."},
    # 422 "outside_scope": the other zone's police may broadcast, but not to this group
    "POST /api/police/broadcasts": lambda w: {
        "kind": "warning",
        "title": "Valse agenten",
        "text": "Laat niemand binnen.",
        "target": "groups",
        "groups": [w.group.pk],
    },
    "POST /api/police/messages/{message_id}/replies": {"text": "Ik zag een witte bestelwagen."},
    "PUT /api/me/channels": {"order": []},  # all push channels off: the web feed stays
}


def _live_feed(world, user) -> str:
    """The SSE view reads the database on connections of its own (delivery/live/stream.py),
    which cannot see this test's uncommitted world; so ask the function the view asks.
    tests/live/test_audience.py runs the same rule against a real server."""
    from buurtwacht.delivery.live import events

    if user is None:
        return "deny"
    return "ok" if events.audiences(user_id=user.pk, group_id=world.group.pk) else "deny"


#: Routes decided by calling the view's own permission function: {route key: f(world, user)}.
DIRECT = {"live:group-events": _live_feed}

#: Path parameters that are not named after what they hold: {route key: {param: world attr}}.
PARAMS = {
    "reports:dashboard": {"kind": "=municipality", "key": "=71022"},
    "reports:csv": {"kind": "=municipality", "key": "=71022"},
    "reports:geojson": {"kind": "=municipality", "key": "=71022"},
    "police:broadcast": {"pk": "broadcast"},
    "police:reply_detail": {"pk": "reply"},
    # django-otp's device pages fail (500) on a missing device instead of answering 404
    "admin:otp_totp_totpdevice_config": {"pk": "totp"},
    "admin:otp_totp_totpdevice_qrcode": {"pk": "totp"},
}
#: What a parameter name holds everywhere else (world attribute whose .pk fills it).
DEFAULT_PARAMS = {
    "group_id": "group",
    "alert_id": "alert",
    "zone_id": "zone",
    "outbound_id": "police_outbound",
    "message_id": "police_outbound",
    "broadcast_id": "broadcast",
    "reply_id": "reply",
    "item_id": "held",
    "kind": "=alerts",  # "=": a literal; the held item is an alert
    # admin: an id no object has (the same on every database); the permission check comes first
    "object_id": "=2000000001",
    "content_type_id": "=2000000001",
    "pk": "=2000000001",
    "id": "=2000000001",
    "app_label": "=organisation",
    "url": "=no-such-page/",
    "token": "=not-a-valid-link",  # sign-in link and invitation: an unknown token (410/ok)
    "nis": "=71022",  # reports: the municipality of the group (Hasselt)
}

LOGIN_PATHS = {settings.LOGIN_URL, "/login/", "/admin/login/"}


def outcome(response) -> str:
    status = response.status_code
    if 200 <= status < 300:
        return "ok"
    if status in (301, 302, 303, 307, 308):
        return "login" if urlsplit(response["Location"]).path in LOGIN_PATHS else "ok"
    if status in (401, 403, 404):
        return "deny"
    return str(status)


def entry_for(key: str) -> str | None:
    """The line for a route: its own, else the first family (fnmatch pattern) matching it."""
    if key in MATRIX:
        return MATRIX[key]
    for pattern, line in MATRIX.items():
        if any(c in pattern for c in "*?[") and fnmatch.fnmatchcase(key, pattern):
            return line
    return None


def expected(key: str) -> dict[str, str]:
    tokens = entry_for(key).split()
    assert len(tokens) == len(ROLES), f"{key}: {len(tokens)} outcomes for {len(ROLES)} roles"
    return dict(zip(ROLES, tokens, strict=True))


# --- the world -------------------------------------------------------------------------------


@pytest.fixture
def matrix_world(live, make_user):  # noqa: F811
    """Two zones with a group each; an open and a held alert in the first group, a police
    message with an answer, a broadcast; one person per role."""
    w = live
    w.member = w.members[1]
    w.other = make_user("outsider")
    Membership.objects.create(group=w.other_group, user=w.other, status=Membership.Status.ACTIVE)
    w.police2 = w.other_police
    w.analyst = make_user("analyst", role=StaffRole.Kind.PROVINCIAL_ANALYST, province="Limburg")
    w.staff = User.objects.create(username="backoffice", is_staff=True, is_superuser=True)
    w.totp = TOTPDevice.objects.create(user=w.staff, name="phone", confirmed=False)
    w.roles = {
        "anon": None, "member": w.member, "other": w.other, "coord": w.coordinator,
        "police": w.police, "police2": w.police2, "prev": w.prevention,
        "zadmin": w.zone_admin, "analyst": w.analyst, "staff": w.staff,
    }  # fmt: skip

    poster = Client()
    poster.force_login(w.author)
    made = poster.post(
        f"/api/groups/{w.group.pk}/alerts", alert_payload(), content_type="application/json"
    )
    assert made.status_code == 201, made.content
    w.alert = Alert.objects.get(pk=made.json()["id"])
    assert w.alert.status == Status.OPEN
    poster.force_login(w.members[2])
    held = poster.post(
        f"/api/groups/{w.group.pk}/alerts",
        alert_payload(
            description="De eigenaar, Jan Peeters, is bereikbaar op 0470 12 34 56.",
            force_new=True,
        ),
        content_type="application/json",
    )
    assert held.status_code == 201, held.content
    w.held = Alert.objects.get(pk=held.json()["id"])
    assert w.held.status == Status.HELD, w.held.status

    item = messages.send_police_message(
        w.group, by=w.police, title="Inbraken", text="Sluit ramen en deuren."
    )
    w.police_outbound = item.message
    w.reply = messages.reply_to_police(
        outbound_message_id=item.message_id, user=w.author, text="Ik zag niets.", channel="web"
    )
    w.broadcast = broadcasts.send_broadcast(
        by=w.police, kind="warning", title="Valse agenten", text="Laat niemand binnen.",
        target="groups", detail={"groups": [w.group.pk]},
    )  # fmt: skip
    return w


def fill(route: Route, world) -> str:
    path = route.path
    for param in route.params:
        source = PARAMS.get(route.key, {}).get(param, DEFAULT_PARAMS.get(param))
        assert source is not None, f"{route.key}: say what fills {{{param}}} in DEFAULT_PARAMS"
        if source.startswith("="):
            value = source.removeprefix("=")
        else:
            value = getattr(world, source).pk
        path = path.replace("{" + param + "}", str(value))
    return path


def request_as(role: str, route: Route, world) -> str:
    """One request as `role`, inside a transaction that is rolled back afterwards."""
    method = route.methods[0]
    if route.key in DIRECT:
        return DIRECT[route.key](world, world.roles[role])
    with transaction.atomic():
        client = Client(raise_request_exception=False)
        if world.roles[role] is not None:
            client.force_login(world.roles[role])
        url = fill(route, world)
        kwargs = {}
        body = BODIES.get(route.key)
        if callable(body):
            body = body(world)
        if method in ("POST", "PUT", "PATCH") and route.key.split()[0] == method:
            kwargs = {"data": json.dumps(body or {}), "content_type": "application/json"}
        response = getattr(client, method.lower())(url, **kwargs)
        if getattr(response, "streaming", False):
            response.close()
        transaction.set_rollback(True)
    return outcome(response)


# --- the tests -------------------------------------------------------------------------------

ROUTES = all_routes()
PLAIN_ROUTES = [r for r in ROUTES if not r.key.startswith("admin:")]
ADMIN_ROUTES = [r for r in ROUTES if r.key.startswith("admin:")]


def test_every_route_has_an_entry():
    missing = [r for r in ROUTES if entry_for(r.key) is None]
    lines = [f'    "{r.key}": "{" ".join(["?"] * len(ROLES))}",  # {r.path}' for r in missing]
    assert not missing, (
        "These routes have no line in MATRIX (tests/web/test_authorisation_matrix.py); "
        "add one per route with the outcome for each of "
        + " ".join(ROLES)
        + ":\n"
        + "\n".join(lines)
    )


def test_every_entry_names_a_route():
    keys = {r.key for r in ROUTES}
    stale = [
        k for k in MATRIX
        if k not in keys and not any(fnmatch.fnmatchcase(key, k) for key in keys)
    ]  # fmt: skip
    assert not stale, "MATRIX has lines for routes that no longer exist: " + ", ".join(stale)


def test_every_line_has_one_outcome_per_role():
    allowed = {"ok", "login", "deny"}
    for key, line in MATRIX.items():
        tokens = line.split()
        assert len(tokens) == len(ROLES), f"{key}: {len(tokens)} outcomes for {len(ROLES)}"
        for t in tokens:
            assert t in allowed or (t.isdigit() and len(t) == 3), f"{key}: bad outcome {t!r}"


def _check(routes, world) -> list[str]:
    wrong = []
    for route in routes:
        if entry_for(route.key) is None:
            continue  # reported by test_every_route_has_an_entry
        want = expected(route.key)
        for role in ROLES:
            got = request_as(role, route, world)
            if got != want[role]:
                wrong.append(
                    f"{route.key} ({route.path}) as {role}: expected {want[role]}, got {got}"
                )
    return wrong


def test_every_route_allows_and_denies_as_the_matrix_says(matrix_world):
    """One world for all routes (building it is the slow part); every request is rolled back,
    and the failure lists every route and role that differs from its line."""
    assert len(PLAIN_ROUTES) > 50
    wrong = _check(PLAIN_ROUTES, matrix_world)
    assert not wrong, "\n".join(wrong)


def test_admin_is_for_staff_only(matrix_world):
    assert len(ADMIN_ROUTES) > 20  # every registered model's pages are walked
    wrong = _check(ADMIN_ROUTES, matrix_world)
    assert not wrong, "\n".join(wrong)


def test_the_outcomes_are_not_vacuous(matrix_world):
    """The matrix would pass trivially if every request failed the same way: a member reads
    the feed and an outsider does not, as observed through the same helper."""
    feed = next(r for r in PLAIN_ROUTES if r.key == "alerts:feed")
    assert request_as("member", feed, matrix_world) == "ok"
    assert request_as("other", feed, matrix_world) == "deny"
    assert request_as("anon", feed, matrix_world) == "login"
    matrix_world.alert.refresh_from_db()
    assert matrix_world.alert.status == Status.OPEN  # rolled back after the close by the coord
    assert timezone.now() - matrix_world.alert.created_at < timedelta(hours=1)
