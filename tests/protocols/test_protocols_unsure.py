"""The `unsure` key (issue 10): what screening does with a message it is unsure of."""

from __future__ import annotations

import pytest

from buurtwacht.protocols import ProtocolError, load_protocol, load_protocol_file, validate_file
from buurtwacht.protocols.rules import check_tightening


def test_be_type_holds_unsure_messages():
    assert load_protocol("be-type").unsure == "hold"
    for pid in ("hasselt", "beringen", "lanaken"):
        assert load_protocol(pid).unsure in ("hold", "block")


def test_a_variant_may_block_unsure_messages(write_protocol, variant):
    path = write_protocol(variant(unsure="block"))
    assert validate_file(path) == []
    assert load_protocol_file(path).unsure == "block"


def test_delivering_unsure_messages_is_not_a_value(write_protocol, variant):
    path = write_protocol(variant(unsure="allow"))
    with pytest.raises(ProtocolError) as info:
        load_protocol_file(path)
    assert any("unsure" in m for m in info.value.errors), info.value.errors


def test_a_variant_cannot_go_from_block_to_hold():
    base = load_protocol("be-type").model_copy(update={"unsure": "block"})
    loose = base.model_copy(update={"unsure": "hold", "id": "testdorp"})
    errors = check_tightening(loose, base)
    assert any(e.startswith("unsure:") and "milder" in e for e in errors), errors
    assert not [e for e in check_tightening(base, base) if e.startswith("unsure")]
