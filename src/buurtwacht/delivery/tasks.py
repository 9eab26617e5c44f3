"""Background tasks (django-tasks, database backend): publish enqueues one per message."""

from django_tasks import task

from .sending import send_pending


@task()
def send_pending_task() -> int:
    """Send everything due. Duplicated wake-ups are harmless: claims never overlap."""
    return send_pending(worker_id="task")
