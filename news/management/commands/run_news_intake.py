from django.core.management.base import BaseCommand, CommandError
from django.db.models import Q

from news.intake import service
from news.models import IntakeSource


class Command(BaseCommand):
    help = "Fetch member websites' news into the intake queue and make drafts for moderation."

    def add_arguments(self, parser):
        parser.add_argument("--source", help="only this source (its id or name)")
        parser.add_argument("--url", help="import this one article page")

    def handle(self, *args, source=None, url=None, **options):
        sources = None
        if source:
            lookup = Q(name=source) | (Q(pk=source) if source.isdigit() else Q())
            sources = list(IntakeSource.objects.filter(lookup))
            if not sources:
                raise CommandError(f"No source {source!r}.")
        if url:
            item = service.import_url(url, source=sources[0] if sources else None)
            self.stdout.write(
                f"{item.get_status_display()}: {item.title or item.url} {item.reason}"
            )
            return
        totals = service.run(sources)
        summary = ", ".join(f"{status}: {count}" for status, count in sorted(totals.items()))
        self.stdout.write(f"Intake done. {summary or 'nothing new'}")
