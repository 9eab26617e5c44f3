"""Broadened emergency/vigilantism rules: tuning probes in four languages (with negations and
harmless look-alikes). FRESH in examples_fresh.py is never tuned on and only reported by the
bench; here it is only checked for shape."""

import pytest
from examples_fresh import FRESH, TUNING

from buurtwacht.screening import screen


@pytest.mark.parametrize(("lang", "text", "findings"), TUNING)
def test_tuning_probe(lang, text, findings):
    got = {f for f in screen(text, lang).finding_names if f in ("emergency", "vigilantism")}
    assert got == set(findings)


def test_fresh_shape():
    assert len(FRESH) == 40
    for lang in ("nl", "fr", "de", "en"):
        assert sum(1 for x in FRESH if x[0] == lang) == 10
