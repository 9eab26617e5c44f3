"""Scoring helpers shared by the corpus test and bench/screening.py."""

from buurtwacht.screening import FINDINGS, screen
from buurtwacht.screening.verdict import decide


def expected_verdict(kind, findings, lang="nl"):
    return decide(kind, findings, lang)[0]


def score(rows):
    """rows: dicts with text, kind, category, findings. Returns a metrics dict."""
    n = len(rows)
    kind_ok = cat_ok = 0
    tp = dict.fromkeys(FINDINGS, 0)
    fp = dict.fromkeys(FINDINGS, 0)
    fn = dict.fromkeys(FINDINGS, 0)
    confusion: dict[tuple[str, str], int] = {}
    wrongly_stopped = []
    for row in rows:
        r = screen(row["text"], row.get("lang"))
        kind_ok += r.kind == row["kind"]
        cat_ok += r.category == row["category"]
        got, exp = set(r.finding_names), set(row["findings"])
        for f in FINDINGS:
            if f in got and f in exp:
                tp[f] += 1
            elif f in got:
                fp[f] += 1
            elif f in exp:
                fn[f] += 1
        ev = expected_verdict(row["kind"], row["findings"])
        confusion[(ev, r.verdict)] = confusion.get((ev, r.verdict), 0) + 1
        if row["kind"] == "alert" and ev == "allow" and r.verdict != "allow":
            wrongly_stopped.append((row.get("id"), row["text"], r.verdict))
    per = {}
    for f in FINDINGS:
        p = tp[f] / (tp[f] + fp[f]) if tp[f] + fp[f] else 1.0
        rc = tp[f] / (tp[f] + fn[f]) if tp[f] + fn[f] else 1.0
        f1 = 2 * p * rc / (p + rc) if p + rc else 0.0
        per[f] = {"precision": p, "recall": rc, "f1": f1, "support": tp[f] + fn[f]}
    return {
        "n": n,
        "kind_accuracy": kind_ok / n,
        "category_accuracy": cat_ok / n,
        "findings": per,
        "confusion": confusion,
        "wrongly_stopped": wrongly_stopped,
    }
