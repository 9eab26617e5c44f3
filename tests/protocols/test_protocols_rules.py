"""A variant may only tighten its base; every loosening is refused, naming the key."""

from __future__ import annotations

import pytest

from buurtwacht.protocols import ProtocolError, load_protocol, load_protocol_file, validate_file
from buurtwacht.protocols.rules import check_tightening


def refused(path, key: str) -> ProtocolError:
    with pytest.raises(ProtocolError) as info:
        load_protocol_file(path)
    err = info.value
    assert any(key in message and str(path) in message for message in err.errors), err.errors
    assert key in str(err) and str(path) in str(err)
    assert validate_file(path) == err.errors
    return err


def test_a_valid_tightening_variant_loads(write_protocol, variant):
    path = write_protocol(
        variant(
            retention_days=7,
            call_first=True,
            posting="coordinators",
            findings={"licence_plate": "hold", "discrimination": "block"},
            admission={"minimum_age": 21},
        )
    )
    assert validate_file(path) == []
    p = load_protocol_file(path)
    assert (p.retention_days, p.posting, p.admission.minimum_age) == (7, "coordinators", 21)
    assert p.findings["vigilantism"] == "block"  # inherited
    assert p.source == str(path)


def test_dropping_call_first_is_refused(write_protocol, variant):
    refused(write_protocol(variant(call_first=False)), "call_first")


def test_loosening_vigilantism_to_allow_is_refused(write_protocol, variant):
    err = refused(
        write_protocol(variant(findings={"vigilantism": "allow"})), "findings.vigilantism"
    )
    assert "milder" in str(err)


def test_raising_retention_days_is_refused(write_protocol, variant):
    refused(write_protocol(variant(retention_days=31)), "retention_days")


def test_lowering_the_minimum_age_is_refused(write_protocol, variant):
    refused(write_protocol(variant(admission={"minimum_age": 16})), "admission.minimum_age")


@pytest.mark.parametrize(
    ("overrides", "key"),
    [
        ({"findings": {"emergency": "allow"}}, "findings.emergency"),
        ({"findings": {"third_party_data": "allow"}}, "findings.third_party_data"),
        ({"max_group_size": 1000}, "max_group_size"),
        ({"max_alerts_per_hour": 50}, "max_alerts_per_hour"),
        ({"strike_limit": 10}, "strike_limit"),
        ({"auto_close_hours": 48}, "auto_close_hours"),
        ({"admission": {"coordinator_admits": False}}, "admission.coordinator_admits"),
        (
            {"admission": {"address_inside_neighbourhood": False}},
            "admission.address_inside_neighbourhood",
        ),
        ({"numbers": {"police": "0800 123 45"}}, "numbers.police"),
        ({"numbers": {"emergency": "911"}}, "numbers.emergency"),
        (
            {"categories": {"burglary": {"required_fields": ["what", "where"]}}},
            "categories.burglary.required_fields",
        ),
    ],
)
def test_other_loosenings_are_refused(write_protocol, variant, overrides, key):
    refused(write_protocol(variant(**overrides)), key)


def test_posting_cannot_be_opened_up_again():
    # No shipped base restricts posting to coordinators, so check the rule directly.
    base = load_protocol("be-type").model_copy(update={"posting": "coordinators"})
    loose = load_protocol("be-type")
    assert check_tightening(loose, base) == [
        "posting: 'members' is looser than 'coordinators' in base 'be-type'"
    ]
    assert check_tightening(base, loose) == []


def test_all_violations_are_reported_at_once(write_protocol, variant):
    path = write_protocol(
        variant(call_first=False, retention_days=90, findings={"vigilantism": "hold"})
    )
    errors = validate_file(path)
    assert len(errors) == 3
    for key in ("call_first", "retention_days", "findings.vigilantism"):
        assert any(key in e for e in errors)


def test_conversation_idle_minutes_may_only_be_shortened(write_protocol, variant):
    assert load_protocol("be-type").conversation_idle_minutes == 30
    shorter = load_protocol_file(write_protocol(variant(conversation_idle_minutes=10)))
    assert shorter.conversation_idle_minutes == 10
    err = refused(
        write_protocol(variant(conversation_idle_minutes=120)), "conversation_idle_minutes"
    )
    assert "120 is above 30" in str(err)
