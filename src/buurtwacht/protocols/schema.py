"""The shape of a protocol document, as pydantic models.

A document on disk may be partial (a variant writes only what it changes); these models
describe the *merged* result, so every key is required here. Models are strict (no
"yes" -> True, no "30" -> 30) and frozen, because loaded protocols are cached and shared.
"""

from __future__ import annotations

import re
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, PrivateAttr, StringConstraints, field_validator

LANGUAGES: tuple[str, ...] = ("nl", "fr", "de", "en")
CATEGORIES: tuple[str, ...] = (
    "burglary",
    "suspicious_person",
    "suspicious_vehicle",
    "theft",
    "vandalism",
    "scam",
    "missing_person",
    "fire",
    "violence",
    "other",
)
FINDINGS: tuple[str, ...] = (
    "emergency",
    "police_called",
    "vigilantism",
    "third_party_data",
    "licence_plate",
    "discrimination",
)
ALERT_FIELDS: tuple[str, ...] = ("what", "where", "when", "description", "direction")
ACTIONS: tuple[str, ...] = ("allow", "hold", "block")
#: Strictness of a finding's action: a variant may only move a finding up this scale.
ACTION_RANK: dict[str, int] = {"allow": 0, "hold": 1, "block": 2}
POSTING: tuple[str, ...] = ("members", "coordinators")
#: Strictness of who may post: "coordinators" is stricter than "members".
POSTING_RANK: dict[str, int] = {"members": 0, "coordinators": 1}

Lang = Literal["nl", "fr", "de", "en"]
CategoryName = Literal[
    "burglary",
    "suspicious_person",
    "suspicious_vehicle",
    "theft",
    "vandalism",
    "scam",
    "missing_person",
    "fire",
    "violence",
    "other",
]
FindingName = Literal[
    "emergency",
    "police_called",
    "vigilantism",
    "third_party_data",
    "licence_plate",
    "discrimination",
]
AlertField = Literal["what", "where", "when", "description", "direction"]
Action = Literal["allow", "hold", "block"]
Posting = Literal["members", "coordinators"]

PhoneNumber = Annotated[str, StringConstraints(pattern=r"^\+?[0-9][0-9 ]{1,18}[0-9]$")]
ProtocolId = Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9-]{1,39}$")]
Text = Annotated[str, StringConstraints(min_length=1)]

VERSION_RE = re.compile(r"^\d{4}\.[1-9]\d*$")


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)


class Numbers(_Model):
    emergency: PhoneNumber
    police: PhoneNumber
    zone: PhoneNumber | None = None


class Category(_Model):
    required_fields: list[AlertField] = Field(min_length=1)

    @field_validator("required_fields")
    @classmethod
    def _unique(cls, value: list[str]) -> list[str]:
        if len(set(value)) != len(value):
            raise ValueError("a field is listed twice")
        return value


class Admission(_Model):
    minimum_age: int = Field(ge=16, le=99)
    address_inside_neighbourhood: bool
    coordinator_admits: bool


class FollowUpMerge(_Model):
    distance_m: int = Field(ge=0, le=10_000)
    minutes: int = Field(ge=0, le=24 * 60)


def _require_all(value: dict, names: tuple[str, ...], what: str) -> dict:
    missing = [name for name in names if name not in value]
    if missing:
        raise ValueError(f"missing {what}: {', '.join(missing)}")
    # Keep the canonical order, whatever order the file used.
    return {name: value[name] for name in names}


class Protocol(_Model):
    """A merged, validated protocol. Obtain one through ``load_protocol``."""

    id: ProtocolId
    version: str
    extends: ProtocolId | None
    numbers: Numbers
    call_first: bool
    posting: Posting
    categories: dict[CategoryName, Category]
    findings: dict[FindingName, Action]
    # What screening does with a message it is unsure of (vigilantism or emergency, below the
    # model's confidence): held for a coordinator, or blocked. Never delivered unreviewed.
    unsure: Literal["hold", "block"] = "hold"
    retention_days: int = Field(ge=1, le=3650)
    auto_close_hours: int = Field(ge=1, le=24 * 14)
    max_group_size: int = Field(ge=2, le=100_000)
    max_alerts_per_hour: int = Field(ge=1, le=100)
    strike_limit: int = Field(ge=1, le=100)
    # A draft alert in a chat conversation (WhatsApp, SMS) is dropped after this much silence.
    conversation_idle_minutes: int = Field(default=30, ge=5, le=24 * 60)
    admission: Admission
    follow_up_merge: FollowUpMerge
    reminder: dict[Lang, Text]
    charter: dict[Lang, Text]

    # The merged document before charter placeholders were filled in; diff_protocols
    # compares these so that a changed value is reported once, not again in every text.
    _document: dict | None = PrivateAttr(default=None)
    _source: str | None = PrivateAttr(default=None)

    @field_validator("version", mode="before")
    @classmethod
    def _version(cls, value: object) -> object:
        if isinstance(value, float | int) and not isinstance(value, bool):
            raise ValueError(f'write the version as a quoted string "YYYY.N", e.g. "{value}"')
        if not isinstance(value, str) or not VERSION_RE.match(value):
            raise ValueError(f'expected "YYYY.N" (e.g. "2025.1"), got {value!r}')
        return value

    @field_validator("categories")
    @classmethod
    def _all_categories(cls, value: dict) -> dict:
        return _require_all(value, CATEGORIES, "categories")

    @field_validator("findings")
    @classmethod
    def _all_findings(cls, value: dict) -> dict:
        return _require_all(value, FINDINGS, "findings")

    @field_validator("reminder", "charter")
    @classmethod
    def _all_languages(cls, value: dict) -> dict:
        return _require_all(value, LANGUAGES, "languages")

    @property
    def source(self) -> str | None:
        """Where the protocol was read from (a file path), when known."""
        return self._source

    def document(self) -> dict:
        """The protocol as a plain dict, with the charter and reminder texts as written
        (placeholders unfilled) when known. Values always come from the model itself, so a
        ``model_copy(update=...)`` is reflected."""
        data = self.model_dump(mode="python")
        if self._document is not None:
            for key in ("charter", "reminder"):
                data[key] = dict(self._document[key])
        return data

    def label(self) -> str:
        """``id@version``, the string a group stores to say which protocol it runs."""
        return f"{self.id}@{self.version}"
