"""`buurtwacht demo [--no-serve] [ADDRESS]`: migrate, load demo data, print logins, serve.

Serving starts the background worker as a child process, so one command gives a working hub.
"""

import subprocess
import sys

from django.core.management import call_command
from django.core.management.base import BaseCommand

from buurtwacht.organisation.demo import DEMO_PASSWORD, load_demo


class Command(BaseCommand):
    help = "Load the demo zone, groups and accounts (idempotent) and serve them."

    def add_arguments(self, parser):
        parser.add_argument("address", nargs="?", default="127.0.0.1:8000")
        parser.add_argument(
            "--no-serve", action="store_true", help="load the data into DATABASE_URL and exit"
        )

    def handle(self, *args, address, no_serve, **options):
        call_command("migrate", interactive=False, verbosity=0)
        groups = load_demo()
        if groups:
            self.stdout.write(f"Demo data loaded: {groups} groups.")
        else:
            self.stdout.write("Demo data was already loaded; nothing added.")
        self._print_logins(address)
        if no_serve:
            return
        worker = subprocess.Popen([sys.executable, "-m", "buurtwacht", "worker"])
        try:
            call_command("serve", address)
        finally:
            worker.terminate()
            worker.wait(timeout=10)

    def _print_logins(self, address):
        self.stdout.write(f"\nBuurtwacht demo on http://{address}/  (admin: /admin/)")
        self.stdout.write(f"All demo accounts use the password: {DEMO_PASSWORD}")
        for role, username in [
            ("superuser", "admin"),
            ("zone admin", "zoneadmin-hazodi"),
            ("police contact", "wijkinspecteur-hazodi"),
            ("prevention officer", "preventie-hasselt"),
            ("provincial analyst", "analist-limburg"),
            ("national admin", "fod-binnenlandse-zaken"),
            ("coordinator", "coordinator"),
            ("member", "member"),
        ]:
            self.stdout.write(f"  {role:<20} {username}")
        self.stdout.write(
            "Staff: after the password, set up an authenticator app (TOTP) at the first sign-in.\n"
            "Residents: /login/code/ sends a code to e.g. lid00002@demo.buurtwacht.be (SMTP on "
            "127.0.0.1:1025: python -m aiosmtpd -n -l 127.0.0.1:1025) or to +32470000002 by SMS "
            "(log provider: LOG_LEVEL=INFO shows it); docs/accounts.md."
        )
