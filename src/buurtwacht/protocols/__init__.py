"""Protocols as data: the national type-protocol ``be-type`` and its local variants.

Pure library (no Django): YAML documents in ``documents/``, a loader that merges a variant
over its base and refuses any loosening, a plain-words diff, and charter rendering.
See docs/protocols.md.
"""

from .charter import render_charter_html, render_charter_pdf, render_charter_text
from .diff import diff_protocols
from .errors import ProtocolError
from .loader import (
    clear_cache,
    list_protocols,
    load_protocol,
    load_protocol_file,
    shipped_ids,
    validate_file,
)
from .schema import (
    ACTIONS,
    ALERT_FIELDS,
    CATEGORIES,
    FINDINGS,
    LANGUAGES,
    Admission,
    Category,
    FollowUpMerge,
    Numbers,
    Protocol,
)

__all__ = [
    "ACTIONS",
    "ALERT_FIELDS",
    "CATEGORIES",
    "FINDINGS",
    "LANGUAGES",
    "Admission",
    "Category",
    "FollowUpMerge",
    "Numbers",
    "Protocol",
    "ProtocolError",
    "clear_cache",
    "diff_protocols",
    "list_protocols",
    "load_protocol",
    "load_protocol_file",
    "render_charter_html",
    "render_charter_pdf",
    "render_charter_text",
    "shipped_ids",
    "validate_file",
]
