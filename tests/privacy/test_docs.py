"""docs/privacy.md names every setting, every built-in rule and the public functions."""

from pathlib import Path

from buurtwacht.privacy import retention

DOCS = (Path(__file__).resolve().parents[2] / "docs" / "privacy.md").read_text()


def test_settings_rules_and_api_are_documented():
    for name in ("PRIVACY_LEAVER_GRACE_DAYS", "PRIVACY_PURGE_EVERY_SECONDS"):
        assert f"`{name}`" in DOCS
    for rule in retention.rules():
        assert f"| `{rule.name}` |" in DOCS
    for name in ("export_data(user)", "erase(user, *, actor=None", "display_name(user)",
                 "register(Rule(", "audit(actor=, action=, subject=", "/me/data/",
                 "/groups/<id>/privacy/", "/audit/export.csv", "buurtwacht purge"):  # fmt: skip
        assert name in DOCS, name
