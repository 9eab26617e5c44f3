"""Alerts, their follow-ups, their history (events) and the strikes that blocked messages give.

An alert's history is its events: every state change writes an AlertEvent row with who and
when. The members' copy (masked) and the original (police only) are stored side by side so
that nobody has to re-derive what members were shown.
"""

from datetime import date, datetime, timedelta

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from buurtwacht.organisation.models import Group


class Category(models.TextChoices):
    BURGLARY = "burglary", _("Burglary")
    SUSPICIOUS_PERSON = "suspicious_person", _("Suspicious person")
    SUSPICIOUS_VEHICLE = "suspicious_vehicle", _("Suspicious vehicle")
    THEFT = "theft", _("Theft")
    VANDALISM = "vandalism", _("Vandalism")
    SCAM = "scam", _("Scam")
    MISSING_PERSON = "missing_person", _("Missing person")
    FIRE = "fire", _("Fire")
    VIOLENCE = "violence", _("Violence")
    OTHER = "other", _("Other")


class Outcome(models.TextChoices):
    FALSE_ALARM = "false_alarm", _("False alarm")
    POLICE_HANDLED = "police_handled", _("Police handled it")
    SUSPECT_CAUGHT = "suspect_caught", _("Suspect caught")
    UNRESOLVED = "unresolved", _("Unresolved")


class Status(models.TextChoices):
    HELD = "held", _("Held for the coordinator")
    OPEN = "open", _("Open")
    CLOSED = "closed", _("Closed")
    REJECTED = "rejected", _("Rejected")
    PUBLISHED = "published", _("Published")


def monday_of(moment: datetime) -> date:
    """Monday of the week of `moment` in the service's time zone (Brussels): the week a report
    counts an alert in, and the week the retention fold files it under (reports.counts)."""
    day = timezone.localtime(moment).date()
    return day - timedelta(days=day.weekday())


class WeekField(models.DateField):
    """The Brussels week (its Monday) of the row's created_at, set whenever the row is written.

    Reports group stored alerts by week; SQLite has no time-zone rules, and computing the week
    per row in SQL cost more than the rest of the query. `pre_save` runs on save() and on
    bulk_create(), after created_at's own (the field is declared after it);
    AlertQuerySet.update() keeps it right when created_at is moved (demo data, tests).
    """

    def pre_save(self, model_instance, add):
        created = model_instance.created_at
        value = monday_of(created) if created else None
        setattr(model_instance, self.attname, value)
        return value


class AlertQuerySet(models.QuerySet):
    def update(self, **kwargs):
        """An update that moves created_at moves the stored week with it."""
        created = kwargs.get("created_at")
        if created is None or "week" in kwargs:
            return super().update(**kwargs)
        if isinstance(created, datetime):
            return super().update(**kwargs, week=monday_of(created))
        pks = list(self.values_list("pk", flat=True))  # an expression: recompute per row
        count = super().update(**kwargs)
        moved = self.model.objects.filter(pk__in=pks).values_list("pk", "created_at")
        for pk, moment in moved:
            super(AlertQuerySet, self.model.objects.filter(pk=pk)).update(week=monday_of(moment))
        return count


#: The columns reports read from stored alerts, in the order of their index.
REPORT_COLUMNS = [
    "group",
    "week",
    "category",
    "status",
    "outcome",
    "verdict",
    "called_number",
    "created_at",
    "called_at",
    "closed_at",
    "author",
]


class Alert(models.Model):
    group = models.ForeignKey(Group, on_delete=models.CASCADE, related_name="alerts")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="alerts"
    )
    category = models.CharField(max_length=24, choices=Category.choices)
    status = models.CharField(max_length=10, choices=Status.choices)
    lang = models.CharField(max_length=2, default="nl")
    # SAAR: the police call comes first; its number and time are shown on the alert.
    emergency = models.BooleanField(default=False)
    called_number = models.CharField(max_length=20)
    called_at = models.DateTimeField()
    # The structured alert, as the sender wrote it (police contact sees this).
    what = models.TextField()
    place = models.CharField(max_length=200)
    lon = models.FloatField(null=True, blank=True)
    lat = models.FloatField(null=True, blank=True)
    occurred_at = models.DateTimeField()
    description = models.TextField(blank=True)
    direction = models.CharField(max_length=200, blank=True)
    # Screening: findings, verdict and the masked members' copy of every free-text field.
    findings = models.JSONField(default=list)
    verdict = models.CharField(max_length=5)
    reasons = models.JSONField(default=list)
    members_copy = models.JSONField(default=dict)
    police_only = models.JSONField(default=dict)  # plates, third-party data, attachments
    moderation_note = models.TextField(blank=True)  # reason given to the sender on reject
    outcome = models.CharField(max_length=16, choices=Outcome.choices, blank=True)
    closed_at = models.DateTimeField(null=True, blank=True)
    case_reference = models.CharField(max_length=40, blank=True)  # police: exempt from purge
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)
    published_at = models.DateTimeField(null=True, blank=True)
    week = WeekField(editable=False, help_text="Brussels week (Monday) of created_at")

    objects = AlertQuerySet.as_manager()

    class Meta:
        indexes = [
            models.Index(fields=["group", "status", "created_at"]),
            # Reports (reports.data) read stored alerts by group and week; every column they
            # need is in the index, so SQLite scans the index, not the (wider) table.
            models.Index(fields=REPORT_COLUMNS, name="alert_report"),
        ]
        ordering = ["-created_at"]

    def __str__(self):
        return f"#{self.pk} {self.category} ({self.status})"


class FollowUp(models.Model):
    """An additional observation under an open alert (not a reaction or thanks)."""

    alert = models.ForeignKey(Alert, on_delete=models.CASCADE, related_name="follow_ups")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    text = models.TextField()
    members_text = models.TextField()
    findings = models.JSONField(default=list)
    verdict = models.CharField(max_length=5)
    reasons = models.JSONField(default=list)
    status = models.CharField(max_length=10, choices=Status.choices)
    moderation_note = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at"]


class AlertEvent(models.Model):
    """One state change of an alert: the alert's history is the list of these."""

    alert = models.ForeignKey(Alert, on_delete=models.CASCADE, related_name="events")
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    kind = models.CharField(max_length=24)
    detail = models.JSONField(default=dict)
    at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["at", "id"]
        # Reports find an alert's first acknowledgement (kind, at) without reading the rows.
        indexes = [models.Index(fields=["alert", "kind", "at"], name="alertevent_kind_at")]


class Strike(models.Model):
    """A blocked message counts as a strike; at the protocol's limit posting is suspended.

    The blocked text itself is kept here for the coordinator, who must be informed of it.
    """

    group = models.ForeignKey(Group, on_delete=models.CASCADE, related_name="strikes")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="strikes"
    )
    findings = models.JSONField(default=list)
    reasons = models.JSONField(default=list)
    text = models.TextField()
    created_at = models.DateTimeField(auto_now_add=True)
