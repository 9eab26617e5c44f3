"""The ASGI application: Django, with the live feed's lean route in front of it
(delivery/live/front.py: a feed connect skips the middleware stack, same rules and headers)."""

import os

from django.core.asgi import get_asgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "buurtwacht.settings")
django_application = get_asgi_application()

from buurtwacht.delivery.live.front import LiveFront  # noqa: E402 - needs Django set up

application = LiveFront(django_application)
