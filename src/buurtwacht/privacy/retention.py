"""Retention: what each part of the system keeps, for how long, and the job that deletes it.

Each app declares its rows with one call, `register(Rule(...))`, instead of the purge knowing
every model. A rule names the model, the path to its group (whose protocol sets the cut-off),
the date that ages it, what is exempt (an alert with a police case reference), and an
optional `before_delete` that folds rows into anonymous counts first. The rules for the apps
that existed when this was written are declared in `retention_rules.py`; a new app calls
`register` from its AppConfig.ready():

    from buurtwacht.privacy.retention import Rule, register
    register(Rule(name="conversations", model=Conversation, group_field="group",
                  date_field="updated_at", description=_("WhatsApp conversation state")))

Rows are deleted, not hidden, in batches (each batch its own short transaction, so SQLite is
never locked for long and an interrupted purge simply continues next time). Audit rows are
never purged (docs/privacy.md). Members who left are erased after the grace period.
"""

import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from django.conf import settings
from django.db import models, transaction
from django.db.models import Q
from django.utils import timezone

logger = logging.getLogger(__name__)

BATCH_SIZE = 500
FALLBACK_PROTOCOL = "be-type"  # the national base: a variant may only shorten its retention


@dataclass(frozen=True)
class Rule:
    name: str
    model: type[models.Model]
    group_field: str  # path to the organisation.Group foreign key, e.g. "message__group"
    date_field: str  # rows older than the group's cut-off on this field go
    exempt: Q | None = None  # rows matching this stay (e.g. a case reference)
    before_delete: Callable[[models.QuerySet], object] | None = None  # e.g. fold into counts
    description: str = ""  # for the transparency page and `purge` output (may be lazy)
    days: Callable[[object], int] | None = field(default=None)  # protocol -> days; default:
    # the protocol's retention_days


_registry: dict[str, Rule] = {}


def register(rule: Rule, *, replace: bool = False) -> Rule:
    """Add a rule; a second rule with the same name is a mistake unless `replace` is given."""
    if rule.name in _registry and not replace:
        raise ValueError(f"a retention rule named {rule.name!r} is already registered")
    _registry[rule.name] = rule
    return rule


def unregister(name: str) -> None:
    _registry.pop(name, None)


def rules() -> list[Rule]:
    """All rules in registration order (the built-in ones first, children before parents)."""
    return list(_registry.values())


def _protocol(protocol_id: str):
    from buurtwacht.protocols import ProtocolError, load_protocol

    try:
        return load_protocol(protocol_id)
    except ProtocolError:
        logger.warning(
            "protocol %s cannot be loaded; retention uses %s", protocol_id, FALLBACK_PROTOCOL
        )
        return load_protocol(FALLBACK_PROTOCOL)


def cutoffs(rule: Rule, now: datetime) -> dict[str, datetime]:
    """{protocol_id: moment before which this rule's rows go}, for every protocol in use."""
    from buurtwacht.organisation.models import Group

    ids = Group.objects.values_list("protocol_id", flat=True).distinct()
    result = {}
    for protocol_id in sorted(set(ids)):
        protocol = _protocol(protocol_id)
        days = rule.days(protocol) if rule.days else protocol.retention_days
        result[protocol_id] = now - timedelta(days=days)
    return result


def expired(rule: Rule, now: datetime) -> models.QuerySet:
    """The rows of `rule` past their group's cut-off and not exempt."""
    condition = Q(pk__in=[])
    for protocol_id, cutoff in cutoffs(rule, now).items():
        condition |= Q(
            **{f"{rule.group_field}__protocol_id": protocol_id, f"{rule.date_field}__lt": cutoff}
        )
    queryset = rule.model._base_manager.filter(condition)
    if rule.exempt is not None:
        queryset = queryset.exclude(rule.exempt)
    return queryset


def delete_in_batches(queryset, *, before_delete=None, batch_size: int = BATCH_SIZE) -> int:
    """Delete the queryset's rows batch by batch, each batch with its own transaction."""
    model, total = queryset.model, 0
    while True:
        with transaction.atomic():
            ids = list(queryset.values_list("pk", flat=True)[:batch_size])
            if not ids:
                return total
            batch = model._base_manager.filter(pk__in=ids)
            if before_delete is not None:
                before_delete(batch)
            batch.delete()
            total += len(ids)


@dataclass
class Result:
    name: str
    count: int
    description: str = ""


def grace_days() -> int:
    return settings.PRIVACY_LEAVER_GRACE_DAYS


def leavers_due(now: datetime):
    """Accounts to erase: every membership ended more than the grace period ago, no staff role,
    not erased yet. A person still active (or pending) in another group is not a leaver."""
    from buurtwacht.organisation.models import Membership, User

    from .models import MembershipEnd

    cutoff = now - timedelta(days=grace_days())
    ended = MembershipEnd.objects.filter(ended_at__lt=cutoff).values("membership__user_id")
    still_in = Membership.objects.exclude(status=Membership.Status.REMOVED).values("user_id")
    recent = MembershipEnd.objects.filter(ended_at__gte=cutoff).values("membership__user_id")
    return (
        User.objects.filter(pk__in=ended, is_staff=False, is_superuser=False)
        .exclude(pk__in=still_in)
        .exclude(pk__in=recent)
        .exclude(staff_roles__isnull=False)
        .exclude(erasure__isnull=False)
    )


def purge(*, now: datetime | None = None, dry_run: bool = False, batch_size: int = BATCH_SIZE):
    """Apply every rule, then erase leavers; returns one Result per rule (what went, or would).

    The worker runs this periodically (settings.PERIODIC_JOBS); `buurtwacht purge` by hand.
    """
    now = now or timezone.now()
    results = []
    for rule in rules():
        queryset = expired(rule, now)
        if dry_run:
            count = queryset.count()
        else:
            count = delete_in_batches(
                queryset, before_delete=rule.before_delete, batch_size=batch_size
            )
        results.append(Result(rule.name, count, str(rule.description)))
    results.append(_purge_leavers(now, dry_run))
    return results


def _purge_leavers(now: datetime, dry_run: bool) -> Result:
    from .subject_rights import erase

    due = leavers_due(now)
    description = f"members who left more than {grace_days()} days ago (erased)"
    if dry_run:
        return Result("leavers", due.count(), description)
    count = 0
    for user in due.iterator():
        erase(user, actor=None, reason="left the group; grace period over", automatic=True)
        count += 1
    return Result("leavers", count, description)
