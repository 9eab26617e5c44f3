"""Aggregated, anonymous counts that outlive the rows they were made from.

The retention job folds every alert, held message and strike into these tables in the same
transaction that deletes it, so a report can always be made from "what is still stored" plus
"what was folded": `buurtwacht.reports.counts.alert_buckets` computes the very same buckets for
live rows. Nothing here says who wrote what, or where exactly: the finest place is the
neighbourhood, the finest time the ISO week (its Monday).
"""

from django.db import models


class _Bucket(models.Model):
    group = models.ForeignKey("organisation.Group", on_delete=models.CASCADE, related_name="+")
    # Denormalised so that a municipality's or a zone's report needs no join through groups.
    neighbourhood = models.ForeignKey(
        "organisation.Neighbourhood", on_delete=models.CASCADE, related_name="+"
    )
    municipality = models.ForeignKey(
        "organisation.Municipality", on_delete=models.CASCADE, related_name="+"
    )
    zone = models.ForeignKey("organisation.PoliceZone", on_delete=models.CASCADE, related_name="+")
    week = models.DateField(help_text="Monday of the ISO week the row was created in")
    count = models.PositiveIntegerField(default=0)

    class Meta:
        abstract = True


#: The columns a report reads from AlertCount, besides the scope and the week.
REPORT_COLUMNS = (
    "group",
    "neighbourhood",
    "category",
    "status",
    "outcome",
    "call_confirmed",
    "count",
)


class AlertCount(_Bucket):
    """Alerts per group, week, category, final status, outcome, verdict and call-first."""

    category = models.CharField(max_length=24)
    status = models.CharField(max_length=10)  # held, open, closed, rejected, published
    outcome = models.CharField(max_length=16, blank=True)  # empty while not closed
    verdict = models.CharField(max_length=5)  # allow, hold (block never becomes an alert)
    emergency = models.BooleanField()  # 112 (danger now) rather than 101
    call_confirmed = models.BooleanField()  # a call number and time, or "police called" text
    follow_ups = models.PositiveIntegerField(default=0)
    # Averages are sums over counts: time to close, and to the first police acknowledgement.
    closed_count = models.PositiveIntegerField(default=0)
    close_seconds_sum = models.BigIntegerField(default=0)
    acknowledged_count = models.PositiveIntegerField(default=0)
    ack_seconds_sum = models.BigIntegerField(default=0)

    KEY = ("category", "status", "outcome", "verdict", "emergency", "call_confirmed")

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=[
                    "group",
                    "week",
                    "category",
                    "status",
                    "outcome",
                    "verdict",
                    "emergency",
                    "call_confirmed",
                ],
                name="one_alert_count_per_bucket",
            )
        ]
        # Covering: a zone's or a municipality's report reads these indexes only, never the
        # table (a two-year zone has some 50,000 rows; SQLite fetched each from the table).
        indexes = [
            models.Index(fields=["zone", "week", *REPORT_COLUMNS], name="alertcount_zone_cover"),
            models.Index(
                fields=["municipality", "week", *REPORT_COLUMNS], name="alertcount_muni_cover"
            ),
        ]


class ScreeningCount(_Bucket):
    """Messages held or blocked, per finding: one message with two findings counts under each.

    `source` says what was held: an alert, a follow-up, or a blocked message (a strike).
    """

    source = models.CharField(max_length=12)  # alert, follow_up, strike
    action = models.CharField(max_length=8)  # held, blocked
    finding = models.CharField(max_length=24)  # "" for a message held without a finding

    KEY = ("source", "action", "finding")

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["group", "week", "source", "action", "finding"],
                name="one_screening_count_per_bucket",
            )
        ]
        indexes = [models.Index(fields=["zone", "week"], name="screencount_zone_week")]


class DurationCount(_Bucket):
    """How many alerts took `minutes` whole minutes for one step: a histogram per group-week.

    Sums (AlertCount) give averages; medians and the 90th percentile need the distribution,
    and minutes keep it exact at the resolution a report shows without keeping one row per
    alert's exact time. `metric`: call (the 101/112 call to the alert), ack (the alert to the
    first police acknowledgement), close (the alert to its closing).
    """

    metric = models.CharField(max_length=8)
    minutes = models.PositiveIntegerField()

    KEY = ("metric", "minutes")

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["group", "week", "metric", "minutes"], name="one_duration_per_bucket"
            )
        ]
        # Covering, as AlertCount's: the histogram of a zone is read from the index alone.
        indexes = [
            models.Index(
                fields=["zone", "week", "metric", "minutes", "count"], name="duration_zone_cover"
            ),
            models.Index(
                fields=["municipality", "week", "metric", "minutes", "count"],
                name="duration_muni_cover",
            ),
        ]


class NeighbourhoodStats(models.Model):
    """Households per neighbourhood, for "alerts per 1,000 households" on the map.

    Kept here rather than on organisation.Neighbourhood: only reports need it, and a
    neighbourhood without a row simply has no rate (the map shows it uncoloured).
    """

    neighbourhood = models.OneToOneField(
        "organisation.Neighbourhood", on_delete=models.CASCADE, related_name="stats"
    )
    households = models.PositiveIntegerField()
    source = models.CharField(max_length=120, blank=True, help_text="e.g. Statbel 2024")

    class Meta:
        verbose_name_plural = "neighbourhood stats"
