"""Alert.week, the Brussels Monday of created_at, and the indexes reports read alerts and
their acknowledgement events by.

Added nullable, backfilled from created_at in batches (the same rule as saving does:
alerts.models.monday_of), then made required.
"""

from datetime import timedelta

from django.db import migrations, models
from django.utils import timezone

import buurtwacht.alerts.models

BATCH = 2000


def backfill(apps, schema_editor):
    """Set the week of every stored alert from its created_at."""
    Alert = apps.get_model("alerts", "Alert")
    last = 0
    while True:
        rows = list(
            Alert.objects.filter(pk__gt=last).order_by("pk").values_list("pk", "created_at")[:BATCH]
        )
        if not rows:
            return
        changed = []
        for pk, created in rows:
            day = timezone.localtime(created).date()
            changed.append(Alert(pk=pk, week=day - timedelta(days=day.weekday())))
        Alert.objects.bulk_update(changed, ["week"])
        last = rows[-1][0]


class Migration(migrations.Migration):
    dependencies = [("alerts", "0001_initial")]

    operations = [
        migrations.AddField(
            model_name="alert",
            name="week",
            field=models.DateField(editable=False, null=True),
        ),
        migrations.RunPython(backfill, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="alert",
            name="week",
            field=buurtwacht.alerts.models.WeekField(
                editable=False, help_text="Brussels week (Monday) of created_at"
            ),
        ),
        migrations.AddIndex(
            model_name="alert",
            index=models.Index(
                fields=[
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
                ],
                name="alert_report",
            ),
        ),
        migrations.AddIndex(
            model_name="alertevent",
            index=models.Index(fields=["alert", "kind", "at"], name="alertevent_kind_at"),
        ),
    ]
