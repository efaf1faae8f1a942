from django.conf import settings
from django.core.management.base import BaseCommand
from django.db import transaction

from home.demo.loader import content_file, load_app
from home.demo.media import redraw_earlier_pictures


class Command(BaseCommand):
    help = "Create or complete the demo site; safe to run again (nothing is duplicated)."

    def handle(self, *args, **options):
        redraw_earlier_pictures()
        # Each app owns its demo content in `<app>/demo/content.yaml` (and app-specific steps in
        # `<app>/demo/hooks.py`); finding them by app keeps home/ free of imports from the apps
        # built on top of it.
        for app in settings.LOCAL_APPS:
            if not content_file(app).exists():
                continue
            self.stdout.write(f"{app}:")
            with transaction.atomic():
                load_app(app, self)
        self.stdout.write(self.style.SUCCESS("Demo content is ready."))

    def progress(self, message):
        self.stdout.write(f"  {message}")
