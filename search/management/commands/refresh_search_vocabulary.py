from django.core.management.base import BaseCommand

from search.searching import refresh_vocabulary


class Command(BaseCommand):
    help = "Rebuild the word list behind search suggestions (PostgreSQL; run after imports)."

    def handle(self, *args, **options):
        refresh_vocabulary()
        self.stdout.write("Search vocabulary refreshed.")
