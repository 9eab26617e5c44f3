"""``buurtwacht protocol list | show ID | validate FILE | diff ID1 ID2 | charter ID``.

The main CLI hands its remaining arguments to ``main``. Everything (errors, help and
usage too) is written to ``stdout`` so that callers and tests capture one stream; the exit
code tells success (0), a protocol problem (1) or a usage error (2).
"""

from __future__ import annotations

import argparse
import contextlib
import sys
from pathlib import Path
from typing import TextIO

import yaml

from .charter import render_charter_html, render_charter_pdf, render_charter_text
from .diff import diff_protocols
from .errors import ProtocolError
from .loader import list_protocols, load_protocol, load_protocol_file, validate_file
from .schema import LANGUAGES, Protocol


class _Dumper(yaml.SafeDumper):
    """Writes multi-line texts (charter) as literal blocks, readable and diffable."""


def _str_representer(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    style = "|" if "\n" in value else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_Dumper.add_representer(str, _str_representer)


def dump_yaml(protocol: Protocol) -> str:
    """The merged protocol as YAML; the output is itself a valid protocol file."""
    data = protocol.model_dump(mode="python")
    return yaml.dump(data, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=100)


def _protocol(ref: str) -> Protocol:
    """A shipped id, or a path to a file (anything with a slash or ending in .yaml)."""
    if "/" in ref or ref.endswith((".yaml", ".yml")):
        return load_protocol_file(ref)
    return load_protocol(ref)


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="buurtwacht protocol", description="Protocol documents: list, show, validate, diff."
    )
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("list", help="shipped protocols: id, version, extends")
    show = sub.add_parser("show", help="the merged protocol as YAML")
    show.add_argument("id", help="shipped id or path to a protocol file")
    validate = sub.add_parser("validate", help="check a protocol file; OK or the errors")
    validate.add_argument("file")
    diff = sub.add_parser("diff", help="what ID2 changes against ID1, in plain words")
    diff.add_argument("id1", help="shipped id or path to a protocol file")
    diff.add_argument("id2", help="shipped id or path to a protocol file")
    charter = sub.add_parser("charter", help="render the charter (text, html or pdf)")
    charter.add_argument("id", help="shipped id or path to a protocol file")
    charter.add_argument("--lang", choices=LANGUAGES, default="nl")
    charter.add_argument("--format", choices=("text", "html", "pdf"), default="text")
    charter.add_argument("--group-name")
    charter.add_argument("--municipality")
    charter.add_argument("--zone")
    charter.add_argument("-o", "--output", help="write to this file (required for pdf)")
    return parser


def _run(args: argparse.Namespace, out: TextIO) -> int:
    if args.command == "list":
        rows = [(p.id, p.version, p.extends or "-") for p in list_protocols()]
        width = max(len(row[0]) for row in rows)
        out.write(f"{'id':<{width}}  version  extends\n")
        for pid, version, extends in rows:
            out.write(f"{pid:<{width}}  {version:<7}  {extends}\n")
        return 0
    if args.command == "show":
        out.write(dump_yaml(_protocol(args.id)))
        return 0
    if args.command == "validate":
        errors = validate_file(args.file)
        for error in errors:
            out.write(error + "\n")
        if not errors:
            out.write("OK\n")
        return 1 if errors else 0
    if args.command == "diff":
        lines = diff_protocols(_protocol(args.id1), _protocol(args.id2))
        for line in lines:
            out.write(line + "\n")
        if not lines:
            out.write("no differences\n")
        return 0
    if args.command == "charter":
        protocol = _protocol(args.id)
        extra = {
            "group_name": args.group_name,
            "municipality": args.municipality,
            "zone": args.zone,
        }
        if args.format == "pdf":
            if not args.output:
                out.write("error: --output FILE is required for --format pdf\n")
                return 2
            Path(args.output).write_bytes(render_charter_pdf(protocol, args.lang, **extra))
            out.write(f"wrote {args.output}\n")
            return 0
        render = render_charter_html if args.format == "html" else render_charter_text
        text = render(protocol, args.lang, **extra)
        if args.output:
            Path(args.output).write_text(text, encoding="utf-8")
            out.write(f"wrote {args.output}\n")
        else:
            out.write(text)
        return 0
    raise AssertionError(args.command)  # pragma: no cover - argparse rejects others


def main(argv: list[str] | None = None, stdout: TextIO | None = None) -> int:
    """Run the ``protocol`` subcommand; return the exit code."""
    out = stdout if stdout is not None else sys.stdout
    parser = _parser()
    try:
        # argparse writes help and usage errors itself; send them to the same stream
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(out):
            args = parser.parse_args(argv)
    except SystemExit as exc:
        return int(exc.code or 0)
    try:
        return _run(args, out)
    except ProtocolError as exc:
        for error in exc.errors:
            out.write(f"error: {error}\n")
        return 1


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
