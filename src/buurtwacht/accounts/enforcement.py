"""Staff pages need a verified second factor: one middleware rule plus a decorator and mixin.

The middleware covers every path under settings.OTP_REQUIRED_PATHS (police console, audit
log, admin, reports), so a new staff page under those prefixes is protected without anybody
remembering to; `otp_required` / `OtpRequiredMixin` cover staff views elsewhere. On those
paths an anonymous visitor goes to the password sign-in (Django admin's own login form is
never shown: it would skip the second factor), a staff member without a verified device to
the verification step. Residents pass on to the view, which decides (they are refused there).

It also ends staff sessions at their deadline (staff.STAFF_UNTIL_KEY), since a session that
expires at browser close has no age of its own on the server.
"""

from __future__ import annotations

from functools import wraps
from urllib.parse import urlencode

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from .staff import STAFF_UNTIL_KEY, is_staff_account


def _to(name: str, next_path: str):
    return redirect(f"{reverse(name)}?{urlencode({'next': next_path})}")


def otp_path(path: str) -> bool:
    return any(path.startswith(prefix) for prefix in settings.OTP_REQUIRED_PATHS)


def refusal(request):
    """The redirect a request to a staff page needs, or None when it may go on."""
    user = request.user
    if not user.is_authenticated:
        return _to("accounts:login", request.get_full_path())
    if is_staff_account(user) and not user.is_verified():
        return _to("accounts:otp_verify", request.get_full_path())
    return None


class OtpRequiredMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        ended = self._ended(request)
        if ended is not None:
            return ended
        if otp_path(request.path_info):
            refused = refusal(request)
            if refused is not None:
                return refused
        return self.get_response(request)

    @staticmethod
    def _ended(request):
        deadline = request.session.get(STAFF_UNTIL_KEY)
        if deadline is None or timezone.now().timestamp() < deadline:
            return None
        logout(request)
        messages.info(request, _("Your staff session has ended. Please sign in again."))
        return _to("accounts:login", request.get_full_path())


def otp_required(view):
    """For staff views outside OTP_REQUIRED_PATHS: signed in and a verified device."""

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        refused = refusal(request)
        if refused is None and not is_staff_account(request.user):
            from django.core.exceptions import PermissionDenied

            raise PermissionDenied
        return refused or view(request, *args, **kwargs)

    return wrapped


class OtpRequiredMixin:
    """Class-based views: the same as `otp_required`."""

    @classmethod
    def as_view(cls, **initkwargs):
        return otp_required(super().as_view(**initkwargs))
