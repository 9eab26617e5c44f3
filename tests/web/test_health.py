"""GET /healthz reports database, migrations and the worker heartbeat."""

from datetime import timedelta

from django.utils import timezone

from buurtwacht.delivery.management.commands.worker import beat
from buurtwacht.delivery.models import WorkerHeartbeat


def test_healthy_database_without_worker_reports_stale_worker(db, client):
    body = client.get("/healthz").json()
    assert body["database"] == "ok" and body["migrations"] == "ok"
    assert body["worker"] == "stale" and body["worker_heartbeat_age_s"] is None


def test_worker_heartbeat_age_is_reported(db, client):
    beat("test-worker")
    body = client.get("/healthz").json()
    assert body["worker"] == "ok" and 0 <= body["worker_heartbeat_age_s"] < 5
    WorkerHeartbeat.objects.update(beat_at=timezone.now() - timedelta(minutes=5))
    body = client.get("/healthz").json()
    assert body["worker"] == "stale" and body["worker_heartbeat_age_s"] >= 300


def test_openapi_docs_are_served(db, client):
    assert client.get("/api/docs").status_code == 200
    assert client.get("/api/openapi.json").json()["info"]["title"] == "Buurtwacht API"
