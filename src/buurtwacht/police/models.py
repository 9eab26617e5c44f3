"""What the police side stores: acknowledgements of alerts, police messages to one group,
broadcasts to many, and the replies members send to the police only.

Every row that reaches a group points at the OutboundMessage that carried it, so delivery per
recipient and per group is the outbox's own bookkeeping (delivery.status.delivery_summary).
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from buurtwacht.alerts.models import Alert
from buurtwacht.delivery.models import OutboundMessage
from buurtwacht.organisation.models import Group


class Acknowledgement(models.Model):
    """The police heard an alert: one click, one row, one message to the group."""

    class State(models.TextChoices):
        INFORMED = "informed", _("Police informed")
        ON_ITS_WAY = "on_its_way", _("Patrol on its way")
        ON_SITE = "on_site", _("Police on site")
        HANDLED = "handled", _("Handled by the police")

    alert = models.ForeignKey(Alert, on_delete=models.CASCADE, related_name="acknowledgements")
    state = models.CharField(max_length=12, choices=State.choices)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    message = models.ForeignKey(
        OutboundMessage, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    at = models.DateTimeField(db_index=True)

    class Meta:
        ordering = ["at", "id"]

    def __str__(self):
        return f"alert {self.alert_id}: {self.state} at {self.at:%H:%M}"


class PoliceMessage(models.Model):
    """A "politiebericht": from the police contact to one group; no replies in the group."""

    group = models.ForeignKey(Group, on_delete=models.CASCADE, related_name="police_messages")
    sender = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    title = models.CharField(max_length=120)
    text = models.TextField()
    message = models.OneToOneField(
        OutboundMessage, null=True, on_delete=models.SET_NULL, related_name="police_message"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at"]


class Broadcast(models.Model):
    """One message from the police or prevention to several groups or an area."""

    class Kind(models.TextChoices):
        WARNING = "warning", _("Warning")
        REQUEST_FOR_INFORMATION = "request_for_information", _("Request for information")
        PREVENTION_TIP = "prevention_tip", _("Prevention tip")

    class Target(models.TextChoices):
        GROUPS = "groups", _("Chosen groups")
        MUNICIPALITY = "municipality", _("All groups of a municipality")
        ZONE = "zone", _("All groups of a police zone")
        AREA = "area", _("Groups in a drawn area")

    sender = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    kind = models.CharField(max_length=24, choices=Kind.choices)
    title = models.CharField(max_length=120)
    text = models.TextField()
    target = models.CharField(max_length=12, choices=Target.choices)
    target_detail = models.JSONField(default=dict)  # group ids, municipality/zone id, polygon
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at"]

    @property
    def takes_replies(self) -> bool:
        return self.kind == self.Kind.REQUEST_FOR_INFORMATION


class BroadcastGroup(models.Model):
    """A group a broadcast was meant for: sent (with its outbox message) or skipped (why)."""

    broadcast = models.ForeignKey(Broadcast, on_delete=models.CASCADE, related_name="groups")
    group = models.ForeignKey(Group, on_delete=models.CASCADE, related_name="+")
    message = models.OneToOneField(
        OutboundMessage, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    skipped = models.CharField(max_length=20, blank=True)  # e.g. the group's status

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["broadcast", "group"], name="one_row_per_group")
        ]


class PoliceReply(models.Model):
    """A member's answer to a police message or a request for information: the police read it,
    the group never does (there is no path from here to the outbox)."""

    message = models.ForeignKey(OutboundMessage, on_delete=models.CASCADE, related_name="+")
    group = models.ForeignKey(Group, on_delete=models.CASCADE, related_name="+")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    text = models.TextField()
    channel = models.CharField(max_length=20, default="web")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name_plural = "police replies"
