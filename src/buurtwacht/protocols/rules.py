"""The tightening rules: what a variant may not do to its base.

Each rule compares the merged variant with its merged base and returns messages naming
the key. A variant may tighten privacy and safety rules, never loosen them.
"""

from __future__ import annotations

from .schema import ACTION_RANK, POSTING_RANK, Protocol

#: Keys a variant may not raise above its base (smaller is stricter).
NOT_ABOVE_BASE: dict[str, str] = {
    "retention_days": "data may not be kept longer than the base allows",
    "auto_close_hours": "alerts may not stay open longer than the base allows",
    "max_group_size": "groups may not be larger than the base allows",
    "max_alerts_per_hour": "members may not post more often than the base allows",
    "strike_limit": "posting must be suspended after at most as many blocks as in the base",
    "conversation_idle_minutes": "a draft alert in a chat may not be kept longer than the base",
}

#: Rule names as they appear in docs/protocols.md (a test checks that each is documented).
RULES: tuple[str, ...] = (
    "call_first",
    "numbers.emergency",
    "numbers.police",
    "findings.*",
    "unsure",
    *NOT_ABOVE_BASE,
    "admission.minimum_age",
    "admission.address_inside_neighbourhood",
    "admission.coordinator_admits",
    "posting",
    "categories.*.required_fields",
)


def check_tightening(variant: Protocol, base: Protocol) -> list[str]:
    """Return one message per way in which ``variant`` loosens ``base`` (empty: fine)."""
    errors: list[str] = []
    against = f"base '{base.id}'"

    if base.call_first and not variant.call_first:
        errors.append(f"call_first: the call-first rule of {against} cannot be switched off")

    for key in ("emergency", "police"):
        mine, theirs = getattr(variant.numbers, key), getattr(base.numbers, key)
        if mine != theirs:
            errors.append(
                f"numbers.{key}: the national number {theirs} of {against} cannot be changed "
                f"(got {mine})"
            )

    for finding, action in base.findings.items():
        mine = variant.findings[finding]
        if ACTION_RANK[mine] < ACTION_RANK[action]:
            errors.append(
                f"findings.{finding}: '{mine}' is milder than '{action}' in {against}; "
                "a variant may only tighten (block > hold > allow)"
            )

    if ACTION_RANK[variant.unsure] < ACTION_RANK[base.unsure]:
        errors.append(
            f"unsure: '{variant.unsure}' is milder than '{base.unsure}' in {against}; "
            "a variant may only tighten (block > hold)"
        )

    for key, why in NOT_ABOVE_BASE.items():
        mine, theirs = getattr(variant, key), getattr(base, key)
        if mine > theirs:
            errors.append(f"{key}: {mine} is above {theirs} in {against}; {why}")

    if variant.admission.minimum_age < base.admission.minimum_age:
        errors.append(
            f"admission.minimum_age: {variant.admission.minimum_age} is below "
            f"{base.admission.minimum_age} in {against}"
        )
    for key in ("address_inside_neighbourhood", "coordinator_admits"):
        if getattr(base.admission, key) and not getattr(variant.admission, key):
            errors.append(f"admission.{key}: cannot be switched off ({against} requires it)")

    if POSTING_RANK[variant.posting] < POSTING_RANK[base.posting]:
        errors.append(f"posting: '{variant.posting}' is looser than '{base.posting}' in {against}")

    for name, category in base.categories.items():
        dropped = [
            f for f in category.required_fields if f not in variant.categories[name].required_fields
        ]
        if dropped:
            errors.append(
                f"categories.{name}.required_fields: cannot drop {', '.join(dropped)} "
                f"required by {against}"
            )
    return errors
