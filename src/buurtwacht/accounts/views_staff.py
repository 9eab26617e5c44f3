"""Password sign-in, then the second factor for staff: verify, or enrol the first time.

After a right password a staff member is not signed in yet: the session only holds a
"pending" mark (user, time, where to go) for PENDING_SECONDS, and `login()` happens once the
TOTP or recovery code is right, so a password alone opens nothing. A resident with a password
(the demo accounts) is signed in at once: residents never need TOTP. A staff member already
signed in without a verified device (by a resident's code, say) is asked for the code on
staff pages (step-up) through the same verify view.
"""

from urllib.parse import urlencode

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.signals import user_login_failed
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods
from django_otp.plugins.otp_totp.models import TOTPDevice

from . import staff
from .enforcement import otp_required
from .forms import PasswordForm, TokenForm
from .throttle import is_allowed, locked_out
from .views import safe_next, sign_in

PENDING_KEY = "accounts_pending"
ENROL_KEY = "accounts_enrol_device"
PENDING_SECONDS = 300


def _go(name: str, next_url: str):
    """Redirect to a step of the sign-in, keeping where the person was going."""
    return redirect(f"{reverse(name)}?{urlencode({'next': next_url})}")


@require_http_methods(["GET", "POST"])
def password_login(request):
    next_url = safe_next(request, request.POST.get("next") or request.GET.get("next"))
    form = PasswordForm(request, data=request.POST or None)
    if request.method == "POST" and form.is_valid():
        user = form.get_user()
        if not staff.is_staff_account(user):
            sign_in(request, user)
            return redirect(next_url)
        request.session[PENDING_KEY] = {
            "user": user.pk, "at": timezone.now().timestamp(), "next": next_url,
        }  # fmt: skip
        return _go(
            "accounts:otp_verify" if staff.has_totp(user) else "accounts:otp_enrol", next_url
        )
    context = {"form": form.accessible(), "next": next_url}
    return render(request, "accounts/login.html", context)


def _pending(request):
    """(user, next) of the sign-in in progress, or of a signed-in staff member (step-up)."""
    data = request.session.get(PENDING_KEY)
    if data and timezone.now().timestamp() - data["at"] < PENDING_SECONDS:
        user = get_user_model().objects.filter(pk=data["user"], is_active=True).first()
        return user, data["next"]
    request.session.pop(PENDING_KEY, None)
    if staff.is_staff_account(request.user):
        return request.user, safe_next(request, request.GET.get("next"))
    return None, ""


def _failed(request, user, form, credentials):
    user_login_failed.send(sender=TokenForm, credentials=credentials, request=request)
    if getattr(request, "axes_locked_out", False):
        return locked_out(request, credentials)
    form.add_error(
        "token", _("This code is not right. Check the time on your phone and try again.")
    )
    return None


def _done(request, user, device):
    request.session.pop(PENDING_KEY, None)
    request.session.pop(ENROL_KEY, None)
    sign_in(request, user, device=device)


@never_cache
@require_http_methods(["GET", "POST"])
def otp_verify(request):
    user, next_url = _pending(request)
    if user is None:
        return redirect("accounts:login")
    if not staff.has_totp(user):
        return _go("accounts:otp_enrol", next_url)
    if request.user.is_authenticated and request.user.is_verified():
        return redirect(next_url)
    credentials = {"username": user.get_username()}
    form = TokenForm(request.POST or None)
    if request.method == "POST":
        if not is_allowed(request, credentials):
            return locked_out(request, credentials)
        if form.is_valid():
            device = staff.verify(user, form.cleaned_data["token"])
            if device is not None:
                _done(request, user, device)
                return redirect(next_url)
            refused = _failed(request, user, form, credentials)
            if refused is not None:
                return refused
    context = {"form": form.accessible(), "recovery_left": staff.recovery_codes_left(user)}
    return render(request, "accounts/otp_verify.html", context)


@never_cache
@require_http_methods(["GET", "POST"])
def otp_enrol(request):
    """First enrolment (after the password), or a new phone (only when already verified: a
    password alone must never be enough to replace a working device)."""
    user, next_url = _pending(request)
    if user is None:
        return redirect("accounts:login")
    verified = request.user.is_authenticated and request.user.is_verified()
    if staff.has_totp(user) and not verified:
        return _go("accounts:otp_verify", next_url)
    credentials = {"username": user.get_username()}
    form = TokenForm(request.POST or None)
    device = None
    if request.method == "POST":
        device = TOTPDevice.objects.filter(
            pk=request.session.get(ENROL_KEY) or 0, user=user, confirmed=False
        ).first()
        if device is None:
            return _go("accounts:otp_enrol", next_url)
        if not is_allowed(request, credentials):
            return locked_out(request, credentials)
        if form.is_valid():
            codes = staff.confirm_enrolment(device, form.cleaned_data["token"])
            if codes is not None:
                _done(request, user, device)
                return _show_codes(request, codes, next_url)
            refused = _failed(request, user, form, credentials)
            if refused is not None:
                return refused
    if device is None:
        device = staff.start_enrolment(user)
        request.session[ENROL_KEY] = device.pk
    context = {
        "form": form.accessible(),
        "qr": staff.qr_svg(device),
        "secret": staff.secret_of(device),
        "issuer": settings.OTP_TOTP_ISSUER,
    }
    return render(request, "accounts/otp_enrol.html", context)


def _show_codes(request, codes, next_url):
    context = {"codes": codes, "next": next_url}
    return render(request, "accounts/recovery_codes.html", context)


@never_cache
@otp_required
@require_http_methods(["GET", "POST"])
def recovery_codes(request):
    """New recovery codes for a verified staff member (the old ones stop working)."""
    if request.method == "POST":
        return _show_codes(request, staff.new_recovery_codes(request.user), "/")
    context = {"left": staff.recovery_codes_left(request.user)}
    return render(request, "accounts/recovery_codes_new.html", context)
