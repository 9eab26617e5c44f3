"""Resident-facing pages: the start page (my groups, what my roles open), and the PWA files
(manifest, service worker, offline page)."""

import json
from functools import cache

from django.contrib.staticfiles import finders
from django.http import HttpResponse
from django.shortcuts import render
from django.templatetags.static import static
from django.utils.translation import gettext as _
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET

from buurtwacht.organisation.models import Group, Membership
from buurtwacht.organisation.roles import READING_STATUSES


def home(request):
    mine = []
    if request.user.is_authenticated:
        mine = list(
            Membership.objects.filter(user=request.user, status__in=READING_STATUSES)
            .select_related("group__neighbourhood__municipality")
            .order_by("group__name")
        )
    live = Group.objects.filter(status=Group.Status.LIVE)
    groups = live.select_related("neighbourhood__municipality").order_by("name")[:50]
    return render(
        request,
        "web/home.html",
        {"groups": groups, "mine": mine, "live_count": live.count()},
    )


@require_GET
def offline(request):
    """What the service worker shows for a page it has no copy of while offline."""
    return render(request, "web/offline.html")


@require_GET
@cache_control(max_age=3600)
def manifest(request):
    """The web app manifest (installable PWA), in the visitor's language."""
    data = {
        "name": "Buurtwacht",
        "short_name": "Buurtwacht",
        "description": _("Neighbourhood alert groups: the police first, then the group."),
        "lang": getattr(request, "LANGUAGE_CODE", "nl"),
        "start_url": "/",
        "scope": "/",
        "display": "standalone",
        "background_color": "#f5f6f8",
        "theme_color": "#0b5cad",
        "icons": [
            {"src": static("web/icon.svg"), "sizes": "any", "type": "image/svg+xml"},
            {"src": static("web/icon-192.png"), "sizes": "192x192", "type": "image/png"},
            {
                "src": static("web/icon-512.png"),
                "sizes": "512x512",
                "type": "image/png",
                "purpose": "any maskable",
            },
        ],  # fmt: skip
    }
    return HttpResponse(
        json.dumps(data, ensure_ascii=False), content_type="application/manifest+json"
    )


@cache
def _service_worker_source() -> bytes:
    with open(finders.find("web/sw.js"), "rb") as f:
        return f.read()


@require_GET
@cache_control(no_cache=True)
def service_worker(request):
    """sw.js from the site root, so its scope is the whole site (a file under /static/
    could only control /static/)."""
    response = HttpResponse(_service_worker_source(), content_type="text/javascript")
    response["Service-Worker-Allowed"] = "/"
    return response
