"""How long a fan-out to a group will take, per channel, before it starts.

Providers cap the rate (WhatsApp 80 messages/s per number by default), so a big group takes
time: a coordinator approving a held alert for 2,000 members sees "WhatsApp: 2,000 members,
about 25 s" instead of wondering why the last neighbours hear it half a minute later.
"""

from collections import Counter
from dataclasses import dataclass

from buurtwacht.organisation.models import Membership

from .channels import registry
from .models import ChannelPreference

WEB = "web"


@dataclass(frozen=True)
class ChannelEstimate:
    channel: str
    members: int
    seconds: float

    @property
    def label(self) -> str:
        from .preferences import LABELS

        return str(LABELS.get(self.channel, self.channel))


def first_channels(group) -> Counter:
    """Active members per first push channel in their order (configured channels only)."""
    push = [n for n in registry.names(configured_only=True) if n != WEB]
    members = Membership.objects.filter(group=group, status=Membership.Status.ACTIVE)
    rows = ChannelPreference.objects.filter(
        user_id__in=members.values("user_id"), enabled=True, channel__in=push
    ).values_list("user_id", "channel", "position")
    best: dict[int, tuple[int, set[str]]] = {}
    for user_id, channel, position in rows:
        current = best.get(user_id)
        if current is None or position < current[0]:
            best[user_id] = (position, {channel})
        elif position == current[0]:
            current[1].add(channel)
    return Counter(c for _, channels in best.values() for c in channels)


def fan_out(group) -> list[ChannelEstimate]:
    """One estimate per channel that will carry the message (largest first)."""
    estimates = []
    for name, count in first_channels(group).most_common():
        rate = registry.get(name).max_per_second
        estimates.append(ChannelEstimate(name, count, round(count / rate, 1) if rate else 0.0))
    return estimates
