"""Speak to a signed-in person in the language they chose in their profile.

Runs after authentication: an explicit choice on this device (the language cookie set by the
language switcher) wins; otherwise the profile's language; otherwise Accept-Language.
"""

from django.conf import settings
from django.utils import translation
from django.utils.deprecation import MiddlewareMixin


class UserLanguageMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        chosen = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
        if not chosen and user is not None and user.is_authenticated and user.language:
            translation.activate(user.language)
            request.LANGUAGE_CODE = user.language
        return self.get_response(request)


class SecurityHeadersMiddleware(MiddlewareMixin):
    """Content-Security-Policy and Permissions-Policy on every response (docs/security.md).

    Django's SecurityMiddleware already sends X-Content-Type-Options, Referrer-Policy and
    Cross-Origin-Opener-Policy, and XFrameOptionsMiddleware sends X-Frame-Options; Django 5.2
    has no CSP of its own. The policy is one fixed string (no nonces: there is no inline script
    or style anywhere, so nothing needs one), built once from settings.CONTENT_SECURITY_POLICY.
    A view that needs a different policy sets the header itself and is left alone. Sync and
    async capable (MiddlewareMixin), so the SSE feed stays on the event loop.
    """

    def __init__(self, get_response):
        super().__init__(get_response)
        self.csp = "; ".join(
            " ".join([directive, *sources])
            for directive, sources in settings.CONTENT_SECURITY_POLICY.items()
        )
        self.permissions = ", ".join(
            f"{feature}=({' '.join(allow)})"
            for feature, allow in settings.PERMISSIONS_POLICY.items()
        )

    def process_response(self, request, response):
        if self.csp:
            response.headers.setdefault("Content-Security-Policy", self.csp)
        if self.permissions:
            response.headers.setdefault("Permissions-Policy", self.permissions)
        if not getattr(response, "xframe_options_exempt", False):
            # WhiteNoise answers static files before XFrameOptionsMiddleware is reached
            response.headers.setdefault("X-Frame-Options", settings.X_FRAME_OPTIONS)
        return response
