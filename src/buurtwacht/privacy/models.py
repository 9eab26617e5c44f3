"""The audit log: every read of personal data by staff leaves a row here."""

from django.conf import settings
from django.db import models


class AuditEntry(models.Model):
    """Who read or changed which personal data, when, and why."""

    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    action = models.CharField(max_length=40)  # e.g. "read_contact", "sanction"
    subject_type = models.CharField(max_length=60)
    subject_id = models.CharField(max_length=40)
    detail = models.CharField(max_length=300, blank=True)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name_plural = "audit entries"

    def __str__(self):
        return f"{self.created_at:%Y-%m-%d %H:%M} {self.actor_id} {self.action} {self.subject_type}"


def audit(*, actor, action: str, subject, detail: str = "") -> AuditEntry:
    """Record one access; callers pass the model instance that was read."""
    return AuditEntry.objects.create(
        actor=actor if getattr(actor, "pk", None) else None,
        action=action,
        subject_type=subject._meta.label,
        subject_id=str(subject.pk),
        detail=detail[:300],
    )
