from django.core.management.base import BaseCommand, CommandError
from django.db.models import Q

from news.intake import service, tasks
from news.models import IntakeSource

Outcome = service.Outcome
FRESH = (Outcome.QUEUED, Outcome.IMPORTED, Outcome.CHANGED, Outcome.FAILED, "source failed")


class Command(BaseCommand):
    help = "Fetch member websites' news into the intake queue and make drafts for moderation."

    def add_arguments(self, parser):
        parser.add_argument("--source", help="only this source (its id or name)")
        parser.add_argument("--url", help="import this one article page")
        parser.add_argument(
            "--enqueue",
            action="store_true",
            help="put the run on the task queue (for `manage.py db_worker`) instead of running it",
        )

    def handle(self, *args, source=None, url=None, enqueue=False, **options):
        sources = None
        if source:
            lookup = Q(name=source) | (Q(pk=source) if source.isdigit() else Q())
            sources = list(IntakeSource.objects.filter(lookup))
            if not sources:
                raise CommandError(f"No source {source!r}.")
        if enqueue:
            if url:
                result = tasks.import_article.enqueue(url, sources[0].pk if sources else None)
            else:
                result = tasks.read_sources.enqueue([s.pk for s in sources] if sources else None)
            self.stdout.write(f"Enqueued: task {result.id}")
            return
        if url:
            item = service.import_url(url, source=sources[0] if sources else None)
            self.stdout.write(f"{item.outcome}: {item.title or item.url} {item.reason}".strip())
            return
        totals = service.run(sources)
        fresh = {outcome: totals[outcome] for outcome in FRESH if totals[outcome]}
        summary = ", ".join(f"{outcome}: {count}" for outcome, count in fresh.items())
        self.stdout.write(f"Intake done. {summary or 'Nothing new.'}")
