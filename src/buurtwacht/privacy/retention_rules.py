"""The retention rules of the apps that existed before the registry: declared in one place.

Why here and not in each app's ready(): one file to read when someone asks "what does
Buurtwacht keep, and for how long?" (the transparency page lists these descriptions), and no
edits to apps that are being worked on in parallel. Apps added later (conversation state,
WhatsApp inbound messages) register their own rule from their AppConfig.ready(); the
registry does not care where a rule comes from.

Order matters only for speed: children first, so deleting a parent finds nothing left to
cascade over and each batch stays small.
"""

from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from .retention import Rule, register


def register_builtin_rules() -> None:
    from buurtwacht.alerts.models import Alert, Strike
    from buurtwacht.delivery.live.models import LiveEvent
    from buurtwacht.delivery.models import Delivery, DeliveryAttempt, OutboundMessage
    from buurtwacht.reports.counts import fold_alerts, fold_strikes

    for rule in (
        Rule(
            name="delivery_attempts",
            model=DeliveryAttempt,
            group_field="delivery__message__group",
            date_field="delivery__message__created_at",
            description=_("delivery attempts (why a message did or did not arrive)"),
        ),
        Rule(
            name="deliveries",
            model=Delivery,
            group_field="message__group",
            date_field="message__created_at",
            description=_("deliveries: which member was sent which message on which channel"),
        ),
        Rule(
            name="outbound_messages",
            model=OutboundMessage,
            group_field="group",
            date_field="created_at",
            description=_("messages sent to the group, as rendered for each language"),
        ),
        Rule(
            name="live_events",
            model=LiveEvent,
            group_field="group",
            date_field="created_at",
            description=_("the live feed's events"),
        ),
        Rule(
            name="strikes",
            model=Strike,
            group_field="group",
            date_field="created_at",
            before_delete=fold_strikes,
            description=_("blocked messages (strikes), with their text"),
        ),
        Rule(
            name="alerts",
            model=Alert,
            group_field="group",
            date_field="created_at",
            exempt=Q(case_reference__gt=""),
            before_delete=fold_alerts,
            description=_(
                "alerts (also held and rejected ones) with their follow-ups and history, "
                "except alerts the police attached a case reference to"
            ),
        ),
    ):
        register(rule, replace=True)
