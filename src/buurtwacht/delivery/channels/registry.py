"""Where channels are found: the "buurtwacht.channels" entry-point group (pyproject.toml).

Loading through entry points means a channel can ship in its own package; settings may
override a channel's pacing (`DELIVERY_CHANNEL_LIMITS = {"email": {"max_per_second": 20}}`).
"""

from functools import cache
from importlib.metadata import entry_points

from django.conf import settings

from .base import Channel

GROUP = "buurtwacht.channels"


class UnknownChannel(LookupError):
    pass


@cache
def _classes() -> dict[str, type[Channel]]:
    found = {}
    for ep in entry_points(group=GROUP):
        cls = ep.load()
        if not (isinstance(cls, type) and issubclass(cls, Channel)) or cls.name != ep.name:
            raise TypeError(f"entry point {ep.name!r} must be a Channel subclass named alike")
        found[ep.name] = cls
    return found


def names(*, configured_only: bool = False) -> list[str]:
    """Installed channels; with configured_only, those whose settings are present."""
    return sorted(n for n, cls in _classes().items() if not configured_only or cls.configured())


def get(name: str) -> Channel:
    """A fresh instance (channels hold per-batch state such as a connection)."""
    try:
        cls = _classes()[name]
    except KeyError:
        raise UnknownChannel(f"no channel {name!r}; installed: {', '.join(names())}") from None
    channel = cls()
    for attr, value in getattr(settings, "DELIVERY_CHANNEL_LIMITS", {}).get(name, {}).items():
        if attr in ("max_per_second", "batch_size"):
            setattr(channel, attr, value)
    return channel


def all_channels() -> list[Channel]:
    return [get(name) for name in names()]
