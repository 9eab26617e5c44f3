"""GET /healthz: is the database reachable, are migrations applied, is the worker alive?"""

from django.db import DEFAULT_DB_ALIAS, connections
from django.db.migrations.executor import MigrationExecutor
from django.http import JsonResponse
from django.utils import timezone

WORKER_STALE_SECONDS = 60
# Channel states that are no problem: working, deliberately off, or the development log.
FINE = ("ok", "not configured", "log only")


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
    report["channels"] = _channels()
    degraded = any(not s.startswith(FINE) for s in report["channels"].values())
    report["status"] = "error" if status != 200 else "degraded" if degraded else "ok"
    return JsonResponse(report, status=status)


def _channels() -> dict[str, str]:
    """Each channel's own word: ok, not configured, or what stops it (a paused WhatsApp
    number, a refused token). A channel problem degrades but does not fail the health check:
    the web and the other channels still serve, and members fall back to them."""
    from buurtwacht.delivery.channels import registry

    report = {}
    for channel in registry.all_channels():
        try:
            report[channel.name] = channel.status()
        except Exception as exc:  # noqa: BLE001
            report[channel.name] = f"error: {exc.__class__.__name__}"
    return report
