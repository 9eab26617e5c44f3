"""`buurtwacht privacy export USER` (JSON on stdout or --output FILE) and
`buurtwacht privacy erase USER [--yes] [--reason TEXT]`.

USER is a username, or `id:<number>`. Erasing from the command line is audited with no actor
(an operator at the console) and the reason given.
"""

import json

from django.core.management.base import BaseCommand, CommandError
from django.core.serializers.json import DjangoJSONEncoder

from buurtwacht.organisation.models import User
from buurtwacht.privacy import subject_rights, triggers
from buurtwacht.privacy.models import audit


def _user(ref: str) -> User:
    try:
        if ref.startswith("id:"):
            return User.objects.get(pk=int(ref[3:]))
        return User.objects.get(username=ref)
    except (User.DoesNotExist, ValueError) as exc:
        raise CommandError(f"no user {ref!r} (give a username or id:<number>)") from exc


class Command(BaseCommand):
    help = "A member's data: export it as JSON, or erase it."

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="action", required=True)
        export = sub.add_parser("export", help="print all of USER's data as JSON")
        export.add_argument("user")
        export.add_argument("--output", "-o", help="write to this file instead of stdout")
        erase = sub.add_parser("erase", help="erase USER's account and contents")
        erase.add_argument("user")
        erase.add_argument("--reason", default="request by command line")
        erase.add_argument("--yes", action="store_true", help="do not ask for confirmation")
        sub.add_parser("check", help="say whether the audit log's triggers are installed")

    def handle(self, *args, action, **options):
        if action == "check":
            from django.db import connection

            ok = triggers.installed(connection)
            self.stdout.write("audit triggers: " + ("installed" if ok else "MISSING"))
            if not ok:
                raise CommandError("the audit log is not protected by triggers; run migrate")
            return
        user = _user(options["user"])
        if action == "export":
            self._export(user, options.get("output"))
        else:
            self._erase(user, options)

    def _export(self, user, output):
        body = json.dumps(
            subject_rights.export_data(user), cls=DjangoJSONEncoder, ensure_ascii=False, indent=2
        )
        audit(actor=None, action="export_data", subject=user, detail="command line")
        if output:
            with open(output, "w", encoding="utf-8") as handle:
                handle.write(body + "\n")
            self.stderr.write(f"written to {output}")
        else:
            self.stdout.write(body)

    def _erase(self, user, options):
        if not options["yes"]:
            answer = input(f"Erase {user.username} (id {user.pk})? This cannot be undone. [y/N] ")
            if answer.strip().lower() not in ("y", "yes"):
                raise CommandError("not erased")
        if subject_rights.erase(user, actor=None, reason=options["reason"]):
            self.stdout.write(f"erased user id {user.pk}")
        else:
            self.stdout.write(f"user id {user.pk} was already erased; nothing changed")
