"""Police messages rendered once per language, the way alerts.publishing renders alerts.

Every payload the police side writes also carries, in each language, `"from_police": true`
and the `kind`; police messages and requests for information add `"replies": "police_only"`
and `"reply_url"` (the page where a member answers the police), so a chat channel can tell
the member not to answer in the group and where their answer goes.
"""

from django.template.loader import render_to_string
from django.utils import translation

from buurtwacht.protocols import LANGUAGES


def render(template: str, context: dict, *, kind: str, reply_url: str = "") -> dict:
    payload = {}
    for lang in LANGUAGES:
        with translation.override(lang):
            ctx = {**context, "lang": lang, "reply_url": reply_url}
            text = render_to_string(f"police/messages/{template}.txt", ctx)
            html = render_to_string(f"police/messages/{template}.html", ctx)
        subject, _, body = text.strip().partition("\n")
        part = {
            "subject": subject.strip(),
            "text": body.strip(),
            "html": html,
            "from_police": True,
            "kind": kind,
        }
        if reply_url:
            part.update({"replies": "police_only", "reply_url": reply_url})
        payload[lang] = part
    return payload
