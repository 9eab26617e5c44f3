"""The live feed's one table: every broadcast is a row, and its id is the SSE event id.

Storing before notifying is what makes reconnection lossless: a client that missed the
notification asks for `id > Last-Event-ID` and the database answers.
"""

from django.db import models


class LiveEvent(models.Model):
    group = models.ForeignKey("organisation.Group", on_delete=models.CASCADE, related_name="+")
    kind = models.CharField(max_length=40)
    # Who may receive it: "members" (what the group was sent) or "moderators" (coordinators and
    # the police: e.g. a message held for review). organisation.roles.AUDIENCES says who is who.
    audience = models.CharField(max_length=20, default="members")
    data = models.JSONField(default=dict)
    # The outbox message this event came from; unique so a retried broadcast is not doubled.
    message_id = models.BigIntegerField(null=True, blank=True, unique=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        # Replay is "WHERE group_id = ? AND id > ? ORDER BY id": one index range scan.
        indexes = [models.Index(fields=["group", "id"], name="live_event_group_id")]

    def __str__(self):
        return f"{self.kind} #{self.pk} for group {self.group_id}"
