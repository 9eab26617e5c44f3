"""`buurtwacht worker`: the background worker (django-tasks' database worker), a delivery
sweep and a heartbeat.

The sweep is what makes delivery survive a restart: whatever the task queue holds, every
`--sweep` seconds the worker sends all due deliveries, puts back claims of workers that died
(lease expired) and picks up scheduled retries. The heartbeat lets /healthz tell an operator
that alerts are actually being delivered.
"""

import logging
import os
import signal
import socket
import threading
import time

from django.conf import settings
from django.core.management.base import BaseCommand
from django.db import close_old_connections
from django.utils import timezone
from django.utils.module_loading import import_string
from django_tasks_db.management.commands.db_worker import Worker

from buurtwacht.delivery import sending
from buurtwacht.delivery.models import WorkerHeartbeat

HEARTBEAT_SECONDS = 5
SHUTDOWN_GRACE_SECONDS = 30  # > the SMTP timeout: one send may still be on the wire
logger = logging.getLogger(__name__)


def beat(worker_id: str) -> None:
    WorkerHeartbeat.objects.update_or_create(
        worker_id=worker_id, defaults={"beat_at": timezone.now()}
    )


def _heartbeat_loop(worker_id: str, stop: threading.Event) -> None:
    """Beat, and run the periodic jobs (settings.PERIODIC_JOBS) when they are due."""
    last_run: dict[str, float] = {}
    while not stop.is_set():
        try:
            beat(worker_id)
            run_due_jobs(last_run)
        except Exception:
            logger.exception("heartbeat or periodic job failed")
        finally:
            close_old_connections()
        stop.wait(HEARTBEAT_SECONDS)


def run_due_jobs(last_run: dict[str, float], now: float | None = None) -> list[str]:
    """Jobs such as auto-closing stale alerts: enforced by the worker, not by hope."""
    now = time.monotonic() if now is None else now
    ran = []
    for path, every_seconds in settings.PERIODIC_JOBS:
        if now - last_run.get(path, -every_seconds) >= every_seconds:
            import_string(path)()
            last_run[path] = now
            ran.append(path)
    return ran


def _sweep_loop(worker_id: str, interval: float, stop: threading.Event) -> None:
    """Send what is due, forever; an error is logged and retried on the next round."""
    while not stop.is_set():
        try:
            sending.send_pending(worker_id=worker_id, stop=stop)
        except Exception:
            logger.exception("delivery sweep failed; retrying in %ss", interval)
        finally:
            close_old_connections()
        stop.wait(interval)


def _stop_senders_on_signal(worker: Worker) -> None:
    """Before django-tasks' own handling: tell running senders to stop after the current send,
    so the task or sweep that holds the send lock does not finish a whole fan-out first."""

    def handler(signum, frame):
        sending.shutdown.set()
        worker.shutdown(signum, frame)

    for sig in (signal.SIGINT, signal.SIGTERM):
        signal.signal(sig, handler)


class Command(BaseCommand):
    help = "Run the background worker (task queue + delivery sweep) with a heartbeat."

    def add_arguments(self, parser):
        parser.add_argument("--interval", type=float, default=0.2)
        parser.add_argument(
            "--sweep",
            type=float,
            default=getattr(settings, "DELIVERY_SWEEP_SECONDS", 2.0),
            help="seconds between delivery sweeps (resume after restart, retries)",
        )

    def handle(self, *args, **options):
        worker_id = f"{socket.gethostname()}-{os.getpid()}"[:64]
        stop = threading.Event()
        threading.Thread(target=_heartbeat_loop, args=(worker_id, stop), daemon=True).start()
        sweep = threading.Thread(
            target=_sweep_loop, args=(worker_id, options["sweep"], stop), daemon=True
        )
        sweep.start()
        worker = Worker(
            queue_names=["*"],
            interval=options["interval"],
            batch=False,
            backend_name="default",
            startup_delay=False,
            max_tasks=None,
            worker_id=worker_id,
            excluded_queue_names=[],
        )
        worker.configure_signals()
        _stop_senders_on_signal(worker)
        try:
            worker.run()
        finally:
            # SIGTERM/SIGINT: let the sweep finish the delivery on the wire and hand back the
            # rest of its claim, so a graceful stop leaves nothing in doubt.
            stop.set()
            sweep.join(timeout=SHUTDOWN_GRACE_SECONDS)
