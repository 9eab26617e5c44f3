"""The audit log, and the two small records the privacy lifecycle needs.

The audit log is append-only at every level we control: the model refuses to save an existing
row or delete one, its queryset refuses bulk update and delete, the admin offers no change or
delete, and the database itself refuses UPDATE and DELETE through a trigger (migration 0002,
on SQLite and PostgreSQL). Rows are kept: retention never touches them (docs/privacy.md).
"""

from django.conf import settings
from django.db import models


class AppendOnlyError(Exception):
    """An attempt to change or remove an audit row."""


class AuditQuerySet(models.QuerySet):
    def update(self, **kwargs):
        raise AppendOnlyError("the audit log is append-only: rows cannot be updated")

    def delete(self):
        raise AppendOnlyError("the audit log is append-only: rows cannot be deleted")

    def bulk_update(self, objs, fields, batch_size=None):
        raise AppendOnlyError("the audit log is append-only: rows cannot be updated")

    def update_or_create(self, *args, **kwargs):
        raise AppendOnlyError("the audit log is append-only: rows cannot be updated")


class AuditEntry(models.Model):
    """Who read or changed which personal data, when, and why."""

    # PROTECT, not SET_NULL: nulling the actor would be an UPDATE, which the trigger refuses.
    # People are erased (anonymised), never deleted, so their audit rows stay valid.
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="+"
    )
    action = models.CharField(max_length=40)  # e.g. "read_contact", "sanction"
    subject_type = models.CharField(max_length=60)
    subject_id = models.CharField(max_length=40)
    detail = models.CharField(max_length=300, blank=True)
    reason = models.CharField(max_length=300, blank=True)
    # The police zone whose admin reads this row; derived from the subject when not given.
    zone = models.ForeignKey(
        "organisation.PoliceZone", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)

    objects = AuditQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name_plural = "audit entries"
        indexes = [models.Index(fields=["zone", "created_at"], name="audit_zone_time")]

    def __str__(self):
        return f"{self.created_at:%Y-%m-%d %H:%M} {self.actor_id} {self.action} {self.subject_type}"

    def save(self, *args, **kwargs):
        if self.pk is not None and not self._state.adding:
            raise AppendOnlyError("the audit log is append-only: rows cannot be updated")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise AppendOnlyError("the audit log is append-only: rows cannot be deleted")


def zone_of(subject):
    """The police zone a subject belongs to, following the usual paths; None when it has none.

    Groups, neighbourhoods and municipalities know their zone; alerts, memberships and strikes
    reach it through their group, follow-ups through their alert. A person has no zone.
    """
    from buurtwacht.organisation.models import PoliceZone

    if isinstance(subject, PoliceZone):
        return subject
    for path in (
        "zone",
        "group.zone",
        "alert.group.zone",
        "municipality.zone",
        "message.group.zone",
    ):
        value = subject
        try:
            for part in path.split("."):
                value = getattr(value, part)
        except (AttributeError, models.ObjectDoesNotExist):
            continue
        if isinstance(value, PoliceZone):
            return value
    return None


def audit(
    *, actor, action: str, subject, detail: str = "", reason: str = "", zone=None
) -> AuditEntry:
    """Record one access or change; callers pass the model instance that was read.

    `reason` is what the reader gave ("case 2025/123"); `zone` defaults to the subject's zone.
    """
    return AuditEntry.objects.create(
        actor=actor if getattr(actor, "pk", None) else None,
        action=action,
        subject_type=subject._meta.label,
        subject_id=str(subject.pk),
        detail=detail[:300],
        reason=reason[:300],
        zone=zone if zone is not None else zone_of(subject),
    )


class MembershipEnd(models.Model):
    """When a membership ended (status became "removed"): the grace period runs from here.

    Kept in the privacy app (filled by a signal on Membership) so that every path that ends a
    membership (coordinator, sanction, admin, erasure) starts the clock without knowing it.
    """

    membership = models.OneToOneField(
        "organisation.Membership", on_delete=models.CASCADE, related_name="ended"
    )
    ended_at = models.DateTimeField(db_index=True)


class Erasure(models.Model):
    """That an account was erased, and when: the marker that makes erasure idempotent and lets
    pages say "a former member". It holds nothing about the person."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="erasure"
    )
    erased_at = models.DateTimeField()
    automatic = models.BooleanField(default=False)  # by the retention job (left the group)
