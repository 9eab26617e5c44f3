"""The one exception the protocols library raises."""

from __future__ import annotations


class ProtocolError(ValueError):
    """A protocol document is unreadable, malformed, or loosens its base.

    ``errors`` holds one message per problem, each naming the file and the key
    (e.g. ``".../hasselt.yaml: findings.vigilantism: ..."``); ``str(err)`` joins them.
    """

    def __init__(self, errors: list[str] | str, *, path: str | None = None) -> None:
        self.errors: list[str] = [errors] if isinstance(errors, str) else list(errors)
        self.path = path
        super().__init__("\n".join(self.errors))
