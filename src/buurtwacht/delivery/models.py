"""Delivery state: the worker's heartbeat (outbox rows follow with the alert flow)."""

from django.db import models


class WorkerHeartbeat(models.Model):
    """One row per worker process, touched every few seconds; /healthz reports its age."""

    worker_id = models.CharField(max_length=64, unique=True)
    beat_at = models.DateTimeField()
