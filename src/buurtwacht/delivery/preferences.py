"""A member's channels and their order: WhatsApp, SMS, e-mail (the web feed is always on).

The order is the fallback order: a message goes to the first, and to the next only when one
gives up (delivery.fallback). A channel needs the contact data it delivers to, so a member
cannot choose SMS without a phone number; that is refused with a message saying so, and
nothing changes.
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from .channels import registry
from .models import ChannelPreference

WEB = "web"
LABELS = {"whatsapp": gettext_lazy("WhatsApp"), "sms": gettext_lazy("SMS"),
          "email": gettext_lazy("E-mail"),
          "webpush": gettext_lazy("Push notification (this browser)")}  # fmt: skip
NEEDS = {"whatsapp": "phone", "sms": "phone", "email": "contact_email"}


def push_channels() -> list[str]:
    """The configured channels a member can order (the web feed is not one: always on)."""
    return [n for n in registry.names(configured_only=True) if n != WEB]


def current_order(user) -> list[str]:
    rows = ChannelPreference.objects.filter(user=user, enabled=True).exclude(channel=WEB)
    installed = set(push_channels())
    return [c for c in rows.order_by("position", "channel").values_list("channel", flat=True)
            if c in installed]  # fmt: skip


def available(user) -> list[dict]:
    """Every channel with its label and whether the member has the contact data for it."""
    return [
        {
            "name": n,
            "label": str(LABELS.get(n, n)),
            "usable": _has_push(user)
            if n == "webpush"
            else bool(getattr(user, NEEDS.get(n, ""), "x")),
        }
        for n in push_channels()
    ]


def _has_push(user) -> bool:
    """Web Push reaches a member only through a browser that subscribed (docs/web.md)."""
    return user.push_subscriptions.exists()


def validate_order(user, order: list[str]) -> list[str]:
    """The cleaned order, or ValidationError with the reason in the member's language."""
    cleaned = [c for c in (o.strip() for o in order) if c]
    known = push_channels()
    for name in cleaned:
        if name not in known:
            raise ValidationError(_("Unknown channel: %(c)s") % {"c": name}, code="bad_channel")
    if len(set(cleaned)) != len(cleaned):
        raise ValidationError(_("Each channel can appear only once."), code="duplicate")
    for name in cleaned:
        needed = NEEDS.get(name)
        if needed and not getattr(user, needed):
            raise ValidationError(
                _("%(c)s needs your phone number or e-mail address; ask your coordinator "
                  "to add it.") % {"c": LABELS.get(name, name)},
                code="missing_contact",
            )  # fmt: skip
    return cleaned


@transaction.atomic
def set_order(user, order: list[str]) -> list[str]:
    """Store the member's order (first = position 0); channels left out are switched off."""
    cleaned = validate_order(user, order)
    ChannelPreference.objects.update_or_create(
        user=user, channel=WEB, defaults={"enabled": True, "position": 0}
    )
    for position, name in enumerate(cleaned):
        ChannelPreference.objects.update_or_create(
            user=user, channel=name, defaults={"enabled": True, "position": position}
        )
    ChannelPreference.objects.filter(user=user).exclude(channel__in=[WEB, *cleaned]).update(
        enabled=False
    )
    return cleaned
