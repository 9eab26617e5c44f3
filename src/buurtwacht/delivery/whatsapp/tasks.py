"""The worker's half of the webhook: process what /webhooks/whatsapp stored."""

from django_tasks import task


@task()
def process_inbound_task() -> int:
    from .inbound import process_pending

    return process_pending(worker_id="task")
