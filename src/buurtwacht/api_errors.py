"""Every error of the JSON API in one declared shape, in the reader's language.

Django Ninja answers a 404, a failed validation, a missing session or an unreadable body with
`{"detail": ...}` in English, a shape no route declares: a client cannot tell from the schema
what it will get, and schemathesis rightly calls it a violation. Here each such error becomes a
`Problem` (`code`, a translated `message`, and the machine-readable `detail`), and the routers
declare these statuses (`STANDARD`) next to their own refusals, which have the same two
required fields. Refused input is refused before any action runs, so it changes nothing.
"""

from typing import Any

from django.http import Http404
from django.utils.translation import gettext as _
from ninja import NinjaAPI, Schema
from ninja.errors import AuthenticationError, HttpError, ValidationError


class Problem(Schema):
    code: str
    message: str
    detail: Any = None


# The statuses any signed-in route can answer, whatever it does: declare them on every route.
STANDARD = {400: Problem, 401: Problem, 404: Problem, 422: Problem}

# Where a field sits in Ninja's error location, which is not the field's name.
_LOCATION_PARTS = {"body", "payload", "path", "query", "filters", "header", "cookie", "form"}


def _fields(errors: list[dict]) -> str:
    names = []
    for error in errors:
        parts = [str(p) for p in error.get("loc", ()) if str(p) not in _LOCATION_PARTS]
        name = ".".join(parts) or _("request body")
        if name not in names:
            names.append(name)
    return ", ".join(names)


def _problem(api: NinjaAPI, request, status: int, code: str, message: str, detail=None):
    return api.create_response(
        request, {"code": code, "message": message, "detail": detail}, status=status
    )


def install(api: NinjaAPI) -> None:
    """Replace Ninja's default error answers (ours are registered later, so they win)."""

    @api.exception_handler(ValidationError)
    def invalid(request, exc: ValidationError):
        message = _("Some fields are missing or not valid: %(fields)s. Nothing was changed.") % {
            "fields": _fields(exc.errors)
        }
        return _problem(api, request, 422, "invalid", message, exc.errors)

    @api.exception_handler(Http404)
    def not_found(request, exc):
        return _problem(api, request, 404, "not_found", _("This does not exist or is not yours."))

    @api.exception_handler(AuthenticationError)
    def unauthorized(request, exc):
        return _problem(api, request, 401, "unauthorized", _("Please sign in first."))

    @api.exception_handler(HttpError)
    def http_error(request, exc: HttpError):
        status = exc.status_code
        if status == 400:
            code, message = "bad_request", _("The request could not be read: send valid JSON.")
        elif status == 403 and "CSRF" in str(exc):
            code, message = "csrf_failed", _("The security token is missing; reload the page.")
        elif status == 429:
            code, message = "throttled", _("Too many requests; please wait a moment.")
        else:
            code, message = f"http_{status}", str(exc)
        return _problem(api, request, status, code, message, str(exc))
