"""Malformed documents: unknown keys and bad values are errors naming the key."""

from __future__ import annotations

import pytest

from buurtwacht.protocols import ProtocolError, load_protocol, load_protocol_file, validate_file


def only_error(path) -> str:
    errors = validate_file(path)
    assert errors, "expected the file to be refused"
    assert all(str(path) in e for e in errors)
    return "\n".join(errors)


def test_unknown_top_level_key_is_rejected(write_protocol, variant):
    message = only_error(write_protocol(variant(retention_dayz=10)))
    assert "retention_dayz: unknown key" in message


def test_unknown_nested_key_is_rejected(write_protocol, variant):
    message = only_error(write_protocol(variant(admission={"minimum_agee": 21})))
    assert "admission.minimum_agee: unknown key" in message


def test_unknown_category_and_finding_are_rejected(write_protocol, variant):
    message = only_error(
        write_protocol(
            variant(
                categories={"arson": {"required_fields": ["what"]}},
                findings={"rudeness": "block"},
            )
        )
    )
    assert "categories.arson: unknown key" in message
    assert "findings.rudeness: unknown key" in message


@pytest.mark.parametrize(
    ("overrides", "key"),
    [
        ({"findings": {"vigilantism": "forbid"}}, "findings.vigilantism"),
        ({"retention_days": "14"}, "retention_days"),
        ({"retention_days": 0}, "retention_days"),
        ({"call_first": "yes"}, "call_first"),
        ({"posting": "everyone"}, "posting"),
        ({"numbers": {"zone": "call us"}}, "numbers.zone"),
        (
            {"categories": {"fire": {"required_fields": ["what", "smell"]}}},
            "categories.fire.required_fields[1]",
        ),
        (
            {"categories": {"fire": {"required_fields": ["what", "what"]}}},
            "categories.fire.required_fields",
        ),
        ({"follow_up_merge": {"distance_m": -5}}, "follow_up_merge.distance_m"),
        ({"charter": {"nl": ""}}, "charter.nl"),
        ({"reminder": {"xx": "hallo"}}, "reminder.xx"),
        ({"version": "v2"}, "version"),
        ({"version": 2025.1}, "version"),
    ],
)
def test_bad_values_name_the_key(write_protocol, variant, overrides, key):
    assert f"{key}:" in only_error(write_protocol(variant(**overrides)))


def test_missing_own_id_and_version(write_protocol):
    message = only_error(write_protocol({"extends": "be-type"}))
    assert "id: missing" in message and "version: missing" in message


def test_unknown_base(write_protocol, variant):
    assert "extends: unknown protocol 'atlantis'" in only_error(
        write_protocol(variant(extends="atlantis"))
    )


def test_only_the_national_base_stands_alone(write_protocol, variant):
    assert "extends:" in only_error(write_protocol(variant(extends=None)))


def test_duplicate_key_is_rejected(write_protocol):
    text = "id: dup\nversion: '2025.1'\nextends: be-type\nretention_days: 7\nretention_days: 60\n"
    assert "written twice" in only_error(write_protocol(text))


def test_not_a_mapping_and_not_yaml(write_protocol):
    assert "mapping" in only_error(write_protocol("- just\n- a list\n"))
    assert "YAML" in only_error(write_protocol("id: [unclosed\n", name="broken.yaml"))


def test_missing_file(tmp_path):
    assert "cannot read" in only_error(tmp_path / "nope.yaml")


def test_unknown_placeholder_and_missing_numbers_in_charter(write_protocol, variant):
    charter = {lang: "Bel {emergency} of {police}. {foo}" for lang in ("nl", "fr", "de", "en")}
    charter["de"] = "Rufen Sie niemanden an."
    message = only_error(write_protocol(variant(charter=charter)))
    assert "charter.nl: unknown placeholder {foo}" in message
    assert "charter.de: must state the emergency number 112" in message


def test_charter_addendum_needs_every_language(write_protocol, variant):
    message = only_error(write_protocol(variant(charter_addendum={"nl": "Extra afspraak."})))
    assert "charter_addendum: missing language fr" in message


def test_unknown_shipped_id():
    with pytest.raises(ProtocolError, match="unknown protocol 'gent'"):
        load_protocol("gent")


def test_load_protocol_file_raises_with_all_errors(write_protocol, variant):
    path = write_protocol(variant(foo=1, bar=2))
    with pytest.raises(ProtocolError) as info:
        load_protocol_file(path)
    assert len(info.value.errors) == 2
    assert info.value.path == str(path)


def test_bad_id_and_number_say_what_is_expected(write_protocol, variant):
    message = only_error(write_protocol(variant(id="Test Dorp", numbers={"zone": "bel ons"})))
    assert "id: expected 2-40 lowercase letters" in message
    assert "numbers.zone: expected a phone number" in message
