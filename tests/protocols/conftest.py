"""Helpers for the protocol tests: write a protocol document to a temporary file."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
import yaml

from buurtwacht.protocols import clear_cache


@pytest.fixture(autouse=True)
def _fresh_cache():
    clear_cache()
    yield
    clear_cache()


@pytest.fixture
def write_protocol(tmp_path: Path) -> Callable[..., Path]:
    """Write a document (a dict, dumped as YAML, or raw YAML text) and return its path."""

    def write(document: dict | str, name: str = "variant.yaml") -> Path:
        path = tmp_path / name
        text = document if isinstance(document, str) else yaml.safe_dump(document)
        path.write_text(text, encoding="utf-8")
        return path

    return write


@pytest.fixture
def variant() -> Callable[..., dict]:
    """A minimal valid variant of be-type, with ``overrides`` merged in."""

    def make(**overrides) -> dict:
        document = {"id": "testdorp", "version": "2025.1", "extends": "be-type"}
        document.update(overrides)
        return document

    return make
