from django.core.management.base import BaseCommand

from news.reads import aggregate


class Command(BaseCommand):
    help = "Copy today's and yesterday's article read counters from the cache into the database."

    def add_arguments(self, parser):
        parser.add_argument("--days", type=int, default=2, help="days of counters to copy")

    def handle(self, *args, days, **options):
        written = aggregate(days)
        self.stdout.write(f"Daily read counts written: {written}")
