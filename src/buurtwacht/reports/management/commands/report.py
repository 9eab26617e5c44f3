"""`buurtwacht report --municipality NIS --month YYYY-MM --lang nl|fr|de|en --out FILE.pdf`."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from buurtwacht.organisation.models import Municipality
from buurtwacht.reports.pdf import LANGS, month_period, render_pdf


class Command(BaseCommand):
    help = "Write the monthly PDF report of a municipality."

    def add_arguments(self, parser):
        parser.add_argument("--municipality", required=True, help="NIS code, e.g. 71022")
        parser.add_argument("--month", required=True, help="YYYY-MM")
        parser.add_argument("--lang", default="nl", choices=LANGS)
        parser.add_argument("--out", required=True, help="the PDF file to write")

    def handle(self, *args, municipality, month, lang, out, **options):
        muni = Municipality.objects.filter(nis_code=municipality).first()
        if muni is None:
            raise CommandError(f"no municipality with NIS code {municipality}")
        try:
            month_period(month)
        except ValueError as error:
            raise CommandError(f"--month must be YYYY-MM, not {month!r}") from error
        data = render_pdf(muni, month, lang)
        Path(out).write_bytes(data)
        self.stdout.write(f"{out}: {len(data)} bytes, {muni.name}, {month}, {lang}")
