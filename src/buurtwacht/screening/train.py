"""Train the screening model (learned.py) from labelled data in the repository.

    .venv/bin/python -m buurtwacht.screening.train          # writes screening/data/model.json
    .venv/bin/python -m buurtwacht.screening.train --cv 5   # grouped cross-validation only

Build-time only (needs numpy, a test dependency); screening itself never imports this. The
training data: the train split of the generated corpus (tests/screening/data/screen-train
.jsonl) and the hand-written example sets the rules were built on (examples.py EXAMPLES,
examples_new.py NEW; examples_lookalikes.py and the TUNING probes of examples_fresh.py for the
vigilantism/emergency heads only). Never the eval split, the dev corpus, HELD_OUT or FRESH.

Multinomial/binary logistic regression with L2, full-batch Adam on sparse binary features;
deterministic. Cross-validation folds are grouped by template (the id without its number), so
the thresholds are chosen on sentence shapes the fold did not train on, as the eval split is.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from pathlib import Path

from . import analysis, rule_stage
from .learned import BINARY, FEATURE_VERSION, HEADS, MODEL_PATH, features
from .model import CATEGORIES, KINDS

REPO = Path(__file__).resolve().parents[3]
DATA = REPO / "tests" / "screening"
THRESHOLDS = {
    "vigilantism": {"add": 0.75, "keep": 0.05, "lo": 0.25},
    "emergency": {"add": 0.5, "keep": 0.35, "lo": 0.25},
    "discrimination": {"add": 0.7},
    "police_called": {"add": 0.7},
    "kind": {"margin": 1.0},
}
L2 = 0.002
EPOCHS = 300
MIN_COUNT = 2


def training_rows() -> list[dict]:
    rows = [
        json.loads(x)
        for x in (DATA / "data" / "screen-train.jsonl").read_text(encoding="utf-8").splitlines()
        if x.strip()
    ]
    sys.path.insert(0, str(DATA))
    from examples import EXAMPLES
    from examples_fresh import TUNING
    from examples_lookalikes import LOOKALIKES
    from examples_new import NEW

    for name, ex in (("x", EXAMPLES), ("n", NEW)):
        for i, (lang, text, kind, cat, fs) in enumerate(ex):
            rows.append({"id": f"{name}{i}", "lang": lang, "text": text, "kind": kind,
                         "category": cat, "findings": sorted(fs)})  # fmt: skip
    for name, ex in (("l", LOOKALIKES), ("t", TUNING)):
        for i, (lang, text, fs) in enumerate(ex):
            rows.append({"id": f"{name}{i}", "lang": lang, "text": text, "kind": None,
                         "category": None, "findings": sorted(fs), "partial": True})  # fmt: skip
    return rows


def featurise(rows: list[dict], stages: list | None = None) -> list[list[str]]:
    """Features per row; `stages` (a list) receives (rule findings, rule kind) per row."""
    out = []
    for row in rows:
        an, _ = analysis(row["text"], None)
        stage = rule_stage(an)
        names = {f.name for f in stage.found}
        feats = features(an, names, stage.kind, stage.category)
        out.append(sorted(set(feats)))
        if stages is not None:
            stages.append((names, stage.kind, {c for c in ("vigilantism", "shaming") if an.get(c)}))
    return out


def _targets(rows: list[dict]):
    import numpy as np

    n, h = len(rows), len(HEADS)
    y = np.zeros((n, h))
    mask = np.zeros((n, h))
    for r, row in enumerate(rows):
        partial = row.get("partial")
        for k, name in enumerate(BINARY):
            if partial and name not in ("vigilantism", "emergency"):
                continue
            y[r, k] = name in row["findings"]
            mask[r, k] = 1
        if not partial:
            y[r, len(BINARY) + KINDS.index(row["kind"])] = 1
            mask[r, len(BINARY) : len(BINARY) + len(KINDS)] = 1
            if row["kind"] == "alert" and row["category"]:
                c = len(BINARY) + len(KINDS)
                y[r, c + CATEGORIES.index(row["category"])] = 1
                mask[r, c:] = 1
    return y, mask


def fit(feats: list[list[str]], rows: list[dict]):
    """Weights (features x heads) by full-batch Adam; returns (vocabulary, W)."""
    import numpy as np

    counts: dict[str, int] = {}
    for fs in feats:
        for f in fs:
            counts[f] = counts.get(f, 0) + 1
    vocab = sorted(f for f, c in counts.items() if c >= MIN_COUNT or f == "s:bias")
    col = {f: i for i, f in enumerate(vocab)}
    rr, cc = [], []
    for r, fs in enumerate(feats):
        for f in fs:
            if f in col:
                rr.append(r)
                cc.append(col[f])
    rows_i, cols_i = np.array(rr), np.array(cc)
    starts = np.searchsorted(rows_i, np.arange(len(rows)))
    y, mask = _targets(rows)
    nb, nk = len(BINARY), len(KINDS)
    w = np.zeros((len(vocab), len(HEADS)))
    m1, m2 = np.zeros_like(w), np.zeros_like(w)
    lr, b1, b2 = 0.05, 0.9, 0.999
    n = len(rows)
    for t in range(1, EPOCHS + 1):
        z = np.add.reduceat(w[cols_i], starts, axis=0)
        g = np.zeros_like(z)
        g[:, :nb] = (1 / (1 + np.exp(-z[:, :nb])) - y[:, :nb]) * mask[:, :nb]
        for a, b in ((nb, nb + nk), (nb + nk, len(HEADS))):
            zz = z[:, a:b] - z[:, a:b].max(axis=1, keepdims=True)
            p = np.exp(zz)
            p /= p.sum(axis=1, keepdims=True)
            g[:, a:b] = (p - y[:, a:b]) * mask[:, a:b]
        grad = np.zeros_like(w)
        np.add.at(grad, cols_i, g[rows_i])
        grad = grad / n + L2 * w
        m1 = b1 * m1 + (1 - b1) * grad
        m2 = b2 * m2 + (1 - b2) * grad * grad
        w -= lr * (m1 / (1 - b1**t)) / (np.sqrt(m2 / (1 - b2**t)) + 1e-8)
    return vocab, w


def _group(row_id: str) -> str:
    return row_id.rsplit("-", 1)[0] if row_id.startswith("g-") else row_id


def data_hash(rows: list[dict]) -> str:
    blob = json.dumps(rows, ensure_ascii=False, sort_keys=True).encode()
    return hashlib.sha256(blob).hexdigest()[:16]


def build(path: Path = MODEL_PATH) -> dict:
    rows = training_rows()
    vocab, w = fit(featurise(rows), rows)
    weights = {}
    for f, vec in zip(vocab, w.tolist(), strict=True):
        if max(abs(x) for x in vec) >= 0.01:
            weights[f] = [round(x, 4) for x in vec]
    data = {
        "version": FEATURE_VERSION, "heads": list(HEADS), "thresholds": THRESHOLDS,
        "trained_on": len(rows), "data_hash": data_hash(rows), "weights": weights,
    }  # fmt: skip
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")), "utf-8")
    return data


def cross_validate(k: int, thresholds: dict | None = None) -> dict:
    """Out-of-fold scores over template groups, decided by combine.policy exactly as at run
    time; prints and returns the metrics. This is the only place thresholds are tuned."""
    rows, stages, feats, z = out_of_fold(k)
    return evaluate(rows, stages, feats, z, thresholds or THRESHOLDS)


def out_of_fold(k: int):
    """(rows, rule stages, features, out-of-fold scores) for grouped k-fold CV."""
    import numpy as np

    rows = training_rows()
    stages: list = []
    feats = featurise(rows, stages)
    groups = sorted({_group(r["id"]) for r in rows})
    rng = np.random.default_rng(10)
    fold_of = dict(zip(groups, rng.integers(0, k, len(groups)).tolist(), strict=True))
    z = np.zeros((len(rows), len(HEADS)))
    for fold in range(k):
        tr = [i for i, r in enumerate(rows) if fold_of[_group(r["id"])] != fold]
        te = [i for i, r in enumerate(rows) if fold_of[_group(r["id"])] == fold]
        vocab, w = fit([feats[i] for i in tr], [rows[i] for i in tr])
        col = {f: i for i, f in enumerate(vocab)}
        for i in te:
            z[i] = w[[col[f] for f in feats[i] if f in col]].sum(axis=0)
    return rows, stages, feats, z


def evaluate(rows, stages, feats, z, thresholds) -> dict:
    from .combine import policy

    tp: dict[str, int] = {}
    fp: dict[str, int] = {}
    fn: dict[str, int] = {}
    kind_ok = n_full = unsure = danger = missed = 0
    show = bool(__import__("os").environ.get("BW_SHOW"))
    for i, row in enumerate(rows):
        sc = dict(zip(HEADS, z[i].tolist(), strict=True))
        cues = {f[2:] for f in feats[i] if f.startswith("q:")}
        cues |= {f"matched:{f[2:]}" for f in feats[i] if f[:2] in ("c:", "n:")}
        cues |= {f"matched:{n}" for n in stages[i][2]}
        kind, _, sure, doubt = policy(sc, stages[i][0], stages[i][1], thresholds, cues)
        unsure += bool(doubt)
        exp = set(row["findings"])
        if exp & {"vigilantism", "emergency"}:
            danger += 1
            missed += not ((exp & {"vigilantism", "emergency"}) <= (set(sure) | set(doubt)))
        names = ("vigilantism", "emergency") if row.get("partial") else BINARY
        if not row.get("partial"):
            n_full += 1
            kind_ok += kind == row["kind"]
        for name in names:
            got, want = name in sure, name in exp
            tp[name] = tp.get(name, 0) + (got and want)
            fp[name] = fp.get(name, 0) + (got and not want)
            fn[name] = fn.get(name, 0) + (want and not got)
            if show and got != want and name in ("vigilantism", "emergency"):
                print(f"  {name[:4]} {'FP' if got else 'FN'} {row['text'][:100]}")
    out = {"kind": kind_ok / n_full, "unsure": unsure / len(rows), "danger_missed": missed}
    for name in BINARY:
        out[name] = 2 * tp[name] / (2 * tp[name] + fp[name] + fn[name]) if tp[name] else 0.0
    print("  ".join(f"{k} {v:.3f}" if isinstance(v, float) else f"{k} {v}" for k, v in out.items()))
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--cv", type=int, default=0, help="k-fold grouped cross-validation only")
    args = ap.parse_args(argv)
    if args.cv:
        cross_validate(args.cv)
        return 0
    data = build()
    print(f"wrote {MODEL_PATH} ({len(data['weights'])} features, {data['trained_on']} rows)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
