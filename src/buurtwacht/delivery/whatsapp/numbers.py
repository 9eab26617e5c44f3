"""Which business number speaks for a group, and whether it may send now.

The settings name the default number; a `BusinessNumber` row may give a group or a zone its
own. Meta can tell us to stop sending from a number (131048 spam rate limit, 368 policy
block): the number is paused, sends fall back to members' next channel, and the zone admin
sees it on /healthz and in the admin. An invalid token (190) is the same for all numbers.
"""

import logging
from functools import cache

import httpx
from django.conf import settings
from django.utils import timezone

from .client import GraphClient
from .models import BusinessNumber

logger = logging.getLogger(__name__)
_token_problem: dict[str, str] = {}


def configured() -> bool:
    return bool(settings.WHATSAPP_ACCESS_TOKEN and settings.WHATSAPP_PHONE_NUMBER_ID)


def number_id_for(group) -> str:
    """The group's own number, else its zone's, else the default."""
    own = BusinessNumber.objects.filter(group_id=group.pk).values_list(
        "phone_number_id", flat=True
    ) or BusinessNumber.objects.filter(zone_id=group.zone.pk, group__isnull=True).values_list(
        "phone_number_id", flat=True
    )
    return own[0] if own else settings.WHATSAPP_PHONE_NUMBER_ID


@cache
def _http() -> httpx.Client:
    return httpx.Client(timeout=settings.WHATSAPP_TIMEOUT_SECONDS)


def client_for(phone_number_id: str) -> GraphClient:
    return GraphClient(
        base_url=settings.WHATSAPP_API_BASE,
        version=settings.WHATSAPP_API_VERSION,
        phone_number_id=phone_number_id,
        access_token=settings.WHATSAPP_ACCESS_TOKEN,
        timeout=settings.WHATSAPP_TIMEOUT_SECONDS,
        http=_http(),
    )


def paused_reason(phone_number_id: str) -> str:
    if _token_problem.get(settings.WHATSAPP_ACCESS_TOKEN):
        return _token_problem[settings.WHATSAPP_ACCESS_TOKEN]
    return (
        BusinessNumber.objects.filter(phone_number_id=phone_number_id)
        .values_list("paused_reason", flat=True)
        .first()
        or ""
    )


def pause(phone_number_id: str, reason: str) -> None:
    """Stop sending from the number until an admin clears `paused_reason` in the admin."""
    logger.error("whatsapp: number %s paused: %s", phone_number_id, reason)
    number, _ = BusinessNumber.objects.get_or_create(phone_number_id=phone_number_id)
    number.paused_reason, number.paused_at = reason[:200], timezone.now()
    number.save(update_fields=["paused_reason", "paused_at"])


def token_invalid(reason: str) -> None:
    """190: the token no longer works; kept per process and per token, so a new token set in
    the environment (and a restart) clears it."""
    logger.error("whatsapp: access token refused: %s", reason)
    _token_problem[settings.WHATSAPP_ACCESS_TOKEN] = f"token invalid: {reason}"[:200]


def health() -> str:
    """For /healthz: ok, not configured, or what stops sending."""
    if not configured():
        return "not configured"
    problem = _token_problem.get(settings.WHATSAPP_ACCESS_TOKEN)
    if problem:
        return problem
    paused = list(
        BusinessNumber.objects.exclude(paused_reason="").values_list("phone_number_id", flat=True)
    )
    return f"paused: {', '.join(paused)}" if paused else "ok"


def default_number_id() -> str:
    return settings.WHATSAPP_PHONE_NUMBER_ID
