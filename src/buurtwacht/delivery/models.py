"""Delivery state: the outbox (messages, one delivery row per recipient and channel), channel
preferences, attempts, and the worker's heartbeat.

The outbox lives in the same database as the alerts so that storing an alert and promising to
deliver it are one transaction: nothing accepted is lost, nothing is sent that was rolled back.
"""

from django.conf import settings
from django.db import models


class WorkerHeartbeat(models.Model):
    """One row per worker process, touched every few seconds; /healthz reports its age."""

    worker_id = models.CharField(max_length=64, unique=True)
    beat_at = models.DateTimeField()


class OutboundMessage(models.Model):
    """What a group is told, already rendered in every language (the sender never re-renders)."""

    class Kind(models.TextChoices):
        ALERT = "alert"
        FOLLOW_UP = "follow_up"
        CLOSED = "closed"
        POLICE_MESSAGE = "police_message"
        ACKNOWLEDGEMENT = "acknowledgement"  # the police heard the alert ("on its way", ...)
        BROADCAST = "broadcast"  # police or prevention to several groups or an area
        NOTICE = "notice"
        TEST = "test"

    group = models.ForeignKey(
        "organisation.Group", on_delete=models.CASCADE, related_name="outbound_messages"
    )
    kind = models.CharField(max_length=20, choices=Kind.choices)
    ref_id = models.BigIntegerField(null=True, blank=True, help_text="e.g. the alert id")
    # {"nl": {"subject": ..., "text": ..., "html": ...}, "fr": {...}, "de": {...}, "en": {...}}
    payload = models.JSONField()
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        indexes = [models.Index(fields=["kind", "ref_id"])]

    def __str__(self):
        return f"{self.kind} #{self.pk} to group {self.group_id}"


class ChannelPreference(models.Model):
    """A member's choice of channel and its place in their order. No enabled row at all means:
    web only (see outbox.publish).

    The web feed is always in addition; of the other ("push") channels a message goes to the
    enabled one with the lowest `position`, and to the next one only when that one gives up
    (delivery.fallback). Equal positions mean "both"."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="channel_preferences"
    )
    channel = models.CharField(max_length=20)
    enabled = models.BooleanField(default=True)
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "channel"], name="one_preference_per_channel")
        ]


class Delivery(models.Model):
    """One message to one recipient over one channel; the unit that is claimed, sent, retried."""

    class Status(models.TextChoices):
        PENDING = "pending"
        SENDING = "sending"  # claimed by a worker; in doubt if that worker died
        SENT = "sent"
        FAILED = "failed"  # last attempt failed, a retry is scheduled at next_attempt_at
        DEAD = "dead"  # gave up (attempt cap or permanent refusal)

    message = models.ForeignKey(
        OutboundMessage, on_delete=models.CASCADE, related_name="deliveries"
    )
    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="deliveries"
    )
    channel = models.CharField(max_length=20)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.PENDING)
    attempts = models.PositiveIntegerField(default=0)
    next_attempt_at = models.DateTimeField()
    claimed_by = models.CharField(max_length=100, blank=True, default="")
    claimed_at = models.DateTimeField(null=True, blank=True)
    sent_at = models.DateTimeField(null=True, blank=True)
    last_error = models.TextField(blank=True, default="")
    # The provider's id of what was sent (WhatsApp wamid, SMS provider id), for its receipts.
    provider_id = models.CharField(max_length=128, blank=True, default="", db_index=True)
    # What the provider reported afterwards: "" (nothing yet), delivered, read, failed.
    receipt = models.CharField(max_length=10, blank=True, default="")
    receipt_at = models.DateTimeField(null=True, blank=True)
    # f"{message_id}:{recipient_id}:{channel}": the database refuses a second copy, and the
    # e-mail Message-ID is derived from it so that receivers can drop an in-doubt resend.
    idempotency_key = models.CharField(max_length=100, unique=True)

    class Meta:
        verbose_name_plural = "deliveries"
        indexes = [
            # the worker's claim: due rows of one channel
            models.Index(fields=["channel", "status", "next_attempt_at"], name="delivery_due"),
            # reclaiming expired leases, fetching one claim's rows
            models.Index(fields=["status", "claimed_at"], name="delivery_lease"),
            models.Index(fields=["claimed_by"], name="delivery_claim"),
            # coordinators' summary per message
            models.Index(fields=["message", "channel", "status"], name="delivery_summary"),
        ]

    def __str__(self):
        return self.idempotency_key


class DeliveryAttempt(models.Model):
    """Every try, kept so a coordinator (and an operator) can see why a member was not reached."""

    delivery = models.ForeignKey(Delivery, on_delete=models.CASCADE, related_name="attempt_log")
    started_at = models.DateTimeField()
    ok = models.BooleanField()
    error = models.TextField(blank=True, default="")


class PushSubscription(models.Model):
    """One browser's Web Push subscription (the endpoint and its keys are that browser's
    capability: whoever holds them can push to it, so they are never shown or logged)."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="push_subscriptions"
    )
    endpoint = models.URLField(max_length=1000, unique=True)
    p256dh = models.CharField(max_length=200)
    auth = models.CharField(max_length=100)
    created_at = models.DateTimeField(auto_now_add=True)

    def as_info(self) -> dict:
        """The shape pywebpush and the browser's PushSubscription.toJSON() use."""
        return {"endpoint": self.endpoint, "keys": {"p256dh": self.p256dh, "auth": self.auth}}
