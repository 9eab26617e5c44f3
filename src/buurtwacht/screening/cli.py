"""`buurtwacht screen`: screen JSON lines from stdin, one JSON line out per line in.

Batch use by coordinators and for evaluation: {"id", "text", optional "lang"} in,
{"id", "kind", "category", "findings", "verdict", "reasons"} out. A bad line gets an output
line with an "error" field and the run continues: nothing in a batch is silently dropped.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Mapping
from typing import IO

from . import screen


def _actions(protocol: str | None) -> Mapping[str, str] | None:
    if not protocol:
        return None
    from buurtwacht.protocols import load_protocol  # lazy: protocols is a separate package

    p = load_protocol(protocol)
    return {**p.findings, "unsure": p.unsure}


def main(
    argv: list[str] | None = None, stdin: IO[str] | None = None, stdout: IO[str] | None = None
) -> int:
    parser = argparse.ArgumentParser(prog="buurtwacht screen", description=__doc__.splitlines()[0])
    parser.add_argument("--protocol", help="protocol id (e.g. be-type, hasselt); default be-type")
    parser.add_argument("--lang", choices=("nl", "fr", "de", "en"), help="force the language")
    args = parser.parse_args(argv)
    stdin = stdin if stdin is not None else sys.stdin
    stdout = stdout if stdout is not None else sys.stdout
    try:
        actions = _actions(args.protocol)
    except Exception as exc:  # unknown protocol, invalid variant: say so and stop
        print(json.dumps({"error": f"protocol {args.protocol!r}: {exc}"}), file=stdout)
        return 2
    for n, line in enumerate(stdin, 1):
        if not line.strip():
            continue
        out: dict = {}
        try:
            item = json.loads(line)
            if not isinstance(item, dict):
                raise ValueError("a line must be a JSON object")
            out["id"] = item.get("id")
            text = item.get("text")
            if not isinstance(text, str):
                raise ValueError('missing "text" (a string)')
            r = screen(text, item.get("lang") or args.lang, actions=actions)
            out.update(
                kind=r.kind,
                category=r.category,
                findings=r.finding_names,
                verdict=r.verdict,
                reasons=[x.message for x in r.reasons],
            )
        except (ValueError, TypeError) as exc:
            out.setdefault("id", None)
            out["line"] = n
            out["error"] = str(exc)
        stdout.write(json.dumps(out, ensure_ascii=False) + "\n")
    stdout.flush()
    return 0  # error lines are in the output; the batch itself ran


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
