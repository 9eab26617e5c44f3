"""`buurtwacht whatsapp-sim`: a member's phone in the terminal, against the local stand-in.

Starts the stand-in Graph API (delivery/whatsapp/standin.py) with the same credentials the
hub uses (settings WHATSAPP_APP_SECRET, WHATSAPP_ACCESS_TOKEN, WHATSAPP_VERIFY_TOKEN,
WHATSAPP_PHONE_NUMBER_ID, or the development defaults below), so a newcomer can walk the
conversational alert without Meta: run the hub with WHATSAPP_API_BASE pointing here.
"""

import sys

from django.conf import settings
from django.core.management.base import BaseCommand

from buurtwacht.delivery.whatsapp import sim
from buurtwacht.delivery.whatsapp.standin import Phone, StandIn

DEV_DEFAULTS = {
    "WHATSAPP_APP_SECRET": "dev-app-secret",
    "WHATSAPP_ACCESS_TOKEN": "dev-access-token",
    "WHATSAPP_VERIFY_TOKEN": "dev-verify-token",
    "WHATSAPP_PHONE_NUMBER_ID": "100000000000001",
}


def credential(name: str) -> str:
    return getattr(settings, name, "") or DEV_DEFAULTS[name]


class Command(BaseCommand):
    help = "Play a member's WhatsApp phone against the local stand-in Graph API."

    def add_arguments(self, parser):
        parser.add_argument("--port", type=int, default=8089, help="stand-in port (8089)")
        parser.add_argument("--hub", default="http://127.0.0.1:8000", help="the hub's base URL")
        parser.add_argument("--wa-id", default="32470000001", help="this phone's number")
        parser.add_argument("--user-id", default=None, help="a BSUID; with --no-number: hidden")
        parser.add_argument("--no-number", action="store_true", help="username user (BSUID only)")
        parser.add_argument("--name", default="Jan", help="profile name")
        parser.add_argument("--pair-interval", type=float, default=6.0, help="seconds (6)")

    def handle(self, *args, **opts):
        standin = StandIn(
            app_secret=credential("WHATSAPP_APP_SECRET"),
            access_token=credential("WHATSAPP_ACCESS_TOKEN"),
            verify_token=credential("WHATSAPP_VERIFY_TOKEN"),
            phone_number_id=credential("WHATSAPP_PHONE_NUMBER_ID"),
            webhook_url=opts["hub"].rstrip("/") + "/webhooks/whatsapp",
            version=getattr(settings, "WHATSAPP_API_VERSION", "") or "v23.0",
            pair_interval_seconds=opts["pair_interval"],
            port=opts["port"],
        )
        user_id = opts["user_id"] or ("BE.1502576394655843" if opts["no_number"] else None)
        wa_id = None if opts["no_number"] else opts["wa_id"]
        with standin:
            phone = Phone(standin, wa_id=wa_id, user_id=user_id, name=opts["name"])
            self.stdout.write(sim.banner(standin, phone))
            try:
                status, _ = standin.verify()
                self.stdout.write(f"Webhook verification by the hub: HTTP {status}")
            except Exception as error:  # the hub may simply not run yet
                self.stdout.write(f"Webhook verification failed ({error}); is the hub running?")
            sim.run(standin, phone, sys.stdin, self.stdout)
