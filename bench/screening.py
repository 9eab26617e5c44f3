"""Benchmark and quality table for buurtwacht.screening.

    .venv/bin/python bench/screening.py [--corpus PATH] [--eval PATH ...] [--examples] [--quick]

For the dev corpus, each data split (generated train and eval, free-form train) and every
`--eval PATH` file (JSON lines with text, kind, category, findings; scored, never trained on),
prints kind/category accuracy, precision/recall/F1 per finding, the confusion matrix of verdicts
(expected verdict computed from the labels with DEFAULT_ACTIONS vs actual), throughput on one
core, p50/p99 time per message, and the time for 10,000-character adversarial inputs.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))

from buurtwacht.screening import FINDINGS, screen  # noqa: E402
from buurtwacht.screening.verdict import decide  # noqa: E402

VERDICTS = ("allow", "hold", "block")


def load(path: Path) -> list[dict]:
    return [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines() if x.strip()]


def quality(rows: list[dict]) -> None:
    n = len(rows)
    kind_ok = cat_ok = 0
    tp = dict.fromkeys(FINDINGS, 0)
    fp = dict.fromkeys(FINDINGS, 0)
    fn = dict.fromkeys(FINDINGS, 0)
    conf = {(e, a): 0 for e in VERDICTS for a in VERDICTS}
    wrongly_stopped = []
    unsure = unreviewed = danger = clean_alerts = clean_delivered = 0
    unreviewed_ids: list = []
    caught = dict.fromkeys(("vigilantism", "emergency"), 0)
    support = dict.fromkeys(("vigilantism", "emergency"), 0)
    for row in rows:
        r = screen(row["text"])
        unsure += any(x.rule == "unsure" for x in r.reasons)
        for name in caught:
            if name in row["findings"]:
                support[name] += 1
                caught[name] += name in r.finding_names or name in {u.name for u in r.unsure}
        if {"vigilantism", "emergency"} & set(row["findings"]):
            danger += 1
            # delivered to members unreviewed: allowed, and (for an emergency) not because the
            # 112 call was made; an allowed vigilantism message is never reviewed
            called = "police_called" in r.finding_names and "vigilantism" not in row["findings"]
            if r.verdict == "allow" and not called:
                unreviewed += 1
                unreviewed_ids.append(row.get("id"))
        if row["kind"] == "alert" and decide(row["kind"], row["findings"], "nl")[0] == "allow":
            clean_alerts += 1
            clean_delivered += r.verdict == "allow"
        kind_ok += r.kind == row["kind"]
        cat_ok += r.category == row["category"]
        got, exp = set(r.finding_names), set(row["findings"])
        for f in FINDINGS:
            tp[f] += f in got and f in exp
            fp[f] += f in got and f not in exp
            fn[f] += f in exp and f not in got
        ev = decide(row["kind"], row["findings"], "nl")[0]
        conf[(ev, r.verdict)] += 1
        if row["kind"] == "alert" and ev == "allow" and r.verdict != "allow":
            wrongly_stopped.append(row.get("id"))
    print(f"messages            {n}")
    print(f"kind accuracy       {kind_ok / n:.3f}")
    print(f"category accuracy   {cat_ok / n:.3f}")
    print()
    print(f"{'finding':18} {'prec':>6} {'recall':>6} {'F1':>6} {'support':>8}")
    for f in FINDINGS:
        p = tp[f] / (tp[f] + fp[f]) if tp[f] + fp[f] else 1.0
        r = tp[f] / (tp[f] + fn[f]) if tp[f] + fn[f] else 1.0
        f1 = 2 * p * r / (p + r) if p + r else 0.0
        print(f"{f:18} {p:6.3f} {r:6.3f} {f1:6.3f} {tp[f] + fn[f]:8d}")
    print()
    print("verdicts: expected (rows) vs actual (columns)")
    print(f"{'':10}" + "".join(f"{a:>8}" for a in VERDICTS))
    for e in VERDICTS:
        print(f"{e:10}" + "".join(f"{conf[(e, a)]:8d}" for a in VERDICTS))
    print(f"clean alerts held/blocked by mistake: {len(wrongly_stopped)} {wrongly_stopped or ''}")
    print(f"held as unsure      {unsure / n:.3f} ({unsure} of {n})")
    print(
        f"vigilantism/emergency delivered unreviewed: {unreviewed} of {danger}",
        unreviewed_ids or "",
    )
    for name in caught:
        if support[name]:
            print(f"{name} found or held unsure: {caught[name] / support[name]:.3f}")
    if clean_alerts:
        print(f"clean alerts delivered at once {clean_delivered / clean_alerts:.3f}")


def speed(rows: list[dict]) -> None:
    texts = [r["text"] for r in rows]
    for t in texts:  # warm caches (lexicon index, fold cache)
        screen(t)
    times = []
    rounds = max(1, 6000 // len(texts))
    t_all = time.process_time()
    for _ in range(rounds):
        for t in texts:
            t0 = time.process_time()
            screen(t)
            times.append(time.process_time() - t0)
    total = time.process_time() - t_all
    times.sort()
    print()
    print(
        f"throughput          {len(times) / total:,.0f} messages/s "
        f"(CPU time, one core, {len(times)} calls)"
    )
    print(f"p50 per message     {statistics.median(times) * 1000:.3f} ms")
    print(f"p99 per message     {times[int(len(times) * 0.99) - 1] * 1000:.3f} ms")
    adversarial = {
        "digits": "9" * 10_000,
        "digit-dash": "1-" * 5_000,
        "spaces+digits": "12 " * 3_333,
        "letters": "a" * 10_000,
        "plate-like": "AB-12 " * 1_666,
        "phone-like": "0478 12 34 56 " * 714,
        "quotes": "'aanpakken " * 900,
        "real text x": (texts[1] + " ") * (10_000 // (len(texts[1]) + 1)),
    }
    print("10k chars of hostile input, best and worst of 3 runs (the worst can include a")
    print("full garbage collection of the process, about 30 ms here):")
    for name, text in adversarial.items():
        text = text[:10_000]
        runs = []
        for _ in range(3):
            t0 = time.process_time()
            screen(text)
            runs.append(time.process_time() - t0)
        print(f"10k chars {name:14} {min(runs) * 1000:8.1f} ms  (worst {max(runs) * 1000:.1f})")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, default=REPO.parent / "shared/corpus/screen-dev.jsonl")
    ap.add_argument(
        "--examples", action="store_true", help="also score tests/screening/examples.py"
    )
    ap.add_argument(
        "--eval", type=Path, action="append", default=[], metavar="PATH",
        help="also score this labelled JSON-lines file (repeatable)",
    )  # fmt: skip
    ap.add_argument("--quick", action="store_true", help="quality only, no timings")
    ap.add_argument("--no-eval", action="store_true", help="skip the generated eval split")
    args = ap.parse_args(argv)
    rows = load(args.corpus)
    print(f"== corpus {args.corpus}")
    quality(rows)
    data = REPO / "tests" / "screening" / "data"
    for name, title in (
        ("screen-train.jsonl", "generated train split (the model is trained on it)"),
        ("screen-eval.jsonl", "generated eval split (templates never trained or tuned on)"),
        *(
            (f"screen-train-{n}.jsonl", f"free-form train set {n} (the model is trained on it)")
            for n in ("free", "free2", "free3", "free4", "free5", "free6")
        ),
    ):
        if args.no_eval and name == "screen-eval.jsonl":
            continue
        if (data / name).exists() and args.corpus.name != name:
            print()
            print(f"== {title}")
            quality(load(data / name))
    for path in args.eval:
        print()
        print(f"== --eval {path}")
        quality(load(path))
    if args.examples:
        sys.path.insert(0, str(REPO / "tests" / "screening"))
        from examples import EXAMPLES
        from examples_fresh import FRESH
        from examples_new import HELD_OUT, NEW

        def rows_of(examples, prefix):
            return [
                {"id": f"{prefix}{i}", "text": t, "kind": k, "category": c, "findings": f}
                for i, (_, t, k, c, f) in enumerate(examples)
            ]

        for title, examples, prefix in (
            ("own examples (tests/screening/examples.py)", EXAMPLES, "x"),
            ("new examples (tests/screening/examples_new.py NEW)", NEW, "n"),
            ("held-out examples, never tuned on (examples_new.py HELD_OUT)", HELD_OUT, "h"),
            ("fresh examples, never tuned on (examples_fresh.py FRESH)", FRESH, "f"),
        ):
            print()
            print(f"== {title}")
            quality(rows_of(examples, prefix))
    if not args.quick:
        speed(rows)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
