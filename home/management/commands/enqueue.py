import json

from django.core.management.base import BaseCommand, CommandError
from django.utils.module_loading import import_string

from django_tasks.base import Task


class Command(BaseCommand):
    help = (
        "Enqueue a task for the worker, e.g. `enqueue news.tasks.send_news_digest "
        "--kwargs '{\"days\": 7}'`; the scheduler runs only this."
    )

    def add_arguments(self, parser):
        parser.add_argument("task", help="dotted path of the task")
        parser.add_argument("--kwargs", default="{}", help="keyword arguments as JSON")

    def handle(self, *args, task, kwargs, **options):
        try:
            found = import_string(task)
        except ImportError as error:
            raise CommandError(f"No task {task}: {error}") from error
        if not isinstance(found, Task):
            raise CommandError(f"{task} is not a task")
        result = found.enqueue(**json.loads(kwargs))
        self.stdout.write(f"Enqueued {task}: {result.id}")
