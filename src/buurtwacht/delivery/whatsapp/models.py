"""What the WhatsApp channel keeps: business numbers, members' identities, stored webhooks.

Webhooks are stored before they are acknowledged and processed by the worker: Meta
redelivers for days and at least once, so `InboundEvent.key` (the message id, or status id +
status) is unique in the database, which is what makes a redelivery, or two workers, process
a message once. The raw payload holds a phone number, so it is encrypted at rest and emptied
once processed.
"""

from django.conf import settings
from django.db import models

from buurtwacht.privacy.fields import EncryptedTextField


class BusinessNumber(models.Model):
    """A WhatsApp Business number; the default one comes from settings, a group or a zone may
    have its own. `paused_reason` is set when Meta tells us to stop sending from it."""

    phone_number_id = models.CharField(max_length=40, unique=True)
    label = models.CharField(max_length=80, blank=True)
    group = models.OneToOneField(
        "organisation.Group", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    zone = models.ForeignKey(
        "organisation.PoliceZone", null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+",
    )  # fmt: skip
    paused_reason = models.CharField(max_length=200, blank=True)
    paused_at = models.DateTimeField(null=True, blank=True)

    def __str__(self):
        return self.label or self.phone_number_id


class Contact(models.Model):
    """A member's WhatsApp identity. The number itself is the member's encrypted phone; a
    username user who hides it is known by a BSUID (encrypted, with a blind index), linked by
    sending a one-time code from the web settings page."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="whatsapp"
    )
    bsuid = EncryptedTextField(blank=True, default="")
    bsuid_index = models.CharField(max_length=64, blank=True, default="", db_index=True)
    link_code = models.CharField(max_length=12, blank=True, default="", db_index=True)
    link_code_expires_at = models.DateTimeField(null=True, blank=True)
    # The 24-hour customer-service window: free-form messages only until last_inbound + 24 h.
    last_inbound_at = models.DateTimeField(null=True, blank=True)


class InboundEvent(models.Model):
    """One webhook item (a message or a status), stored before the webhook is answered."""

    class Kind(models.TextChoices):
        MESSAGE = "message"
        STATUS = "status"

    key = models.CharField(max_length=200, unique=True)
    kind = models.CharField(max_length=10, choices=Kind.choices)
    phone_number_id = models.CharField(max_length=40, blank=True)
    payload = EncryptedTextField(blank=True, default="")  # JSON; emptied once processed
    received_at = models.DateTimeField(auto_now_add=True, db_index=True)
    claimed_by = models.CharField(max_length=80, blank=True, default="")
    claimed_at = models.DateTimeField(null=True, blank=True)
    processed_at = models.DateTimeField(null=True, blank=True, db_index=True)
    error = models.CharField(max_length=300, blank=True)


class TemplateSend(models.Model):
    """A message sent outside a member's window (a template): the messaging tier counts unique
    users reached this way per 24 h, keyed by a blind index of the recipient."""

    recipient_index = models.CharField(max_length=64, db_index=True)
    sent_at = models.DateTimeField(db_index=True)
