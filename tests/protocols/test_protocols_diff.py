"""diff_protocols: plain-words lines, exactly one per key a variant changes."""

from __future__ import annotations

from importlib import resources

import yaml

from buurtwacht.protocols import diff_protocols, load_protocol, load_protocol_file, shipped_ids


def _leaves(value, prefix=""):
    if isinstance(value, dict):
        for key, item in value.items():
            yield from _leaves(item, f"{prefix}.{key}" if prefix else key)
    else:
        yield prefix, value


def _override(protocol_id: str) -> dict:
    text = (
        resources.files("buurtwacht.protocols")
        .joinpath("documents", f"{protocol_id}.yaml")
        .read_text(encoding="utf-8")
    )
    return yaml.safe_load(text)


def _keys(lines: list[str]) -> set[str]:
    return {line.split(":", 1)[0] for line in lines}


def test_hasselt_diff_lists_exactly_its_overrides():
    base = load_protocol("be-type").document()
    base_leaves = dict(_leaves(base))
    override = _override("hasselt")
    expected = {
        path: value
        for path, value in _leaves(override)
        if path.split(".")[0] not in {"id", "extends", "version"} and base_leaves.get(path) != value
    }
    assert expected  # the variant does change something
    lines = diff_protocols("be-type", "hasselt")
    assert _keys(lines) == set(expected)
    assert len(lines) == len(expected)
    by_key = {line.split(":", 1)[0]: line for line in lines}
    for path, value in expected.items():
        assert f"-> {value}" in by_key[path]
        assert (
            f"{base_leaves[path] if base_leaves[path] is not None else 'none'} ->" in by_key[path]
        )


def test_hasselt_diff_in_plain_words():
    lines = diff_protocols("be-type", load_protocol("hasselt"))
    assert "retention_days: 30 -> 14 (shorter)" in lines
    assert "findings.discrimination: hold -> block (stricter)" in lines
    assert "max_group_size: 250 -> 150 (lower)" in lines
    assert "numbers.zone: none -> 011 26 78 00" in lines


def test_every_variant_diff_covers_its_overrides():
    for protocol_id in shipped_ids()[1:]:
        override = {k: v for k, v in _override(protocol_id).items()}
        override.pop("charter_addendum", None)
        expected = {
            path for path, _ in _leaves(override) if path.split(".")[0] not in {"id", "extends"}
        } - {"version"}
        assert expected <= _keys(diff_protocols("be-type", protocol_id)), protocol_id


def test_diff_reports_charter_addendum_as_extended_text():
    lines = diff_protocols("be-type", "lanaken")
    for lang in ("nl", "fr", "de", "en"):
        assert any(line.startswith(f"charter.{lang}: text extended") for line in lines)
    assert "findings.third_party_data: hold -> block (stricter)" in lines


def test_diff_lists_added_required_fields():
    lines = diff_protocols("be-type", "beringen")
    assert any(
        line.startswith("categories.burglary.required_fields:") and "(adds direction)" in line
        for line in lines
    )
    assert "auto_close_hours: 12 -> 6 (shorter)" in lines


def test_diff_is_directional_and_empty_for_itself():
    assert diff_protocols("hasselt", "hasselt") == []
    assert "retention_days: 14 -> 30 (longer)" in diff_protocols("hasselt", "be-type")


def test_diff_with_a_file_and_a_version_change(write_protocol):
    path = write_protocol(
        {"id": "hasselt", "version": "2025.2", "extends": "be-type", "retention_days": 10}
    )
    lines = diff_protocols("hasselt", load_protocol_file(path))
    assert "version: 2025.1 -> 2025.2" in lines
    assert "retention_days: 14 -> 10 (shorter)" in lines
    assert "findings.discrimination: block -> hold (milder)" in lines


def test_diff_sees_a_model_copy():
    base = load_protocol("be-type")
    stricter = base.model_copy(update={"posting": "coordinators", "strike_limit": 1})
    assert diff_protocols(base, stricter) == [
        "posting: members -> coordinators (stricter)",
        "strike_limit: 3 -> 1 (lower)",
    ]
