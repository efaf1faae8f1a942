from django.core.management.base import BaseCommand

from search.searching import refresh_vocabulary


class Command(BaseCommand):
    help = (
        "Rebuild the word list behind search suggestions from the search index (PostgreSQL). "
        "The compose scheduler runs it every 15 minutes; run it at once after bulk imports."
    )

    def handle(self, *args, **options):
        if refresh_vocabulary():
            self.stdout.write("Search vocabulary refreshed.")
        else:
            self.stdout.write(
                "No word list to rebuild on this database (PostgreSQL only): SQLite's "
                "suggestions read the words of its index as they are."
            )
