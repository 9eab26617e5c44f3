"""`buurtwacht import-neighbourhoods FILE`: Statbel-style sectors as neighbourhoods."""

from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from buurtwacht.organisation.boundaries import ImportRefused, import_neighbourhoods


class Command(BaseCommand):
    help = "Import neighbourhood boundaries from a GeoJSON FeatureCollection (all or nothing)."

    def add_arguments(self, parser):
        parser.add_argument("file")

    def handle(self, *args, file, **options):
        with tqdm(desc="neighbourhoods", unit="sector", file=self.stderr._out) as bar:
            try:
                result = import_neighbourhoods(file, progress=bar.update)
            except ImportRefused as exc:
                raise CommandError(
                    "Nothing was imported:\n" + "\n".join(f"  - {e}" for e in exc.errors)
                ) from exc
        self.stdout.write(
            f"Imported {result.created} new and {result.updated} updated neighbourhoods."
        )
