"""Strikes: a blocked message counts; at the protocol's limit the member stops posting.

The sanction is logged with its reason (the strikes) and can be appealed to the coordinator;
reading stays possible so the member is still warned of incidents.
"""

from django.db import transaction
from django.utils import timezone

from buurtwacht.organisation.models import Membership

from .models import Strike
from .rules import protocol_of


@transaction.atomic
def record_block(membership: Membership, screened, *, text: str) -> Strike:
    strike = Strike.objects.create(
        group=membership.group,
        user=membership.user,
        findings=screened.findings,
        reasons=screened.reasons,
        text=text,
    )
    limit = protocol_of(membership.group).strike_limit
    count = Strike.objects.filter(group=membership.group, user=membership.user).count()
    if count >= limit and membership.posting_suspended_at is None:
        membership.posting_suspended_at = timezone.now()
        membership.save(update_fields=["posting_suspended_at"])
    return strike


def lift_suspension(membership: Membership) -> None:
    """After an appeal: the coordinator restores posting (strikes stay on record)."""
    membership.posting_suspended_at = None
    membership.save(update_fields=["posting_suspended_at"])
