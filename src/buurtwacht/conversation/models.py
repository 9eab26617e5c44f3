"""The state of a member's chat conversation with the hub, one row per member, group, channel.

Kept in the database (not in process memory) so that a worker restart or another worker
process continues the same conversation. The draft in `data` may hold personal details
(what the member saw, a place), so it is dropped after the protocol's
`conversation_idle_minutes` of silence and purged by `engine.purge_expired`.
"""

from django.conf import settings
from django.db import models

from buurtwacht.organisation.models import Group


class Conversation(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="conversations"
    )
    group = models.ForeignKey(Group, on_delete=models.CASCADE, related_name="conversations")
    channel = models.CharField(max_length=16)
    # The question the member is answering now; empty: nothing open.
    step = models.CharField(max_length=24, blank=True)
    # The draft alert, the last question's options (for numbered answers), pending offers.
    data = models.JSONField(default=dict)
    updated_at = models.DateTimeField()
    expires_at = models.DateTimeField(db_index=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["user", "group", "channel"], name="one_conversation_per_channel"
            )
        ]

    def __str__(self):
        return f"{self.user_id}@{self.group_id}/{self.channel}: {self.step or '-'}"

    @property
    def is_open(self) -> bool:
        return bool(self.step) and self.step != DROPPED


#: The step a purged conversation is left in, so the member's next message hears why.
DROPPED = "dropped"
