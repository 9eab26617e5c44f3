"""One sign-in challenge per request for a code: the code and the link share it.

Nothing here names the person in clear: the identifier they typed is kept only as its blind
index, the code and the link nonce only as keyed hashes (a stolen table gives no usable code:
six digits would be brute-forced from a plain hash in a second, not from an HMAC under the
SECRET_KEY). A request for an address that has no account still gets a row (user empty, a
random hash that nothing matches), so throttling and every answer look the same either way.
"""

from django.conf import settings
from django.db import models


class SignInCode(models.Model):
    class Channel(models.TextChoices):
        EMAIL = "email", "e-mail"
        SMS = "sms", "SMS"
        WHATSAPP = "whatsapp", "WhatsApp"

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.CASCADE
    )
    identifier_index = models.CharField(max_length=64, db_index=True)
    client_key = models.CharField(max_length=64, db_index=True)  # keyed hash of the IP address
    channel = models.CharField(max_length=10, choices=Channel.choices)
    language = models.CharField(max_length=2, default="nl")
    code_hash = models.CharField(max_length=64, blank=True, default="")
    link_hash = models.CharField(max_length=64, blank=True, default="")
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)
    expires_at = models.DateTimeField()
    attempts = models.PositiveSmallIntegerField(default=0)
    used_at = models.DateTimeField(null=True, blank=True)
    sent_at = models.DateTimeField(null=True, blank=True)
    sent_by = models.CharField(max_length=10, blank=True, default="")  # the channel that carried it
    send_error = models.CharField(max_length=300, blank=True, default="")

    class Meta:
        indexes = [models.Index(fields=["identifier_index", "created_at"])]

    def __str__(self):
        return f"sign-in code {self.pk} ({self.channel})"
