"""django-axes as the one throttle for passwords, TOTP codes and sign-in codes.

Password sign-in goes through axes by itself (its authentication backend); the code and TOTP
steps report failures with Django's `user_login_failed` signal, which axes counts, and ask
axes before checking. The lockout page is ours (AXES_LOCKOUT_CALLABLE): translated, 429,
with the cool-off in minutes.
"""

from axes.handlers.proxy import AxesProxyHandler
from axes.helpers import get_client_ip_address, get_cool_off, get_lockout_response
from django.shortcuts import render


def client_ip(request) -> str:
    return get_client_ip_address(request) or ""


def is_allowed(request, credentials: dict) -> bool:
    return AxesProxyHandler.is_allowed(request, credentials)


def locked_out(request, credentials: dict):
    return get_lockout_response(request, None, credentials)


def lockout_response(request, original_response=None, credentials=None):
    """AXES_LOCKOUT_CALLABLE: our page, in the person's language."""
    cool_off = get_cool_off(request)
    minutes = int(cool_off.total_seconds() // 60) if cool_off else 0
    return render(request, "accounts/locked_out.html", {"minutes": minutes}, status=429)
