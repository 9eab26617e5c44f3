"""`buurtwacht worker`: the background worker (django-tasks' database worker) plus a heartbeat.

The heartbeat lets /healthz tell an operator that alerts are actually being delivered.
"""

import os
import socket
import threading

from django.core.management.base import BaseCommand
from django.db import close_old_connections
from django.utils import timezone
from django_tasks_db.management.commands.db_worker import Worker

from buurtwacht.delivery.models import WorkerHeartbeat

HEARTBEAT_SECONDS = 5


def beat(worker_id: str) -> None:
    WorkerHeartbeat.objects.update_or_create(
        worker_id=worker_id, defaults={"beat_at": timezone.now()}
    )


def _heartbeat_loop(worker_id: str, stop: threading.Event) -> None:
    while not stop.is_set():
        try:
            beat(worker_id)
        finally:
            close_old_connections()
        stop.wait(HEARTBEAT_SECONDS)


class Command(BaseCommand):
    help = "Run the background worker (task queue) with a heartbeat for /healthz."

    def add_arguments(self, parser):
        parser.add_argument("--interval", type=float, default=0.2)

    def handle(self, *args, **options):
        worker_id = f"{socket.gethostname()}-{os.getpid()}"[:64]
        stop = threading.Event()
        threading.Thread(target=_heartbeat_loop, args=(worker_id, stop), daemon=True).start()
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
        try:
            worker.run()
        finally:
            stop.set()
