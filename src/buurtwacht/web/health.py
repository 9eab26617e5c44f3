"""GET /healthz: is the database reachable, are migrations applied, is the worker alive?"""

from django.db import DEFAULT_DB_ALIAS, connections
from django.db.migrations.executor import MigrationExecutor
from django.http import JsonResponse
from django.utils import timezone

WORKER_STALE_SECONDS = 60


def healthz(request):
    from buurtwacht.delivery.models import WorkerHeartbeat

    report = {"database": "ok", "migrations": "ok", "worker_heartbeat_age_s": None}
    status = 200
    try:
        connection = connections[DEFAULT_DB_ALIAS]
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
        executor = MigrationExecutor(connection)
        pending = executor.migration_plan(executor.loader.graph.leaf_nodes())
        if pending:
            report["migrations"] = f"{len(pending)} pending"
            status = 503
        last = WorkerHeartbeat.objects.order_by("-beat_at").values_list("beat_at", flat=True)
        if pending == [] and last:
            report["worker_heartbeat_age_s"] = round((timezone.now() - last[0]).total_seconds(), 1)
    except Exception as exc:  # noqa: BLE001 - health must answer, whatever broke
        report["database"] = f"error: {exc.__class__.__name__}"
        status = 503
    age = report["worker_heartbeat_age_s"]
    report["worker"] = "ok" if age is not None and age < WORKER_STALE_SECONDS else "stale"
    report["status"] = "ok" if status == 200 else "error"
    return JsonResponse(report, status=status)
