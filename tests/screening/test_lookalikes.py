"""Harmless look-alikes (idioms, objects on the ground, picking someone up, opinions about the
law, figurative fighting) stay clean; true positives close to them stay detected."""

import pytest
from examples_lookalikes import LOOKALIKES

from buurtwacht.screening import screen


@pytest.mark.parametrize(("lang", "text", "findings"), LOOKALIKES)
def test_lookalike(lang, text, findings):
    got = {f for f in screen(text, lang).finding_names if f in ("emergency", "vigilantism")}
    assert got == set(findings)


def test_lookalikes_cover_four_languages():
    assert {x[0] for x in LOOKALIKES} == {"nl", "fr", "de", "en"}
    assert sum(1 for x in LOOKALIKES if x[2]) >= 10
