"""Resident sign-in: ask for a code, type it (or open the link). Staff views: views_staff.py.

Every answer to a code request is the same page whether or not an account exists; wrong codes
count against the challenge (5) and against django-axes (AXES_FAILURE_LIMIT), whose lockout
page refuses even the right code until the cool-off has passed.
"""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth.signals import user_login_failed
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from . import codes, staff
from .forms import CodeForm, CodeRequestForm
from .throttle import client_ip, is_allowed, locked_out

CHALLENGE_KEY = "accounts_challenge"
NEXT_KEY = "accounts_next"
BACKEND = "django.contrib.auth.backends.ModelBackend"


def safe_next(request, value: str | None) -> str:
    if value and url_has_allowed_host_and_scheme(
        value, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return value
    return settings.LOGIN_REDIRECT_URL


def sign_in(request, user, *, device=None) -> None:
    """Log the user in (with the device that verified them, for staff) and set the session's
    lifetime: staff short and ending with the browser, residents SESSION_COOKIE_AGE."""
    login(request, user, backend=BACKEND)
    if device is not None:
        from django_otp import login as otp_login

        otp_login(request, device)
    staff.apply_session_policy(request, user)


@require_http_methods(["GET", "POST"])
def code_request(request):
    form = CodeRequestForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        identifier = form.cleaned_data["parsed"]
        try:
            challenge = codes.issue(
                identifier=identifier, ip=client_ip(request),
                language=request.LANGUAGE_CODE[:2],
            )  # fmt: skip
        except codes.Throttled:
            form.add_error(None, _("Too many codes were asked for. Please wait an hour."))
        else:
            request.session[CHALLENGE_KEY] = {"id": challenge.pk, "key": identifier.index[:24]}
            request.session[NEXT_KEY] = safe_next(request, request.GET.get("next"))
            return redirect("accounts:code_enter")
    return render(request, "accounts/code_request.html", {"form": form.accessible()})


def _credentials(request) -> dict:
    """What axes counts code failures under: a prefix of the blind index, never the address."""
    challenge = request.session.get(CHALLENGE_KEY) or {}
    return {"username": f"code:{challenge.get('key', '-')}"}


@require_http_methods(["GET", "POST"])
def code_enter(request):
    challenge = request.session.get(CHALLENGE_KEY)
    if not challenge:
        return redirect("accounts:code_request")
    credentials = _credentials(request)
    form = CodeForm(request.POST or None)
    if request.method == "POST":
        if not is_allowed(request, credentials):
            return locked_out(request, credentials)
        if form.is_valid():
            outcome = codes.check_code(challenge["id"], form.cleaned_data["code"])
            if outcome.status == "ok":
                request.session.pop(CHALLENGE_KEY, None)
                next_url = request.session.pop(NEXT_KEY, None)
                sign_in(request, outcome.user)
                return redirect(safe_next(request, next_url))
            user_login_failed.send(sender=CodeForm, credentials=credentials, request=request)
            if getattr(request, "axes_locked_out", False):
                return locked_out(request, credentials)
            form.add_error("code", _code_error(outcome))
    context = {"form": form.accessible(), "minutes": settings.ACCOUNTS_CODE_TTL_SECONDS // 60}
    return render(request, "accounts/code_enter.html", context)


def _code_error(outcome) -> str:
    if outcome.status == "wrong":
        return _("This code is not right. You can try %(n)d more time(s).") % {
            "n": outcome.remaining
        }
    if outcome.status == "exhausted":
        return _("Too many wrong codes. Please ask for a new code.")
    return _("This code has expired or was already used. Please ask for a new code.")


@require_http_methods(["GET", "POST"])
def link(request, token: str):
    """GET only shows a button: mail scanners that open links must not spend a single-use
    link. The POST signs in."""
    if request.method == "POST":
        user = codes.consume_link(token)
        if user is not None:
            sign_in(request, user)
            return redirect(settings.LOGIN_REDIRECT_URL)
        messages.error(request, _("This sign-in link has expired or was already used."))
        return redirect("accounts:code_request")
    return render(request, "accounts/link.html")
