"""A lean route for the SSE feed in front of Django's ASGI handler (buurtwacht/asgi.py).

Why: through Django, every feed connect ran the whole middleware stack (sessions, user, OTP,
messages, locale, axes...) on the one thread sync middleware shares, 20-60 ms of CPU per
connect, which is what kept 2,000 feeds from connecting within a minute (bench/load.py).
Here a connect costs one off-loop call to live/access.py (session, user and reader level in
a few queries) and the stream itself.

What stays the same: the URL (resolved through the URL conf, so it cannot drift from
live/urls.py), the access rules (access.reader, which the Django view uses too), the stream
(stream.event_stream) and the security headers: the response headers of the middlewares that
add them (SecurityMiddleware, SecurityHeadersMiddleware, XFrameOptionsMiddleware) are set by
those very middlewares on this response. Anything unusual is handed to Django untouched, which
then answers as before: another method, a host not in ALLOWED_HOSTS, a plain-HTTP request that
SECURE_SSL_REDIRECT sends to HTTPS, a path an operator put under OTP_REQUIRED_PATHS, and every
refusal (so a 403 is Django's own).
"""

import asyncio
import io
import logging

from django.conf import settings
from django.core.exceptions import DisallowedHost
from django.core.handlers.asgi import ASGIRequest
from django.http import HttpResponse
from django.urls import Resolver404, resolve
from django.utils.module_loading import import_string

from buurtwacht.accounts.enforcement import otp_path

from . import pubsub, stream, views

log = logging.getLogger(__name__)

ROUTE = "live:group-events"
#: Middlewares whose only effect on a feed's response is the headers they add.
HEADER_MIDDLEWARE = (
    "django.middleware.security.SecurityMiddleware",
    "buurtwacht.web.middleware.SecurityHeadersMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
)


def _no_response(request):
    raise AssertionError("only process_request/process_response are used")


class LiveFront:
    """ASGI app: GET of a group's feed is served here, everything else by `django_app`."""

    def __init__(self, django_app):
        self.django_app = django_app
        self._middleware = None

    @property
    def middleware(self) -> list:
        """The header-adding middlewares of settings.MIDDLEWARE, built once (lazily: settings
        are read only when the first request comes)."""
        if self._middleware is None:
            self._middleware = [
                import_string(path)(_no_response)
                for path in settings.MIDDLEWARE
                if path in HEADER_MIDDLEWARE
            ]
        return self._middleware

    async def __call__(self, scope, receive, send):
        group_id = self._feed_group(scope)
        if group_id is None:
            return await self.django_app(scope, receive, send)
        request = ASGIRequest(scope, io.BytesIO())
        try:
            request.get_host()  # ALLOWED_HOSTS
        except DisallowedHost:
            return await self.django_app(scope, receive, send)
        if any(getattr(m, "process_request", None) and m.process_request(request)
               for m in self.middleware):  # fmt: skip
            return await self.django_app(scope, receive, send)  # e.g. the HTTPS redirect
        if otp_path(request.path_info):
            return await self.django_app(scope, receive, send)  # a second factor is asked
        session_key = request.COOKIES.get(settings.SESSION_COOKIE_NAME)
        reader = await stream.reader(session_key=session_key, group_id=group_id)
        if reader is None:
            return await self.django_app(scope, receive, send)  # Django's own 403
        feed = stream.Feed(session_key=session_key, group_id=group_id, reader=reader)
        texts = stream.event_stream(
            pubsub.get_hub(), feed, last_id=views.requested_last_id(request)
        )
        await send(
            {"type": "http.response.start", "status": 200, "headers": self._headers(request)}
        )
        await _pump(texts, receive, send)

    @staticmethod
    def _feed_group(scope) -> int | None:
        """The group id when this is a GET of the feed URL, else None."""
        if scope["type"] != "http" or scope["method"] != "GET":
            return None
        path = scope["path"]
        if not path.startswith("/live/"):
            return None  # most requests: no resolving needed
        try:
            match = resolve(path)
        except Resolver404:
            return None
        return match.kwargs["group_id"] if match.view_name == ROUTE else None

    def _headers(self, request) -> list[tuple[bytes, bytes]]:
        """The feed's own headers plus those the security middlewares add, set by them."""
        response = HttpResponse(content_type=stream.CONTENT_TYPE)
        for name, value in stream.STREAM_HEADERS:
            response[name] = value
        for middleware in reversed(self.middleware):  # response order, as Django runs them
            if hasattr(middleware, "process_response"):
                response = middleware.process_response(request, response)
        del response["Content-Length"]
        return [(k.lower().encode("latin-1"), v.encode("latin-1")) for k, v in response.items()]


async def _pump(texts, receive, send) -> None:
    """Send the stream until it ends (access withdrawn) or the client goes away; in both cases
    the generator is closed, which releases its subscription."""

    async def body():
        async for chunk in texts:
            await send({"type": "http.response.body", "body": chunk, "more_body": True})
        await send({"type": "http.response.body", "body": b"", "more_body": False})

    async def disconnected():
        while (await receive())["type"] != "http.disconnect":
            pass

    sending = asyncio.ensure_future(body())
    watching = asyncio.ensure_future(disconnected())
    try:
        await asyncio.wait({sending, watching}, return_when=asyncio.FIRST_COMPLETED)
    finally:
        for task in (sending, watching):
            task.cancel()
        await asyncio.gather(sending, watching, return_exceptions=True)
        await texts.aclose()
    if not sending.cancelled() and sending.exception() is not None:
        log.error("live: feed failed", exc_info=sending.exception())
