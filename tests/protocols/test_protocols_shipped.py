"""The shipped documents: each one loads, validates, and says what the spec says."""

from __future__ import annotations

import pytest

from buurtwacht.protocols import (
    CATEGORIES,
    FINDINGS,
    LANGUAGES,
    Category,
    Protocol,
    list_protocols,
    load_protocol,
    shipped_ids,
    validate_file,
)

SHIPPED = ["be-type", "beringen", "hasselt", "lanaken"]


def test_shipped_ids_national_base_first():
    assert shipped_ids() == SHIPPED
    assert [p.id for p in list_protocols()] == SHIPPED


@pytest.mark.parametrize("protocol_id", SHIPPED)
def test_each_shipped_protocol_validates(protocol_id):
    protocol = load_protocol(protocol_id)
    assert isinstance(protocol, Protocol)
    assert protocol.id == protocol_id
    assert validate_file(protocol.source) == []
    assert protocol.call_first is True
    assert protocol.numbers.emergency == "112"
    assert protocol.numbers.police == "101"
    assert list(protocol.categories) == list(CATEGORIES)
    assert all(isinstance(c, Category) and c.required_fields for c in protocol.categories.values())
    assert list(protocol.findings) == list(FINDINGS)
    assert set(protocol.charter) == set(protocol.reminder) == set(LANGUAGES)
    # placeholders are filled in
    assert all(
        "{" not in text for text in [*protocol.charter.values(), *protocol.reminder.values()]
    )


@pytest.mark.parametrize("protocol_id", SHIPPED[1:])
def test_variants_extend_the_national_base_and_have_a_zone_number(protocol_id):
    protocol = load_protocol(protocol_id)
    assert protocol.extends == "be-type"
    assert protocol.numbers.zone


def test_be_type_defaults():
    p = load_protocol("be-type")
    assert p.version == "2025.1"
    assert p.extends is None
    assert p.numbers.zone is None
    assert p.findings == {
        "emergency": "hold",
        "police_called": "allow",
        "vigilantism": "block",
        "third_party_data": "hold",
        "licence_plate": "allow",
        "discrimination": "hold",
    }
    assert p.retention_days == 30
    assert p.admission.minimum_age == 18
    assert p.admission.address_inside_neighbourhood is True
    assert p.admission.coordinator_admits is True
    assert p.posting == "members"
    assert p.follow_up_merge.distance_m > 0 and p.follow_up_merge.minutes > 0
    assert p.max_group_size > 0 and p.max_alerts_per_hour > 0 and p.strike_limit > 0
    assert p.auto_close_hours > 0


def test_variant_values():
    hasselt, beringen, lanaken = (load_protocol(i) for i in ("hasselt", "beringen", "lanaken"))
    base = load_protocol("be-type")
    assert hasselt.retention_days == 14
    assert hasselt.max_group_size < base.max_group_size
    assert hasselt.findings["discrimination"] == "block"
    assert beringen.auto_close_hours < base.auto_close_hours
    assert "direction" in beringen.categories["burglary"].required_fields
    assert "direction" not in base.categories["burglary"].required_fields
    assert lanaken.findings["third_party_data"] == "block"
    for lang in LANGUAGES:
        assert "EPICC" in lanaken.charter[lang]
        assert lanaken.charter[lang].startswith(base.charter[lang].rstrip())
        assert "EPICC" not in base.charter[lang]


def test_charter_placeholders_follow_the_variant_values():
    assert "14 dagen" in load_protocol("hasselt").charter["nl"]
    assert "30 dagen" in load_protocol("be-type").charter["nl"]
    assert "6 heures" in load_protocol("beringen").charter["fr"]


def test_load_protocol_is_cached_and_frozen():
    p = load_protocol("hasselt")
    assert load_protocol("hasselt") is p
    with pytest.raises(ValueError):
        p.retention_days = 365


def test_library_imports_no_django():
    import subprocess
    import sys

    code = (
        "import sys, buurtwacht.protocols, buurtwacht.protocols.cli;"
        "sys.exit('django' in sys.modules)"
    )
    assert subprocess.run([sys.executable, "-c", code], check=False).returncode == 0
