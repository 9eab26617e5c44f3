"""`buurtwacht runserver [HOST:PORT]`: serve the ASGI application with uvicorn."""

import uvicorn
from django.core.management.base import BaseCommand


def split_address(address: str) -> tuple[str, int]:
    host, _, port = address.rpartition(":")
    return (host or "127.0.0.1", int(port))


class Command(BaseCommand):
    help = "Serve Buurtwacht over HTTP (uvicorn, ASGI) at HOST:PORT (default 127.0.0.1:8000)."

    def add_arguments(self, parser):
        parser.add_argument("address", nargs="?", default="127.0.0.1:8000")
        parser.add_argument("--workers", type=int, default=1)

    def handle(self, *args, address, workers, **options):
        host, port = split_address(address)
        uvicorn.run(
            "buurtwacht.asgi:application",
            host=host,
            port=port,
            workers=workers,
            log_level="warning",
            timeout_graceful_shutdown=2,
            lifespan="off",
        )
