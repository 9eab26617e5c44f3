"""Generate the labelled screening corpus of issue 10 and split it once into train and eval.

    .venv/bin/python tests/screening/data/make_corpus.py    # rewrites screen-train/eval.jsonl

Messages come from the template families in families_{nl,fr,de,en}.py: slots are filled from
per-language lists, then chat noise is applied (typos, all caps, lower case, stretched letters,
emoji, missing punctuation) without changing the labels. The split is by *template*: every
message made from one template lands on the same side, so the eval part measures sentence
shapes never seen in training, not memorised ones. Seeded: the output is reproducible.
Language shares follow the issue: nl 60%, fr 25%, de 8%, en 7%.
"""

from __future__ import annotations

import hashlib
import json
import random
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import extra_de  # noqa: E402
import extra_en  # noqa: E402
import extra_fr  # noqa: E402
import extra_nl  # noqa: E402
import families_de  # noqa: E402
import families_en  # noqa: E402
import families_fr  # noqa: E402
import families_nl  # noqa: E402

SEED = 10
TOTAL = 1300
SHARES = {"nl": 0.60, "fr": 0.25, "de": 0.08, "en": 0.07}
MODULES = {"nl": families_nl, "fr": families_fr, "de": families_de, "en": families_en}
# Corpus v2 (added after the first checkpoint): its own seed, and each template goes to eval
# when a hash of its text says so, so v1's split above stays exactly as it was.
EXTRA = {"nl": extra_nl, "fr": extra_fr, "de": extra_de, "en": extra_en}
TOTAL_V2 = 620
EVAL_SHARE = 0.3
_SLOT = re.compile(r"\{(\w+)\}")
_EMOJI = ["👀", "⚠️", "😬", "🙈", "‼️", "🚨", "😱"]


def _typo(rng: random.Random, text: str) -> str:
    words = text.split(" ")
    idx = [i for i, w in enumerate(words) if len(w) >= 5 and w.isalpha()]
    if not idx:
        return text
    i = rng.choice(idx)
    w = words[i]
    k = rng.randrange(1, len(w) - 1)
    op = rng.random()
    if op < 0.4:
        w = w[:k] + w[k + 1] + w[k] + w[k + 2 :]  # swap
    elif op < 0.7:
        w = w[:k] + w[k + 1 :]  # drop
    else:
        w = w[:k] + w[k] + w[k:]  # double
    words[i] = w
    return " ".join(words)


def _noise(rng: random.Random, text: str, findings: list[str]) -> str:
    """Chat noise that a human reader ignores; labels stay as they are."""
    if rng.random() < 0.25:
        text = _typo(rng, text)
    if rng.random() < 0.1:
        text = _typo(rng, text)
    r = rng.random()
    if r < 0.08:
        text = text.upper()
    elif r < 0.3:
        text = text.lower()
    if rng.random() < 0.15:
        text = text.rstrip(".!?") + rng.choice(["!!!", "!!", "...", " !!", "?!"])
    if rng.random() < 0.1:
        text = re.sub(
            r"\b(\w*?)([aeou])(\w*)\b",
            lambda m: m.group(1) + m.group(2) * 3 + m.group(3),
            text,
            count=1,
        )
    if rng.random() < 0.12:
        text = f"{text} {rng.choice(_EMOJI)}"
    if rng.random() < 0.15:
        text = text.replace(",", "").replace(".", "")
    return re.sub(r"\s+", " ", text).strip()


def _fill(rng: random.Random, template: str, slots: dict[str, list[str]]) -> str:
    return _SLOT.sub(lambda m: rng.choice(slots[m.group(1)]), template)


def generate() -> tuple[list[dict], list[dict]]:
    rng = random.Random(SEED)
    train: list[dict] = []
    evaluation: list[dict] = []
    seen: set[str] = set()
    for lang, mod in MODULES.items():
        templates = [(fam, i, t) for fam, ts in mod.FAMILIES.items() for i, t in enumerate(ts)]
        per = max(1, round(TOTAL * SHARES[lang] / len(templates)))
        for fam, ts in mod.FAMILIES.items():
            order = list(range(len(ts)))
            rng.shuffle(order)
            n_eval = round(len(ts) * EVAL_SHARE) if len(ts) >= 2 else 0
            eval_ids = set(order[:n_eval])
            for i, (template, kind, category, findings) in enumerate(ts):
                out = evaluation if i in eval_ids else train
                made = 0
                for _ in range(per * 4):
                    if made == per:
                        break
                    text = _noise(rng, _fill(rng, template, mod.SLOTS), findings)
                    if text.lower() in seen:
                        continue
                    seen.add(text.lower())
                    made += 1
                    out.append({
                        "id": f"g-{lang}-{fam}-{i:02d}-{made:02d}", "lang": lang, "text": text,
                        "kind": kind, "category": category, "findings": sorted(findings),
                    })  # fmt: skip
    rng = random.Random(SEED + 1)
    for lang, mod in EXTRA.items():
        slots = MODULES[lang].SLOTS
        templates = [t for ts in mod.FAMILIES.values() for t in ts]
        per = max(2, round(TOTAL_V2 * SHARES[lang] / len(templates)))
        for fam, ts in mod.FAMILIES.items():
            for i, (template, kind, category, findings) in enumerate(ts):
                digest = hashlib.sha256(template.encode()).digest()
                out = evaluation if digest[0] % 10 < EVAL_SHARE * 10 else train
                made = 0
                for _ in range(per * 4):
                    if made == per:
                        break
                    text = _noise(rng, _fill(rng, template, slots), findings)
                    if text.lower() in seen:
                        continue
                    seen.add(text.lower())
                    made += 1
                    out.append({
                        "id": f"g-{lang}-{fam}-{i:02d}-{made:02d}", "lang": lang, "text": text,
                        "kind": kind, "category": category, "findings": sorted(findings),
                    })  # fmt: skip
    return train, evaluation


def main() -> int:
    train, evaluation = generate()
    for name, rows in (("screen-train.jsonl", train), ("screen-eval.jsonl", evaluation)):
        with open(HERE / name, "w", encoding="utf-8") as fh:
            for row in rows:
                fh.write(json.dumps(row, ensure_ascii=False) + "\n")
        print(name, len(rows))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
