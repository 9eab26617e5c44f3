"""What the stand-in Graph API accepts: the documented request shapes, limits and error codes.

Pure functions over decoded JSON, no server and no state, so each rule can be read (and
changed) in one place. `check_message` either raises `GraphError` exactly as the Cloud API
answers (HTTP status, `error.code`, `error_data.details` naming the parameter in Meta's own
`text['body']` notation) or returns a `Verdict` saying who the message is for and which
"silent" limits it broke (see standin.py's docstring for what silent means and why).

Error rule: a wrong or missing parameter (shape, type, unknown key, bad enum) is code 100
"Invalid parameter"; a value outside a documented length or count limit is code 131009
"Parameter value is not valid" (Meta's wording for e.g. "Button title length invalid").
"""

from __future__ import annotations

import re
import secrets
from dataclasses import dataclass, field

# code -> (title, HTTP status), from Meta's "WhatsApp error codes" reference.
ERRORS: dict[int, tuple[str, int]] = {
    0: ("AuthException", 401),
    2: ("API Service", 503),
    100: ("Invalid parameter", 400),
    190: ("Access token has expired", 401),
    368: ("Temporarily blocked for policies violations", 403),
    2500: ("Unknown path components", 400),
    130429: ("Rate limit hit", 400),
    131000: ("Something went wrong", 500),
    131008: ("Required parameter is missing", 400),
    131009: ("Parameter value is not valid", 400),
    131016: ("Service unavailable", 503),
    131026: ("Message undeliverable", 400),
    131047: ("Re-engagement message", 400),
    131048: ("Spam rate limit hit", 400),
    131051: ("Unsupported message type", 400),
    131056: ("(Business Account, Consumer Account) pair rate limit hit", 400),
    132000: ("Number of parameters does not match the expected number of params", 400),
    132001: ("Template name does not exist in the translation", 404),
}

BSUID_RE = re.compile(r"^[A-Z]{2}\.(ENT\.)?[A-Za-z0-9]{1,128}$")
PHONE_RE = re.compile(r"^\+?[0-9]{8,15}$")
SILENT = "interactive.body"  # the one silent limit modelled; standin.py explains why


class GraphError(Exception):
    """One Graph API error answer: `http_status` and the JSON body Meta sends with it."""

    def __init__(self, code: int, details: str = "", http_status: int | None = None):
        title, default_status = ERRORS.get(code, ("Error", 400))
        self.code = code
        self.http_status = http_status or default_status
        self.details = details or title
        super().__init__(f"({code}) {self.details}")

    def body(self) -> dict:
        title = ERRORS.get(self.code, ("Error", 400))[0]
        error = {"message": f"(#{self.code}) {title}", "type": "OAuthException", "code": self.code}
        if self.code == 190:
            error["message"] = "Invalid OAuth access token - Cannot parse access token"
        else:
            error["error_data"] = {"messaging_product": "whatsapp", "details": self.details}
        error["fbtrace_id"] = "A" + secrets.token_urlsafe(16)
        return {"error": error}


@dataclass
class Verdict:
    """Who an accepted message is for, and the silent limits it broke (empty: it arrives)."""

    recipient: str  # normalised wa_id digits, or the BSUID exactly as sent
    by_bsuid: bool
    input: str  # the `to` / `recipient` value as sent (echoed in contacts[].input)
    type: str
    silent: list[str] = field(default_factory=list)


def _path(parts: tuple) -> str:
    if parts[0] == "request" and len(parts) > 1:
        parts = parts[1:]  # top-level params are named bare, as Meta does: `to`, `type`
    head, *rest = parts
    return head + "".join(f"[{p}]" if isinstance(p, int) else f"['{p}']" for p in rest)


def _missing(*parts) -> GraphError:
    return GraphError(100, f"The parameter {_path(parts)} is required.")


def _obj(value, *parts) -> dict:
    if value is None:
        raise _missing(*parts)
    if not isinstance(value, dict):
        raise GraphError(100, f"Param {_path(parts)} must be a JSON object.")
    return value


def _keys(obj: dict, allowed: set[str], *parts) -> None:
    for key in obj:
        if key not in allowed:
            raise GraphError(100, f'Unexpected key "{key}" on param {_path(parts)}.')


def _str(obj: dict, key: str, *parts, max_len: int | None = None, required=True) -> str | None:
    value = obj.get(key)
    where = _path((*parts, key))
    if value is None:
        if required:
            raise _missing(*parts, key)
        return None
    if not isinstance(value, str):
        raise GraphError(100, f"Param {where} must be a string.")
    if required and not value.strip():
        raise GraphError(131009, f"Param {where} must not be empty.")
    if max_len is not None and len(value) > max_len:
        raise GraphError(131009, f"Param {where} is too long: at most {max_len} characters.")
    return value


def _list(obj: dict, key: str, *parts, lo: int, hi: int) -> list:
    value = obj.get(key)
    if value is None:
        raise _missing(*parts, key)
    if not isinstance(value, list):
        raise GraphError(100, f"Param {_path((*parts, key))} must be an array.")
    if not lo <= len(value) <= hi:
        raise GraphError(
            131009, f"Param {_path((*parts, key))} must hold {lo} to {hi} items, not {len(value)}."
        )
    return value


def check_recipient(payload: dict) -> tuple[str, bool, str]:
    """(recipient, by_bsuid, input). Docs: `to` (phone) takes precedence over `recipient`."""
    if payload.get("recipient_type", "individual") != "individual":
        raise GraphError(100, "Param recipient_type must be 'individual' (groups: not modelled).")
    to, bsuid = payload.get("to"), payload.get("recipient")
    if to is not None:
        if not isinstance(to, str) or not PHONE_RE.match(to.replace(" ", "")):
            raise GraphError(100, "Param to must be a phone number (digits, country code first).")
        return to.replace(" ", "").lstrip("+"), False, to
    if bsuid is not None:
        if not isinstance(bsuid, str) or not BSUID_RE.match(bsuid):
            raise GraphError(100, "Param recipient must be a business-scoped user ID (CC.xxxx).")
        return bsuid, True, bsuid
    raise GraphError(100, "The parameter to (or recipient, a BSUID) is required.")


TOP_KEYS = {
    "messaging_product",
    "recipient_type",
    "to",
    "recipient",
    "type",
    "context",
    "biz_opaque_callback_data",
}
TYPES = {"text", "interactive", "template", "reaction", "location", "image"}


def check_message(payload, templates: dict, silent_limits=frozenset({SILENT})) -> Verdict:
    """Validate one send request; raise GraphError as the Cloud API would."""
    payload = _obj(payload, "request")
    if payload.get("messaging_product") != "whatsapp":
        raise GraphError(100, "Param messaging_product must be 'whatsapp'.")
    kind = payload.get("type", "text")
    if kind not in TYPES:
        raise GraphError(100, f"Param type must be one of {{{', '.join(sorted(TYPES))}}}.")
    _keys(payload, TOP_KEYS | {kind}, "request")
    recipient, by_bsuid, given = check_recipient(payload)
    if "context" in payload:
        ctx = _obj(payload["context"], "context")
        _keys(ctx, {"message_id"}, "context")
        _str(ctx, "message_id", "context")
    verdict = Verdict(recipient, by_bsuid, given, kind)
    content = _obj(payload.get(kind), kind)
    CHECKS[kind](content, verdict, templates)
    verdict.silent = [s for s in verdict.silent if s in silent_limits]
    return verdict


def _text(text: dict, verdict: Verdict, templates: dict) -> None:
    _keys(text, {"body", "preview_url"}, "text")
    _str(text, "body", "text", max_len=4096)
    if "preview_url" in text and not isinstance(text["preview_url"], bool):
        raise GraphError(100, "Param text['preview_url'] must be a boolean.")


def _text_part(obj: dict, key: str, max_len: int, *parts) -> None:
    part = _obj(obj[key], *parts, key)
    _keys(part, {"text"}, *parts, key)
    _str(part, "text", *parts, key, max_len=max_len)


def _header(inter: dict) -> None:
    header = _obj(inter["header"], "interactive", "header")
    kind = header.get("type")
    if kind == "text":
        _keys(header, {"type", "text"}, "interactive", "header")
        _str(header, "text", "interactive", "header", max_len=60)
    elif kind in {"image", "video", "document"}:
        _keys(header, {"type", kind}, "interactive", "header")
        media = _obj(header.get(kind), "interactive", "header", kind)
        if not (media.get("id") or media.get("link")):
            raise _missing("interactive", "header", kind, "id")
    else:
        raise GraphError(
            100, "Param interactive['header']['type'] must be text|image|video|document."
        )


def _interactive(inter: dict, verdict: Verdict, templates: dict) -> None:
    kind = inter.get("type")
    if kind not in {"button", "list"}:
        raise GraphError(100, "Param interactive['type'] must be 'button' or 'list' (stand-in).")
    _keys(inter, {"type", "header", "body", "footer", "action"}, "interactive")
    body = _obj(inter.get("body"), "interactive", "body")
    _keys(body, {"text"}, "interactive", "body")
    text = _str(body, "text", "interactive", "body", max_len=4096)
    if len(text) > 1024:
        verdict.silent.append(SILENT)
    if "header" in inter:
        _header(inter)
    if "footer" in inter:
        _text_part(inter, "footer", 60, "interactive")
    action = _obj(inter.get("action"), "interactive", "action")
    (_buttons if kind == "button" else _sections)(action)


def _unique(values: list[str], what: str) -> None:
    if len(set(values)) != len(values):
        raise GraphError(131009, f"{what} must be unique within the message.")


def _buttons(action: dict) -> None:
    _keys(action, {"buttons"}, "interactive", "action")
    buttons = _list(action, "buttons", "interactive", "action", lo=1, hi=3)
    ids, titles = [], []
    for i, button in enumerate(buttons):
        where = ("interactive", "action", "buttons", i)
        button = _obj(button, *where)
        _keys(button, {"type", "reply"}, *where)
        if button.get("type") != "reply":
            raise GraphError(100, f"Param {_path((*where, 'type'))} must be 'reply'.")
        reply = _obj(button.get("reply"), *where, "reply")
        _keys(reply, {"id", "title"}, *where, "reply")
        ids.append(_str(reply, "id", *where, "reply", max_len=256))
        if ids[-1] != ids[-1].strip():
            raise GraphError(131009, f"Param {_path((*where, 'reply', 'id'))}: no outer spaces.")
        titles.append(_str(reply, "title", *where, "reply", max_len=20))
    _unique(ids, "Button ids")
    _unique(titles, "Button titles")


def _sections(action: dict) -> None:
    _keys(action, {"button", "sections"}, "interactive", "action")
    _str(action, "button", "interactive", "action", max_len=20)
    sections = _list(action, "sections", "interactive", "action", lo=1, hi=10)
    ids, total = [], 0
    for s, section in enumerate(sections):
        where = ("interactive", "action", "sections", s)
        section = _obj(section, *where)
        _keys(section, {"title", "rows"}, *where)
        _str(section, "title", *where, max_len=24, required=len(sections) > 1)
        rows = _list(section, "rows", *where, lo=1, hi=10)
        total += len(rows)
        for r, row in enumerate(rows):
            row = _obj(row, *where, "rows", r)
            _keys(row, {"id", "title", "description"}, *where, "rows", r)
            ids.append(_str(row, "id", *where, "rows", r, max_len=200))
            _str(row, "title", *where, "rows", r, max_len=24)
            _str(row, "description", *where, "rows", r, max_len=72, required=False)
    if total > 10:
        raise GraphError(131009, f"A list holds at most 10 rows in all its sections, not {total}.")
    _unique(ids, "Row ids")


def _template(tpl: dict, verdict: Verdict, templates: dict) -> None:
    _keys(tpl, {"name", "language", "components"}, "template")
    name = _str(tpl, "name", "template")
    language = _obj(tpl.get("language"), "template", "language")
    _keys(language, {"code", "policy"}, "template", "language")
    code = _str(language, "code", "template", "language")
    known = templates.get(name)
    if known is None or code not in known.get("languages", ()):
        raise GraphError(132001, f"template name ({name}) does not exist in {code}")
    components = tpl.get("components", [])
    if not isinstance(components, list):
        raise GraphError(100, "Param template['components'] must be an array.")
    given = 0
    for i, comp in enumerate(components):
        comp = _obj(comp, "template", "components", i)
        if comp.get("type") not in {"header", "body", "button"}:
            raise GraphError(100, f"Param template['components'][{i}]['type'] is not valid.")
        params = comp.get("parameters", [])
        if not isinstance(params, list):
            raise GraphError(100, f"Param template['components'][{i}]['parameters'] not array.")
        if comp["type"] == "body":
            for p, param in enumerate(params):
                param = _obj(param, "template", "components", i, "parameters", p)
                if param.get("type") != "text" or not isinstance(param.get("text"), str):
                    raise GraphError(100, f"Body parameter {p} must be {{type: text, text}}.")
            given += len(params)
    expected = known.get("body_params", 0)
    if given != expected:
        raise GraphError(
            132000,
            f"body: number of localizable_params ({given}) does not match the expected "
            f"number of params ({expected})",
        )


def _reaction(reaction: dict, verdict: Verdict, templates: dict) -> None:
    _keys(reaction, {"message_id", "emoji"}, "reaction")
    _str(reaction, "message_id", "reaction")
    if not isinstance(reaction.get("emoji", ""), str):
        raise GraphError(100, "Param reaction['emoji'] must be a string.")


def _location(loc: dict, verdict: Verdict, templates: dict) -> None:
    _keys(loc, {"latitude", "longitude", "name", "address"}, "location")
    for key, bound in (("latitude", 90), ("longitude", 180)):
        value = loc.get(key)
        if value is None:
            raise _missing("location", key)
        try:
            number = float(value)
        except (TypeError, ValueError):
            raise GraphError(100, f"Param location['{key}'] must be a number.") from None
        if not -bound <= number <= bound:
            raise GraphError(131009, f"Param location['{key}'] is out of range.")


def _image(image: dict, verdict: Verdict, templates: dict) -> None:
    _keys(image, {"id", "link", "caption"}, "image")
    if not (image.get("id") or image.get("link")):
        raise _missing("image", "id")
    _str(image, "caption", "image", max_len=1024, required=False)


CHECKS = {
    "text": _text,
    "interactive": _interactive,
    "template": _template,
    "reaction": _reaction,
    "location": _location,
    "image": _image,
}


def check_read_mark(payload: dict) -> str:
    """The mark-as-read request; returns the message id."""
    _keys(payload, {"messaging_product", "status", "message_id", "typing_indicator"}, "request")
    if payload.get("messaging_product") != "whatsapp":
        raise GraphError(100, "Param messaging_product must be 'whatsapp'.")
    if payload.get("status") != "read":
        raise GraphError(100, "Param status must be 'read'.")
    return _str(payload, "message_id", "request")
