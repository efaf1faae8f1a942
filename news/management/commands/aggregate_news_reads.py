from django.core.cache import caches
from django.core.cache.backends.dummy import DummyCache
from django.core.cache.backends.locmem import LocMemCache
from django.core.management.base import BaseCommand

from news.reader.reads import aggregate


class Command(BaseCommand):
    help = "Copy today's and yesterday's article read counters from the cache into the database."

    def add_arguments(self, parser):
        parser.add_argument("--days", type=int, default=2, help="days of counters to copy")

    def handle(self, *args, days, **options):
        if isinstance(caches["default"], LocMemCache | DummyCache):
            # The web server's counters live in its own memory; this process starts empty.
            self.stderr.write(
                "The cache is local to each process (REDIS_URL is not set): the views the "
                "web server counted are not visible here, so nothing can be copied."
            )
        written = aggregate(days)
        self.stdout.write(f"Daily read counts written: {written}")
