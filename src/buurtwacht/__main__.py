"""`buurtwacht`: the project's command line (manage.py plus our own commands).

`screen` and `protocol` are pure tools that need no database, so they run without starting
Django; everything else goes through Django's management commands. Command names may be
written with dashes (`import-neighbourhoods`); `runserver` serves through uvicorn (ASGI), so
live feeds work exactly as in production.
"""

import os
import sys

PURE_COMMANDS = {
    "screen": "buurtwacht.screening.cli",
    "protocol": "buurtwacht.protocols.cli",
}
ALIASES = {"runserver": "serve"}


def main(argv: list[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if args and args[0] in PURE_COMMANDS:
        from importlib import import_module

        return import_module(PURE_COMMANDS[args[0]]).main(args[1:])
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "buurtwacht.settings")
    if args:
        args[0] = ALIASES.get(args[0], args[0].replace("-", "_"))
    from django.core.management import execute_from_command_line

    execute_from_command_line(["buurtwacht", *args])
    return 0


if __name__ == "__main__":
    sys.exit(main())
