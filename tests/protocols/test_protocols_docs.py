"""docs/protocols.md documents every key, every tightening rule and every placeholder."""

from __future__ import annotations

from pathlib import Path

import pytest
from pydantic import BaseModel

from buurtwacht.protocols import Protocol, load_protocol
from buurtwacht.protocols.loader import ADDENDUM_KEY, _placeholders
from buurtwacht.protocols.rules import RULES

DOCS = Path(__file__).resolve().parents[2] / "docs" / "protocols.md"


def _keys(model: type[BaseModel], prefix: str = ""):
    for name, field in model.model_fields.items():
        path = f"{prefix}{name}"
        annotation = field.annotation
        if isinstance(annotation, type) and issubclass(annotation, BaseModel):
            yield from _keys(annotation, f"{path}.")
        else:
            yield path


@pytest.fixture(scope="module")
def docs() -> str:
    return DOCS.read_text(encoding="utf-8")


def test_every_key_is_documented(docs):
    keys = [*_keys(Protocol), "categories.<name>.required_fields", ADDENDUM_KEY]
    missing = [key for key in keys if f"`{key}`" not in docs]
    assert not missing


def test_every_tightening_rule_is_documented(docs):
    section = docs.split("## The tightening rules", 1)[1].split("\n## ", 1)[0]
    assert not [rule for rule in RULES if f"`{rule}`" not in section]


def test_every_placeholder_is_documented(docs):
    names = _placeholders(load_protocol("hasselt"))
    assert not [name for name in names if f"`{{{name}}}`" not in docs]


def test_every_shipped_protocol_is_documented(docs):
    for protocol_id in ("be-type", "hasselt", "beringen", "lanaken"):
        assert f"| `{protocol_id}` |" in docs
