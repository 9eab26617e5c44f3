"""`buurtwacht purge [--dry-run]`: apply the retention rules now and print what went."""

from django.core.management.base import BaseCommand
from django.utils import translation

from buurtwacht.privacy import retention


class Command(BaseCommand):
    help = "Delete rows past their protocol's retention (and erase leavers); --dry-run counts."

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run", action="store_true", help="count what would go; delete nothing"
        )
        parser.add_argument("--batch-size", type=int, default=retention.BATCH_SIZE)

    def handle(self, *args, dry_run=False, batch_size=retention.BATCH_SIZE, **options):
        with translation.override("en"):  # an operator's table, one language
            self._run(dry_run, batch_size)

    def _run(self, dry_run, batch_size):
        results = retention.purge(dry_run=dry_run, batch_size=batch_size)
        heading = "would delete" if dry_run else "deleted"
        width = max(len(r.name) for r in results)
        self.stdout.write(f"{'rule':<{width}}  {heading:>12}  what")
        for r in results:
            self.stdout.write(f"{r.name:<{width}}  {r.count:>12}  {r.description}")
        total = sum(r.count for r in results)
        self.stdout.write(f"{'total':<{width}}  {total:>12}")
        if dry_run:
            self.stdout.write("dry run: nothing was deleted")
